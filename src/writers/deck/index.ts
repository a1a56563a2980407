/**
 * The slide deck writer: the compiled briefing as a reveal.js deck (out/slides/, works offline)
 * and its handout (out/slides.pdf, one page per slide). Slides that do not fit are split into
 * continuation slides by measuring them in Chromium.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Diagnostic } from "../../diagnostics/types.js";
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
import { deckDocument, SLIDE_HEIGHT, SLIDE_WIDTH } from "./html.js";
import { measureDeck, waitForDeck } from "./measure.js";
import { printDeck } from "./pdf.js";
import { planDeck } from "./plan.js";
import type { DeckPlan } from "./slides.js";
import { type SlideMeasure, splitOverflowing } from "./split.js";

export { SLIDE_HEIGHT, SLIDE_WIDTH } from "./html.js";
export { planDeck } from "./plan.js";
export { isDeletionOf, shortenClaim } from "./shorten.js";
export type { DeckPlan, Slide, SlideGroup, SlideItem } from "./slides.js";

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
  /** Slides that still overflow after splitting (empty for a sound deck), as warnings. */
  diagnostics: Diagnostic[];
  /** Where the time went, in milliseconds (for benchmarks; never written into an output). */
  timings: { fit: number; rounds: number; pdf: number };
}

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

function overflowDiagnostics(measures: readonly SlideMeasure[]): Diagnostic[] {
  return measures
    .filter((m) => m.overflow)
    .map((m) => ({
      severity: "warning" as const,
      ruleId: "slides-overflow",
      message: `slide #${m.id} is ${Math.round(m.height)} px tall, more than ${SLIDE_HEIGHT} px, and could not be split further`,
      hint: "shorten the section in the outline template or the claim it shows",
    }));
}

/** Lays out, measures and splits the deck in `dir` until every slide fits. */
async function fitDeck(
  input: DeckInput,
  dir: string,
  browser: BrowserSession,
): Promise<{
  plan: DeckPlan;
  indexPath: string;
  blocked: string[];
  diagnostics: Diagnostic[];
  rounds: number;
}> {
  const sources = sourcesById(input.document);
  const indexPath = join(dir, "index.html");
  let plan = planDeck(input.document, await deckCitations(input));
  // Exhibit slides are never split, so their drawings are made once.
  const drawings = await deckDrawings(plan, input.document);
  const sandbox = await browser.newPage({ allowedRoots: [dir] });
  try {
    await sandbox.page.setViewport({ width: SLIDE_WIDTH, height: SLIDE_HEIGHT });
    for (let round = 0; ; round++) {
      await writeFile(indexPath, deckDocument(plan, sources, input.options, drawings));
      await sandbox.open(indexPath);
      await waitForDeck(sandbox);
      const measures = await measureDeck(sandbox);
      const overflowing = measures.filter((m) => m.overflow);
      if (overflowing.length === 0) {
        return {
          plan,
          indexPath,
          blocked: [...sandbox.blocked],
          diagnostics: [],
          rounds: round + 1,
        };
      }
      const { plan: next, stuck } = splitOverflowing(plan, measures);
      if (round + 1 >= MAX_ROUNDS || stuck.length === overflowing.length) {
        return {
          plan,
          indexPath,
          blocked: [...sandbox.blocked],
          diagnostics: overflowDiagnostics(measures),
          rounds: round + 1,
        };
      }
      plan = next;
    }
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
    const fitted = await fitDeck(input, stage, browser);
    const fittedAt = performance.now();
    const printed = await printDeck(browser, fitted.indexPath, stage);
    const target = join(outDir, "slides");
    const pdfPath = join(outDir, "slides.pdf");
    await replaceDirAtomic(stage, target);
    // One PDF post-process for both PDFs (writers/shared): fixed dates, no /ID drift.
    const pdf = makeReproducible(
      printed.pdf,
      briefingPdfMetadata(input.document.meta, fitted.plan.title, input.sourceDateEpoch),
    );
    await writeFileAtomic(pdfPath, pdf);
    return {
      indexPath: join(target, "index.html"),
      pdfPath,
      slides: countSlides(fitted.plan),
      blocked: [...fitted.blocked, ...printed.blocked],
      diagnostics: fitted.diagnostics,
      timings: {
        fit: Math.round(fittedAt - started),
        rounds: fitted.rounds,
        pdf: Math.round(printed.ms.load + printed.ms.print),
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
  return {
    outputs: ["slides/index.html", "slides.pdf"],
    blocked: result.blocked,
    diagnostics: result.diagnostics,
    slides: result.slides,
  };
};
