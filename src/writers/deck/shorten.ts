/**
 * Shortens a claim for a slide by deletion only: asides in brackets or dashes, leading
 * connectives, fillers, and trailing clauses are removed; nothing is reworded or added except
 * an ellipsis that marks a cut tail. The full sentence goes to the speaker notes.
 */

import type { ClaimClauses } from "../../model/briefing.js";

/** Longest bullet (in words) per shortening level; the last level cuts at a word boundary. */
export const WORD_BUDGETS = [26, 19, 13, 9] as const;
export const MAX_LEVEL = WORD_BUDGETS.length - 1;
/** Longest bullet on a slide, in words: a longer claim is shortened harder, by side cuts if need be. */
export const MAX_BULLET_WORDS = 25;

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

/** Words as the browser counts them: tokens with a letter or digit (a mark "…" or "–" is none). */
function words(text: string): number {
  let n = 0;
  for (const token of text.trim().split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(token)) n++;
  return n;
}

/**
 * `text` without `spans`, each deletion inside it marked with an ellipsis ("Plans … were put");
 * a deletion at the start is marked by `markStart` ("[T]he …", "… Russia’s …").
 */
function applyDeletions(text: string, spans: Span[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const span of sorted) {
    if (span.start < at) continue; // overlapping: the earlier deletion already covers it
    out += text.slice(at, span.start);
    if (out.trim() !== "") out += ` ${ELLIPSIS} `;
    at = span.end;
  }
  out += text.slice(at);
  return out
    .replace(/\s{2,}/gu, " ")
    .replace(/…(?:\s*…)+/gu, ELLIPSIS)
    .replace(/\s+…\s*(?=[.,;:!?])/gu, ` ${ELLIPSIS}`)
    .trim();
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

/**
 * A non-restrictive relative clause that runs to the close of the aside it stands in ("– with the
 * glaring exception of Belarus|, which served as a staging ground for Russia’s invasion| –").
 */
const RELATIVE_IN_ASIDE = /,\s+(?:which|who|whom|whose)\s[^,;:–—()]*?(?=\s*(?:[–—)]|--))/gu;

/** `text` without the relative clauses closing its asides, each deletion marked. */
function trimRelatives(text: string, full: string): string {
  return markStart(applyDeletions(text, matches(RELATIVE_IN_ASIDE, text)), full);
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

/**
 * What follows a lead-in's comma as an apposition to its last noun, not the main clause: "When
 * activists planned a rally in Almaty, | a city that saw violence in January, | authorities …".
 */
const APPOSITION = /^(?:a|an|the)\s[^,;:]*?\b(?:that|which|who|whom|whose)\b[^,;:]*,/iu;

function dropLeadingAdverbials(text: string, budget: number): string {
  let out = text;
  for (let i = 0; i < 3 && words(out) > budget; i++) {
    const m = LEADING_ADVERBIAL.exec(out);
    if (!m || words(m[0]) > 20) break;
    const rest = out.slice(m[0].length);
    if (words(rest) < 6 || LEANS_ON_LEAD_IN.test(rest)) break;
    if (CONTINUES_LEAD_IN.test(rest) || APPOSITION.test(rest)) break;
    out = rest;
  }
  return out;
}

/** Words that open a subordinate clause (English, German, French, Spanish). */
const SUBORDINATOR =
  /^(?:that|because|whether|if|although|though|while|when|since|unless|until|as|dass|daß|ob|weil|wenn|als|obwohl|damit|nachdem|que|qui|parce|quand|si|porque|cuando|aunque)\b/iu;

/** A word a cut tail must not end on ("… and therefore…"). */
const DANGLING_WORD =
  /\s+(?:and|or|but|that|which|who|when|while|so|therefore|thus|the|a|an|of|to|in|on|at|for|with|by|as|from|against|about|into|over|than|between|under|its|their|his|her|is|are|was|were|be|not|except|unless|plus)$/iu;

/** A sentence that opens with a subordinate clause: a cut tail would keep it and lose the main clause. */
const OPENS_SUBORDINATE =
  /^(?:(?:Even|Only|Just)\s+)?(?:While|Although|Though|Even though|When|Whenever|If|As|Since|Because|Whereas|After|Before|Unless|Until|Once|Despite)\b/iu;
/** Whether `text` opens with a subordinate clause ("[E]ven when Armenian territory was attacked …"). */
const opensSubordinate = (text: string) =>
  OPENS_SUBORDINATE.test(text.trim().replace(/^\[(\p{L})\]/u, "$1"));

/**
 * A head that ends on a clause's subordinator, or inside an aside right after it ("… told
 * Reuters that, hypothetically"): what was said, or why, is cut away. (Not "that month",
 * "because of …", "because members disagreed": a word follows the subordinator directly.)
 */
const OPENED_CLAUSE =
  /(?<![\p{L}\p{N}])(?:that|whether|if|because|although|though|unless|dass|daß|ob|weil|obwohl|que)(?![\p{L}\p{N}])(?:\s*,\s*(?:[^\s,;:]+\s*){0,3})?[\s,]*$/iu;

function cutTail(text: string, budget: number, level: number): string {
  if (words(text) <= budget) return text;
  // "While the invasion has sparked …, including Finland and Sweden…" is a fragment: keep it whole.
  if (opensSubordinate(text)) return text;
  const boundaries = matches(CLAUSE_BOUNDARY, text).map((s) => s.start);
  // A sentence's end inside a claim of two: the first sentence alone is a statement.
  boundaries.push(...matches(/(?<=\p{Ll}[.!?])\s+(?=\p{Lu})/gu, text).map((s) => s.start));
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
  return `${head.replace(/[\s,;:–—-]+$/u, "").replace(/(?<=\p{Ll})\.$/u, "")}${ELLIPSIS}`;
}

/**
 * A cut at the start is marked: a lower-case first letter upper-case in brackets ("[T]he …"),
 * else an ellipsis before the rest ("… Russia’s partners …").
 */
function markStart(short: string, full: string): string {
  const head = (short.split(ELLIPSIS)[0] ?? "").trim().slice(0, 12);
  if (head === "" || full.trim().replace(/\s+/gu, " ").startsWith(head)) return short;
  const m = /^\p{Ll}/u.exec(short);
  if (m) return `[${m[0].toUpperCase()}]${short.slice(m[0].length)}`;
  return `${ELLIPSIS} ${short}`;
}

/**
 * The slide form of a claim's text at `level` (0 … MAX_LEVEL): the same sentence with parts
 * deleted, a trailing ellipsis where the tail was cut, a bracketed capital where the start was.
 * Deterministic. Not checked: `shortenSafe` keeps only forms that keep the claim's essentials.
 */
export function shortenClaim(text: string, level = 0): string {
  const lvl = Math.max(0, Math.min(MAX_LEVEL, level));
  const budget = WORD_BUDGETS[lvl]!;
  let trimmed = trimAsides(text.trim(), lvl);
  if (words(trimmed) > budget) trimmed = dropLeadIn(trimmed);
  if (words(trimmed) > budget) trimmed = dropLeadingAdverbials(trimmed, budget);
  return markStart(cutTail(trimmed, budget, lvl), text);
}

/** Numbers as written (digits) and number words: a short form keeps every one. */
const NUMBER =
  /\p{N}[\p{N},.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|once|twice)\b/giu;
/** Negations: a short form keeps every one (or it could say the opposite). */
const NEGATION =
  /\b(?:not|no|never|none|nor|neither|nobody|nothing|nowhere|without|cannot|hardly|barely)\b|n['’]t\b/giu;

/** A place phrase: a locative preposition and the place it names ("in the US alone", "across Europe"). */
const PLACE =
  /(?<![\p{L}\p{N}])(?:[Ii]n|[Aa]cross|[Tt]hroughout|[Oo]utside|[Ii]nside|[Ww]ithin|[Ii]m)\s+(?:the\s+|den\s+|der\s+)?\p{Lu}[\p{L}\p{M}.-]*(?:\s+alone)?/gu;

/** Words after a number that show it counts nothing further: it may end a cut. */
const FUNCTION_WORDS =
  "in|on|at|during|after|before|since|from|with|by|for|as|under|amid|through|via|within|despite|to|and|or|but|while|when|which|who|that";

/** What may follow a cut tail: a trailing adjunct, a subordinate clause or a participle phrase. */
const CUT_BEFORE =
  /^\s+(?:in|on|at|during|after|before|since|from|with|by|for|under|amid|through|via|within|despite|which|who|whose|while|whereas|although|though|because|so that|when|where|until|unless|including|such as|as well as|\p{Ll}{3,}ing)\s/iu;

/** A finite auxiliary or copula: where it stands, a clause's predicate does. */
const FINITE =
  /(?<![\p{L}\p{N}])(?:has|have|had|is|are|was|were|will|would|can|could|may|might|must|should|shall|does|did|ist|sind|war|waren|hat|haben|wird|werden)(?![\p{L}\p{N}])/iu;

/** What opens an exception to the kept part, or adds to what it lists. */
const LIMITS_OR_ADDS =
  /^\s*[,;–—]?\s*(?:except|excepting|unless|apart from|other than|save for|but not|as well as|along with|together with|plus|außer|sowie)\b/iu;

/** An in-text author–date reference: "(Name, 2006)", "(Smith et al. 2019a)". */
const AUTHOR_DATE = /\(\p{Lu}[^()]{0,60}?,?\s(?:1[5-9]|20)\d{2}[a-z]?\)/gu;

const tokensOf = (re: RegExp, text: string) =>
  (text.match(re) ?? []).map((t) => t.toLowerCase().replace(/[,.]+$/u, ""));

/**
 * A name: a run of capitalised words ("Russia", "South Caucasus", "Game Boy Advance"), joined by
 * "of"/"de" inside it ("Republic of Armenia").
 */
const NAME = String.raw`\p{Lu}[\p{L}\p{M}'’-]*(?:\s(?:of\s|de\s|von\s)?\p{Lu}[\p{L}\p{M}'’-]*)*`;
/** Two names or more coordinated: "Russia and Belarus", "Kazakhstan, Kyrgyzstan, and Tajikistan". */
const NAME_LIST = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${NAME}(?:,\s${NAME})*,?\s(?:and|or|und|oder|et|ou|y|e|&)\s${NAME}(?![\p{L}\p{N}])`,
  "gu",
);
const NAME_ONE = new RegExp(NAME, "gu");

/**
 * The names a coordinated list of names in `text` holds: a short form keeps every one, as it
 * keeps numbers (the members of "only Russia and Belarus voted against" are the claim's facts).
 */
export function listedNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(NAME_LIST)) {
    for (const name of m[0].matchAll(NAME_ONE)) out.push(name[0]);
  }
  return out;
}

/** Every word of every listed name in `stated` is in `short` (a marked capital "[T]he" counts as "The"). */
function keepsNames(short: string, stated: string): boolean {
  const shown = new Set(
    short
      .replace(/\[(\p{Lu})\]/gu, "$1")
      .toLowerCase()
      .match(/[\p{L}\p{M}'’-]+/gu) ?? [],
  );
  return listedNames(stated).every((name) =>
    name
      .split(/\s+/u)
      .filter((w) => /^\p{Lu}/u.test(w))
      .every((w) => shown.has(w.toLowerCase())),
  );
}

/**
 * The capitalised words of `text` (between `from` and `to`) that are not capitalised for opening
 * a sentence (or a clause after a colon, or a quotation), with their places: names ("UK",
 * "Donbas", "European", "Nintendo DS"). An acronym in brackets after the words it abbreviates
 * ("Membership Action Plans (MAPs)") names nothing new and is left out.
 */
function namesAt(text: string, from: number, to: number): { name: string; at: number }[] {
  const out: { name: string; at: number }[] = [];
  const re = /[\p{L}\p{M}\p{N}'’-]+/gu;
  for (const m of text.matchAll(re)) {
    const w = m[0];
    if (m.index < from || m.index >= to || !/^\p{Lu}/u.test(w)) continue;
    const before = text.slice(0, m.index);
    const bracketed = /\($/u.test(before) && /^\)/u.test(text.slice(m.index + w.length));
    // Sentence-initial: at the start, after a sentence's end, a colon or an opening quote or bracket.
    if (!bracketed && /(?:^\W*|[.!?:]["”’)]?\s+\W*|["“‘[]\s*)$/u.test(before)) continue;
    if (bracketed) {
      const initials = (before.slice(0, -1).match(/\p{Lu}[\p{L}\p{M}'’-]*/gu) ?? [])
        .map((n) => n[0])
        .join("");
      const letters = (w.match(/\p{Lu}/gu) ?? []).join("");
      if (letters.length >= 2 && initials.endsWith(letters)) continue;
    }
    out.push({ name: w.replace(/['’]s$/u, ""), at: m.index });
  }
  return out;
}

/** What opens an exception or a limit: an aside of it is no side matter ("– with the glaring exception of Belarus –"). */
const EXCEPTION =
  /^(?:with the (?:\p{L}+\s+)?exception of|except|excepting|apart from|other than|save for|but not|not including|excluding|außer|ausgenommen)(?![\p{L}\p{N}])/iu;

/**
 * A gap that is a whole side unit inside the sentence: an aside in brackets or dashes, or a
 * clause set off by commas, with what follows it kept ("The CSTO, which Moscow founded …, |
 * deployed"); not a cut tail, not a lead-in, not an exception.
 */
function sideGap([a, b]: [number, number], full: string): boolean {
  const gap = full.slice(a, b);
  const rest = full.slice(b).trim();
  if (a === 0 || rest === "") return false;
  const left = /^\s*[(,;–—]/u.test(gap) || /[(,;–—]\s*$/u.test(full.slice(0, a));
  const right = /[),;–—]\s*$/u.test(gap) || /^[),;–—.!?]/u.test(rest);
  return left && right && !EXCEPTION.test(gap.replace(/^[\s(,;–—]+/u, ""));
}

/**
 * Every name of `full` (capitalised, not sentence-initial; between `from` and `to`) is shown in
 * `short`, or went with a whole side unit (`sideGap`): a cut inside a clause never takes one, nor
 * a cut tail ("… started the hybrid war…" without "on Donbas") or lead-in unless `tail` (the last
 * resort for a bullet's 25 words or a headline's two lines: never inside the sentence).
 */
function keepsCapitalised(
  short: string,
  full: string,
  from = 0,
  to = full.length,
  tail = false,
): boolean {
  const shown = new Set(
    (short.replace(/\[(\p{Lu})\]/gu, "$1").match(/[\p{L}\p{M}\p{N}'’-]+/gu) ?? []).map((w) =>
      w.replace(/['’]s$/u, ""),
    ),
  );
  const gaps = gapsOf(short, full) ?? gapsOf(short.replace(/^[^:]*:\s+/u, ""), full);
  return namesAt(full, from, to).every(
    ({ name, at }) =>
      shown.has(name) ||
      gaps?.some(
        (g) =>
          at >= g[0] &&
          at < g[1] &&
          (sideGap(g, full) ||
            (tail && (g[0] === 0 || (g[1] >= full.trimEnd().length && /…\s*$/u.test(short))))),
      ) === true,
  );
}

/**
 * Words that scope a number: where, when or since when it holds ("87,000 units | during the week
 * following its UK launch", "| since launch", "| in Japan"). A deletion opening on one next to a
 * number's clause takes its scope.
 */
const SCOPE =
  /^(?:in|within|during|since|following|after|before|until|till|by|over|across|throughout|outside|inside|per|at|on|from|through|as of|worldwide|globally|alone|im|seit|während|nach|vor|bis|pro|innerhalb)(?![\p{L}\p{N}])/iu;

/** Connectives that open on a scoping word but scope nothing ("In comparison, …"). */
const NO_SCOPE =
  /^(?:in (?:comparison|addition|fact|contrast|turn|short|particular|general|sum|practice|theory|other words|any case|the end)|on the (?:one|other) hand|at the same time|at (?:least|most|first|last|times)|by (?:contrast|comparison|the way)|after all|above all|for (?:example|instance))(?![\p{L}\p{N}])/iu;

/**
 * The stretches of `full` a marked deletion `short` leaves out, as [start, end) of `full`
 * (whitespace aside; undefined when `short` is no deletion of `full`).
 */
function gapsOf(short: string, full: string): [number, number][] | undefined {
  const { text: f, at: idx } = squeezed(full);
  const s = short.replace(/\s+/gu, "");
  const marked = /^\[(\p{Lu})\]/u.exec(s);
  const literal = align(s, false, f, idx, full);
  if (literal || !marked) return literal;
  return align(`${marked[1]!.toLowerCase()}${s.slice(marked[0].length)}`, true, f, idx, full);
}

/** `gapsOf` for `s` and `f`, both without whitespace (`idx`: where each character of `f` is in `full`). */
function align(
  s: string,
  open: boolean,
  f: string,
  idx: number[],
  full: string,
): [number, number][] | undefined {
  const pieces = s.split(ELLIPSIS);
  const kept = pieces.filter((p) => p !== "");
  if (kept.length === 0) return undefined;
  const at: [number, number][] = [];
  let from = 0;
  for (let i = 0; i < kept.length; i++) {
    const p = kept[i]!;
    let k = f.indexOf(p, from);
    if (i === 0 && !open && pieces[0] !== "" && k !== 0) return undefined;
    // The last piece of a form keeping the sentence's end: at its end.
    if (i === kept.length - 1 && i > 0 && pieces[pieces.length - 1] !== "") {
      const end = f.replace(/\.$/u, "").lastIndexOf(p);
      if (end >= from) k = end;
    }
    if (k < 0) return undefined;
    at.push([k, k + p.length]);
    from = k + p.length;
  }
  const gaps: [number, number][] = [];
  let prev = 0;
  for (const [a, b] of at) {
    if (a > prev) gaps.push([idx[prev]!, idx[a - 1]! + 1]);
    prev = b;
  }
  if (prev < f.length && !(prev === f.length - 1 && f.endsWith(".")))
    gaps.push([idx[prev]!, full.length]);
  return gaps;
}

/**
 * True when `clause` ends on a count and what it counts ("… sold roughly 87,000 units", "3 million
 * units in Japan"): a number, then at most four words (no further number). A date it ends on
 * ("… in January 2022") is a scope itself, not a count.
 */
function countsBefore(clause: string): boolean {
  const all = [...clause.matchAll(NUMBER)];
  const last = all[all.length - 1];
  if (!last) return false;
  const token = last[0].replace(/[,.]+$/u, "");
  if (/^(?:1[5-9]|20)\d{2}$/u.test(token)) return false;
  return words(clause.slice(last.index + last[0].length)) <= 4;
}

/**
 * True when no deletion of `short` takes a number's scope: a gap opening on a scoping word
 * ("during …", "since …", "in …") inside the clause of a number before it ("87,000 units |
 * during the week …"), or a lead-in of that kind before a number's clause ("Since launch, | …
 * sold 3 million"). A side clause set off by a comma (", during which …") is no scope.
 */
function keepsNumberScopes(short: string, full: string, upTo = full.length): boolean {
  const gaps = gapsOf(short, full);
  if (!gaps) return true;
  const states = (t: string) => t.search(NUMBER) >= 0;
  return gaps.every(([a, b]) => {
    if (a >= upTo) return true;
    const gap = full.slice(a, b);
    const opened = gap.replace(/^[\s(]+/u, "");
    if (!SCOPE.test(opened) || NO_SCOPE.test(opened)) return true;
    const head = full.slice(0, a);
    const leadIn = /(?:^|[.!?:]\s+)$/u.test(head) && /[,;:–—]\s*$/u.test(gap);
    if (leadIn) return !states(/^[^,;:()–—.!?]*/u.exec(full.slice(b))?.[0] ?? "");
    if (/^\s*[,;:–—]/u.test(gap)) return true;
    return !countsBefore(/[^,;:()–—.!?]*$/u.exec(head)?.[0] ?? "");
  });
}

/** True when `text` states every number of `lead` (a figure's value, "20,000 · 40,000") and `lead` has one. */
export function statesNumbersOf(text: string, lead: string): boolean {
  return tokensOf(NUMBER, lead).length > 0 && keepsAll(NUMBER, text, lead);
}

/** True when every token of `full` is in `short` at least as often. */
function keepsAll(re: RegExp, short: string, full: string): boolean {
  const left = tokensOf(re, short);
  for (const t of tokensOf(re, full)) {
    const i = left.indexOf(t);
    if (i < 0) return false;
    left.splice(i, 1);
  }
  return true;
}

/** `text` without whitespace, and where each of its characters stands in `text`. */
function squeezed(text: string): { text: string; at: number[] } {
  const at: number[] = [];
  let out = "";
  for (let i = 0; i < text.length; i++) {
    if (/\s/u.test(text[i]!)) continue;
    out += text[i];
    at.push(i);
  }
  return { text: out, at };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");

/**
 * How far into `full` a deletion `short` reaches: the index just past the last character of
 * `full` it keeps (greedy alignment, whitespace and marks ignored).
 */
function reach(short: string, full: string): number {
  const s = short
    .replaceAll(ELLIPSIS, "")
    .replace(/^\[(\p{Lu})\]/u, (_, c: string) => c.toLowerCase())
    .replace(/\s+/gu, "");
  // A form that is one stretch of the sentence (its main clause) reaches to that stretch's end:
  // a greedy alignment from the start could run on into a later sentence.
  const { text: f, at: kept } = squeezed(full);
  const at = s.length > 0 ? f.indexOf(s) : -1;
  if (at >= 0 && f.indexOf(s, at + 1) < 0) return kept[at + s.length - 1]! + 1;
  let j = 0;
  let end = 0;
  for (let i = 0; i < full.length && j < s.length; i++) {
    if (/\s/u.test(full[i]!)) continue;
    if (full[i] === s[j] || full[i]!.toLowerCase() === s[j]) {
      j++;
      end = i + 1;
    }
  }
  return end;
}

/**
 * A side of a disagreement: `true` (where and how far it holds is what the sources differ on:
 * its short forms keep its end and every place phrase), or the disagreement's topic ("Who leads
 * in the United States: Nintendo DS or Sony PSP"), which says what the sides differ on: then a
 * lead-in before the main clause may go unless it holds a value the topic names, and places
 * (and the end) are kept only where the topic names a place.
 */
export type Scope = boolean | string;

/** True when a side's places are what it holds for: scoped with no topic, or a topic naming a place. */
const placeMatters = (scoped: Scope) =>
  scoped === true || (typeof scoped === "string" && scoped.search(PLACE) >= 0);

/**
 * Where the main clause starts after a lead-in closed by a comma ("Released in May of 2004 …,
 * the PSP …"): the engine's first main-clause span, when what precedes it ends in a comma and
 * the clause leans on nothing in it. 0 when there is no such lead-in.
 */
function leadInEnd(full: string, clauses?: ClaimClauses): number {
  const a = clauses?.spans[0]?.[0] ?? 0;
  if (a <= 0 || !/,\s*$/u.test(full.slice(0, a))) return 0;
  const body = full.slice(a);
  if (LEANS_ON_LEAD_IN.test(body) || SUBORDINATOR.test(body) || CONTINUES_LEAD_IN.test(body))
    return 0;
  return a;
}

/** Words of a topic that say nothing of what it is about. */
const TOPIC_STOP = new Set(
  "who what when which whether where how many much the and for with its was were has have".split(
    " ",
  ),
);

/**
 * A side keeps every word of its topic's subject (before the colon, its bracketed subjects aside:
 * "Competition (Nintendo DS, Sony PSP)") that its sentence has: the predicate the sources differ on ("… doesn't view the
 * Nintendo DS as competition") is never cut from a side.
 */
function keepsTopicWords(short: string, full: string, topic: string): boolean {
  const wordsOf = (t: string) => new Set(t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const inFull = wordsOf(full);
  const inShort = wordsOf(short.replace(/\[(\p{Lu})\]/gu, "$1"));
  // What the subjects in brackets are said to do or be, without them.
  const head = (topic.split(":")[0] ?? topic).replace(/\([^()]*\)/gu, "");
  return [...wordsOf(head)].every(
    (w) => w.length < 3 || TOPIC_STOP.has(w) || !inFull.has(w) || inShort.has(w),
  );
}

/**
 * What a shortened form must keep of its claim: every number and date of each sentence it keeps
 * from (the facts; a claim of two sentences may lose its second whole), every negation of the part it keeps (a cut tail may take a later sentence's "not"
 * with it, a deletion inside may not), and a verb of a main clause it keeps (from the engine's
 * parse, `clauses`; without it, numbers and negations only). A form failing this says less
 * than, or other than, the claim.
 */
export function keepsEssentials(
  short: string,
  full: string,
  clauses?: ClaimClauses,
  lead?: string,
  scoped: Scope = false,
  names = true,
): boolean {
  // What was said, or why, is the claim: no cut on a subordinate clause's opening ("… told
  // Reuters that, hypothetically…"; every form is judged here, whoever proposed it).
  if (short.endsWith(ELLIPSIS) && OPENED_CLAUSE.test(short.slice(0, -ELLIPSIS.length).trimEnd()))
    return false;
  // A disagreement's side whose topic is known may lose the lead-in before its main clause
  // ("Founded in 1992 and formalized in 2002, …"), numbers and places included, unless the
  // lead-in holds a value the topic names (what the sources differ on): the slide's headline
  // states the topic, the notes the whole sentence.
  const from = typeof scoped === "string" ? leadInEnd(full, clauses) : 0;
  const topicValues =
    typeof scoped === "string"
      ? tokensOf(NUMBER, full.slice(0, from)).filter((t) => tokensOf(NUMBER, scoped).includes(t))
      : [];
  // Where and how far a claim holds ("in the US alone") is what makes a disagreement: a scoped
  // claim keeps its end and every place phrase of it (past a lead-in that may go), unless its
  // topic names no place ("one source states it, another denies it").
  if (
    placeMatters(scoped) &&
    (short.endsWith(ELLIPSIS) || !keepsAll(PLACE, short, full.slice(from)))
  )
    return false;
  if (typeof scoped === "string" && !keepsTopicWords(short, full, scoped)) return false;
  const end = reach(short, full);
  // Numbers: all of every sentence the form reaches into (a claim's later sentence may go whole).
  const next = /(?<=\p{Ll}[.!?])\s+(?=\p{Lu})/gu;
  next.lastIndex = end;
  const sentenceEnd = next.exec(full)?.index ?? full.length;
  // An author–date reference in brackets ("(Japanese Sales Charts, 2006)") cites, it states nothing.
  const stated = `${topicValues.join(" ")} ${full.slice(from, sentenceEnd)}`.replace(
    AUTHOR_DATE,
    "",
  );
  // A number or date the slide shows before the text (a timeline's date, a figure's value) is kept.
  // (A list's number, "7." before a timeline's date, is not the claim's.)
  // Only where the form keeps its sentence's end: a cut tail could take what a number counts
  // ("… NATO unit has 40,000 soldiers") while the lead still shows the number.
  const shownLead = short.endsWith(ELLIPSIS) ? undefined : lead?.replace(/^\d+\.\s*/u, "");
  const shown = shownLead ? `${shownLead} ${short}` : short;
  // But a date the sentence itself states stays in the text: cut, the lead would date the clause
  // left ("January 2022 — Kazakhstan has publicly refused …" from "While … recipient of CSTO
  // peacekeeping forces during its own unrest in January 2022, Kazakhstan has publicly refused …").
  const ownNumbers = tokensOf(NUMBER, short);
  const statedNumbers = tokensOf(NUMBER, stated);
  if (
    shownLead &&
    tokensOf(NUMBER, shownLead).some((t) => statedNumbers.includes(t) && !ownNumbers.includes(t))
  )
    return false;
  if (!keepsAll(NUMBER, shown, stated)) return false;
  if (!keepsNames(shown, stated)) return false;
  // Nor a name of what it keeps ("… started the hybrid war…" without "on Donbas"), nor what
  // scopes a number ("87,000 units…" without "during the week following its UK launch").
  // (An author–date reference names its source, not the claim's: it may go.)
  const uncited = full.replace(AUTHOR_DATE, (m) => " ".repeat(m.length));
  if (!keepsCapitalised(shown, uncited, from, sentenceEnd, !names)) return false;
  if (!keepsNumberScopes(short, full, sentenceEnd)) return false;
  if (!keepsAll(NEGATION, short, full.slice(0, end))) return false;
  // A cut tail never strands a number without what it counts ("about hundred…") nor a verb
  // without its object ("voted…"), nor keeps only a sentence's opening subordinate clause ("When
  // Kazakh activists … planned a rally …, a city that saw ……" without "Kazakh authorities
  // allowed it"): the parse may take a verb of that clause for the main one.
  if (short.endsWith(ELLIPSIS)) {
    if (opensSubordinate(full) && opensSubordinate(short)) return false;
    const last = /(\S+)\s*…$/u.exec(short)?.[1] ?? "";
    const after = /^ (\p{L}+)/u.exec(full.slice(end))?.[1];
    const counts = after !== undefined && !new RegExp(`^(?:${FUNCTION_WORDS})$`, "iu").test(after);
    if (counts && new RegExp(`^(?:${NUMBER.source})$`, "iu").test(last)) return false;
    if (clauses?.verbs.some(([, b]) => b === end)) return false;
    // A tail is cut where a clause, an aside or an adjunct begins, never mid-phrase
    // ("acutely aware…" of what?).
    const rest = full.slice(end);
    if (rest.trim().length > 0 && !/^\s*[,;:–—.!?)]/u.test(rest) && !CUT_BEFORE.test(rest))
      return false;
    // Nor where what it cuts, up to the next punctuation, holds a finite verb: the predicate
    // may be there ("Sony's strategy of making Europe wait … | for its new system has clearly
    // paid off"), or what the kept part says is limited by it ("Nintendo will only have sole
    // control of Europe's market… | for a few weeks because soon Sony is expected …").
    const next = /^[^,;:–—().!?]*/u.exec(rest)![0];
    if (FINITE.test(next)) return false;
    // Nor an exception or a further member: "would be catastrophic… | , except for Lukashenka";
    // "the members are Kazakhstan, Kyrgyzstan and Tajikistan… | , as well as … Armenia".
    if (LIMITS_OR_ADDS.test(rest)) return false;
    // Nor a limit the kept part announces ("only", "just"): its scope may be in the tail.
    if (/\b(?:only|just|solely|merely|nur|erst)\b/iu.test(short) && rest.trim().length > 1)
      return false;
  }
  // The second half of a compound ("Moscow-based") is no verb, whatever the parse says.
  const parsed = (clauses?.verbs ?? []).filter(([a]) => !/[-‐]$/u.test(full.slice(0, a)));
  // A finite verb: a gerund or participle alone ("the cost of putting …") makes no statement.
  const verbs = parsed.filter(([a, b]) => a < end && !/ing$/iu.test(full.slice(a, b)));
  // What follows a lead-in's colon is a clause of its own, which the parse does not split off.
  const body = short.replace(/^\[(\p{Lu})\]/u, (_, c: string) => c.toLowerCase()).slice(0, 24);
  if (clauses && body.length > 0 && full.includes(`: ${body}`)) return true;
  // Without a parse (or one finding no verb), no cut tail: only the standard deletions inside.
  if (parsed.length === 0) return !short.endsWith(ELLIPSIS);
  return verbs.some(([a, b]) =>
    new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(full.slice(a, b))}(?![\\p{L}\\p{N}])`, "u").test(
      short,
    ),
  );
}

/** Every bracket and quotation opened is closed: a cut never ends inside an insertion ("[the United…") or a quote. */
const balanced = (f: string) =>
  (f.match(/\[/gu) ?? []).length === (f.match(/\]/gu) ?? []).length &&
  // A single quotation mark opened is closed after it ("’" is also an apostrophe: only its place counts).
  (!f.includes("‘") || f.lastIndexOf("‘") < f.lastIndexOf("’")) &&
  (f.match(/“/gu) ?? []).length === (f.match(/”/gu) ?? []).length &&
  (f.match(/"/gu) ?? []).length % 2 === 0;

/**
 * The shortest form at `level` or below that keeps the claim's essentials, else the full
 * sentence. Never a cut inside a bracket or quotation, never a lost number or negation.
 */
export function shortenSafe(
  text: string,
  level: number,
  clauses?: ClaimClauses,
  lead?: string,
  scoped: Scope = false,
): string {
  const strict = shortenKeeping(text, level, clauses, lead, scoped, true);
  // A name goes only where no form keeping every name is a bullet (25 words with its lead): a
  // cut tail then may take a name of the tail (never a number, its scope or a negation); the
  // notes have the sentence.
  const led = lead ? words(lead) : 0;
  if (words(strict) + led <= MAX_BULLET_WORDS) return strict;
  const loose = shortenKeeping(text, level, clauses, lead, scoped, false);
  return words(loose) < words(strict) ? loose : strict;
}

function shortenKeeping(
  text: string,
  level: number,
  clauses: ClaimClauses | undefined,
  lead: string | undefined,
  scoped: Scope,
  names: boolean,
): string {
  const lvl = Math.max(0, Math.min(MAX_LEVEL, level));
  const budget = WORD_BUDGETS[lvl]!;
  const forms = [text];
  for (let l = lvl; l >= 0; l--) forms.push(shortenClaim(text, l));
  // Without its trailing adjuncts ("… in January 2022 | in response to a request from …").
  if (lvl >= 1) forms.push(...adjunctCuts(trimAsides(text.trim(), lvl), text));
  // Without what leads into its main clause, its tail kept ("Ahead of the invasion, | on
  // February 19, the CSTO’s Secretary-General … told Reuters that …").
  if (lvl >= 1) {
    forms.push(trimRelatives(text.trim(), text));
    const trimmed = trimAsides(text.trim(), lvl);
    for (const f of [trimmed, dropLeadIn(trimmed)])
      forms.push(markStart(dropLeadingAdverbials(f, 0), text));
  }
  // The main clause alone, where what leads into it (a date the slide shows first) can go.
  if (lvl >= 1) {
    const main = mainClauseOf(text, clauses);
    if (main) forms.push(main);
  }
  const sound = (list: string[]) =>
    list.filter((f) => balanced(f) && keepsEssentials(f, text, clauses, lead, scoped, names));
  const ok = sound(forms);
  // The fullest sound form within the level's budget; failing that, the shortest sound one.
  const fullest = (list: string[]) => list.reduce((a, b) => (words(b) > words(a) ? b : a));
  const within = ok.filter((f) => words(f) <= budget);
  if (within.length > 0) return fullest(within);
  const shortest = ok.reduce((a, b) => (words(b) < words(a) ? b : a), text);
  const led = lead ? words(lead) : 0;
  if (lvl < 1) return shortest;
  // Over the level's budget (every cut of its tail loses a fact): its side clauses go from
  // inside, each deletion marked, the main clause and every number, name and negation kept.
  const sides = sound(sideCuts(text, clauses, scoped));
  const sideWithin = sides.filter((f) => words(f) <= budget && words(f) < words(shortest));
  if (sideWithin.length > 0) return fullest(sideWithin);
  // A higher level is never longer than a lower one.
  if (words(shortest) + led <= MAX_BULLET_WORDS)
    return sides.reduce((a, b) => (words(b) < words(a) ? b : a), shortest);
  const fit = sides.filter((f) => words(f) + led <= MAX_BULLET_WORDS);
  if (fit.length > 0) return fit.reduce((a, b) => (words(b) > words(a) ? b : a));
  return sides.reduce((a, b) => (words(b) < words(a) ? b : a), shortest);
}

/**
 * The claim shortened for the median goal, which is an aim and not a limit: only side matter
 * inside the sentence goes (asides in brackets or dashes, fillers, a leading connective, side
 * clauses set off by punctuation), each deletion marked; never its tail, never a name, a number,
 * a number's scope or a negation (`keepsEssentials`). Sound forms shorter than the sentence,
 * shortest first.
 */
export function softForms(
  text: string,
  clauses?: ClaimClauses,
  lead?: string,
  scoped: Scope = false,
): string[] {
  const full = text.trim();
  const forms = [
    markStart(trimAsides(full, 0), full),
    markStart(trimAsides(full, 1), full),
    trimRelatives(full, full),
    ...sideCuts(full, clauses, scoped),
  ];
  const tail = (f: string) => /…\s*$/u.test(f);
  return [...new Set(forms)]
    .filter(
      (f) =>
        words(f) < words(full) &&
        !tail(f) &&
        balanced(f) &&
        isDeletionOf(f, full) &&
        keepsEssentials(f, full, clauses, lead, scoped, true),
    )
    .sort((a, b) => words(a) - words(b));
}

/**
 * How a side clause opens, after its comma, dash or bracket: a relative pronoun, a subordinator,
 * a listing word or a participle (", which Moscow founded …", ", holding the key …"). A clause
 * that opens otherwise (", the CSTO is still …") may be the claim itself: it is never deleted.
 */
const SIDE_CLAUSE =
  /^\s*(?:\(|(?:[,;:]|[–—]|--)\s*(?:which|who|whom|whose|where|when|while|whereas|although|though|because|since|unless|including|such as|as well as|especially|notably|particularly|\p{Ll}{2,}ing|\p{Ll}{2,}ed|welche[rsmn]?|wobei|obwohl|weil)\b)/u;

/** A run of a sentence between two places a side clause may begin or end. */
interface Piece {
  start: number;
  end: number;
  /** Holds what a short form must keep: a number, a negation, a listed name, a verb, the subject. */
  kept: boolean;
}

/**
 * The sentence with its side clauses deleted from inside (and at its end), each deletion marked
 * with an ellipsis: cut where a clause, an adjunct or an aside begins, keeping every piece that
 * holds a number, a negation, a name of a coordinated list, a verb of the engine's parse or the
 * main clause's first word; inside the sentence only a side clause set off by punctuation goes
 * (SIDE_CLAUSE). Forms: all such side clauses gone, and each alone, largest first, added
 * up. Needs the engine's parse (without it no verb is known to be kept).
 */
export function sideCuts(text: string, clauses?: ClaimClauses, scoped: Scope = false): string[] {
  if (!clauses || clauses.verbs.length === 0) return [];
  const at = new Set<number>([0, text.length]);
  for (const re of [CLAUSE_BOUNDARY, ADJUNCT, CONJUNCTION_BOUNDARY, /\s(?=\()|(?<=\))\s/gu])
    for (const m of matches(re, text)) at.add(m.start);
  const bounds = [...at].sort((a, b) => a - b);
  const names = new Set(
    listedNames(text).flatMap((n) => n.split(/\s+/u).map((w) => w.toLowerCase())),
  );
  const main = clauses.spans[0];
  const verbs = clauses.verbs.filter(([a, b]) => !/[-‐]$/u.test(text.slice(0, a)) && b > a);
  const firstVerb = verbs.find(([a]) => !main || a >= main[0]) ?? verbs[0];
  if (!firstVerb) return [];
  // The main clause's first word (its subject) and its verb stay; an aside between them may go.
  // A main clause the parse opens on its verb has its subject before it, an aside between them
  // ("[The DS], which features …, will retail …"): the sentence's first word is the subject.
  // A parse whose main clause opens inside a relative clause set off after the subject ("[PSP],
  // which also stores images, | music and video, is …": a list it split) has it at the start.
  const inAside =
    main !== undefined &&
    /,\s*(?:which|who|whom|whose)\b[^.;:()–—]*,\s*$/u.test(text.slice(0, main[0]));
  const subject = main && firstVerb[0] > main[0] && !inAside ? main[0] : 0;
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [start, end] = [bounds[i]!, bounds[i + 1]!];
    const body = text.slice(start, end);
    const kept =
      body.search(NUMBER) >= 0 ||
      body.search(NEGATION) >= 0 ||
      (body.match(/[\p{L}\p{M}'’-]+/gu) ?? []).some((w) => names.has(w.toLowerCase())) ||
      verbs.some(([a, b]) => a < end && b > start) ||
      (start <= subject && end > subject) ||
      (placeMatters(scoped) && body.search(PLACE) >= 0);
    pieces.push({ start, end, kept });
  }
  // Runs of side pieces: what may go.
  const runs: [number, number][] = [];
  for (let i = 0; i < pieces.length; i++) {
    if (pieces[i]!.kept) continue;
    let j = i;
    while (j + 1 < pieces.length && !pieces[j + 1]!.kept) j++;
    runs.push([i, j]);
    i = j;
  }
  // A run also from each side clause set off inside it (" in history | , according to …,"): the
  // aside alone may go where the adjunct before it may not.
  for (const [a, b] of [...runs])
    for (let i = a + 1; i <= b; i++)
      if (/^\s*[,;:(–—]/u.test(text.slice(pieces[i]!.start, pieces[i]!.end))) runs.push([i, b]);
  if (runs.length === 0) return [];
  // A deletion leaves the rest readable: what follows it never continues the deleted part
  // ("including …", "and …", "of …").
  const render = (drop: ReadonlySet<number>): string | undefined => {
    let out = "";
    let cut = false;
    let from = 0;
    const piece = (i: number) => text.slice(pieces[i]!.start, pieces[i]!.end);
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!;
      if (drop.has(i)) {
        if (!cut) from = i;
        cut = true;
        continue;
      }
      let body = text.slice(p.start, p.end);
      if (cut) {
        const opened = body.replace(/^[\s,;:–—-]+/u, "");
        if (CONTINUES_LEAD_IN.test(opened)) return undefined;
        // Nor what opens the sentence: its subject may stand there ("Phil Harrison, Sony VP …,
        // said"); a lead-in goes by the standard forms, which know their adverbials.
        if (out === "") return undefined;
        // Inside the sentence only a whole aside goes, set off by punctuation on both sides
        // ("…, holding the key …, …"): an adjunct cut out of the middle would leave what
        // follows it attached to what it was not said of.
        const setOff =
          SIDE_CLAUSE.test(text.slice(pieces[from]!.start, p.start)) &&
          (/^\s*[,;:–—]/u.test(body) || /\)\s*$/u.test(piece(i - 1)));
        if (out !== "" && !setOff) return undefined;
        // And what goes on after it is the clause it was set into, at its verb ("The CSTO, which
        // …, | deployed"), not the rest of the aside ("…, which also stores images, | music and
        // video, is …": a list the parse split) unless the aside was bracketed.
        const resumes = p.start + (body.length - opened.length);
        // (An adverb may stand before the verb: "– quietly distanced".)
        const second = /^\S+\s+/u.exec(opened)?.[0].length ?? 0;
        const atVerb = verbs.some(
          ([a]) => (a >= resumes && a <= resumes + 1) || (second > 0 && a === resumes + second),
        );
        if (!atVerb && !SIDE_CLAUSE.test(body) && !/\)\s*$/u.test(piece(i - 1))) return undefined;
        body = opened;
        out = out
          ? `${out.replace(/[\s,;:–—-]+$/u, "").replace(/(?<=\p{Ll})\.$/u, "")} ${ELLIPSIS} `
          : "";
        cut = false;
      }
      out += body;
    }
    if (cut) {
      const head = out.replace(/[\s,;:–—-]+$/u, "");
      if (DANGLING_WORD.test(head)) return undefined;
      out = `${head.replace(/(?<=\p{Ll})\.$/u, "")}${ELLIPSIS}`;
    }
    return markStart(out.replace(/\s{2,}/gu, " ").trim(), text);
  };
  const size = ([a, b]: [number, number]) => pieces[b]!.end - pieces[a]!.start;
  const order = [...runs].sort((x, y) => size(y) - size(x));
  const indices = (run: [number, number]) =>
    Array.from({ length: run[1] - run[0] + 1 }, (_, k) => run[0] + k);
  const forms: string[] = [];
  const added = new Set<number>();
  for (const run of order) {
    const alone = render(new Set(indices(run)));
    for (const i of indices(run)) added.add(i);
    const together = render(added);
    for (const f of [alone, together]) if (f) forms.push(f);
  }
  return [...new Set(forms)].filter((f) => words(f) >= 4 && isDeletionOf(f, text));
}

/**
 * A preposition that opens a trailing adjunct (time, place, manner, cause), cut with all after it.
 * Not "as": it often completes the verb ("doesn't view the DS | as competition").
 */
const ADJUNCT =
  /\s(?=(?:in|on|at|during|after|before|since|from|with|by|for|under|amid|through|via|within|despite)\s)/giu;

/** `trimmed` cut before each trailing adjunct or clause boundary, each marked with an ellipsis. */
function adjunctCuts(trimmed: string, full: string): string[] {
  const at = [
    // A claim of two sentences: the first alone.
    ...matches(/(?<=\p{Ll}[.!?])\s+(?=\p{Lu})/gu, trimmed),
    ...matches(ADJUNCT, trimmed),
    ...matches(CLAUSE_BOUNDARY, trimmed),
    ...matches(CONJUNCTION_BOUNDARY, trimmed),
  ].map((m) => m.start);
  const out: string[] = [];
  for (const cut of at) {
    let head = trimmed.slice(0, cut).replace(/[\s,;:–—-]+$/u, "");
    if (words(head) < 6) continue;
    const next = head.replace(DANGLING_WORD, "");
    if (next !== head) continue; // it would end on "the", "and", …
    head = head.replace(/(?<=\p{Ll})\.$/u, "");
    out.push(markStart(`${head}${ELLIPSIS}`, full));
  }
  return out;
}

/**
 * The main clause alone (the engine's first main-clause span), as a deletion: what leads into it
 * and what follows it are cut and marked. Undefined when the parse gives none, when it is the
 * whole sentence, or when its subject is a pronoun whose antecedent was cut.
 */
export function mainClauseOf(text: string, clauses?: ClaimClauses): string | undefined {
  const span = clauses?.spans[0];
  if (!span) return undefined;
  const [a, b] = span;
  const body = text.slice(a, b).replace(/[\s,;:–—-]+$/u, "");
  if (body.length === 0 || (a === 0 && b >= text.trimEnd().length - 1)) return undefined;
  if (a > 0 && LEANS_ON_LEAD_IN.test(body)) return undefined;
  // A subordinate clause is no main clause, whatever the parse says ("dass die PSP …").
  if (a > 0 && (SUBORDINATOR.test(body) || CONTINUES_LEAD_IN.test(body))) return undefined;
  // Only a lead-in closed by punctuation goes ("In 2022, …"), never the clause's own subject
  // ("[Putin] has launched …" is no statement as "[H]as launched …").
  if (a > 0 && !/[,;:–—]\s*$/u.test(text.slice(0, a))) return undefined;
  // Nor a subject's apposition without its subject ("Sony's PlayStation Portable, goes on sale").
  const verb = clauses!.verbs.find(([v]) => v >= a);
  if (a > 0 && verb && /,\s*$/u.test(text.slice(a, verb[0]))) return undefined;
  // Nor a relative clause the parse took for the main one ("When activists planned a rally in
  // Almaty, | a city that saw violence in January, | authorities allowed it": "[A] city that saw
  // …, authorities allowed it" would say something else).
  if (a > 0 && verb && /\b(?:that|which|who|whom|whose)\b/iu.test(text.slice(a, verb[0])))
    return undefined;
  // A quotation is never cut to its words without its marks, nor a speaker's clause from it.
  if (/["“”]/u.test(text)) return undefined;
  const cut = b < text.trimEnd().length - 1;
  const tail = cut ? ELLIPSIS : /[.!?]$/u.test(body) ? "" : ".";
  return markStart(`${cut ? body.replace(/(?<=\p{Ll})\.$/u, "") : body}${tail}`, text);
}

/**
 * A headline made of the claim: its least shortened form within `maxChars` characters that keeps
 * the claim's essentials (the shortening levels, then its main clause alone); at `level` > 0 its
 * sound form at that level (`shortenSafe`) when it fits. Undefined when none.
 */
export function headlineOf(
  text: string,
  maxChars: number,
  clauses?: ClaimClauses,
  lead?: string,
  scoped: Scope = false,
  level = 0,
  soft = false,
): string | undefined {
  // Shortened harder (a slide over its word budget): the claim's sound form at `level` first
  // (its side clauses deleted from inside where its tail holds a fact), then as at level 0.
  // Shortened for the median goal (`soft`, an aim): only side matter inside the sentence goes.
  if (soft) {
    const forms = softForms(text, clauses, lead, scoped).filter((f) => f.length <= maxChars + 1);
    return forms
      .find((f) => f.replace(/(?<!\.)\.$/u, "").length <= maxChars)
      ?.replace(/(?<!\.)\.$/u, "");
  }
  const forms = level > 0 ? [shortenSafe(text, level, clauses, lead, scoped)] : [];
  forms.push(text.trim());
  for (let lvl = 0; lvl <= MAX_LEVEL; lvl++) forms.push(shortenClaim(text, lvl));
  const main = mainClauseOf(text, clauses);
  if (main) forms.push(main);
  forms.push(...adjunctCuts(trimAsides(text.trim(), MAX_LEVEL), text).reverse());
  forms.push(...adjunctCuts(trimAsides(text.trim(), MAX_LEVEL), text).reverse());
  // The longest cut at a word boundary within the budget (its essentials checked like any form).
  const trimmed = trimAsides(text.trim(), MAX_LEVEL);
  if (trimmed.length > maxChars) {
    let head = trimmed.slice(0, maxChars).replace(/\s+\S*$/u, "");
    // Never inside the engine's bracketed insertion: before it, or after it.
    const open = head.lastIndexOf("[");
    if (open > head.lastIndexOf("]") && !/^\[\p{Lu}\]/u.test(head.slice(open)))
      head = head.slice(0, open);
    for (let i = 0; i < 4; i++) {
      const next = head.replace(/[\s,;:–—-]+$/u, "").replace(DANGLING_WORD, "");
      if (next === head) break;
      head = next;
    }
    forms.push(markStart(`${head.replace(/[\s,;:–—-]+$/u, "")}${ELLIPSIS}`, text));
  }
  // (Measured as shown: without the full stop a headline drops.)
  const ok = (names: boolean) => (f: string) =>
    f.replace(/(?<!\.)\.$/u, "").length <= maxChars &&
    balanced(f) &&
    words(f) >= 4 &&
    keepsEssentials(f, text, clauses, lead, scoped, names) &&
    isDeletionOf(f, text);
  // A form keeping every name first; failing that (two lines cannot hold the sentence's names),
  // one whose cut tail takes a name, its numbers, their scopes and negations kept.
  // A headline is a statement: drop a trailing full stop, keep an ellipsis.
  const best = forms.find(ok(true)) ?? forms.find(ok(false));
  return best?.replace(/(?<!\.)\.$/u, "");
}

/** "January 2022: " before a headline that does not say its date ("Medium n.d. on CSTO: " once). */
export const leadPrefix = (lead: string): string => `${lead.replace(/\s*:\s*$/u, "")}: `;

/**
 * True when `short` is `full` with marked deletions: every stretch of `full` it leaves out is
 * where it shows an ellipsis, or at its start where it shows a bracketed capital ("[T]he" for
 * "… the"); unmarked, only whitespace and a final full stop may go. Every text a slide shows for
 * a claim passes it (the deck's build check), so it says nothing its cited sentence does not and
 * hides no deletion.
 */
export function isDeletionOf(short: string, full: string): boolean {
  const f = full.replace(/\s+/gu, "");
  const s = short.replace(/\s+/gu, "");
  const fits = (text: string, openStart: boolean): boolean => {
    const pieces = text.split(ELLIPSIS);
    const start = openStart || pieces[0] === "";
    const end = pieces[pieces.length - 1] === "";
    const kept = pieces.filter((p) => p !== "");
    if (kept.length === 0) return false;
    const ends = (p: string, from: number) =>
      [f, f.replace(/\.$/u, "")].some((g) => g.endsWith(p) && g.length - p.length >= from);
    let at = 0;
    for (let i = 0; i < kept.length; i++) {
      const p = kept[i]!;
      const first = i === 0;
      const last = i === kept.length - 1;
      if (first && !start) {
        if (!f.startsWith(p)) return false;
        if (last && !end) return f === p || f === `${p}.`;
        at = p.length;
        continue;
      }
      if (last && !end) return ends(p, at);
      const k = f.indexOf(p, at);
      if (k < 0) return false;
      at = k + p.length;
    }
    return true;
  };
  if (fits(s, false)) return true;
  // (The sentence may hold a bracketed capital of the engine's: "[T]here …, the CSTO" → "[T]he CSTO".)
  const marked = /^\[(\p{Lu})\]/u.exec(s);
  if (!marked) return false;
  return fits(`${marked[1]!.toLowerCase()}${s.slice(marked[0].length)}`, true);
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
  clauses?: ClaimClauses,
  lead?: string,
  scoped: Scope = false,
): { text: string; level: number } {
  let lvl = Math.max(0, Math.min(MAX_LEVEL, level));
  let out = shortenSafe(text, lvl, clauses, lead, scoped);
  while (words(out) + leadWords > aim && lvl < MAX_LEVEL) {
    const next = shortenSafe(text, lvl + 1, clauses, lead, scoped);
    // (A form keeping the sentence's end, its side clauses deleted inside, is no lead-in.)
    if (words(next) < 0.6 * words(out) && next.endsWith(ELLIPSIS) && words(out) + leadWords <= most)
      break;
    lvl += 1;
    out = next;
  }
  return { text: out, level: lvl };
}
