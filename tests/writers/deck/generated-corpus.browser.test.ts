/**
 * A larger corpus than the default (20 sources recombined from its paragraphs, as the benchmark
 * makes them): several disagreements and many framings, sides too long to share a slide. The deck must
 * never lay out a slide its own check then rejects: the write succeeds and the browser counts at
 * most 60 words on every slide.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { readBrief } from "../../../src/pipeline/inspect.js";
import {
  MAX_SLIDE_WORDS,
  type WriteSlidesResult,
  writeSlides,
} from "../../../src/writers/deck/index.js";
import { analyse, compileOutline, loadOutline } from "../../engine/imports.js";
import { deckOptionsOf, documentOf } from "../document.js";
import { browserSuite, pdfPages } from "./deck-checks.js";
import { ROOT, TEMPLATES } from "./fixture.js";

const suite = browserSuite("bw-deck-generated-");
let result: WriteSlidesResult;

beforeAll(async () => {
  const corpusDir = await suite.tempDir();
  execFileSync(process.execPath, [
    join(ROOT, "bench", "make-corpus.mjs"),
    "20",
    corpusDir,
    join(ROOT, "corpus"),
  ]);
  // The default outline and word limit, as a user's build would have them (the engine keeps its
  // text within the limit at any corpus size).
  const corpus = await readBrief(corpusDir);
  const { briefing } = analyse(corpus.sources, corpus.options.engine);
  const { tree } = compileOutline({
    briefing,
    sources: corpus.sources,
    outline: await loadOutline(corpusDir, TEMPLATES),
  });
  result = await writeSlides({
    document: documentOf(briefing, tree, corpus.spec),
    options: deckOptionsOf(corpus.spec),
    outDir: await suite.tempDir(),
    templatesDir: TEMPLATES,
    browser: suite.browser,
  });
}, 180_000);

it("writes the deck: no slide over 60 words, every disagreement shown", () => {
  expect(result.diagnostics).toEqual([]);
  expect(result.figures.words.max).toBeLessThanOrEqual(MAX_SLIDE_WORDS);
  const html = readFileSync(result.indexPath, "utf8");
  // Disagreements with long sides: more than one slide for them, each under 60 words. (Fewer
  // than before: the engine no longer pairs a condition, a gerund's object or a noun modifier
  // with a denial, nor one question twice.)
  const disagreements = [...html.matchAll(/<section id="[^"]*" data-kind="disagreements"/gu)];
  expect(disagreements.length).toBeGreaterThan(1);
  expect(pdfPages(result.pdfPath).pages).toBe(result.slides);
});
