import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { type CorpusResult, readCorpus } from "../../src/readers/index.js";
import { defaultReaderOptions } from "../readers/helpers.js";

// Encodings (legacy code pages, UTF-16, BOM, CRLF) are covered by tests/corpus/encodings.test.ts;
// this file covers the shapes of files that break naive readers.

let dir: string;
let corpus: CorpusResult;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bw-shapes-"));
  await cp("corpus", dir, { recursive: true });
  const words = "NATO and the CSTO were discussed again in a very long line of text. ";
  await writeFile(
    join(dir, "one-line.txt"),
    `One very long line\n\n${words.repeat(Math.ceil(2_000_000 / words.length))}\n`,
  );
  await writeFile(
    join(dir, "quotes.md"),
    `# Deep quotes\n\n${"> ".repeat(10_000)}The deepest quote mentions NATO in 2020.\n\nA plain paragraph about the CSTO follows the quotes here.\n`,
  );
  await writeFile(
    join(dir, "lists.md"),
    `# Deep lists\n\n${"- ".repeat(10_000)}The deepest item mentions the CSTO in 2021.\n\nA plain paragraph about NATO follows the list here.\n`,
  );
  await writeFile(
    join(dir, "brackets.md"),
    `# Brackets\n\n${"[".repeat(50_000)}text${"]".repeat(50_000)} and ${"*".repeat(20_000)}NATO${"*".repeat(20_000)}\n`,
  );
  await writeFile(
    join(dir, "front-matter-only.md"),
    "---\ntitle: Nothing but front matter\nauthor: Ann Empty\n---\n",
  );
  await writeFile(join(dir, "heading-only.md"), "# A heading\n\n## And another\n");
  corpus = await readCorpus(dir, { ...defaultReaderOptions(), displayDir: "c" });
}, 60_000);

const rules = (file: string) =>
  corpus.diagnostics.filter((d) => d.file === `c/${file}`).map((d) => d.ruleId);

describe("files of hostile shapes", () => {
  it("reads a 2 MB single line as one paragraph with sentences", () => {
    const s = corpus.sources.find((x) => x.file === "one-line.txt")!;
    expect(s.blocks).toHaveLength(1);
    expect(s.blocks[0]!.text.length).toBeGreaterThan(1_900_000);
    expect(s.blocks[0]!.sentences.length).toBeGreaterThan(10_000);
  });

  it("flattens 10,000 nested blockquotes and list levels with a warning, keeping the text", () => {
    for (const file of ["quotes.md", "lists.md"]) {
      const s = corpus.sources.find((x) => x.file === file)!;
      expect(s.blocks.map((b) => b.text).join(" ")).toMatch(/The deepest (quote|item) mentions/);
      expect(rules(file)).toContain("markdown-deep-nesting");
    }
  });

  it("survives pathological inline markup", () => {
    expect(corpus.sources.some((x) => x.file === "brackets.md")).toBe(true);
  });

  it("skips a file of only front matter and warns on a heading-only file", () => {
    expect(corpus.sources.some((x) => x.file === "front-matter-only.md")).toBe(false);
    expect(rules("front-matter-only.md")).toContain("corpus-no-text");
    expect(rules("heading-only.md")).toContain("corpus-no-text");
  });

  it("the whole engine runs on such a corpus and verifies every citation", async () => {
    const out = await mkdtemp(join(tmpdir(), "bw-shapes-out-"));
    const result = await build({ corpusDir: dir, outDir: out, only: ["json"] });
    expect(result.citations).toBeGreaterThan(10);
    const model = JSON.parse(await readFile(join(out, "briefing.json"), "utf8"));
    expect(model.sources.length).toBe(corpus.sources.length);
  });
});
