import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { BriefwrightError } from "../../src/diagnostics/types.js";
import type { Source } from "../../src/model/source.js";
import { readBrief } from "../../src/pipeline/inspect.js";
import { readCorpus } from "../../src/readers/index.js";
import { analyse, type Briefing, compileOutline } from "../engine/imports.js";
import { defaultReaderOptions } from "../readers/helpers.js";

/** Only typed, reported errors are allowed; anything else fails the property. */
function expectTyped(error: unknown): void {
  if (!(error instanceof BriefwrightError)) throw error;
  expect(error.diagnostics.length).toBeGreaterThan(0);
}

const markdownish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "# ",
        "## ",
        "> ",
        "- ",
        "1. ",
        "* ",
        "**",
        "_",
        "`",
        "```\n",
        "---\n",
        "[",
        "]",
        "(",
        ")",
        "![",
        "<",
        ">",
        "&",
        "\n",
        "\n\n",
        "|",
        ":::",
        "::",
        "{",
        "}",
        '"',
        "[@",
        "¶",
        "\\",
        "\t",
        "    ",
      ),
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        "NATO",
        "CSTO",
        "the Alliance",
        "2022",
        "Ukraine",
        "Відносини",
        "\u0000",
        "\uFEFF",
        "\r\n",
      ),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

let dir: string;
let sources: Source[];
let briefing: Briefing;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bw-fuzz-"));
  const corpus = await readBrief("corpus");
  sources = corpus.sources;
  briefing = analyse(sources, corpus.options.engine).briefing;
});

describe("fuzzing the reader and the outline compiler", () => {
  it("random bytes in a source file: a source, a warning or a typed error", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        fc.constantFrom("a.md", "a.txt", "a.html"),
        async (bytes, name) => {
          const d = await mkdtemp(join(dir, "b-"));
          await writeFile(join(d, name), bytes);
          try {
            const result = await readCorpus(d, { ...defaultReaderOptions(), displayDir: "c" });
            for (const s of result.sources)
              for (const b of s.blocks) expect(typeof b.text).toBe("string");
          } catch (error) {
            expectTyped(error);
          } finally {
            await rm(d, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it("random Markdown sources: read without an uncaught exception", async () => {
    await fc.assert(
      fc.asyncProperty(markdownish, fc.constantFrom("a.md", "a.txt"), async (text, name) => {
        const d = await mkdtemp(join(dir, "m-"));
        await writeFile(join(d, name), text);
        try {
          await readCorpus(d, { ...defaultReaderOptions(), displayDir: "c" });
        } catch (error) {
          expectTyped(error);
        } finally {
          await rm(d, { recursive: true, force: true });
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it("random outline templates: a compiled tree or a typed error at a place", () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        try {
          const result = compileOutline({
            briefing,
            sources,
            outline: { path: "briefing.md", text },
          });
          expect(result.tree.type).toBe("root");
        } catch (error) {
          expectTyped(error);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
