/**
 * The outline's remark plugins one by one: problems are vfile messages with a rule id, a place
 * and `source: "briefwright"`; author prose may use GFM tables; the directive registry.
 */
import type { Root } from "mdast";
import remarkDirective from "remark-directive";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { toDiagnostic } from "../../src/diagnostics/vfile.js";
import { DIRECTIVES } from "../../src/outline/directives/index.js";
import { remarkBriefwrightCitations } from "../../src/outline/plugins/citations.js";
import { remarkBriefwrightDirectives } from "../../src/outline/plugins/directives.js";
import { remarkBriefwrightFrontmatter } from "../../src/outline/plugins/frontmatter.js";
import { natoCstoSample } from "../engine/helpers.js";
import { analyse, type CiteNode, compileOutline, treeToMarkdown } from "../engine/imports.js";

const { sources, spec } = natoCstoSample();
const { briefing } = analyse(sources, spec);

function run(text: string) {
  const file = new VFile({ path: "corpus/briefing.md", value: text });
  const processor = unified()
    .use(remarkParse)
    .use(remarkDirective)
    .use(remarkBriefwrightFrontmatter)
    .use(remarkBriefwrightCitations, { sources })
    .use(remarkBriefwrightDirectives, { briefing });
  const tree = processor.parse(file);
  processor.runSync(tree, file);
  return { tree: tree as Root, file };
}

describe("remarkBriefwrightCitations", () => {
  it("records an unknown key as a fatal vfile message with rule id, place and hint", () => {
    const { file } = run("Text.\n\nAs argued [@nobody-2020, ¶3].\n");
    expect(file.messages).toHaveLength(1);
    const m = file.messages[0]!;
    expect(m).toMatchObject({
      reason: "unknown source key @nobody-2020",
      ruleId: "cite-unknown-key",
      source: "briefwright",
      fatal: true,
      file: "corpus/briefing.md",
      line: 3,
      column: 12,
    });
    expect(m.note).toContain("putz-2022");
    expect(toDiagnostic(m)).toEqual({
      severity: "error",
      ruleId: "cite-unknown-key",
      message: "unknown source key @nobody-2020",
      file: "corpus/briefing.md",
      line: 3,
      column: 12,
      hint: m.note,
    });
  });

  it("turns a cluster into one cite node placed where it was written", () => {
    const { tree, file } = run("See [@fischer, ¶2; @putz-2022, ¶1.2] here.\n");
    expect(file.messages).toEqual([]);
    const cites: CiteNode[] = [];
    visit(tree, "cite", (c: CiteNode) => {
      cites.push(c);
    });
    expect(cites).toHaveLength(1);
    expect(cites[0]!.position?.start).toEqual({ line: 1, column: 5, offset: 4 });
    expect(cites[0]!.citations.map((c) => c.sourceId)).toEqual(["fischer", "putz-2022"]);
  });
});

describe("remarkBriefwrightDirectives", () => {
  it("expands from the registry and reports what it cannot expand, at the directive", () => {
    expect([...DIRECTIVES.keys()]).toContain("chart");
    const { tree, file } = run('::method\n\n::chart{type="pie"}\n\nSee :findings here.\n');
    expect(file.messages.map((m) => [m.ruleId, m.line, m.column, m.fatal])).toEqual([
      ["outline-unknown-chart", 3, 1, true],
      ["outline-directive-form", 5, 5, true],
    ]);
    expect(tree.children[0]).toMatchObject({
      type: "heading",
      data: { briefwright: { kind: "method" } },
    });
  });

  it("lists the hint of an unknown directive before its place, as the CLI's --json always has", () => {
    const { file } = run("::nope\n");
    expect(Object.keys(toDiagnostic(file.messages[0]!))).toEqual([
      "severity",
      "ruleId",
      "message",
      "hint",
      "file",
      "line",
      "column",
    ]);
  });
});

describe("GFM in the outline", () => {
  it("keeps an author's table, with its citations, in the tree and in briefing.md", () => {
    const text =
      "# Notes\n\n| Alliance | Size |\n| --- | --- |\n| NATO | thirty [@fischer, ¶2] |\n";
    const { tree } = compileOutline({ briefing, sources, outline: { path: "b.md", text } });
    const table = tree.children.find((n) => n.type === "table");
    expect(table).toBeDefined();
    let cites = 0;
    visit(table!, "cite", () => {
      cites++;
    });
    expect(cites).toBe(1);
    expect(treeToMarkdown(tree)).toContain(
      "| Alliance | Size |\n| --- | --- |\n| NATO | thirty [@fischer, ¶2",
    );
  });

  it("writes strikethrough and footnotes an author uses back to briefing.md", () => {
    const text = "The pact was ~~dead~~ revived.[^1]\n\n[^1]: An aside of the author's.\n";
    const { tree } = compileOutline({ briefing, sources, outline: { path: "b.md", text } });
    const md = treeToMarkdown(tree);
    expect(md).toContain("~~dead~~ revived.[^1]");
    expect(md).toContain("[^1]: An aside of the author's.");
  });

  it("leaves a lone tilde as text", () => {
    const { tree } = compileOutline({
      briefing,
      sources,
      outline: { path: "b.md", text: "About ~30 members, ~20,000 troops.\n" },
    });
    expect(treeToMarkdown(tree)).toBe("About ~30 members, ~20,000 troops.\n");
  });

  it("enforces the word limit: an error (a Diagnostic without a place)", () => {
    let thrown: unknown;
    try {
      compileOutline({
        briefing,
        sources,
        outline: { path: "b.md", text: "::findings\n" },
        maxWords: 1,
      });
    } catch (error) {
      thrown = error;
    }
    const diagnostics = (thrown as { diagnostics: object[] }).diagnostics;
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: "error", ruleId: "briefing-too-long", file: "b.md" }),
    ]);
    expect(diagnostics[0]).not.toHaveProperty("line");
  });
});
