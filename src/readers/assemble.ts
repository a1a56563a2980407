/** Raw format output + overrides → a normalised `Source` (blocks numbered, sentences, id stem). */
import type { Diagnostic } from "../diagnostics/types.js";
import type { Block, Source, SourceOverride } from "../model/source.js";
import type { RawDoc, RawMeta } from "./raw.js";
import { countWords, splitSentences } from "./segment.js";

/** A rough script check: Cyrillic text is tagged ru/uk, everything else takes the brief's language. */
function guessLanguage(blocks: { text: string }[], fallback: string): string {
  const sample = blocks
    .slice(0, 40)
    .map((b) => b.text)
    .join(" ");
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const cyrillic = sample.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  if (letters > 0 && cyrillic / letters > 0.5) return /[іїєґ]/i.test(sample) ? "uk" : "ru";
  return fallback;
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
  const blocks: Block[] = raw.blocks.map((b, i) => {
    const block: Block = {
      index: i + 1,
      kind: b.kind,
      text: b.text,
      sentences: b.kind === "heading" ? [] : splitSentences(b.text),
      line: b.line,
    };
    if (b.depth !== undefined) block.depth = b.depth;
    return block;
  });
  const layers = [override, raw.declared, raw.stated];
  let title = pick("title", ...layers);
  if (!title) {
    title = blocks.find((b) => b.kind === "heading")?.text ?? file.rel.replace(/\.[^.]+$/, "");
    diagnostics.push({
      severity: "warning",
      ruleId: "meta-no-title",
      file: file.display,
      message: `no title found; using "${title}"`,
      hint: `add a title in brief.yaml under sources: ${file.rel}`,
    });
  }
  const authors = pick("authors", ...layers) ?? [];
  const date = pick("date", ...layers);
  const publisher = pick("publisher", ...layers);
  if (!date)
    diagnostics.push({
      severity: "warning",
      ruleId: "meta-no-date",
      file: file.display,
      message: "no date: the source states none",
      hint: `add \`date:\` in brief.yaml under sources: ${file.rel} if you know it`,
    });
  if (authors.length === 0)
    diagnostics.push({
      severity: "warning",
      ruleId: "meta-no-author",
      file: file.display,
      message: publisher
        ? `no author; cited by its publisher (${publisher})`
        : "no author and no publisher",
      hint: `add \`authors:\` or \`publisher:\` in brief.yaml under sources: ${file.rel}`,
    });
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
    language: pick("language", ...layers) ?? guessLanguage(blocks, defaultLanguage),
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
