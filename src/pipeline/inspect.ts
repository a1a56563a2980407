/**
 * The read stage on its own: loads the brief, resolves each stage's options, and reads the corpus
 * with the reader's part. `compile()` starts with it; `briefwright inspect` shows what it found.
 */

import { join } from "node:path";
import {
  type BriefSpec,
  loadBriefSpec,
  type ResolvedOptions,
  resolveOptions,
  unknownSources,
} from "../brief/index.js";
import { BriefwrightError, type Diagnostic } from "../diagnostics/types.js";
import { type Copy, findCopies } from "../engine/index.js";
import type { Source } from "../model/source.js";
import { displayPath, type ReaderCache, readCorpus } from "../readers/index.js";
import { briefingDate } from "../util/dates.js";

export interface ReadBrief {
  /** The validated brief (defaults filled); what the writers are still handed. */
  spec: BriefSpec;
  /** The brief's file as named in messages, when the corpus has one. */
  specPath?: string;
  /** Where a setting is written in the brief's file, when the corpus has one. */
  place?: (keys: string[]) => { line: number; column: number };
  /** Each stage's options, resolved from the brief once. */
  options: ResolvedOptions;
  sources: Source[];
  diagnostics: Diagnostic[];
}

export async function readBrief(
  corpusDir: string,
  opts: { cache?: ReaderCache; displayDir?: string; exclude?: readonly string[] } = {},
): Promise<ReadBrief> {
  const displayDir = opts.displayDir ?? displayPath(corpusDir);
  const loaded = await loadBriefSpec(corpusDir, displayDir);
  const resolved = resolveOptions(loaded.spec);
  // The briefing's own date: brief.yaml's, else the build's (SOURCE_DATE_EPOCH, else today);
  // never the newest source's (the sources' span is in the method note).
  const options = {
    ...resolved,
    engine: { ...resolved.engine, date: briefingDate(resolved.engine.date) },
  };
  const corpus = await readCorpus(corpusDir, {
    ...options.reader,
    displayDir,
    ...(opts.cache ? { cache: opts.cache } : {}),
    ...(opts.exclude ? { exclude: opts.exclude } : {}),
    checkFiles: (files) => unknownSources(loaded, files, displayDir),
  });
  return {
    spec: loaded.spec,
    ...(loaded.path ? { specPath: loaded.path } : {}),
    ...(loaded.place ? { place: loaded.place } : {}),
    options,
    sources: corpus.sources,
    diagnostics: corpus.diagnostics,
  };
}

/** What `briefwright inspect` shows: the read stage, and which sources are copies of which. */
export async function inspectCorpus(corpusDir: string): Promise<ReadBrief & { copies: Copy[] }> {
  const read = await readBrief(corpusDir);
  return { ...read, copies: findCopies(read.sources) };
}

/**
 * The brief's named assets exist, so that `check` fails where `build` would: the citation style
 * (`report.citationStyle`) and the deck's theme (`slides.theme`), each loaded as its writer does.
 * A refusal points at the setting's line and column in brief.yaml.
 */
export async function checkNamedAssets(read: ReadBrief, templatesDir: string): Promise<void> {
  const { loadCitationStyle } = await import("../writers/shared/citations/style.js");
  const { themeSource } = await import("../writers/deck/assets.js");
  const at = (keys: string[], error: unknown): unknown => {
    if (!(error instanceof BriefwrightError) || !read.specPath || !read.place) return error;
    const where = read.place(keys);
    return new BriefwrightError(
      error.errorClass,
      error.message,
      error.diagnostics.map((d) => ({ ...d, file: read.specPath, ...where })),
    );
  };
  await loadCitationStyle(
    join(templatesDir, "report", "csl"),
    read.spec.report.citationStyle,
  ).catch((error: unknown) => {
    throw at(["report", "citationStyle"], error);
  });
  await themeSource(templatesDir, read.spec.slides.theme).catch((error: unknown) => {
    throw at(["slides", "theme"], error);
  });
}
