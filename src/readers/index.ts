/**
 * The corpus reader: a folder of sources (Markdown, plain text, HTML) → normalised `Source`
 * records with stable ¶ and sentence locators, metadata, and the messages met on the way.
 */
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { nearest } from "../diagnostics/suggest.js";
import { BriefwrightError, type Diagnostic } from "../diagnostics/types.js";
import type { ReaderOptions } from "../model/options.js";
import type { Source, TextRepair } from "../model/source.js";
import { assemble } from "./assemble.js";
import { decode, looksBinary, type Repair } from "./decode.js";
import { type CorpusFile, listCorpus } from "./files.js";
import { distinctWord, keyStem } from "./metadata.js";
import { type ReadFn, readFunction } from "./reader.js";

export type * from "../model/source.js";
export { READERS, type ReadContext, type Reader, type ReadFn, readerFor } from "./registry.js";
export { countWords, splitSentences } from "./segment.js";

export interface ReadOptions extends ReaderOptions {
  /** How the corpus folder is named in messages; defaults to its path relative to the cwd. */
  displayDir?: string;
  /** Parsed sources from an earlier read (watch mode): a file whose bytes did not change is not parsed again. */
  cache?: ReaderCache;
  /**
   * Checks on the list of source files found (relative paths), run once the folder is read; their
   * diagnostics are reported with the corpus's (the pipeline checks the brief's `sources:` keys).
   */
  checkFiles?: (files: readonly string[]) => Diagnostic[];
  /** Folders inside the corpus that are not sources (absolute paths): the build's output folder. */
  exclude?: readonly string[];
}

/** Earlier parse results by file, keyed by content hash and the override that applied. */
export type ReaderCache = Map<string, { key: string; result: ReturnType<typeof assemble> }>;

export interface CorpusResult {
  sources: Source[];
  diagnostics: Diagnostic[];
  /**
   * Every source file whose bytes were read (relative paths with `/`), including those then skipped
   * as empty, binary or a duplicate; not those skipped when listing (unknown kind, too large…).
   */
  files: string[];
}

/** How a corpus folder is named in messages when the caller does not say: relative to the cwd. */
export function displayPath(dir: string): string {
  return relative(process.cwd(), dir) || ".";
}

/** Each reader the corpus needs, loaded once (a costly reader is loaded only when needed). */
async function loadReaders(
  files: readonly CorpusFile[],
): Promise<Map<CorpusFile["reader"], ReadFn>> {
  const needed = [...new Set(files.map((f) => f.reader))];
  const loaded = await Promise.all(needed.map(readFunction));
  return new Map(needed.map((r, i) => [r, loaded[i]!]));
}

/**
 * A brief.yaml `sources:` key naming no file gets the nearest file name as its hint: the reader
 * is the one that knows the files.
 */
function suggestFiles(found: Diagnostic[], files: readonly string[]): Diagnostic[] {
  return found.map((d) => {
    const key = d.ruleId === "brief-unknown-source" ? /`([^`]+)`/u.exec(d.message)?.[1] : undefined;
    const near = key ? nearest(key, files) : undefined;
    return near && !d.hint ? { ...d, hint: `did you mean \`${near}\`?` } : d;
  });
}

/** The changed span of a repaired line: "… almost ¬£100 in …" → before "¬£100", after "£100". */
function textRepair(r: Repair): TextRepair {
  let start = 0;
  while (start < r.before.length && r.before[start] === r.after[start]) start++;
  let endBefore = r.before.length;
  let endAfter = r.after.length;
  while (
    endBefore > start &&
    endAfter > start &&
    r.before[endBefore - 1] === r.after[endAfter - 1]
  ) {
    endBefore--;
    endAfter--;
  }
  // Widen to whole words so that the note reads "¬£100" → "£100", not "¬£" → "£".
  while (start > 0 && /\S/u.test(r.before[start - 1]!)) start--;
  while (endBefore < r.before.length && /\S/u.test(r.before[endBefore]!)) {
    endBefore++;
    endAfter++;
  }
  return {
    line: r.line,
    before: r.before.slice(start, endBefore),
    after: r.after.slice(start, endAfter),
    ...(r.kind === "escaped-apostrophe"
      ? {
          rule: "text-escaped-apostrophe",
          reason: "a backslash left before an apostrophe (PHP addslashes)",
        }
      : { rule: "text-mojibake", reason: `UTF-8 read as ${r.misreadAs}` }),
  };
}

function repairDiagnostic(r: TextRepair, file: string, checked: boolean): Diagnostic {
  return {
    severity: checked ? "info" : "warning",
    ruleId: r.rule,
    file,
    line: r.line,
    message: `repaired garbled text: “${r.before}” → “${r.after}” (${r.reason})`,
    hint: "the repaired text is cited; save the file as UTF-8 from its original, or set `repairsChecked: true` for it under sources: in brief.yaml",
  };
}

/**
 * Key stems: `keyStem` plus the year; sources whose stems still clash (five BBC News articles,
 * undated) each add a word of their own title ("bbc-news-debut"), so keys say which article they
 * are and do not depend on the order of files. Letters (a, b…) only when titles cannot tell.
 */
function stemsOf(sources: readonly Omit<Source, "id">[]): string[] {
  const stems = sources.map((s) => {
    const year = s.date?.slice(0, 4);
    const stem = keyStem(s);
    return year ? `${stem}-${year}` : stem;
  });
  return stems.map((stem, i) => {
    const clashing = sources.filter((_, j) => j !== i && stems[j] === stem);
    if (clashing.length === 0) return stem;
    const word = distinctWord(
      sources[i]!.title,
      clashing.map((s) => s.title),
    );
    if (!word) return stem;
    const year = /-(\d{4})$/.exec(stem)?.[1];
    return year ? `${stem.slice(0, -5)}-${word}-${year}` : `${stem}-${word}`;
  });
}

/** Gives every source a unique key: `stem-year`, with a, b, c… on clashes (Pandoc-style). */
function assignIds(stems: { stem: string; override?: string }[]): string[] {
  const counts = new Map<string, number>();
  for (const s of stems) if (!s.override) counts.set(s.stem, (counts.get(s.stem) ?? 0) + 1);
  const seen = new Map<string, number>();
  const taken = new Set(stems.flatMap((s) => (s.override ? [s.override] : [])));
  return stems.map((s) => {
    if (s.override) return s.override;
    let id = s.stem;
    if ((counts.get(s.stem) ?? 0) > 1) {
      const n = seen.get(s.stem) ?? 0;
      seen.set(s.stem, n + 1);
      id = `${s.stem}${String.fromCharCode(97 + (n % 26))}${n >= 26 ? Math.floor(n / 26) : ""}`;
    }
    while (taken.has(id) && !stems.some((t) => t.override === id && t === s)) id = `${id}x`;
    taken.add(id);
    return id;
  });
}

export async function readCorpus(dir: string, options: ReadOptions): Promise<CorpusResult> {
  const displayDir = options.displayDir ?? displayPath(dir);
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error("not a folder");
  } catch {
    throw new BriefwrightError("input", `corpus folder not found: ${displayDir}`, [
      {
        severity: "error",
        ruleId: "corpus-missing",
        file: displayDir,
        message: "corpus folder not found",
        hint: "pass --corpus DIR with a folder of .md, .txt or .html sources",
      },
    ]);
  }
  const { files, diagnostics } = await listCorpus(dir, {
    maxFileSize: options.maxFileSize,
    displayDir,
    ...(options.exclude ? { exclude: options.exclude } : {}),
  });

  const readers = await loadReaders(files);
  const seen = new Map<string, string>();
  const assembled: ReturnType<typeof assemble>[] = [];
  for (const file of files) {
    const display = join(displayDir, file.rel);
    const sha256 = createHash("sha256").update(file.bytes).digest("hex");
    const earlier = seen.get(sha256);
    if (earlier) {
      diagnostics.push({
        severity: "warning",
        ruleId: "corpus-duplicate",
        file: display,
        message: `skipped: same content as ${earlier}`,
      });
      continue;
    }
    // Text checks only for a reader of text (a reader of binary files, PDF say, judges its own).
    const text = !file.reader.binary;
    const decoded =
      text && !looksBinary(file.bytes)
        ? decode(file.bytes, { escapedApostrophes: !file.reader.escapes })
        : undefined;
    if (file.bytes.length === 0 || decoded?.text.trim() === "") {
      diagnostics.push({
        severity: "warning",
        ruleId: "corpus-empty-file",
        file: display,
        message: "skipped: the file is empty",
      });
      continue;
    }
    if (text && looksBinary(file.bytes)) {
      diagnostics.push({
        severity: "warning",
        ruleId: "corpus-binary-file",
        file: display,
        message: "skipped: a binary file, not text",
        hint: "sources are .md, .txt or .html text files",
      });
      continue;
    }
    seen.set(sha256, display);
    // Watch mode: a file whose bytes, override and language did not change is not parsed again.
    const cacheKey = `${sha256}\u0000${file.reader.name}\u0000${options.language ?? ""}\u0000${JSON.stringify(options.sources[file.rel] ?? null)}`;
    const cached = options.cache?.get(file.rel);
    let result: ReturnType<typeof assemble>;
    if (cached && cached.key === cacheKey) result = structuredClone(cached.result);
    else {
      const raw = readers.get(file.reader)!(file.bytes, { display });
      result = assemble(
        raw,
        { rel: file.rel, display, sha256 },
        options.sources[file.rel],
        options.language,
      );
      options.cache?.set(file.rel, { key: cacheKey, result: structuredClone(result) });
    }
    const repairs = (decoded?.repairs ?? []).map(textRepair);
    if (repairs.length) {
      result.source.repairs = repairs;
      const checked = options.sources[file.rel]?.repairsChecked === true;
      diagnostics.push(...repairs.map((r) => repairDiagnostic(r, display, checked)));
    }
    diagnostics.push(...result.diagnostics);
    if (
      result.source.blocks.length === 0 &&
      !result.diagnostics.some((d) => d.severity === "error")
    ) {
      diagnostics.push({
        severity: "warning",
        ruleId: "corpus-no-text",
        file: display,
        message: "skipped: no readable text after removing markup and boilerplate",
      });
      continue;
    }
    assembled.push(result);
  }
  const listed = files.map((f) => f.rel);
  if (options.checkFiles) diagnostics.push(...suggestFiles(options.checkFiles(listed), listed));
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length)
    throw new BriefwrightError("input", `${errors.length} error(s) in the corpus`, diagnostics);
  if (assembled.length === 0) {
    throw new BriefwrightError("input", "no readable source in the corpus", [
      ...diagnostics,
      {
        severity: "error",
        ruleId: "corpus-no-sources",
        file: displayDir,
        message: "no readable source in the corpus",
        hint: "add .md, .txt or .html files with text",
      },
    ]);
  }
  const ids = assignIds(
    stemsOf(assembled.map((a) => a.source)).map((stem, i) => ({
      stem,
      ...(assembled[i]!.idOverride ? { override: assembled[i]!.idOverride } : {}),
    })),
  );
  const sources = assembled.map((a, i) => ({ id: ids[i]!, ...a.source }));
  return { sources, diagnostics, files: listed };
}
