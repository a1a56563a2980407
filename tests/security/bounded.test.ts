// Audit #19, item 6: inputs within the size limits ran for minutes. The boilerplate pass put each
// unit of the tail in front of an array (`unshift` in a loop: 2 MB of short lines took 112 s), the
// Markdown reader looked each tail unit up in the whole block list, and lists nested by
// indentation cost the parser work per open level on every line (1 MB took 65 s).
import { describe, expect, it } from "vitest";
import { splitTail, type Unit } from "../../src/readers/boilerplate.js";
import { readMarkdownText } from "../../src/readers/markdown.js";

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
