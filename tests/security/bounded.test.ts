// Audit #19, item 6: inputs within the size limits ran for minutes. The boilerplate pass put each
// unit of the tail in front of an array (`unshift` in a loop: 2 MB of short lines took 112 s), the
// Markdown reader looked each tail unit up in the whole block list, and lists nested by
// indentation cost the parser work per open level on every line (1 MB took 65 s).
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { splitTail, type Unit } from "../../src/readers/boilerplate.js";
import { htmlDepth, MAX_HTML_DEPTH } from "../../src/readers/html.js";
import { readCorpus } from "../../src/readers/index.js";
import { readMarkdownText } from "../../src/readers/markdown.js";
import { defaultReaderOptions, GOOD_SOURCE } from "../readers/helpers.js";

describe("work stays linear in the input", () => {
  it("the boilerplate pass over 150,000 short lines takes seconds, not minutes", () => {
    const units: Unit[] = Array.from({ length: 150_000 }, (_, i) => ({
      text: `short line ${i} here`,
      line: i + 1,
    }));
    units.push({ text: "Follow us on Twitter", line: 150_001 });
    const t0 = performance.now();
    splitTail(units, [], () => true);
    expect(performance.now() - t0).toBeLessThan(5_000);
  }, 60_000);

  it("a staircase of 1,000 list levels (1 MB) reads in seconds, flattened with a warning", () => {
    let text = "# Deep\n\nA plain paragraph about NATO and the CSTO comes first.\n\n";
    for (let i = 0; i < 1_000; i++) text += `${"  ".repeat(i)}- item ${i} about NATO\n`;
    expect(text.length).toBeGreaterThan(1_000_000);
    const t0 = performance.now();
    const doc = readMarkdownText(text, "c/deep.md");
    expect(performance.now() - t0).toBeLessThan(15_000);
    expect(doc.diagnostics.map((d) => d.ruleId)).toContain("markdown-deep-nesting");
    const all = doc.blocks.map((b) => b.text).join(" ");
    expect(all).toContain("item 999 about NATO");
  }, 120_000);

  it("keeps 20 levels of indented lists as they are", () => {
    let text = "# Lists\n\n";
    for (let i = 0; i < 20; i++) text += `${"  ".repeat(i)}- level ${i}\n`;
    const doc = readMarkdownText(text, "c/lists.md");
    expect(doc.diagnostics).toEqual([]);
    expect(doc.blocks.map((b) => b.text).join(" ")).toContain("level 19");
  });
});

// HTML nested 100,000 levels deep took more than two minutes of CPU (the DOM and Readability work
// grows with the square of the depth): a per-file nesting budget skips such a file with a warning.
const page = (body: string) =>
  `<!doctype html><html><head><title>Deep page</title></head><body><article><p>NATO and the CSTO were compared by analysts in 2023 in a long report about the alliances.</p>${body}</article></body></html>`;

describe("the per-file nesting budget of HTML", () => {
  it("a page nested 100,000 levels: skipped with a warning naming the file, the rest read", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bw-deep-html-"));
    await writeFile(join(dir, "good.md"), GOOD_SOURCE);
    const n = 100_000;
    await writeFile(join(dir, "deep.html"), page(`${"<div>".repeat(n)}NATO${"</div>".repeat(n)}`));
    const t0 = performance.now();
    const result = await readCorpus(dir, { ...defaultReaderOptions(), displayDir: "c" });
    expect(performance.now() - t0).toBeLessThan(30_000);
    expect(result.sources.map((s) => s.file)).toEqual(["good.md"]);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        ruleId: "html-too-deep",
        file: "c/deep.html",
        severity: "warning",
      }),
    );
  }, 120_000);

  it("ordinary pages pass: unclosed <p> and <li>, void elements, comments and scripts are not nesting", () => {
    const body = [
      "<p>one".repeat(5_000),
      "<ul>",
      "<li>item".repeat(5_000),
      "</ul>",
      "<br><img src=x><hr>".repeat(5_000),
      "<!-- <div><div><div> -->".repeat(2_000),
      `<script>${"<div>".repeat(5_000)}</script>`,
      `${"<div>".repeat(200)}deep but fine${"</div>".repeat(200)}`,
    ].join("");
    const depth = htmlDepth(page(body));
    expect(depth).toBeGreaterThanOrEqual(200);
    expect(depth).toBeLessThan(MAX_HTML_DEPTH);
  });
});
