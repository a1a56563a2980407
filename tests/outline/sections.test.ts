// What the comparison sections promise: no heading with nothing under it, and a gap ("No source
// in this corpus addresses …") stated once, not again under "Comparison by dimension".
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBrief } from "../../src/pipeline/inspect.js";
import { analyse, compileOutline, treeToMarkdown } from "../engine/imports.js";

const ROOT = join(import.meta.dirname, "..", "..");

describe("no empty section", () => {
  it("a dimension whose every claim the matrix showed gets no heading under 'Comparison by dimension'", async () => {
    const corpus = await readBrief(join(ROOT, "corpus"));
    const b = analyse(corpus.sources, corpus.options.engine).briefing;
    const { tree } = compileOutline({
      briefing: b,
      sources: corpus.sources,
      outline: {
        path: "b.md",
        text: '::matrix\n\n::dimensions{title="Comparison by dimension"}\n',
      },
    });
    const nodes = tree.children;
    nodes.forEach((node, i) => {
      if (node.type !== "heading") return;
      const next = nodes[i + 1];
      // A heading is followed by content, or by a heading one level deeper (its subsection).
      expect(next, "a heading ends the briefing").toBeDefined();
      if (next?.type === "heading") expect(next.depth).toBeGreaterThan(node.depth);
    });
  }, 120_000);
});

describe("a section with nothing to show", () => {
  it("'Comparison by dimension' is left out when the matrix showed everything", async () => {
    const corpus = await readBrief(join(ROOT, "tests", "fixtures", "topic-html-parsers"));
    const b = analyse(corpus.sources, corpus.options.engine).briefing;
    const md = treeToMarkdown(
      compileOutline({
        briefing: b,
        sources: corpus.sources,
        outline: {
          path: "b.md",
          text: '::matrix\n\n::dimensions{title="Comparison by dimension"}\n\n::timeline\n',
        },
      }).tree,
    );
    expect(md).toContain("## Timeline");
    expect(md).not.toContain("Comparison by dimension");
  }, 120_000);
});

describe("a gap is stated once", () => {
  it("the matrix states it; the dimension sections do not repeat it", async () => {
    const corpus = await readBrief(join(ROOT, "tests", "fixtures", "handhelds-de"));
    const b = analyse(corpus.sources, corpus.options.engine).briefing;
    const gaps = b.matrix.filter((c) => c.gap);
    expect(gaps.length).toBeGreaterThan(0);
    const md = treeToMarkdown(
      compileOutline({
        briefing: b,
        sources: corpus.sources,
        outline: { path: "b.md", text: "::matrix\n\n::dimensions\n" },
      }).tree,
    );
    for (const g of gaps) {
      const said = md.split(`behandelt ${g.dimension} für ${g.subject}`).length - 1;
      expect(said, `${g.dimension} / ${g.subject}`).toBe(1);
    }
    // Without a matrix, the dimension sections do state it.
    const alone = treeToMarkdown(
      compileOutline({
        briefing: b,
        sources: corpus.sources,
        outline: { path: "b.md", text: "::dimensions\n" },
      }).tree,
    );
    for (const g of gaps) expect(alone).toContain(`behandelt ${g.dimension} für ${g.subject}`);
  }, 120_000);
});
