/**
 * The slide deck writer: the compiled briefing as a reveal.js deck (out/slides/, works offline)
 * and its handout (out/slides.pdf, one page per slide). Slides that do not fit are split into
 * continuation slides by measuring them in Chromium.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { BriefwrightError, type Diagnostic } from "../../diagnostics/types.js";
import type { SourceProfile } from "../../model/briefing.js";
import type { BriefingDocument } from "../../model/document.js";
import type { DeckOptions } from "../../model/options.js";
import { replaceDirAtomic, writeFileAtomic } from "../../runtime/atomic.js";
import type { BrowserSession } from "../../runtime/browser.js";
import {
  type CitationFormatter,
  citationFormatter,
  DEFAULT_CSL_DIR,
  loadCitationStyle,
} from "../shared/citations/index.js";
import { exhibitSvg, SLIDE_FRAME } from "../shared/exhibits/index.js";
import { briefingPdfMetadata, makeReproducible } from "../shared/pdf-metadata.js";
import type { WriteFn } from "../shared/writer.js";
import { copyDeckAssets } from "./assets.js";
import { assignHeadlines, clearHeadlines, takeBackLongHeadlines } from "./headline.js";
import { deckDocument, SLIDE_HEIGHT, SLIDE_WIDTH } from "./html.js";
import { headerText, type PartMarker, partMarkers } from "./labels.js";
import { measureDeck, waitForDeck } from "./measure.js";
import { printOpenDeck } from "./pdf.js";
import { planDeck } from "./plan.js";
import { bodyText, SHOWN_ABOVE } from "./repeat.js";
import { isDeletionOf, leadPrefix, MAX_LEVEL } from "./shorten.js";
import type { DeckPlan, Slide } from "./slides.js";
import { lightenWordy, type SlideMeasure, shortenOverBudget, splitOverflowing } from "./split.js";
import {
  countWords,
  MAX_SLIDE_WORDS,
  packByWords,
  rebalance,
  SOFT_SLIDE_WORDS,
  slideItems,
  thinOrigins,
} from "./words.js";

export { SLIDE_HEIGHT, SLIDE_WIDTH } from "./html.js";
export { planDeck } from "./plan.js";
export { isDeletionOf, shortenClaim } from "./shorten.js";
export type { DeckPlan, Slide, SlideGroup, SlideItem } from "./slides.js";
export { countWords, MAX_BULLET_WORDS, MAX_SLIDE_WORDS, packByWords } from "./words.js";

/** What the browser measured of the finished deck (for `build -v` and benchmarks). */
export interface DeckFigures {
  slides: number;
  /** Words a viewer reads per slide (headline and body; not the citation footer nor the notes). */
  words: { max: number; median: number };
  /** Content slides (all but the title and the agenda) with speaker notes, and how many there are. */
  notes: { withNotes: number; content: number };
  /** Slides showing fewer than two items, charts and the title aside (ids). */
  thin: string[];
  /** Longest headline, in lines at the deck's title size. */
  headlineLines: number;
  /** Content slides headed by a section's name instead of a statement or a disagreement's topic (ids). */
  topicHeadlines: string[];
  /** Longest bullet (or headline), in words. */
  longestBullet: number;
  /** The wordiest slides, most words first (at most five): where a shorter deck would start. */
  wordiest: { id: string; words: number }[];
}

export interface DeckInput {
  document: BriefingDocument;
  options: DeckOptions;
  /**
   * The templates folder: its `slides/` holds the theme, layout and init script, its
   * `report/csl/` the citation styles (shared with the report). Default: the package's styles.
   */
  templatesDir?: string;
}

export interface WriteSlidesInput extends DeckInput {
  /** The build's output folder: the deck goes to `<outDir>/slides/`, the handout to `<outDir>/slides.pdf`. */
  outDir: string;
  templatesDir: string;
  /** The build's browser session (shared with the report). */
  browser: BrowserSession;
  /** Fixed time for the PDF's dates (seconds since 1970); the brief's date is used otherwise. */
  sourceDateEpoch?: number;
}

export interface WriteSlidesResult {
  indexPath: string;
  pdfPath: string;
  /** Number of slides (pages of the handout). */
  slides: number;
  /** Requests the browser refused while measuring and printing (empty for a sound deck). */
  blocked: string[];
  /** Always empty: a slide that fails a check (overflow, long headline, too many words) throws. */
  diagnostics: Diagnostic[];
  /** The finished deck as measured in Chromium. */
  figures: DeckFigures;
  /** Where the time went, in milliseconds (for benchmarks; never written into an output). */
  timings: { fit: number; rounds: number; pdf: number };
}

/** A headline over this many lines fails the build. */
export const MAX_HEADLINE_LINES = 2;

/** Rounds of measure-and-split before giving up (each round splits every overflowing slide). */
const MAX_ROUNDS = 12;

function sourcesById(document: BriefingDocument): Map<string, SourceProfile> {
  return new Map(document.sources.map((s) => [s.id, s]));
}

/**
 * The deck's citation formatter: the report's CSL style (`options.citationStyle`) in the
 * document's language, as text (speaker notes and slides are text, escaped by the HTML writer).
 */
export async function deckCitations(input: DeckInput): Promise<CitationFormatter> {
  const cslDir = input.templatesDir ? join(input.templatesDir, "report", "csl") : DEFAULT_CSL_DIR;
  const lang = input.document.meta.language || "en";
  const style = await loadCitationStyle(cslDir, input.options.citationStyle, lang);
  return citationFormatter(input.document.sources, style, "text");
}

export function countSlides(plan: DeckPlan): number {
  return plan.columns.reduce((n, column) => n + column.length, 0);
}

/** Each exhibit of the deck drawn for the slide, by exhibit number. */
export async function deckDrawings(
  plan: DeckPlan,
  document: BriefingDocument,
): Promise<Map<number, string>> {
  const subjects = document.meta.subjects;
  const exhibits = plan.columns.flat().flatMap((s) => (s.exhibit ? [s.exhibit] : []));
  const svgs = await Promise.all(exhibits.map((e) => exhibitSvg(e, subjects, SLIDE_FRAME)));
  return new Map(exhibits.map((e, i) => [e.n, svgs[i]!]));
}

/** The deck's index.html before measuring (no splitting yet). Deterministic; no browser. */
export async function renderDeckHtml(input: DeckInput): Promise<string> {
  const plan = planDeck(input.document, await deckCitations(input));
  return deckDocument(
    plan,
    sourcesById(input.document),
    input.options,
    await deckDrawings(plan, input.document),
  );
}

/** A slide named as it shows its header ("Key findings 2/4", "Price"), else by its id. */
function titleOf(
  slide: Slide | undefined,
  id: string,
  markers: ReadonlyMap<Slide, PartMarker>,
): string {
  if (!slide) return `#${id}`;
  const marker = markers.get(slide);
  return `"${headerText(slide)}${marker ? ` ${marker.index}/${marker.total}` : ""}"`;
}

/**
 * The deck's checks on what the browser measured: a slide that overflows, a headline over two
 * lines, more than 60 words on a slide. Each an error naming the slide.
 */
export function checkDeck(plan: DeckPlan, measures: readonly SlideMeasure[]): Diagnostic[] {
  const byId = new Map(plan.columns.flat().map((s) => [s.id, s]));
  const out: Diagnostic[] = [...checkDeletions(plan)];
  const markers = partMarkers(plan.columns.flat());
  for (const m of measures) {
    const title = titleOf(byId.get(m.id), m.id, markers);
    if (m.overflow) {
      out.push({
        severity: "error",
        ruleId: "slides-overflow",
        message: `slide ${title} is ${Math.round(m.height)} px tall, more than ${SLIDE_HEIGHT} px, and could not be split further`,
        hint: "shorten the section in the outline template or the claim it shows",
      });
    }
    if ((m.headlineLines ?? 0) > MAX_HEADLINE_LINES) {
      out.push({
        severity: "error",
        ruleId: "slides-headline-too-long",
        message: `slide ${title}: its headline takes ${m.headlineLines} lines, more than ${MAX_HEADLINE_LINES}`,
        hint: "shorten the heading in the outline template",
      });
    }
    if ((m.words ?? 0) > MAX_SLIDE_WORDS) {
      out.push({
        severity: "error",
        ruleId: "slides-too-many-words",
        message: `slide ${title} shows ${m.words} words, more than ${MAX_SLIDE_WORDS}`,
        hint: "shorten the section's text in the outline template (a table row or heading cannot be split)",
      });
    }
  }
  return out;
}

/** A headline's text without the date or value it may lead with ("January 2022: …"). */
function headlineClaimText(slide: Slide): string {
  const h = slide.headline!;
  const lead = h.item.lead?.replace(/^\d+\.\s*/u, "");
  const prefix = lead ? leadPrefix(lead) : undefined;
  return prefix && h.text.startsWith(prefix) ? h.text.slice(prefix.length) : h.text;
}

/**
 * Every text a slide shows for a claim (bullet, cell, headline) must be its cited sentence with
 * marked deletions only; the sentence itself is checked against its source when the outline is
 * compiled, so a slide's short text is verified as its citation is.
 */
export function checkDeletions(plan: DeckPlan): Diagnostic[] {
  const out: Diagnostic[] = [];
  const markers = partMarkers(plan.columns.flat());
  for (const slide of plan.columns.flat()) {
    const shown = slide.groups
      .flatMap((g) => g.items)
      .filter((i) => i.kind === "claim" && i.full && slide.layout !== "exhibit")
      .map((i) => ({ text: bodyText(slide, i), full: i.full! }))
      .filter((s) => s.text !== SHOWN_ABOVE);
    if (slide.headline?.item.full)
      shown.push({ text: headlineClaimText(slide), full: slide.headline.item.full });
    for (const s of shown) {
      if (isDeletionOf(s.text, s.full)) continue;
      out.push({
        severity: "error",
        ruleId: "slides-not-a-deletion",
        message: `slide ${titleOf(slide, slide.id, markers)} shows "${s.text}", which is not its claim with marked deletions`,
        hint: "this is a bug in the deck's shortener: please report it with the corpus",
      });
    }
  }
  return out;
}

function hasNotes(slide: Slide): boolean {
  return (
    slide.notes.length > 0 ||
    Boolean(slide.headline?.item.full) ||
    slide.groups.some((g) => g.items.some((i) => i.full))
  );
}

/** Items a slide shows: its body's, and its headline's claim when that left the body. */
const shownItems = (s: Slide) => slideItems(s) + (s.headline && !s.headline.inBody ? 1 : 0);

export function deckFigures(plan: DeckPlan, measures: readonly SlideMeasure[]): DeckFigures {
  const slides = plan.columns.flat();
  const words = measures.map((m) => m.words ?? 0).sort((a, b) => a - b);
  const content = slides.filter((s) => s.kind !== "title" && s.kind !== "agenda");
  return {
    slides: slides.length,
    words: {
      max: words[words.length - 1] ?? 0,
      median: words.length > 0 ? words[Math.floor((words.length - 1) / 2)]! : 0,
    },
    notes: { withNotes: content.filter(hasNotes).length, content: content.length },
    thin: slides
      .filter((s) => s.layout !== "title" && s.layout !== "exhibit" && shownItems(s) < 2)
      .map((s) => s.id),
    headlineLines: Math.max(0, ...measures.map((m) => m.headlineLines ?? 0)),
    topicHeadlines: content
      // (A disagreement's slide is headed by its topic: what the sources differ on.)
      .filter((s) => !s.headline && !s.pair && s.kind !== "sources" && s.layout !== "table")
      .map((s) => s.id),
    wordiest: measures
      .map((m) => ({ id: m.id, words: m.words ?? 0 }))
      .sort((a, b) => b.words - a.words)
      .slice(0, 5),
    longestBullet: Math.max(
      0,
      ...content.flatMap((s) => [
        countWords(s.headline?.text),
        ...s.groups.flatMap((g) => g.items.map((i) => countWords(i.lead) + countWords(i.text))),
      ]),
    ),
  };
}

interface Fitted {
  plan: DeckPlan;
  indexPath: string;
  blocked: string[];
  measures: SlideMeasure[];
  rounds: number;
  /** The handout, printed from the page that was measured last (the kept plan's). */
  pdf: Uint8Array;
  /** Milliseconds spent printing (the layout is the fit's). */
  printMs: number;
}

/**
 * Lays out, measures and splits the deck in `dir` until every slide fits: slides are first cut
 * by words into parts of even weight, then split where the browser finds them too tall, then a
 * continuation left with a single item is evened out with its siblings when that still fits.
 * Each layout is the print view, so a deck that fits on the first layout is laid out once: the
 * page measured is the page printed (when the deck passes its checks: `check`).
 */
async function fitDeck(
  input: DeckInput,
  dir: string,
  browser: BrowserSession,
  check: (plan: DeckPlan, measures: SlideMeasure[]) => void,
): Promise<Fitted> {
  const sources = sourcesById(input.document);
  const indexPath = join(dir, "index.html");
  const printView = `${pathToFileURL(indexPath).href}?print-pdf`;
  const planned = planDeck(input.document, await deckCitations(input));
  // Exhibit slides are never split, so their drawings are made once.
  const drawings = await deckDrawings(planned, input.document);
  let plan = assignHeadlines(packByWords(planned));
  const sandbox = await browser.newPage({ allowedRoots: [dir] });
  let rounds = 0;
  let tookBack = 0;
  let loaded: DeckPlan | undefined;
  const measure = async (p: DeckPlan) => {
    rounds++;
    await writeFile(indexPath, deckDocument(p, sources, input.options, drawings));
    await sandbox.open(printView);
    await waitForDeck(sandbox, true);
    loaded = p;
    return measureDeck(sandbox);
  };
  try {
    await sandbox.page.setViewport({ width: SLIDE_WIDTH, height: SLIDE_HEIGHT });
    let measures: SlideMeasure[];
    for (;;) {
      measures = await measure(plan);
      const overflowing = measures.filter((m) => m.overflow);
      // A long headline the browser sets on a third line is taken back (the slide is headed as
      // before it was tried), the last round included: each take-back rules that claim out as a
      // long headline, and the last one allowed rules out every long headline on its slides.
      const tall = new Set(
        measures.filter((m) => (m.headlineLines ?? 0) > MAX_HEADLINE_LINES).map((m) => m.id),
      );
      const shorter =
        tall.size > 0 ? takeBackLongHeadlines(plan, tall, tookBack >= MAX_ROUNDS - 1) : null;
      if (shorter && tookBack < MAX_ROUNDS) {
        tookBack++;
        plan = shorter;
        continue;
      }
      // (Rounds that took a headline back leave the splitting its rounds.)
      if (rounds - tookBack >= MAX_ROUNDS) break;
      const split = overflowing.length > 0 ? splitOverflowing(plan, measures) : undefined;
      if (!split || split.stuck.length === overflowing.length) {
        // Nothing (more) to split: too many words are still made lighter, while that helps (a
        // slide that overflows and cannot be split is reported by the check).
        const lighter = lightenWordy(plan, measures, MAX_SLIDE_WORDS);
        if (!lighter) break;
        plan = assignHeadlines(lighter);
        continue;
      }
      plan = assignHeadlines(split.plan);
    }
    // Thin continuations: try each evened out; keep it where every part still fits.
    for (const origin of thinOrigins(plan)) {
      const candidate = assignHeadlines(
        rebalance(clearHeadlines(structuredClone(plan), origin), origin),
      );
      const tried = await measure(candidate);
      const ids = new Set(
        candidate.columns
          .flat()
          .filter((s) => s.origin === origin)
          .map((s) => s.id),
      );
      const ok = tried
        .filter((m) => ids.has(m.id))
        .every(
          (m) =>
            !m.overflow &&
            (m.words ?? 0) <= MAX_SLIDE_WORDS &&
            (m.headlineLines ?? 0) <= MAX_HEADLINE_LINES,
        );
      if (ok) {
        plan = candidate;
        measures = tried;
      }
    }
    // The median goal: slides over it shortened harder by deletion, a step at a time; a slide
    // keeps a step only where the browser counts fewer words on it and it still passes its checks.
    for (let step = 0; step <= MAX_LEVEL; step++) {
      const harder = shortenOverBudget(plan, measures, SOFT_SLIDE_WORDS);
      if (!harder) break;
      const tried = await measure(harder);
      const before = new Map(measures.map((m) => [m.id, m]));
      const kept = new Map<string, SlideMeasure>();
      for (const m of tried) {
        const was = before.get(m.id);
        const better =
          was !== undefined &&
          (m.words ?? 0) < (was.words ?? 0) &&
          !m.overflow &&
          (m.headlineLines ?? 0) <= MAX_HEADLINE_LINES;
        kept.set(m.id, better ? m : was!);
      }
      const previous = new Map(plan.columns.flat().map((s) => [s.id, s]));
      const next: DeckPlan = {
        ...harder,
        columns: harder.columns.map((column) =>
          column.map((s) => (kept.get(s.id) === before.get(s.id) ? previous.get(s.id)! : s)),
        ),
      };
      const improved = tried.some((m) => kept.get(m.id) === m);
      if (!improved) break;
      plan = next;
      measures = plan.columns.flat().map((s) => kept.get(s.id)!);
    }
    check(plan, measures);
    // The page holds the last plan measured: lay out the kept one again only when it differs.
    if (loaded !== plan) {
      rounds++;
      await writeFile(indexPath, deckDocument(plan, sources, input.options, drawings));
      await sandbox.open(printView);
      await waitForDeck(sandbox, true);
    }
    const printing = performance.now();
    const pdf = await printOpenDeck(sandbox);
    return {
      plan,
      indexPath,
      blocked: [...sandbox.blocked],
      measures,
      rounds,
      pdf,
      printMs: performance.now() - printing,
    };
  } finally {
    await sandbox.close();
  }
}

/**
 * Writes `<outDir>/slides/` (index.html and its assets; staged, then swapped in atomically)
 * and `<outDir>/slides.pdf`.
 */
export async function writeSlides(input: WriteSlidesInput): Promise<WriteSlidesResult> {
  const { outDir, templatesDir, browser } = input;
  await mkdir(outDir, { recursive: true });
  const stage = await mkdtemp(join(outDir, ".slides-"));
  try {
    await copyDeckAssets(stage, templatesDir, input.options.theme);
    const started = performance.now();
    const fitted = await fitDeck(input, stage, browser, (plan, measures) => {
      const failed = checkDeck(plan, measures);
      if (failed.length > 0) {
        throw new BriefwrightError(
          "input",
          `the deck fails ${failed.length} check(s): ${failed.map((d) => d.message).join("; ")}`,
          failed,
        );
      }
    });
    const fittedAt = performance.now();
    const target = join(outDir, "slides");
    const pdfPath = join(outDir, "slides.pdf");
    await replaceDirAtomic(stage, target);
    // One PDF post-process for both PDFs (writers/shared): fixed dates, no /ID drift.
    const pdf = makeReproducible(
      fitted.pdf,
      briefingPdfMetadata(input.document.meta, fitted.plan.title, input.sourceDateEpoch),
    );
    await writeFileAtomic(pdfPath, pdf);
    return {
      indexPath: join(target, "index.html"),
      pdfPath,
      slides: countSlides(fitted.plan),
      blocked: fitted.blocked,
      diagnostics: [],
      figures: deckFigures(fitted.plan, fitted.measures),
      timings: {
        fit: Math.round(fittedAt - started - fitted.printMs),
        rounds: fitted.rounds,
        pdf: Math.round(fitted.printMs),
      },
    };
  } catch (error) {
    await rm(stage, { recursive: true, force: true });
    throw error;
  }
}

/** `write` for the writers registry (`writers/index.ts`). */
export const write: WriteFn = async (document, context) => {
  if (!context.browser) throw new Error("the deck writer needs the build's browser");
  const result = await writeSlides({
    document,
    options: context.options.deck,
    outDir: context.outDir,
    templatesDir: context.templatesDir,
    browser: context.browser,
    ...(context.sourceDateEpoch !== undefined ? { sourceDateEpoch: context.sourceDateEpoch } : {}),
  });
  const f = result.figures;
  const written: Awaited<ReturnType<WriteFn>> & { figures: DeckFigures } = {
    outputs: ["slides/index.html", "slides.pdf"],
    blocked: result.blocked,
    diagnostics: result.diagnostics,
    slides: result.slides,
    figures: f,
    facts: [
      `deck: ${f.slides} slides; words per slide max ${f.words.max}, median ${f.words.median}; notes on ${f.notes.withNotes} of ${f.notes.content} content slides; longest headline ${f.headlineLines} line${f.headlineLines === 1 ? "" : "s"}; longest bullet ${f.longestBullet} words; ${f.thin.length} thin slide${f.thin.length === 1 ? "" : "s"}${f.thin.length > 0 ? ` (${f.thin.join(", ")})` : ""}; ${f.topicHeadlines.length} headline${f.topicHeadlines.length === 1 ? "" : "s"} naming a section; wordiest ${f.wordiest.map((w) => `${w.id} (${w.words})`).join(", ")}`,
    ],
  };
  return written;
};
