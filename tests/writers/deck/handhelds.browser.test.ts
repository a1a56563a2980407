/**
 * The handhelds corpus end to end (reader → engine → outline → deck), measured in Chromium: each
 * disagreement's sides on one slide under its topic, no slide left with a single item, no bullet
 * over 25 words, half the slides at 35 words or fewer.
 */
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import type { Briefing } from "../../../src/model/briefing.js";
import { readBrief } from "../../../src/pipeline/inspect.js";
import {
  MAX_BULLET_WORDS,
  type WriteSlidesResult,
  writeSlides,
} from "../../../src/writers/deck/index.js";
import { analyse, compileOutline, loadOutline } from "../../engine/imports.js";
import { deckOptionsOf, documentOf } from "../document.js";
import { browserSuite, type SlideFacts, visitSlides } from "./deck-checks.js";
import { ROOT, TEMPLATES } from "./fixture.js";

const suite = browserSuite("bw-deck-handhelds-");
let briefing: Briefing;
let result: WriteSlidesResult;
let facts: SlideFacts[];

beforeAll(async () => {
  const corpusDir = join(ROOT, "tests", "fixtures", "handhelds");
  const corpus = await readBrief(corpusDir);
  ({ briefing } = analyse(corpus.sources, corpus.options.engine));
  const { tree } = compileOutline({
    briefing,
    sources: corpus.sources,
    outline: await loadOutline(corpusDir, TEMPLATES),
  });
  const out = await suite.tempDir();
  result = await writeSlides({
    document: documentOf(briefing, tree, corpus.spec),
    options: deckOptionsOf(corpus.spec),
    outDir: out,
    templatesDir: TEMPLATES,
    browser: suite.browser,
  });
  ({ facts } = await visitSlides(suite.browser, result.indexPath, join(out, "slides")));
}, 180_000);

it("shows each disagreement's two sides on one slide, under its topic", () => {
  expect(briefing.disagreements.length).toBeGreaterThanOrEqual(3);
  for (const d of briefing.disagreements) {
    const ids = d.sides.map((s) => s.id);
    const shared = facts.filter((f) => ids.every((id) => f.bodyClaims.includes(id)));
    expect(shared.length, d.topic).toBe(1);
    expect(shared[0]!.title, d.topic).toBe(d.topic);
    // No side shown apart on another disagreement slide (a figures slide may state it too).
    const alone = facts.filter(
      (f) =>
        f !== shared[0] &&
        f.kind === "disagreements" &&
        ids.some((id) => f.bodyClaims.includes(id)),
    );
    expect(
      alone.map((f) => f.id),
      d.topic,
    ).toEqual([]);
  }
});

it("leaves no slide with fewer than two items, charts and the title aside", () => {
  expect(result.figures.thin).toEqual([]);
  for (const f of facts) {
    if (f.kind === "title" || f.kind === "chart") continue;
    expect(f.items + f.assertions, `${f.id} ${f.part}`).toBeGreaterThanOrEqual(2);
  }
});

it("shows no bullet over 25 words", () => {
  const items = facts.flatMap((f) => f.itemWords.map((n) => [f.id, n] as const));
  expect(items.length).toBeGreaterThan(40);
  for (const [id, n] of items) expect(n, id).toBeLessThanOrEqual(MAX_BULLET_WORDS);
  expect(result.figures.longestBullet).toBeLessThanOrEqual(MAX_BULLET_WORDS);
});

it("keeps half the slides at 35 words or fewer, every slide under the limit (issue #16)", () => {
  // Structure is said once: a matrix row's slide is headed by its row (no part marker: its name
  // tells it from the next row), a joined section's groups by their subject, a dated timeline
  // item by its number, the headline's mark on the headline and not again on the arrow that
  // points to it; the claims stay as they are (shortening keeps every name and what scopes a
  // number: "87,000 units during the week following its UK launch").
  expect(result.figures.words.median).toBeLessThanOrEqual(35);
  expect(result.figures.words.max).toBeLessThanOrEqual(60);
});
