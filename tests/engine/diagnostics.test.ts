/** What the engine says about sources it cannot use. */
import { expect, it } from "vitest";
import { resolveOptions } from "../../src/brief/resolve.js";
import { BriefSpecSchema } from "../../src/brief/schema.js";
import { analyse } from "../../src/engine/index.js";
import { makeSource, natoCstoSample } from "./helpers.js";

it("warns, naming the file, about a source whose text yields no usable statement", () => {
  const { sources, spec } = natoCstoSample();
  const chatter = makeSource("chatter", [
    "# What do you think?",
    "Why would anyone care about NATO?",
    "I love writing about alliances, and you should subscribe!",
  ]);
  const { diagnostics } = analyse([...sources, chatter], spec);
  const warning = diagnostics.find((d) => d.ruleId === "briefing-source-no-statements");
  expect(warning).toMatchObject({ severity: "warning", file: chatter.file });
  expect(warning?.message).toMatch(/^chatter yields no usable statement/);
  // A source with statements is never reported so.
  const ok = analyse(sources, resolveOptions(BriefSpecSchema.parse({})).engine).diagnostics;
  expect(ok.some((d) => d.ruleId === "briefing-source-no-statements")).toBe(false);
});
