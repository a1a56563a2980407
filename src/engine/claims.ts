/**
 * Turning a source passage into a `Claim`: the deletions allowed on a source sentence
 * (leading connective, aside in parentheses, reference marker, reader-directed filler), the
 * TextQuoteSelector that anchors the quote in its block, and stable claim ids.
 */

import type { Citation, Claim, ClaimClauses, Edit } from "../model/briefing.js";
import { quoteSelector } from "../model/selectors.js";
import type { Block } from "../model/source.js";
import { PROTECTED, renderEdits } from "../util/edits.js";
import { analyseStructure } from "./syntax.js";

/**
 * Connectives whose deletion leaves a sentence that is still true on its own. Not "Otherwise" (or
 * "If so", "In that case"): what follows holds only under the condition the sentence before
 * states, so such a sentence is not used (see `CONDITIONAL_START` in referents.ts).
 */
const CONNECTIVE =
  /^(?:That is|In other words|In comparison|By comparison|In contrast|By contrast|On the other hand|At the same time|Even so|After this|After that|Because of this|Due to this|As such|In addition|However|Moreover|Furthermore|Nevertheless|Nonetheless|Meanwhile|Instead|Likewise|Similarly|Additionally|Indeed|Thus|Therefore|Still|In turn|That said|More importantly|Of course|In fact|As a result|Consequently|After all|Now|Well|So|But|And|Yet|Also|Then|Besides|Hence|Finally|First|Second|Third|Initially)\b,?\s+/u;

/** A pointer connective whose sentence stands alone once it is deleted, after an attribution. */
export const LOWER_START = /^(?:That is|In other words),\s+\p{Ll}/u;
const FILLER = /,\s*(?:guys|folks|friends|people)\s*,/giu;
const REFERENCE_MARKER = /\s?\[\d{1,3}\]/gu;
const PARENTHETICAL = /\s?\(([^()]*)\)/gu;
const ASIDE = /approx\.|so in the text|interestingly|\bread\b|\bI\b|\byou\b|\bwe\b|\bguys\b/iu;

function words(s: string): number {
  return s.split(/\s+/u).filter(Boolean).length;
}

/**
 * The new first letter after a deletion at the start: upper-cased in brackets ("[T]he DS …").
 * Undefined when it already reads as a sentence start.
 */
export function startCase(text: string, at: number): Edit | undefined {
  const letter = text.charAt(at);
  if (!/\p{Ll}/u.test(letter)) return undefined;
  // A lower-case identifier ("iPhone", "css-select") keeps its case.
  const word = /^\S+/u.exec(text.slice(at))?.[0] ?? "";
  if (/[\p{Lu}\p{N}\-./_]/u.test(word.slice(1))) return undefined;
  return { kind: "case", text: letter, to: letter.toUpperCase(), at, reason: "sentence-start" };
}

/**
 * The deletions to apply to `text` (a source sentence), sorted, non-overlapping. A leading
 * connective goes when a capital follows; with `markCase` also before a lower-case start, whose
 * first letter then gets a bracketed case edit ("In comparison, the DS …" → "[T]he DS …").
 */
export function computeEdits(
  text: string,
  options: { lowercaseStart?: boolean; markCase?: boolean } = {},
): Edit[] {
  const edits: Edit[] = [];
  const connective = CONNECTIVE.exec(text);
  if (connective && !PROTECTED.test(connective[0])) {
    const next = text.charAt(connective[0].length);
    const capital = /[\p{Lu}\p{N}"“‘']/u.test(next);
    if (capital || options.lowercaseStart) {
      edits.push({ kind: "delete", text: connective[0], at: 0, reason: "leading-connective" });
    } else if (options.markCase && /\p{Ll}/u.test(next)) {
      edits.push({ kind: "delete", text: connective[0], at: 0, reason: "leading-connective" });
      const c = startCase(text, connective[0].length);
      if (c) edits.push(c);
    }
  }
  for (const m of text.matchAll(FILLER)) {
    // ", guys," between two words: delete the vocative and one comma.
    edits.push({ kind: "delete", text: m[0], at: m.index, reason: "filler" });
  }
  for (const m of text.matchAll(REFERENCE_MARKER)) {
    edits.push({ kind: "delete", text: m[0], at: m.index, reason: "reference-marker" });
  }
  for (const m of text.matchAll(PARENTHETICAL)) {
    const inner = m[1] ?? "";
    const whole = m.index === 0 || (m.index <= 1 && m[0].startsWith(" "));
    if (whole || PROTECTED.test(inner)) continue;
    if (words(inner) >= 10 || ASIDE.test(inner)) {
      edits.push({ kind: "delete", text: m[0], at: m.index, reason: "parenthetical" });
    }
  }
  edits.sort((a, b) => a.at - b.at);
  const out: Edit[] = [];
  let end = 0;
  for (const e of edits) {
    if (e.at < end) continue;
    out.push(e);
    end = e.at + e.text.length;
  }
  return out;
}

/** `text` with its deletions applied, plainly (no marks): for measuring a sentence. */
export function applyEdits(text: string, edits: Edit[]): string {
  let out = "";
  let pos = 0;
  for (const e of edits) {
    if (e.kind !== "delete") continue;
    out += text.slice(pos, e.at);
    pos = e.at + e.text.length;
  }
  out += text.slice(pos);
  return out.replace(/\s{2,}/gu, " ").trim();
}

/** `text` with `edits` applied as a claim shows it: marked as quotations are (util/edits.ts). */
export function showEdits(text: string, edits: Edit[]): string {
  return renderEdits(text, edits);
}

export interface Passage {
  sourceId: string;
  /** The marked edits of the passage when already made (a unit's); else computed. */
  edits?: Edit[];
  block: Block;
  /** First and last sentence (1-based) the passage spans. */
  first: number;
  last: number;
  start: number;
  end: number;
}

export function passageText(p: Passage): string {
  return p.block.text.slice(p.start, p.end);
}

export function citationFor(p: Passage): Citation {
  return {
    sourceId: p.sourceId,
    block: p.block.index,
    sentence: p.first,
    quote: quoteSelector(p.block.text, p.start, p.end),
  };
}

export function claimId(p: Passage): string {
  const range = p.last > p.first ? `${p.first}-${p.last}` : `${p.first}`;
  return `c-${p.sourceId}-${p.block.index}-${range}`;
}

/** A claim whose text is the passage with its allowed deletions, citing it (and `support`). */
/**
 * At most this many supporting passages are cited besides the claim's own: a statement that
 * hundreds of sources repeat would otherwise carry a footnote longer than a page.
 */
export const MAX_CITED_SUPPORT = 5;

/** The main clauses of a claim's shown text and their verbs (what a slide's short form keeps). */
export function claimClauses(text: string): ClaimClauses | undefined {
  const parsed = analyseStructure(text);
  if (!parsed || parsed.clauses.length === 0) return undefined;
  const span = (ts: number[]): [number, number] => [
    parsed.words[Math.min(...ts)]!.start,
    parsed.words[Math.max(...ts)]!.end,
  ];
  const isVerb = (t: number) => ["VERB", "AUX"].includes(parsed.words[t]!.pos);
  return {
    spans: parsed.clauses.filter((c) => c.words.length > 0).map((c) => span(c.words)),
    verbs: parsed.clauses.flatMap((c) => c.heads.filter(isVerb).map((t) => span([t]))),
  };
}

/** `support` is cited in the order given, up to `MAX_CITED_SUPPORT`. */
export function makeClaim(p: Passage, support: Passage[] = [], attribution?: string): Claim {
  const original = passageText(p);
  const edits =
    p.edits ??
    computeEdits(original, {
      lowercaseStart: Boolean(attribution) && LOWER_START.test(original),
    });
  const claim: Claim = {
    id: claimId(p),
    text: showEdits(original, edits),
    citations: [citationFor(p), ...support.slice(0, MAX_CITED_SUPPORT).map(citationFor)],
    edits,
  };
  if (attribution) claim.attribution = attribution;
  const clauses = claimClauses(claim.text);
  if (clauses) claim.clauses = clauses;
  return claim;
}

export { quoteSelector } from "../model/selectors.js";
