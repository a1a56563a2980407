// Watch mode reads a changed corpus again: only the files whose bytes changed are parsed again.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ReaderCache, readCorpus } from "../../src/readers/index.js";
import { defaultReaderOptions, GOOD_SOURCE, tempCorpus } from "./helpers.js";

describe("reader cache", () => {
  it("reuses the parse of an unchanged file and parses a changed one again", async () => {
    const dir = await tempCorpus();
    await writeFile(join(dir, "a.md"), GOOD_SOURCE);
    await writeFile(join(dir, "b.md"), GOOD_SOURCE.replace(/NATO/gu, "The CSTO"));
    const cache: ReaderCache = new Map();
    const read = () => readCorpus(dir, { ...defaultReaderOptions(), displayDir: "c", cache });
    const first = await read();
    expect(cache.size).toBe(2);
    // Mark the cached parse of a.md: a read that uses the cache returns the mark.
    cache.get("a.md")!.result.source.title = "from the cache";
    const second = await read();
    expect(second.sources.find((s) => s.file === "a.md")?.title).toBe("from the cache");
    // A changed file is parsed again, from its new bytes.
    await writeFile(
      join(dir, "a.md"),
      GOOD_SOURCE.replace(/\n\n/u, "\n\nA new first paragraph.\n\n"),
    );
    const third = await read();
    expect(third.sources.find((s) => s.file === "a.md")?.title).not.toBe("from the cache");
    expect(first.sources.map((s) => s.id)).toEqual(third.sources.map((s) => s.id));
  });
});
