import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBriefSpec, unknownSources } from "../../src/brief/index.js";
import { BriefwrightError } from "../../src/diagnostics/types.js";
import { readCorpus } from "../../src/readers/index.js";
import { defaultReaderOptions, GOOD_SOURCE, tempCorpus } from "../readers/helpers.js";

async function diagnosticsOf(yaml: string) {
  const dir = await tempCorpus();
  await writeFile(join(dir, "brief.yaml"), yaml);
  try {
    await loadBriefSpec(dir, "c");
  } catch (error) {
    if (error instanceof BriefwrightError) return error.diagnostics;
    throw error;
  }
  throw new Error("expected the brief to fail");
}

describe("brief.yaml errors point at the key and suggest the nearest", () => {
  it("puts a misspelt top-level key at its own line and column, with did you mean", async () => {
    const [d, ...rest] = await diagnosticsOf("title: T\nlanguage: en\ndimensons:\n  - name: X\n");
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ ruleId: "brief-schema", line: 3, column: 1 });
    expect(d!.message).toContain("did you mean `dimensions`?");
  });

  it("reports each unknown key of a nested mapping at that key", async () => {
    const ds = await diagnosticsOf(
      "title: T\nsources:\n  a.md:\n    publisher: X\n    pubisher: Y\n    colour: red\n",
    );
    expect(ds.map((d) => [d.line, d.column])).toEqual([
      [5, 5],
      [6, 5],
    ]);
    expect(ds[0]!.message).toContain("did you mean `publisher`?");
    // No suggestion for a key that resembles nothing, but the valid keys instead.
    expect(ds[1]!.message).not.toContain("did you mean");
    expect(ds[1]!.message).toContain("valid keys:");
  });

  it("points at a wrong value itself, and at the key of a missing one", async () => {
    const [d] = await diagnosticsOf("title: T\nmaxWords: lots\n");
    expect(d).toMatchObject({ line: 2, column: 11 });
    const [missing] = await diagnosticsOf("title: T\ndimensions:\n  - name: X\n    terms:\n");
    expect(missing).toMatchObject({ line: 4, column: 5 });
  });

  it("suggests the nearest file for a misspelt file name under sources:", async () => {
    const dir = await tempCorpus();
    await writeFile(join(dir, "02-bbc-ds-given-euro-date.txt"), GOOD_SOURCE);
    await writeFile(
      join(dir, "brief.yaml"),
      "sources:\n  02-bbc-ds-given-eur-date.txt: { publisher: BBC News }\n",
    );
    const loaded = await loadBriefSpec(dir, "c");
    const read = await readCorpus(dir, {
      ...defaultReaderOptions(),
      checkFiles: (files) => unknownSources(loaded, files, "c"),
    });
    const d = read.diagnostics.find((x) => x.ruleId === "brief-unknown-source");
    expect(d?.hint).toBe("did you mean `02-bbc-ds-given-euro-date.txt`?");
  });
});
