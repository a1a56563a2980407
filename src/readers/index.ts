/**
 * The corpus reader: a folder of sources (Markdown, plain text, HTML) → normalised `Source`
 * records with stable ¶ and sentence locators, metadata, and the messages met on the way.
 */
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { type BriefSpec, loadBriefSpec } from "../brief/index.js";
import { BriefwrightError, type Diagnostic } from "../diagnostics/types.js";
import type { Source, SourceFormat } from "../model/source.js";
import { assemble } from "./assemble.js";
import { decode, looksBinary } from "./decode.js";
import { listCorpus } from "./files.js";
import { readMarkdown } from "./markdown.js";
import { keyStem } from "./metadata.js";
import type { RawDoc } from "./raw.js";
import { readText } from "./text.js";

export type * from "../model/source.js";
export { countWords, splitSentences } from "./segment.js";

export interface ReadOptions {
  /** The brief's spec; loaded from `<dir>/brief.yaml` when absent. */
  spec?: BriefSpec;
  /** How the corpus folder is named in messages; defaults to its path relative to the cwd. */
  displayDir?: string;
  /** Parsed sources from an earlier read (watch mode): a file whose bytes did not change is not parsed again. */
  cache?: ReaderCache;
}

/** Earlier parse results by file, keyed by content hash and the override that applied. */
export type ReaderCache = Map<string, { key: string; result: ReturnType<typeof assemble> }>;

export interface CorpusResult {
  sources: Source[];
  diagnostics: Diagnostic[];
  spec: BriefSpec;
  specPath?: string;
}

const FRONT_MATTER = /^---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

type HtmlReader = typeof import("./html.js").readHtml;

/** The HTML reader (linkedom, Readability: ~0.1 s to load) is loaded only for a corpus with HTML. */
function loadHtmlReader(
  files: readonly { format: SourceFormat }[],
): Promise<HtmlReader | undefined> {
  return files.some((f) => f.format === "html")
    ? import("./html.js").then((m) => m.readHtml)
    : Promise.resolve(undefined);
}

function parse(
  format: SourceFormat,
  text: string,
  display: string,
  readHtml: HtmlReader | undefined,
): RawDoc {
  if (format === "html" && readHtml) return readHtml(text);
  // A .txt file that opens with YAML front matter is Markdown in a text file.
  if (format === "markdown" || FRONT_MATTER.test(text)) return readMarkdown(text, display);
  return readText(text);
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

export async function readCorpus(dir: string, options: ReadOptions = {}): Promise<CorpusResult> {
  const displayDir = options.displayDir ?? (relative(process.cwd(), dir) || ".");
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
  const loaded = options.spec ? { spec: options.spec } : await loadBriefSpec(dir, displayDir);
  const spec = loaded.spec;
  const { files, diagnostics } = await listCorpus(dir, {
    maxFileSize: spec.corpus.maxFileSize,
    displayDir,
  });

  const readHtml = await loadHtmlReader(files);
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
    if (
      file.bytes.length === 0 ||
      (!looksBinary(file.bytes) && decode(file.bytes).text.trim() === "")
    ) {
      diagnostics.push({
        severity: "warning",
        ruleId: "corpus-empty-file",
        file: display,
        message: "skipped: the file is empty",
      });
      continue;
    }
    if (looksBinary(file.bytes)) {
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
    const { text } = decode(file.bytes);
    const raw = parse(file.format, text, display, readHtml);
    const result = assemble(
      raw,
      { rel: file.rel, display, sha256 },
      spec.sources[file.rel],
      spec.language,
    );
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
  for (const key of Object.keys(spec.sources)) {
    if (!files.some((f) => f.rel === key))
      diagnostics.push({
        severity: "warning",
        ruleId: "brief-unknown-source",
        file: loaded.path ?? displayDir,
        message: `sources: no file \`${key}\` in the corpus`,
      });
  }
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
    assembled.map((a) => {
      const year = a.source.date?.slice(0, 4);
      const stem = keyStem(a.source);
      return {
        stem: year ? `${stem}-${year}` : stem,
        ...(a.idOverride ? { override: a.idOverride } : {}),
      };
    }),
  );
  const sources = assembled.map((a, i) => ({ id: ids[i]!, ...a.source }));
  return { sources, diagnostics, spec, ...(loaded.path ? { specPath: loaded.path } : {}) };
}
