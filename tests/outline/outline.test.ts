/** The outline template: directives, author citations, errors at line:column, Markdown output. */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { natoCstoSample } from "../engine/helpers.js";
import {
  analyse,
  BriefwrightError,
  type CiteNode,
  compileOutline,
  loadOutline,
  treeToMarkdown,
} from "../engine/imports.js";

const { sources, spec } = natoCstoSample();
const { briefing } = analyse(sources, spec);

function compile(text: string, path = "corpus/briefing.md") {
  const result = compileOutline({ briefing, sources, outline: { path, text } });
  return { ...result, markdown: treeToMarkdown(result.tree) };
}

function errorOf(text: string) {
  try {
    compile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(BriefwrightError);
    expect((error as BriefwrightError).errorClass).toBe("input");
    return (error as BriefwrightError).diagnostics[0]!;
  }
  throw new Error("expected compileOutline to throw");
}

describe("compileOutline", () => {
  it("expands directives into one tree with generated cite nodes and tagged headings", () => {
    const { tree, markdown } = compile(
      "# Brief\n\nIntro prose.\n\n::findings\n\n::matrix\n\n::dimensions\n\n::timeline\n\n::sources\n",
    );
    const kinds: string[] = [];
    visit(tree, "heading", (h) => {
      kinds.push(h.data?.briefwright?.kind ?? "none");
    });
    expect(kinds[0]).toBe("prose");
    // (No "dimension" heading: this sample's matrix shows every claim, and a dimension with
    // nothing left to show gets no heading.)
    expect(kinds).toEqual(expect.arrayContaining(["findings", "matrix", "timeline", "sources"]));
    const cites: CiteNode[] = [];
    visit(tree, "cite", (c: CiteNode) => {
      cites.push(c);
    });
    expect(cites.length).toBeGreaterThan(3);
    expect(cites.every((c) => c.generated && c.claimId?.startsWith("c-"))).toBe(true);
    let table = 0;
    visit(tree as Root, "table", () => {
      table++;
    });
    expect(table).toBe(1);
    expect(markdown).toMatch(/^# Brief\n\nIntro prose\.\n\n## Key findings\n/u);
    expect(markdown).toMatch(/\| +\| NATO \| CSTO \|\n\| --- \| --- \| --- \|/u);
    expect(markdown).toMatch(/\[@(?:putz-2022|fischer), ¶\d+\.\d+\]/u);
  });

  it("turns the author's Pandoc citations into verified cite nodes", () => {
    const text =
      'Only two members backed Russia [@putz-2022: "only Russia and Belarus voted against"]; see also [@fischer, ¶2; @putz-2022, ¶1.2].\n';
    const { tree, markdown } = compile(text);
    const cites: CiteNode[] = [];
    visit(tree, "cite", (c: CiteNode) => {
      cites.push(c);
    });
    expect(cites).toHaveLength(2);
    expect(cites[0]!.citations[0]).toMatchObject({
      sourceId: "putz-2022",
      block: 1,
      sentence: 1,
      quote: { exact: "only Russia and Belarus voted against" },
    });
    expect(cites[0]!.position?.start).toMatchObject({ line: 1, column: 32 });
    expect(cites[1]!.citations.map((c) => [c.sourceId, c.block, c.sentence])).toEqual([
      ["fischer", 2, undefined],
      ["putz-2022", 1, 2],
    ]);
    expect(markdown).toContain('[@putz-2022, ¶1.1: "only Russia and Belarus voted against"]');
  });

  it("accepts typographic differences in a quote but keeps the source's exact text", () => {
    const { tree } = compile('Quote [@putz-2022: "Of the CSTO\'s six members"].\n');
    let exact = "";
    visit(tree, "cite", (c: CiteNode) => {
      exact = c.citations[0]!.quote.exact;
    });
    expect(exact).toBe("Of the CSTO’s six members");
  });

  it("reports an unknown directive at its line:column", () => {
    const d = errorOf("# Brief\n\nText.\n\n::findings\n\n::timelime\n");
    expect(d).toMatchObject({
      ruleId: "outline-unknown-directive",
      file: "corpus/briefing.md",
      line: 7,
      column: 1,
    });
    expect(d.message).toContain("timelime");
  });

  it("reports an unknown source key at the key's line:column", () => {
    const d = errorOf("# Brief\n\nAs argued [@putz-2022, ¶1] and\nalso [@nobody-2020, ¶3].\n");
    expect(d).toMatchObject({ ruleId: "cite-unknown-key", line: 4, column: 7 });
  });

  it("reports a quote that is not in the source at the quote's line:column", () => {
    const d = errorOf(
      '---\ntitle: x\n---\n\nThey said [@fischer: "a rapid reaction group of 30,000 people"].\n',
    );
    expect(d).toMatchObject({ ruleId: "cite-quote-not-found", line: 5, column: 22 });
  });

  it("reports a missing ¶ and a missing dimension", () => {
    expect(errorOf("See [@fischer, ¶99].\n")).toMatchObject({
      ruleId: "cite-block-missing",
      line: 1,
      column: 6,
    });
    expect(errorOf('::dimension{name="Nope"}\n')).toMatchObject({
      ruleId: "outline-unknown-dimension",
      line: 1,
      column: 1,
    });
  });

  it("keeps front matter as data, not text", () => {
    const { tree, markdown } = compile("---\ntitle: Mine\nmaxWords: 900\n---\n\n::method\n");
    expect(tree.data?.briefwright).toEqual({
      file: "corpus/briefing.md",
      frontmatter: { title: "Mine", maxWords: 900 },
    });
    expect(markdown).not.toContain("title: Mine");
  });
});

describe("loadOutline", () => {
  it("prefers the corpus's briefing.md over the template", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bw-outline-"));
    try {
      await mkdir(join(dir, "corpus"));
      await mkdir(join(dir, "templates"));
      await writeFile(join(dir, "templates", "briefing.md"), "::findings\n");
      expect((await loadOutline(join(dir, "corpus"), join(dir, "templates"))).text).toBe(
        "::findings\n",
      );
      await writeFile(join(dir, "corpus", "briefing.md"), "\uFEFF::method\n");
      const o = await loadOutline(join(dir, "corpus"), join(dir, "templates"));
      expect(o).toEqual({ path: join(dir, "corpus", "briefing.md"), text: "::method\n" });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("ships a default template that compiles", async () => {
    const o = await loadOutline("/nonexistent", "templates");
    expect(o.path).toBe(join("templates", "briefing.md"));
    expect(() => compileOutline({ briefing, sources, outline: o })).not.toThrow();
  });
});
