/**
 * Shortens a claim for a slide by deletion only: asides in brackets or dashes, leading
 * connectives, fillers, and trailing clauses are removed; nothing is reworded or added except
 * an ellipsis that marks a cut tail. The full sentence goes to the speaker notes.
 */

/** Longest bullet (in words) per shortening level; the last level cuts at a word boundary. */
export const WORD_BUDGETS = [26, 19, 13, 9] as const;
export const MAX_LEVEL = WORD_BUDGETS.length - 1;

const ELLIPSIS = "…";

interface Span {
  start: number;
  end: number;
}

const LEADING_CONNECTIVE =
  /^(?:However|Moreover|Meanwhile|Nevertheless|Nonetheless|Likewise|Furthermore|In addition|Also|That said|Indeed|Still|Thus|Therefore|Hence|For example|For instance|In fact|Of course|On the one hand|On the other hand|So|But|And|Yet|Instead|Again|Finally|First|Second|Third|Currently|Today|Now)\s*,\s+/u;

const FILLER =
  /,\s*(?:for example|for instance|however|of course|in fact|guys|therefore|moreover)\s*,/giu;

const PARENTHETICAL = /\s*\([^()]*\)/gu;

/** A dash-delimited aside: ` – … – ` or ` — … — ` or ` -- … -- `. */
const DASH_ASIDE = /\s+(?:[–—]|--)\s+[^–—]*?\s+(?:[–—]|--)(?=\s)/gu;

/** Places where a trailing clause may be cut off (the cut is before the match). */
const CLAUSE_BOUNDARY = /[,;:](?=\s)|\s(?:[–—]|--)\s/gu;
/** Clause-level conjunctions only: cutting at "and"/"or" or a preposition can change a claim's meaning ("only Russia and Belarus voted" → "only Russia…"). */
const CONJUNCTION_BOUNDARY =
  /\s(?=(?:which|who|whose|while|whereas|although|though|because|since|but|so that|when|where|after|before|until|unless|despite|including|such as|as well as|promising|treating|viewing|forcing|leaving|making)\s)/gu;

function words(text: string): number {
  const m = text.trim().match(/\S+/gu);
  return m ? m.length : 0;
}

function applyDeletions(text: string, spans: Span[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const span of sorted) {
    if (span.start < at) continue; // overlapping: the earlier deletion already covers it
    out += text.slice(at, span.start);
    at = span.end;
  }
  out += text.slice(at);
  return out.replace(/\s{2,}/gu, " ").trim();
}

function matches(re: RegExp, text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(re)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/** Trims the standard asides; `level` ≥ 1 also drops fillers. */
function trimAsides(text: string, level: number): string {
  const spans: Span[] = [...matches(PARENTHETICAL, text), ...matches(DASH_ASIDE, text)];
  const lead = LEADING_CONNECTIVE.exec(text);
  if (lead && /^[\p{Lu}\p{N}"“‘']/u.test(text.slice(lead[0].length))) {
    spans.push({ start: 0, end: lead[0].length });
  }
  if (level >= 1) {
    // ", for example," goes with both commas: "countries, for example, voted" → "countries voted".
    spans.push(...matches(FILLER, text));
  }
  const out = applyDeletions(text, spans);
  return words(out) >= 4 ? out : text;
}

/** A short lead-in before a colon ("There remains a problem of concern: …") goes when the rest carries the claim. */
function dropLeadIn(text: string): string {
  const colon = /:\s+/u.exec(text);
  if (!colon) return text;
  const before = words(text.slice(0, colon.index));
  const after = text.slice(colon.index + colon[0].length);
  if (before > 10 || words(after) < 6 || /^[“"‘']/u.test(after)) return text;
  return after;
}

/** Leading adverbials ("On February 9, speaking at …, ") that may go before the main clause. */
const LEADING_ADVERBIAL =
  /^(?:On|In|At|After|Before|Since|When|While|Whereas|Although|Though|As|Ahead of|Speaking|Thanks to|Given|Despite|During|Following|Under|Amid|Currently|That is|With|Without|By|Once|Until|Unlike|Over|Today|Now|Then|Later|Earlier|Initially)\b[^,;:]*,\s+/iu;

/**
 * What is left after a lead-in was dropped cannot stand alone when it continues the dropped
 * clause ("including Finland and Sweden, it has …") or its subject is a pronoun whose
 * antecedent was in the dropped part ("it", "they", "this").
 */
const LEANS_ON_LEAD_IN = /^(?:[^,;:]*,\s+)?(?:it|its|they|their|this|these|he|she)\b/iu;
/** Words that go on with the clause before them and cannot open a main clause. */
const CONTINUES_LEAD_IN =
  /^(?:including|such as|as well as|especially|notably|particularly|like|and|or|but|nor|which|who|whose|whom|where|than|of|to|from)\b/iu;

function dropLeadingAdverbials(text: string, budget: number): string {
  let out = text;
  for (let i = 0; i < 3 && words(out) > budget; i++) {
    const m = LEADING_ADVERBIAL.exec(out);
    if (!m || words(m[0]) > 20) break;
    const rest = out.slice(m[0].length);
    if (words(rest) < 6 || LEANS_ON_LEAD_IN.test(rest)) break;
    if (CONTINUES_LEAD_IN.test(rest)) break;
    out = rest;
  }
  return out;
}

/** A word a cut tail must not end on ("… and therefore…"). */
const DANGLING_WORD =
  /\s+(?:and|or|but|that|which|who|when|while|so|therefore|thus|the|a|an|of|to|in|on|at|for|with|by|as|from|its|their|his|her|is|are|was|were|be|not)$/iu;

/** A sentence that opens with a subordinate clause: a cut tail would keep it and lose the main clause. */
const OPENS_SUBORDINATE =
  /^(?:While|Although|Though|Even though|When|Whenever|If|As|Since|Because|Whereas|After|Before|Unless|Until|Once|Despite)\b/u;

function cutTail(text: string, budget: number, level: number): string {
  if (words(text) <= budget) return text;
  // "While the invasion has sparked …, including Finland and Sweden…" is a fragment: keep it whole.
  if (OPENS_SUBORDINATE.test(text)) return text;
  const boundaries = matches(CLAUSE_BOUNDARY, text).map((s) => s.start);
  boundaries.push(...matches(CONJUNCTION_BOUNDARY, text).map((s) => s.start));
  // A cut must leave a statement, not a fragment: at least ~45 % of the budget.
  const least = Math.max(level >= 2 ? 5 : 6, Math.ceil(budget * 0.45));
  let best = -1;
  for (const at of boundaries) {
    const n = words(text.slice(0, at));
    if (n >= least && n <= budget && at > best) best = at;
  }
  if (best < 0) {
    // Nothing within the budget: the nearest clause boundary a little beyond it beats a blind cut.
    for (const at of [...boundaries].sort((a, b) => a - b)) {
      const n = words(text.slice(0, at));
      if (n >= least && n <= Math.ceil(budget * 1.6)) {
        best = at;
        break;
      }
    }
  }
  if (best < 0 && level >= MAX_LEVEL) {
    // Last resort: cut after `budget` words.
    const re = /\S+/gu;
    let m: RegExpExecArray | null = null;
    for (let i = 0; i < budget; i++) m = re.exec(text);
    if (m) best = m.index + m[0].length;
  }
  if (best < 0) return text;
  let head = text.slice(0, best);
  for (let i = 0; i < 4; i++) {
    const next = head.replace(/[\s,;:–—-]+$/u, "").replace(DANGLING_WORD, "");
    if (next === head || words(next) < 3) break;
    head = next;
  }
  return `${head.replace(/[\s,;:–—-]+$/u, "")}${ELLIPSIS}`;
}

/**
 * The slide form of a claim's text at `level` (0 … MAX_LEVEL): the same sentence with parts
 * deleted, a trailing ellipsis where the tail was cut. Deterministic.
 */
export function shortenClaim(text: string, level = 0): string {
  const lvl = Math.max(0, Math.min(MAX_LEVEL, level));
  const budget = WORD_BUDGETS[lvl]!;
  let trimmed = trimAsides(text.trim(), lvl);
  if (words(trimmed) > budget) trimmed = dropLeadIn(trimmed);
  if (words(trimmed) > budget) trimmed = dropLeadingAdverbials(trimmed, budget);
  return cutTail(trimmed, budget, lvl);
}

/**
 * True when `short` can be made from `full` by deleting characters (an ellipsis in `short`
 * counts as a deletion mark, whitespace differences are ignored). Used by tests and as a guard.
 */
export function isDeletionOf(short: string, full: string): boolean {
  const s = short.replaceAll(ELLIPSIS, "").replace(/\s+/gu, "");
  const f = full.replace(/\s+/gu, "");
  let j = 0;
  for (let i = 0; i < f.length && j < s.length; i++) if (f[i] === s[j]) j++;
  return j === s.length;
}

/**
 * The claim at `level`, or at the first higher level whose text has at most `aim` words
 * (counting the lead shown before it). A level that would drop more than 40 % of the words is
 * taken only while the text is over `most` words: a sentence of 22 words is better whole than
 * cut to a lead-in. The last level's text when nothing else is short enough.
 */
export function shortenWithin(
  text: string,
  level: number,
  aim: number,
  leadWords = 0,
  most = aim,
): { text: string; level: number } {
  let lvl = Math.max(0, Math.min(MAX_LEVEL, level));
  let out = shortenClaim(text, lvl);
  while (words(out) + leadWords > aim && lvl < MAX_LEVEL) {
    const next = shortenClaim(text, lvl + 1);
    if (words(next) < 0.6 * words(out) && words(out) + leadWords <= most) break;
    lvl += 1;
    out = next;
  }
  return { text: out, level: lvl };
}
