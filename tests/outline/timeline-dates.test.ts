// Issue #15: "a precise relative phrase … is resolved only against a dated source, and the
// resolved part is shown as such ('16 May [2022]')". The model kept the bracketed text, but the
// report and briefing.md printed the resolved date as if the source had written it ("May 16, 2022").
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../../src/brief/resolve.js";
import { BriefSpecSchema } from "../../src/brief/schema.js";
import { makeSource } from "../engine/helpers.js";
import { analyse, compileOutline, treeToMarkdown } from "../engine/imports.js";

describe("a date partly resolved against the source's date", () => {
  it("shows the resolved part bracketed in the timeline list and the chart's list", () => {
    const engine = resolveOptions(
      BriefSpecSchema.parse({
        subjects: [{ name: "NATO" }, { name: "CSTO" }],
        dimensions: [{ name: "Weight", terms: ["weapons"] }],
      }),
    ).engine;
    const sources = [
      makeSource(
        "k",
        [
          "On 16 May, the CSTO held a summit in Moscow that adopted no statement on Ukraine.",
          "The CSTO deployed troops to Kazakhstan in January 2022 at the request of its president.",
        ],
        { date: "2022-08-03" },
      ),
    ];
    const { briefing } = analyse(sources, engine);
    const resolved = briefing.timeline.filter((e) => e.dateText.includes("["));
    expect(resolved.length).toBeGreaterThan(0);
    for (const text of ["::timeline\n", '::chart{type="timeline"}\n']) {
      const md = treeToMarkdown(
        compileOutline({ briefing, sources, outline: { path: "b.md", text } }).tree,
      );
      for (const e of resolved) {
        // Markdown escapes the opening bracket.
        expect(md).toContain(`**${e.dateText.replace("[", "\\[")}**`);
      }
      expect(md).not.toMatch(/\*\*May 16, 2022\*\*/u);
    }
    // Dates the source wrote whole are formatted as before.
    expect(
      treeToMarkdown(
        compileOutline({ briefing, sources, outline: { path: "b.md", text: "::timeline\n" } }).tree,
      ),
    ).toContain("**January 2022**");
  });
});
