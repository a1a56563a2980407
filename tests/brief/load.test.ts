import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  defaultSpec,
  loadBriefSpec,
  parseBriefSpec,
  resolveOptions,
  unknownSources,
} from "../../src/brief/index.js";
import { BriefwrightError } from "../../src/diagnostics/types.js";
import { readBrief } from "../../src/pipeline/inspect.js";
import { GOOD_SOURCE, tempCorpus } from "../readers/helpers.js";

async function failure(dir: string): Promise<BriefwrightError> {
  try {
    await loadBriefSpec(dir, "c");
  } catch (error) {
    if (error instanceof BriefwrightError) return error;
    throw error;
  }
  throw new Error("expected loadBriefSpec to fail");
}

describe("loading brief.yaml", () => {
  it("reports a brief.yaml that breaks the schema at its line and column", async () => {
    const dir = await tempCorpus();
    await writeFile(join(dir, "brief.yaml"), "title: Test\nsubjects:\n  - name: A\n  - nam: B\n");
    const error = await failure(dir);
    expect(error.errorClass).toBe("input");
    const d = error.diagnostics[0]!;
    expect(d).toMatchObject({ file: "c/brief.yaml", ruleId: "brief-schema", line: 4 });
    expect(d.message).toMatch(/subjects\.1/);
  });

  it("reports brief.yaml that is not valid YAML", async () => {
    const dir = await tempCorpus();
    await writeFile(join(dir, "brief.yaml"), 'title: "open\nsubjects: []\n');
    const error = await failure(dir);
    expect(error.diagnostics[0]).toMatchObject({ file: "c/brief.yaml", ruleId: "yaml-syntax" });
    expect(error.diagnostics[0]!.line).toBeGreaterThanOrEqual(1);
  });

  it("gives every default when there is no brief, and for a folder that is not one", async () => {
    const dir = await tempCorpus();
    expect(await loadBriefSpec(dir, "c")).toEqual({ spec: defaultSpec() });
    await writeFile(join(dir, "file.md"), GOOD_SOURCE);
    expect(await loadBriefSpec(join(dir, "file.md"), "c")).toEqual({ spec: defaultSpec() });
  });
});

describe("resolving the brief into each stage's options", () => {
  it("fills every default", () => {
    expect(resolveOptions(defaultSpec())).toEqual({
      reader: { maxFileSize: 10 * 1024 * 1024, language: "en", sources: {} },
      engine: { language: "en", maxWords: 2500, evidencePerCell: 3 },
      writers: {
        report: { paper: "A4", citationStyle: "chicago-fullnote-bibliography" },
        // The deck cites in the report's style, so a source reads the same in both.
        deck: {
          transition: "slide",
          theme: "briefwright",
          slideNumber: true,
          citationStyle: "chicago-fullnote-bibliography",
        },
      },
    });
  });

  it("hands each stage its part of the brief", () => {
    const spec = parseBriefSpec(
      [
        "title: T",
        "date: 2022-08",
        "language: de",
        "subjects: [{ name: A }, { name: B, aliases: [Bee] }]",
        "dimensions: [{ name: D, terms: [x] }]",
        "sources: { a.md: { publisher: P } }",
        "maxWords: 900",
        "corpus: { maxFileSize: 1000 }",
        "report: { paper: Letter }",
        "slides: { transition: fade }",
      ].join("\n"),
      "brief.yaml",
    );
    const o = resolveOptions(spec);
    expect(o.reader).toEqual({
      maxFileSize: 1000,
      language: "de",
      sources: { "a.md": { publisher: "P" } },
    });
    expect(o.engine).toEqual({
      title: "T",
      date: "2022-08",
      language: "de",
      subjects: [
        { name: "A", aliases: [] },
        { name: "B", aliases: ["Bee"] },
      ],
      dimensions: [{ name: "D", terms: ["x"] }],
      maxWords: 900,
      evidencePerCell: 3,
    });
    expect(o.writers.report.paper).toBe("Letter");
    expect(o.writers.deck.transition).toBe("fade");
  });
});

describe("brief.yaml `sources:` keys that name no file", () => {
  it("are reported at the brief's file", () => {
    const spec = parseBriefSpec("sources: { a.md: { title: A }, b.md: { title: B } }", "x");
    expect(unknownSources({ spec, path: "c/brief.yaml" }, ["a.md"], "c")).toEqual([
      {
        severity: "warning",
        ruleId: "brief-unknown-source",
        file: "c/brief.yaml",
        message: "sources: no file `b.md` in the corpus",
      },
    ]);
  });

  it("are reported when the corpus is read through the pipeline", async () => {
    const dir = await tempCorpus();
    await writeFile(join(dir, "good.md"), GOOD_SOURCE);
    await writeFile(join(dir, "brief.yaml"), "sources:\n  missing.md: { title: Gone }\n");
    const { diagnostics, sources } = await readBrief(dir, { displayDir: "c" });
    expect(sources).toHaveLength(1);
    expect(diagnostics).toContainEqual({
      severity: "warning",
      ruleId: "brief-unknown-source",
      file: "c/brief.yaml",
      message: "sources: no file `missing.md` in the corpus",
    });
  });
});
