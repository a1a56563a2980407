/** Pins the engine's public exports (src/briefing/index.ts). */
import { expect, it } from "vitest";
import * as briefing from "../../src/engine/index.js";

it("exports the briefing engine's API", () => {
  expect(Object.keys(briefing).sort()).toEqual([
    "BRIEFING_SCHEMA_VERSION",
    "MAX_LISTED_SOURCES",
    "OUTLINE_FILE",
    "analyse",
    "briefingToJson",
    "citeToPandoc",
    "citedSourceIds",
    "compileOutline",
    "listedSources",
    "loadOutline",
    "omittedSentence",
    "treeToMarkdown",
    "verifyCitation",
    "verifyTree",
  ]);
});
