/** Pins the public exports of the engine (src/engine/index.ts) and the outline (src/outline/index.ts). */
import { expect, it } from "vitest";
import * as engine from "../../src/engine/index.js";
import * as outline from "../../src/outline/index.js";

it("exports the briefing engine's API", () => {
  expect(Object.keys(engine).sort()).toEqual(["analyse", "findCopies", "startNlpThread"]);
});

it("exports the outline's API", () => {
  expect(Object.keys(outline).sort()).toEqual([
    "MAX_LISTED_SOURCES",
    "OUTLINE_FILE",
    "citedSourceIds",
    "compileOutline",
    "listedSources",
    "loadOutline",
    "omittedSentence",
    "verifyCitation",
    "verifyTree",
  ]);
});
