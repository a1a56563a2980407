/**
 * Watch mode: one browser for the session; on every change to the corpus or the templates,
 * the model and the HTML outputs are rewritten first (within a few hundred ms), then the whole
 * build runs with the PDFs. Unchanged sources are not parsed again.
 */
import { type FSWatcher, watch as fsWatch } from "node:fs";
import { join } from "node:path";
import type { ReaderCache } from "../readers/index.js";
import { writeFileAtomic } from "../runtime/atomic.js";
import { type BrowserSession, launchBrowser } from "../runtime/browser.js";
import { acquireLock } from "../runtime/lock.js";
import { renderDeckHtml } from "../writers/deck/index.js";
import { briefingToJson } from "../writers/json/index.js";
import { treeToMarkdown } from "../writers/markdown/index.js";
import { renderReportHtml } from "../writers/report/index.js";
import {
  type BuildOptions,
  type BuildResult,
  build,
  compile,
  DEFAULT_TEMPLATES,
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

/** Rewrites briefing.json/.md, briefing.html and slides/index.html from a fresh compile. */
async function writeHtml(options: BuildOptions, cache: ReaderCache): Promise<void> {
  const c = await compile({ ...options, readerCache: cache }, new Stages(() => {}));
  const lock = await acquireLock(options.outDir);
  try {
    const out = options.outDir;
    await writeFileAtomic(join(out, "briefing.json"), briefingToJson(c.briefing));
    await writeFileAtomic(join(out, "briefing.md"), treeToMarkdown(c.tree));
    const { report, deck } = c.options.writers;
    const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES;
    await writeFileAtomic(
      join(out, "briefing.html"),
      await renderReportHtml({
        document: c.document,
        options: report,
        assetsDir: "assets",
        templatesDir: join(templatesDir, "report"),
      }),
    );
    await writeFileAtomic(
      join(out, "slides", "index.html"),
      await renderDeckHtml({ document: c.document, options: deck }),
    );
  } finally {
    await lock.release();
  }
}

export async function startWatch(
  options: BuildOptions,
  onEvent: (e: WatchEvent) => void,
  progress: Progress = () => {},
): Promise<WatchHandle> {
  const cache: ReaderCache = new Map();
  const browser: BrowserSession =
    options.browser ?? (await launchBrowser(options.env ? { env: options.env } : {}));
  const opts: BuildOptions = { ...options, browser, readerCache: cache };
  let running: Promise<void> | undefined;
  let pending: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const full = async () => {
    const t0 = performance.now();
    const result = await build(opts, progress);
    onEvent({ kind: "full", ms: performance.now() - t0, result });
  };

  const cycle = async (changed: string[]) => {
    try {
      const t0 = performance.now();
      await writeHtml(opts, cache);
      onEvent({ kind: "html", ms: performance.now() - t0, changed });
      if (pending.length === 0) await full();
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

  const onChange = (root: string) => (_event: string, file: string | Buffer | null) => {
    const name = file ? String(file) : "";
    if (name.includes(".staging-") || name.endsWith(".tmp") || name.startsWith(".")) return;
    pending.push(join(root, name));
    clearTimeout(timer);
    timer = setTimeout(kick, 30);
  };

  const templatesDir = options.templatesDir ?? DEFAULT_TEMPLATES;
  const watchers: FSWatcher[] = [
    fsWatch(options.corpusDir, { recursive: true }, onChange(options.corpusDir)),
    fsWatch(templatesDir, { recursive: true }, onChange(templatesDir)),
  ];

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
      if (!options.browser) await browser.close();
    },
  };
}
