/**
 * A folder of many small files whose keys clash ("note-1.md" … all titled "Note"): each title's
 * words are computed once (keys were found by comparing every source with every other, 4,000
 * files took 30 s), and the keys are the ones the pairwise rule gives.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { readCorpus } from "../../src/readers/index.js";
import { defaultReaderOptions, tempCorpus } from "./helpers.js";

// Every word of a title is slugged when the title's words are taken: count the slugs.
const calls = vi.hoisted(() => ({ slug: 0 }));
vi.mock("../../src/util/slug.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/util/slug.js")>();
  return {
    ...original,
    slug: (...args: Parameters<typeof original.slug>) => {
      calls.slug++;
      return original.slug(...args);
    },
  };
});

describe("keys for many clashing sources", () => {
  it("reads each title's words once and keeps the pairwise rule's keys", async () => {
    const dir = await tempCorpus();
    const n = 300;
    for (let i = 0; i < n; i++) {
      // Three titles have a word no other title has; the rest only share "note" and numbers.
      const extra = i === 7 ? " harbour" : i === 8 ? " harbour" : i === 9 ? " lighthouse" : "";
      await writeFile(
        join(dir, `n${String(i).padStart(3, "0")}.md`),
        `# Note ${i}${extra}\n\nThe council met on day ${i} and agreed a budget of ${i} million.\n`,
      );
    }
    calls.slug = 0;
    const corpus = await readCorpus(dir, defaultReaderOptions());
    expect(corpus.sources).toHaveLength(n);
    // A few words per title, each title read a bounded number of times (pairwise: 300 × 299).
    expect(calls.slug).toBeGreaterThan(n);
    expect(calls.slug).toBeLessThan(20 * n);
    const id = (i: number) =>
      corpus.sources.find((s) => s.file === `n${String(i).padStart(3, "0")}.md`)?.id;
    expect(id(9)).toBe("note-lighthouse");
    // "harbour" is in two titles: it tells neither apart, so they get letters like the rest.
    expect(id(7)).toMatch(/^notea?[a-z]\d*$|^note$/u);
    expect(id(7)).not.toContain("harbour");
    const ids = corpus.sources.map((s) => s.id);
    expect(new Set(ids).size).toBe(n);
  });
});
