/**
 * The default corpus end to end (reader → engine → outline → deck): the same checks as the
 * sample deck, on what a user gets from `briefwright build` with no options.
 */

import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { readBrief } from "../../../src/pipeline/inspect.js";
import { type BrowserSession, launchBrowser } from "../../../src/runtime/browser.js";
import {
  MAX_BULLET_WORDS,
  planDeck,
  SLIDE_HEIGHT,
  type WriteSlidesResult,
  writeSlides,
} from "../../../src/writers/deck/index.js";
import { analyse, compileOutline, loadOutline } from "../../engine/imports.js";
import { deckCitationsOf, deckOptionsOf, documentOf } from "../document.js";
import { pdfPages, type SlideFacts, visitSlides } from "./deck-checks.js";
import { ROOT, TEMPLATES } from "./fixture.js";

let browser: BrowserSession;
let out: string;
let result: WriteSlidesResult;
let facts: SlideFacts[];
let blocked: string[];
let agenda: string[];
let matrixClaims: string[];

beforeAll(async () => {
  const corpusDir = join(ROOT, "corpus");
  const corpus = await readBrief(corpusDir);
  const { briefing } = analyse(corpus.sources, corpus.options.engine);
  matrixClaims = briefing.matrix.flatMap((c) => c.claims.map((cl) => cl.text));
  const outline = await loadOutline(corpusDir, TEMPLATES);
  const { tree } = compileOutline({ briefing, sources: corpus.sources, outline });
  agenda = tree.children.flatMap((n) =>
    n.type === "heading" && n.depth === 2 && n.data?.briefwright?.kind !== "method"
      ? [n.children.map((c) => ("value" in c ? c.value : "")).join("")]
      : [],
  );
  browser = await launchBrowser();
  out = await mkdtemp(join(tmpdir(), "bw-deck-real-"));
  result = await writeSlides({
    document: documentOf(briefing, tree, corpus.spec),
    options: deckOptionsOf(corpus.spec),
    outDir: out,
    templatesDir: TEMPLATES,
    browser,
  });
  ({ facts, blocked } = await visitSlides(browser, result.indexPath, join(out, "slides")));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

it("fits every slide, cites every bullet, has notes on every content slide", () => {
  expect(result.diagnostics).toEqual([]);
  expect(facts.length).toBe(result.slides);
  for (const f of facts) {
    expect(f.height, f.id).toBeLessThanOrEqual(SLIDE_HEIGHT);
    expect(f.minFont, f.id).toBeGreaterThanOrEqual(24);
  }
  const content = facts.filter((f) => f.claims > 0);
  expect(content.length).toBeGreaterThan(5);
  for (const f of content) {
    expect(f.unmarked, f.id).toBe(0);
    expect(f.notes, f.id).toBe(true);
  }
});

it("shows no bullet over 25 words; a longer statement is in the notes, not on the slide", () => {
  // A bullet numbered to match the timeline chart's markers stays whatever its length (a
  // marker must find its statement): here "6. January 2022 Kazakhstan has publicly refused …".
  const keyed = facts.flatMap((f) => f.keyedWords);
  // The timeline's numbered items, on bullets or heading a slide ("1. In 1992 …"): more than 3.
  const keyedHeadlines = facts.filter((f) => /^\d+\.$/u.test(f.title)).length;
  expect(keyedHeadlines).toBeGreaterThan(0);
  expect(keyed.length + keyedHeadlines).toBeGreaterThan(3);
  for (const f of facts) {
    const free = [...f.itemWords];
    for (const n of f.keyedWords) free.splice(free.indexOf(n), 1);
    for (const n of free) expect(n, f.id).toBeLessThanOrEqual(MAX_BULLET_WORDS);
  }
  expect(Math.max(...keyed)).toBeLessThanOrEqual(MAX_BULLET_WORDS + 2);
  // Every matrix statement too long for a bullet (over 30 words): no deletion keeps its main
  // clause, numbers and names under 25, so it is not on a slide in full, and its notes carry it.
  const html = readFileSync(result.indexPath, "utf8");
  const notes = [...html.matchAll(/<aside class="notes">([\s\S]*?)<\/aside>/gu)].map((m) => m[1]!);
  const words = (t: string) => t.split(/\s+/u).filter(Boolean).length;
  const long = matrixClaims.filter((t) => words(t) > MAX_BULLET_WORDS + 5);
  expect(long.length).toBeGreaterThan(0);
  for (const text of long) {
    const tail = text.slice(-40);
    expect(
      facts.some((f) => f.shown.replace(/\s+/gu, " ").includes(text)),
      text,
    ).toBe(false);
    expect(
      notes.some((n) => n.includes(tail)),
      text,
    ).toBe(true);
  }
});

it("keeps the key facts in view: fewer words, not fewer facts", () => {
  // Bullets and headlines, charts aside (a chart's drawing is not read out).
  const slides = facts.filter((f) => f.kind !== "chart").map((f) => f.shown.replace(/\s+/gu, " "));
  const onOne = (...res: RegExp[]) => slides.some((s) => res.every((re) => re.test(s)));
  expect(onOne(/20,000/u, /40,000/u, /rapid reaction/u)).toBe(true);
  expect(onOne(/only Russia and Belarus voted against/u, /abstaining/u)).toBe(true);
  expect(onOne(/deployed forces/u, /January 2022/u)).toBe(true);
  expect(onOne(/Crimea/u, /2014/u)).toBe(true);
});

it("follows the outline's headings in the agenda", () => {
  const html = readFileSync(result.indexPath, "utf8");
  const items = /<section id="agenda"[\s\S]*?<ol>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? "";
  const shown = [...items.matchAll(/<span class="bw-text">([^<]*)<\/span>/g)].map((m) => m[1]);
  expect(shown).toEqual(agenda);
});

it("makes no request outside its folder and prints one page per slide", () => {
  expect(result.blocked).toEqual([]);
  expect(blocked).toEqual([]);
  expect(pdfPages(result.pdfPath).pages).toBe(result.slides);
});

it("follows an author's own outline: their prose with its citation, their titles, their order", async () => {
  const corpusDir = join(ROOT, "corpus");
  const corpus = await readBrief(corpusDir);
  const { briefing } = analyse(corpus.sources, corpus.options.engine);
  matrixClaims = briefing.matrix.flatMap((c) => c.claims.map((cl) => cl.text));
  const text = [
    "## Why this matters",
    "",
    "Every NATO member voted for the resolution [@putz, ¶9].",
    "",
    '::timeline{title="How it unfolded"}',
    "",
    '::findings{title="What the sources say"}',
    "",
  ].join("\n");
  const { tree } = compileOutline({
    briefing,
    sources: corpus.sources,
    outline: { path: "briefing.md", text },
  });
  const document = documentOf(briefing, tree);
  const plan = planDeck(document, await deckCitationsOf(document));
  const titles = plan.columns.map((c) => c[0]!.title);
  expect(titles.indexOf("How it unfolded")).toBeLessThan(titles.indexOf("What the sources say"));
  // A section of one statement has no slide of its own: it opens its neighbour's, labelled.
  const first = plan.columns[2]![0]!;
  expect(first.groups[0]!.label).toBe("Why this matters");
  const prose = first.groups[0]!.items[0]!;
  expect(prose).toMatchObject({
    kind: "cited",
    text: "Every NATO member voted for the resolution.",
  });
  expect(prose.citations[0]).toMatchObject({ block: 9 });
});

it("shows a statement once: the figures slides leave out what an earlier slide showed", () => {
  // The default corpus's figures section repeats four statements of the key findings, the
  // matrix and the figures chart; they go to the notes, where the speaker still has them.
  const html = readFileSync(result.indexPath, "utf8");
  const shown = new Set<string>();
  let figures = 0;
  for (const m of html.matchAll(/<section[^>]*data-kind="([^"]+)"[^>]*>([\s\S]*?)<\/section>/gu)) {
    const [, kind, inner] = m;
    const visible = inner!.replace(/<aside class="notes">[\s\S]*?<\/aside>/gu, "");
    const ids = [...visible.matchAll(/class="([^"]*)" data-claim="([^"]+)"/gu)]
      .filter(([, cls]) => !cls!.includes("bw-above"))
      .map(([, , id]) => id!);
    if (kind === "figures") {
      figures += 1;
      for (const id of ids) expect(shown.has(id), id).toBe(false);
    }
    for (const id of ids) shown.add(id);
  }
  expect(figures).toBeGreaterThan(0);
});
