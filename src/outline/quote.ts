import type { Source } from "../model/source.js";
import { normaliseForQuote } from "../util/text.js";

interface Mapped {
  norm: string;
  /** map[i] = index in the original of normalised character i. */
  map: number[];
}

const WHITE = /\s/u;
function mapped(text: string): Mapped {
  const parts: string[] = [];
  const map: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === " " || ch === "\n" || ch === "\t" || ch === "\r" || (ch > "~" && WHITE.test(ch))) {
      space = map.length > 0;
      continue;
    }
    if (space) {
      parts.push(" ");
      map.push(i);
      space = false;
    }
    parts.push(
      ch > "~" || ch === '"' || ch === "'" || ch === "`" || ch === "-"
        ? normaliseForQuote(ch) || ch
        : ch,
    );
    map.push(i);
  }
  return { norm: parts.join(""), map };
}

/** `[start, end)` of `needle` in `haystack`, comparing normalised forms; all matches. */
export function findNormalised(haystack: string, needle: string): [number, number][] {
  if (!needle) return [];
  // Fast path: the quote is there verbatim (generated citations always are).
  if (haystack.includes(needle)) {
    const out: [number, number][] = [];
    for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      out.push([i, i + needle.length]);
    }
    return out;
  }
  const n = normaliseForQuote(needle);
  if (!n) return [];
  const h = mapped(haystack);
  const out: [number, number][] = [];
  let from = 0;
  for (;;) {
    const i = h.norm.indexOf(n, from);
    if (i < 0) break;
    out.push([h.map[i]!, h.map[i + n.length - 1]! + 1]);
    from = i + 1;
  }
  return out;
}

export interface QuoteHit {
  block: number;
  sentence?: number;
  start: number;
  end: number;
}

/** Where `quote` occurs in `source` (optionally only in block `block`), first match per block. */
export function locateQuote(source: Source, quote: string, block?: number): QuoteHit[] {
  const out: QuoteHit[] = [];
  for (const b of source.blocks) {
    if (block !== undefined && b.index !== block) continue;
    for (const [start, end] of findNormalised(b.text, quote)) {
      const s = b.sentences.find((x) => start >= x.start && start < x.end);
      out.push({ block: b.index, ...(s ? { sentence: s.index } : {}), start, end });
    }
  }
  return out;
}

export { quoteSelector } from "../model/selectors.js";
