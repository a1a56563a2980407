/** Raw format output + overrides → a normalised `Source` (blocks numbered, sentences, id stem). */

import { createRequire } from "node:module";
import type { Diagnostic } from "../diagnostics/types.js";
import type { Block, Source, SourceOverride } from "../model/source.js";
import { fallbackTitle, fileNameDate, splitSiteName } from "./metadata.js";
import type { RawDoc, RawMeta } from "./raw.js";
import { countWords, splitSentences } from "./segment.js";

// tinyld's n-gram model takes about 0.2 s to load: loaded (synchronously) the first time a
// source has to have its language detected, never for a corpus whose sources declare theirs.
const require = createRequire(import.meta.url);
let tinyld: typeof import("tinyld") | undefined;

/**
 * A source's language when it declares none, by tinyld (n-gram detection, 62 languages, ISO
 * 639-1 codes). The brief's language wins a near tie, and a sample too short to tell keeps it.
 */
function detectLanguage(blocks: readonly { text: string }[], fallback: string): string {
  // Acronyms tell no language and mislead the n-grams: English about the "CSTO" read as
  // Hungarian ("cs"), 86 of 1,000 generated English sources before they were left out.
  const sample = blocks
    .slice(0, 40)
    .map((b) => b.text)
    .join(" ")
    .slice(0, 4000)
    .replace(/\b\p{Lu}[\p{Lu}\p{N}]+\b/gu, " ");
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < 40) return fallback;
  tinyld ??= require("tinyld") as typeof import("tinyld");
  const ranked = tinyld.detectAll(sample);
  const top = ranked[0];
  if (!top?.lang) return fallback;
  const base = fallback.toLowerCase().split("-")[0];
  const brief = ranked.find((r) => r.lang === base);
  if (brief && brief.accuracy >= top.accuracy * 0.8) return fallback;
  // A language is written in its script: code-heavy English is not Hindi. The detected language
  // must be written in the script most of the sample's letters are in (CLDR's likely script).
  if (!writtenIn(sample, top.lang)) {
    const other = ranked.find((r) => r.lang && writtenIn(sample, r.lang));
    return other?.lang && other.lang !== top.lang && !writtenIn(sample, base ?? "en")
      ? other.lang
      : fallback;
  }
  return top.lang;
}

/** Whether most letters of `text` are in the likely script of `language` ("ru" → Cyrillic). */
function writtenIn(text: string, language: string): boolean {
  let script: string | undefined;
  try {
    script = new Intl.Locale(language).maximize().script;
  } catch {
    return false;
  }
  if (!script) return false;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  let own = 0;
  try {
    own = text.match(new RegExp(`\\p{sc=${script}}`, "gu"))?.length ?? 0;
  } catch {
    return false;
  }
  return letters > 0 && own / letters >= 0.5;
}

function pick<K extends keyof RawMeta>(
  key: K,
  ...layers: (RawMeta | SourceOverride | undefined)[]
): RawMeta[K] | undefined {
  for (const layer of layers) {
    const value = layer?.[key];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0))
      return value as RawMeta[K];
  }
  return undefined;
}

export interface Assembled {
  source: Omit<Source, "id">;
  idOverride?: string;
  diagnostics: Diagnostic[];
}

export function assemble(
  raw: RawDoc,
  file: { rel: string; display: string; sha256: string },
  override: SourceOverride | undefined,
  defaultLanguage: string,
): Assembled {
  const diagnostics: Diagnostic[] = [...raw.diagnostics];
  const layers = [override, raw.declared, raw.stated];
  // Segmentation needs the language first: ordinals ("am 1. September") and abbreviations differ.
  const language = pick("language", ...layers) ?? detectLanguage(raw.blocks, defaultLanguage);
  const blocks: Block[] = raw.blocks.map((b, i) => {
    const block: Block = {
      index: i + 1,
      kind: b.kind,
      text: b.text,
      sentences: b.kind === "heading" ? [] : splitSentences(b.text, language),
      line: b.line,
    };
    if (b.depth !== undefined) block.depth = b.depth;
    return block;
  });
  const authors = pick("authors", ...layers) ?? [];
  let publisher = pick("publisher", ...layers);
  let title = pick("title", ...layers);
  if (title && !override?.title && publisher) {
    // The brief names the publisher: "GamesFirst! - PSP breaks UK launch record" loses the site.
    title = splitSiteName(title, publisher).title;
  }
  if (!title) {
    title = fallbackTitle(blocks) ?? file.rel.replace(/\.[^.]+$/, "");
    diagnostics.push({
      severity: "warning",
      ruleId: "meta-no-title",
      file: file.display,
      message: `no title found; using “${title}”`,
      hint: `add \`title:\` in brief.yaml under sources: ${file.rel}`,
    });
  }
  // Precedence: brief.yaml > front matter / HTML meta > the file name (Jekyll, Hugo) > the text.
  const undated = override?.date === "n.d.";
  const date = undated
    ? undefined
    : (pick("date", override, raw.declared) ?? fileNameDate(file.rel) ?? raw.stated.date);
  if (!date && !undated)
    diagnostics.push({
      severity: "warning",
      ruleId: "meta-no-date",
      file: file.display,
      message: "no date: the source states none",
      hint: `add \`date:\` in brief.yaml under sources: ${file.rel} if you know it, or \`date: n.d.\` to say it is undated`,
    });
  if (authors.length === 0)
    diagnostics.push(
      publisher
        ? {
            // Answered: a source without a byline is cited by its publisher.
            severity: "info",
            ruleId: "meta-no-author",
            file: file.display,
            message: `no author; cited by its publisher (${publisher})`,
          }
        : {
            severity: "warning",
            ruleId: "meta-no-author",
            file: file.display,
            message: "no author and no publisher",
            hint: `add \`authors:\` or \`publisher:\` in brief.yaml under sources: ${file.rel}`,
          },
    );
  publisher = publisher?.trim() || undefined;
  if (blocks.length > 0 && blocks.every((b) => b.kind === "heading"))
    diagnostics.push({
      severity: "warning",
      ruleId: "corpus-no-text",
      file: file.display,
      message: "the source has no paragraphs to cite",
    });

  const source: Omit<Source, "id"> = {
    file: file.rel,
    format: raw.format,
    title,
    authors,
    language,
    blocks,
    references: raw.references,
    dropped: raw.dropped,
    sha256: file.sha256,
    words: blocks.reduce((n, b) => n + countWords(b.text), 0),
  };
  const subtitle = pick("subtitle", ...layers);
  if (subtitle) source.subtitle = subtitle;
  if (publisher) source.publisher = publisher;
  if (date) source.date = date;
  const url = pick("url", ...layers);
  if (url) source.url = url;
  return { source, ...(override?.id ? { idOverride: override.id } : {}), diagnostics };
}
