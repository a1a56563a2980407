import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { inferDimensions, inferSubjects } from "../../src/engine/infer.js";
import { readCorpus } from "../../src/readers/index.js";
import { defaultReaderOptions } from "../readers/helpers.js";

const GERMAN_STOP: string[] = createRequire(import.meta.url)("stopwords-iso").de;

describe("inference on a German corpus without brief.yaml", () => {
  it("detects German and infers dimensions of content words, not stop-word pairs", async () => {
    // No brief: the reader's default language is English, so German must be detected.
    const { sources } = await readCorpus("tests/fixtures/handhelds-de", defaultReaderOptions());
    expect(new Set(sources.map((s) => s.language))).toEqual(new Set(["de"]));
    const subjects = inferSubjects(sources);
    const dimensions = inferDimensions(sources, subjects);
    expect(dimensions.length).toBeGreaterThan(0);
    const stop = new Set(GERMAN_STOP);
    for (const d of dimensions) {
      for (const t of d.terms) expect(stop.has(t.toLowerCase()), `${d.name}: ${t}`).toBe(false);
      expect(d.name).not.toMatch(/ and /u);
    }
  });
});
