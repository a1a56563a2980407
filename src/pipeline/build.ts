/**
 * The whole job as one function: read → analyse → compile → verify → render → commit.
 * Never prints, never exits; reports progress through a callback and returns what it wrote.
 *
 * Outputs are staged in a hidden folder inside the output folder and moved into place only when
 * every output was written, so a failed build leaves the previous outputs as they were.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import type { BriefSpec, ResolvedOptions } from "../brief/index.js";
import { BriefwrightError, type Diagnostic } from "../diagnostics/types.js";
import { type AnalyseResult, analyse, startNlpThread } from "../engine/index.js";
import type { Briefing } from "../model/briefing.js";
import type { BriefingDocument } from "../model/document.js";
import type { Source } from "../model/source.js";
import { compileOutline, loadOutline } from "../outline/index.js";
import type { ReaderCache } from "../readers/index.js";
import { commitStaged } from "../runtime/atomic.js";
import { type BrowserSession, launchBrowser } from "../runtime/browser.js";
import { track } from "../runtime/cleanup.js";
import { acquireLock } from "../runtime/lock.js";
import { packagePath } from "../util/package.js";
import {
  SELECTORS,
  WRITERS,
  type Writer,
  type WriterContext,
  type WriterResult,
} from "../writers/index.js";
import { makeDocument } from "./document.js";
import { checkNamedAssets, readBrief } from "./inspect.js";

/** An `--only` value: a writer's selector (`json`, `pdf`, `slides`). */
export type OutputKind = string;
export const OUTPUT_KINDS: readonly OutputKind[] = SELECTORS;

/** The templates shipped with briefwright (`templates/` beside `dist/`). */
export const DEFAULT_TEMPLATES = packagePath("templates");

export interface BuildOptions {
  corpusDir: string;
  outDir: string;
  /** Which outputs to write (default: all). */
  only?: readonly OutputKind[];
  /** Warnings fail the build. */
  strict?: boolean;
  templatesDir?: string;
  /** Fixed time for PDF dates (seconds); defaults to SOURCE_DATE_EPOCH, then the brief's date. */
  sourceDateEpoch?: number;
  /** An already-open browser to reuse (watch mode); otherwise one is launched and closed. */
  browser?: BrowserSession;
  /** Reader cache for watch mode: unchanged files are not parsed again. */
  readerCache?: ReaderCache;
  /**
   * What `compile` already made of this corpus (watch mode's quick pass): the build writes it
   * without reading, analysing and compiling again.
   */
  compiled?: Compiled;
  /**
   * The last analysis (watch mode): a read whose sources and engine options equal the last
   * one's (an outline, template or writer setting changed) reuses it instead of analysing again.
   * `analyse` is a pure function of those two, so the briefing is the same either way.
   */
  analysisCache?: AnalysisCache;
  env?: NodeJS.ProcessEnv;
}

export interface AnalysisCache {
  key?: string;
  result?: AnalyseResult;
}

export interface StageTiming {
  stage: string;
  ms: number;
}

export interface BuildResult {
  outputs: string[];
  diagnostics: Diagnostic[];
  timings: StageTiming[];
  sources: number;
  citations: number;
  pages?: number;
  slides?: number;
  blocked: string[];
  /** What the writers measured, one line each (`build -v` prints them). */
  facts: string[];
}

export type ProgressEvent = { stage: string; state: "start" | "done"; ms?: number };
export type Progress = (event: ProgressEvent) => void;

export interface Compiled {
  sources: Source[];
  spec: BriefSpec;
  briefing: Briefing;
  tree: import("mdast").Root;
  /** What the writers consume. */
  document: BriefingDocument;
  /** brief.yaml resolved into each stage's options. */
  options: ResolvedOptions;
  diagnostics: Diagnostic[];
  citations: number;
}

export class Stages {
  readonly timings: StageTiming[] = [];
  constructor(private readonly progress: Progress) {}
  async run<T>(stage: string, fn: () => Promise<T> | T): Promise<T> {
    this.progress({ stage, state: "start" });
    const t0 = performance.now();
    const value = await fn();
    const ms = performance.now() - t0;
    this.timings.push({ stage, ms });
    this.progress({ stage, state: "done", ms });
    return value;
  }
}

function countCitations(tree: import("mdast").Root): number {
  let n = 0;
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === "cite") n++;
    for (const child of (node.children ?? []) as { type: string }[]) walk(child);
  };
  walk(tree as never);
  return n;
}

/** `analyse`, or a copy of the cached result when its inputs are the cached ones. */
function cachedAnalyse(
  sources: Source[],
  engine: ResolvedOptions["engine"],
  cache: AnalysisCache | undefined,
): AnalyseResult {
  if (!cache) return analyse(sources, engine);
  const key = JSON.stringify([sources, engine]);
  // Copies both ways: later stages may annotate the briefing they are given.
  if (cache.key === key && cache.result) return structuredClone(cache.result);
  const result = analyse(sources, engine);
  cache.key = key;
  cache.result = structuredClone(result);
  return result;
}

/**
 * Everything but writing: read, analyse, compile the outline, verify every citation.
 * `analysed` is called once the analysis is done (the build starts the browser there).
 */
export async function compile(
  options: BuildOptions,
  stages: Stages,
  analysed: () => void = () => {},
): Promise<Compiled> {
  // The NLP model loads on its own thread while the corpus is read (engine/nlp.ts).
  startNlpThread();
  const corpus = await stages.run("read", () =>
    readBrief(options.corpusDir, {
      ...(options.readerCache ? { cache: options.readerCache } : {}),
      // An --out folder inside the corpus holds the build's outputs, never sources.
      exclude: [resolve(options.outDir)],
    }),
  );
  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES;
  // A style or theme that does not exist fails now, in `check` too, at its line in brief.yaml.
  await checkNamedAssets(corpus, templatesDir);
  const diagnostics = [...corpus.diagnostics];
  const analysis = await stages.run("analyse", () =>
    cachedAnalyse(corpus.sources, corpus.options.engine, options.analysisCache),
  );
  diagnostics.push(...analysis.diagnostics);
  analysed();
  const compiled = await stages.run("compile", async () => {
    const outline = await loadOutline(options.corpusDir, templatesDir);
    // compileOutline re-verifies every citation of the finished tree and throws on a miss.
    return compileOutline({
      briefing: analysis.briefing,
      sources: corpus.sources,
      outline,
      fallbackMaxWords: corpus.options.engine.maxWords,
    });
  });
  diagnostics.push(...compiled.diagnostics);
  if (options.strict) {
    const warnings = diagnostics.filter((d) => d.severity === "warning");
    if (warnings.length) {
      throw new BriefwrightError(
        "input",
        `${warnings.length} warning(s) with --strict`,
        warnings.map((d) => ({ ...d, severity: "error" as const })),
      );
    }
  }
  return {
    sources: corpus.sources,
    spec: corpus.spec,
    briefing: analysis.briefing,
    tree: compiled.tree,
    document: makeDocument(analysis.briefing, compiled.tree),
    options: corpus.options,
    diagnostics,
    citations: countCitations(compiled.tree),
  };
}

/** SOURCE_DATE_EPOCH when set; otherwise the writers fall back to the brief's date. */
function sourceDateEpoch(env: NodeJS.ProcessEnv, explicit?: number): number | undefined {
  if (explicit !== undefined) return explicit;
  const seconds = Number(env.SOURCE_DATE_EPOCH);
  return env.SOURCE_DATE_EPOCH && Number.isFinite(seconds) ? Math.trunc(seconds) : undefined;
}

/** Moves every entry of the staging folder into the output folder, each atomically. */
export async function build(
  options: BuildOptions,
  progress: Progress = () => {},
): Promise<BuildResult> {
  const stages = new Stages(progress);
  const only = new Set<string>(options.only ?? OUTPUT_KINDS);
  const writers = WRITERS.filter((w) => only.has(w.selector));
  const env = options.env ?? process.env;
  const lock = await acquireLock(options.outDir);
  let staging: string | undefined;
  let untrackStaging = () => {};
  // The pipeline owns the browser: one launch and one close below. The launch (several
  // processes, most of a core for a few hundred ms) starts where it has a core of its own: at
  // once on a machine with more than two, since the read and the analysis keep two busy (the
  // main thread and the NLP thread); on two or fewer, once the analysis is done, beside the
  // outline's compile and the outputs that need no browser. A launch failure surfaces only when
  // the browser is needed, so bad input is still reported first. Watch mode lends its own
  // session instead.
  let launching: Promise<BrowserSession> | undefined;
  const launch = () => {
    if (launching || options.browser || !writers.some((w) => w.needsBrowser)) return;
    launching = launchBrowser({ env });
    launching.catch(() => {});
  };
  if (availableParallelism() > 2) launch();
  try {
    const c = options.compiled ?? (await compile(options, stages, launch));
    launch();
    staging = await mkdtemp(join(options.outDir, ".staging-"));
    untrackStaging = track({ kind: "dir", path: staging });
    const result: BuildResult = {
      outputs: [],
      diagnostics: c.diagnostics,
      timings: stages.timings,
      sources: c.sources.length,
      citations: c.citations,
      blocked: [],
      facts: [],
    };
    const context: WriterContext = {
      outDir: staging,
      templatesDir: options.templatesDir ?? DEFAULT_TEMPLATES,
      options: c.options.writers,
    };
    const epoch = sourceDateEpoch(env, options.sourceDateEpoch);
    if (epoch !== undefined) context.sourceDateEpoch = epoch;
    const written = await runWriters(writers, c.document, context, stages, async () => {
      if (options.browser) return options.browser;
      return stages.run("launch browser", () => launching!);
    });
    for (const r of written) {
      result.blocked.push(...r.blocked);
      result.diagnostics.push(...r.diagnostics);
      result.facts.push(...(r.facts ?? []));
      if (r.pages !== undefined) result.pages = r.pages;
      if (r.slides !== undefined) result.slides = r.slides;
    }
    // All or nothing: each old output is moved aside first and put back if any rename fails.
    await stages.run("commit", () => commitStaged(staging!, options.outDir));
    result.outputs = written.flatMap((r) => r.outputs).map((n) => join(options.outDir, n));
    for (const url of result.blocked) {
      result.diagnostics.push({
        severity: "warning",
        ruleId: "render-request-blocked",
        message: `the browser was refused a request outside the build: ${url}`,
      });
    }
    return result;
  } finally {
    if (launching) await (await launching.catch(() => undefined))?.close();
    if (staging) await rm(staging, { recursive: true, force: true });
    untrackStaging();
    await lock.release();
  }
}

/**
 * Runs the writers: those without a browser first, one after the other, then those that print,
 * side by side, each in its own page of the one browser. Results come back in registry order.
 */
export async function runWriters(
  writers: readonly Writer[],
  document: BriefingDocument,
  context: WriterContext,
  stages: Stages,
  browser: () => Promise<BrowserSession>,
): Promise<WriterResult[]> {
  const results = new Map<Writer, WriterResult>();
  const plain = writers.filter((w) => !w.needsBrowser);
  for (const stage of [...new Set(plain.map((w) => w.stage))]) {
    await stages.run(stage, async () => {
      for (const w of plain.filter((x) => x.stage === stage))
        results.set(w, await (await w.load())(document, context));
    });
  }
  const printing = writers.filter((w) => w.needsBrowser);
  if (printing.length > 0) {
    const session = await browser();
    const settled = await Promise.allSettled(
      printing.map((w) =>
        stages.run(w.stage, async () =>
          (await w.load())(document, { ...context, browser: session }),
        ),
      ),
    );
    settled.forEach((s, i) => {
      if (s.status === "rejected") throw s.reason;
      results.set(printing[i]!, s.value);
    });
  }
  return writers.flatMap((w) => (results.has(w) ? [results.get(w)!] : []));
}
