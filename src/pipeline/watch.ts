/**
 * Watch mode: one browser for the session; on every change to the corpus or the templates,
 * the corpus is read (only changed files are parsed again: the reader cache), analysed (only
 * when the sources or the engine's options changed: the analysis cache) and compiled once; the
 * model and the HTML outputs are rewritten from that first, then the PDFs are printed from the
 * same compile.
 */
import { type FSWatcher, watch as fsWatch } from "node:fs";
import { stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { BriefwrightError } from "../diagnostics/types.js";
import type { ReaderCache } from "../readers/index.js";
import { type BrowserSession, launchBrowser } from "../runtime/browser.js";
import { acquireLock } from "../runtime/lock.js";
import { WRITERS } from "../writers/index.js";
import {
  type BuildOptions,
  type BuildResult,
  build,
  type Compiled,
  compile,
  DEFAULT_TEMPLATES,
  OUTPUT_KINDS,
  type Progress,
  Stages,
} from "./build.js";

export type WatchEvent =
  | { kind: "html"; ms: number; changed: string[] }
  | { kind: "full"; ms: number; result: BuildResult }
  | { kind: "error"; error: unknown };

export interface WatchHandle {
  close(): Promise<void>;
  /** Resolves when no rebuild is running or pending. */
  idle(): Promise<void>;
}

/**
 * The quick pass after a change: a fresh compile, then every selected writer's output that needs
 * no browser (the model, Markdown, and the report's and deck's HTML previews). Returns the
 * compile, which the full build then prints from.
 */
async function writeHtml(
  options: BuildOptions,
  cache: ReaderCache,
  progress: Progress,
): Promise<Compiled> {
  const stages = new Stages(progress);
  const c = await compile({ ...options, readerCache: cache }, stages);
  const only = new Set<string>(options.only ?? OUTPUT_KINDS);
  const lock = await acquireLock(options.outDir);
  try {
    const context = {
      outDir: options.outDir,
      templatesDir: options.templatesDir ?? DEFAULT_TEMPLATES,
      options: c.options.writers,
    };
    for (const writer of WRITERS.filter((w) => only.has(w.selector))) {
      await stages.run(`${writer.name} preview`, async () => {
        const write = writer.needsBrowser ? await writer.loadPreview?.() : await writer.load();
        await write?.(c.document, context);
      });
    }
  } finally {
    await lock.release();
  }
  return c;
}

export async function startWatch(
  options: BuildOptions,
  onEvent: (e: WatchEvent) => void,
  progress: Progress = () => {},
): Promise<WatchHandle> {
  // A missing corpus is bad input, found before a browser is launched (nothing left running).
  const corpusInfo = await stat(options.corpusDir).catch(() => undefined);
  if (!corpusInfo?.isDirectory())
    throw new BriefwrightError("input", `corpus folder not found: ${options.corpusDir}`, [
      {
        severity: "error",
        ruleId: "corpus-missing",
        file: options.corpusDir,
        message: "corpus folder not found",
        hint: "pass --corpus DIR with a folder of .md, .txt or .html sources",
      },
    ]);
  const cache: ReaderCache = new Map();
  // A browser only when a selected output prints (`--only json,md` needs none).
  const only = new Set<string>(options.only ?? OUTPUT_KINDS);
  const printing = WRITERS.some((w) => w.needsBrowser && only.has(w.selector));
  const launched: BrowserSession | undefined =
    !options.browser && printing
      ? await launchBrowser(options.env ? { env: options.env } : {})
      : undefined;
  const browser = options.browser ?? launched;
  const opts: BuildOptions = {
    ...options,
    readerCache: cache,
    analysisCache: {},
    ...(browser ? { browser } : {}),
  };
  let running: Promise<void> | undefined;
  let pending: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const full = async (compiled?: Compiled) => {
    const t0 = performance.now();
    const result = await build(compiled ? { ...opts, compiled } : opts, progress);
    onEvent({ kind: "full", ms: performance.now() - t0, result });
  };

  const cycle = async (changed: string[]) => {
    try {
      const t0 = performance.now();
      const compiled = await writeHtml(opts, cache, progress);
      onEvent({ kind: "html", ms: performance.now() - t0, changed });
      // A change that came in meanwhile is compiled by the next cycle; else print this one.
      if (pending.length === 0) await full(compiled);
    } catch (error) {
      onEvent({ kind: "error", error });
    }
  };

  const kick = () => {
    if (running || closed || pending.length === 0) return;
    const changed = pending;
    pending = [];
    running = cycle(changed).finally(() => {
      running = undefined;
      kick();
    });
  };

  // An output folder inside the corpus: its writes are not changes to rebuild for.
  const outDir = resolve(options.outDir);
  const isOutput = (path: string) => {
    const rel = relative(outDir, resolve(path));
    return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
  };
  const onChange = (root: string) => (_event: string, file: string | Buffer | null) => {
    const name = file ? String(file) : "";
    if (name.includes(".staging-") || name.endsWith(".tmp") || name.startsWith(".")) return;
    if (isOutput(join(root, name))) return;
    pending.push(join(root, name));
    clearTimeout(timer);
    timer = setTimeout(kick, 30);
  };

  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES;
  const watchers: FSWatcher[] = [];
  try {
    watchers.push(fsWatch(options.corpusDir, { recursive: true }, onChange(options.corpusDir)));
    watchers.push(fsWatch(templatesDir, { recursive: true }, onChange(templatesDir)));
  } catch (error) {
    // Never leave the browser (or a watcher) running behind an error.
    for (const w of watchers) w.close();
    await launched?.close();
    throw error;
  }

  try {
    await full();
  } catch (error) {
    onEvent({ kind: "error", error });
  }

  return {
    idle: async () => {
      while (running || pending.length || timer?.hasRef()) {
        if (running) await running;
        else await new Promise((resolve) => setTimeout(resolve, 40));
        if (!running && pending.length === 0) break;
      }
    },
    close: async () => {
      closed = true;
      clearTimeout(timer);
      for (const w of watchers) w.close();
      if (running) await running.catch(() => {});
      await launched?.close();
    },
  };
}
