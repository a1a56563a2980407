/**
 * One Pandoc citation cluster, `[@putz-2022, ¶12; @fischer: "exact words"]`: its items read,
 * each key, ¶ (and sentence) and quote checked against the sources, and made `Citation`s.
 * Problems are recorded on the file at the item's line:column in the template.
 */
import type { Point } from "unist";
import type { VFile } from "vfile";
import { error } from "../diagnostics/vfile.js";
import type { Citation } from "../model/briefing.js";
import type { Source } from "../model/source.js";
import { locateQuote, quoteSelector } from "./quote.js";

const ITEM =
  /^\s*-?@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*?)\s*(?:,\s*(?:¶|para\.?|par\.?|p\.)\s*(\d+)(?:\.(\d+))?)?\s*(?::\s*(?:"([^"]*)"|“([^”]*)”))?\s*$/u;

const SYNTAX_HINT = 'write [@key, ¶12] or [@key: "exact words"]';

/** Line and column (1-based) of `offset` in `text`. */
export function lineColumn(text: string, offset: number): Point {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** The items of a cluster (split at `;` outside quotes) and where each starts in it. */
function splitItems(inner: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (quote) {
      if ((quote === '"' && ch === '"') || (quote === "“" && ch === "”")) quote = undefined;
    } else if (ch === '"' || ch === "“") quote = ch;
    else if (ch === ";") {
      out.push({ text: inner.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  out.push({ text: inner.slice(start), offset: start });
  return out;
}

/** The citation one item makes, or the problem with it (`at`: offset in the item). */
function readItem(
  item: string,
  sources: Source[],
): Citation | { at: number; ruleId: string; reason: string; hint?: string } {
  const m = ITEM.exec(item);
  if (!m) {
    return {
      at: 0,
      ruleId: "cite-syntax",
      reason: `cannot read citation “${item.trim()}”`,
      hint: SYNTAX_HINT,
    };
  }
  const [, key, blockText, sentenceText] = m;
  const quoteText = m[4] ?? m[5];
  const at = item.indexOf("@");
  const source = sources.find((s) => s.id === key);
  if (!source) {
    const known = sources.map((s) => s.id).join(", ");
    return {
      at,
      ruleId: "cite-unknown-key",
      reason: `unknown source key @${key}`,
      hint: `known keys: ${known}`,
    };
  }
  const blockIndex = blockText ? Number(blockText) : undefined;
  if (blockIndex !== undefined && !source.blocks.some((b) => b.index === blockIndex)) {
    const reason = `${key} has no ¶${blockIndex} (it has ${source.blocks.length})`;
    return { at, ruleId: "cite-block-missing", reason };
  }
  if (quoteText !== undefined) {
    const hit = locateQuote(source, quoteText, blockIndex)[0];
    if (!hit) {
      return {
        at: item.search(/["“]/u),
        ruleId: "cite-quote-not-found",
        reason: `quote not found in ${key}${blockIndex ? ` ¶${blockIndex}` : ""}: “${quoteText}”`,
        hint: "quote the source's exact words (typographic quotes, dashes and spacing may differ)",
      };
    }
    const block = source.blocks.find((b) => b.index === hit.block)!;
    return {
      sourceId: source.id,
      block: hit.block,
      ...(hit.sentence !== undefined ? { sentence: hit.sentence } : {}),
      quote: quoteSelector(block.text, hit.start, hit.end),
    };
  }
  if (blockIndex === undefined) {
    const reason = `citation of @${key} needs a ¶ or a quote`;
    return { at, ruleId: "cite-locator-missing", reason, hint: SYNTAX_HINT };
  }
  const block = source.blocks.find((b) => b.index === blockIndex)!;
  const sentence = sentenceText
    ? block.sentences.find((s) => s.index === Number(sentenceText))
    : undefined;
  if (sentenceText && !sentence) {
    const reason = `${key} ¶${blockIndex} has no sentence ${sentenceText}`;
    return { at, ruleId: "cite-block-missing", reason };
  }
  return {
    sourceId: source.id,
    block: blockIndex,
    ...(sentence ? { sentence: sentence.index } : {}),
    quote: quoteSelector(
      block.text,
      sentence ? sentence.start : 0,
      sentence ? sentence.end : block.text.length,
    ),
  };
}

/** The citations of cluster `inner`, whose `[` is at `offset` in the template; undefined on error. */
export function readCluster(
  inner: string,
  offset: number,
  sources: Source[],
  file: VFile,
): Citation[] | undefined {
  const citations: Citation[] = [];
  let ok = true;
  for (const item of splitItems(inner)) {
    const read = readItem(item.text, sources);
    if ("sourceId" in read) {
      citations.push(read);
      continue;
    }
    const place = lineColumn(String(file.value), offset + 1 + item.offset + read.at);
    error(file, read.reason, {
      ruleId: read.ruleId,
      place,
      ...(read.hint ? { hint: read.hint } : {}),
    });
    ok = false;
  }
  return ok ? citations : undefined;
}
