/**
 * Who leads a market, as a sentence states it: "X dominates the handheld market … in the US",
 * "X has become the most popular … device in the states", "X is outselling Y in Japan", "Y has
 * been outsold by X in the Japanese market", "Y's sales fall behind X's", "X holds a 90% share",
 * "X enjoys a lead in UK sales". Read from wink-nlp's tags and lemmas (syntax.ts): the leader is
 * a subject of the brief named on the leading side of the clause (its grammatical subject, the
 * agent of a passive, the object of "fall behind"), and the place is one a general gazetteer of
 * English place names knows, stated in the clause ("in the US", "Europe's … market", "UK
 * sales", "the Japanese market"). A clause that denies, hedges or forecasts ("not", "no longer",
 * "will", "hopes to", "one of the most popular") states no leader. A frame without a place, or
 * with two, has no place: it is never compared with a placed one.
 */

import { findMentions, type SubjectMatcher } from "./subjects.js";
import { analyseStructure, type Word } from "./syntax.js";

export interface Leadership {
  /** The subject of the brief the clause says leads. */
  leader: string;
  /** The place's canonical name ("United States"). */
  place: string;
  /** The words that say it leads ("most popular", "dominates", "outselling"). */
  cue: string;
  /** Years the clause states for the lead (citations in parentheses aside). */
  years: string[];
}

/**
 * General English geography: a place's canonical name, its names and its adjective. Longer
 * names are tried first, so "North America" is not "America".
 */
const PLACES: [string, string[], string[]][] = [
  ["United States", ["United States", "U.S.A.", "U.S.", "USA", "US", "America"], ["American"]],
  ["United Kingdom", ["United Kingdom", "Great Britain", "Britain", "U.K.", "UK"], ["British"]],
  ["North America", ["North America"], ["North American"]],
  ["South America", ["South America", "Latin America"], ["South American", "Latin American"]],
  ["Europe", ["Europe", "European Union", "EU"], ["European"]],
  ["Asia", ["Asia"], ["Asian"]],
  ["Africa", ["Africa"], ["African"]],
  ["Japan", ["Japan"], ["Japanese"]],
  ["China", ["China", "PRC"], ["Chinese"]],
  ["South Korea", ["South Korea", "Korea"], ["South Korean", "Korean"]],
  ["Taiwan", ["Taiwan"], ["Taiwanese"]],
  ["India", ["India"], ["Indian"]],
  ["Australia", ["Australia"], ["Australian"]],
  ["Canada", ["Canada"], ["Canadian"]],
  ["Mexico", ["Mexico"], ["Mexican"]],
  ["Brazil", ["Brazil"], ["Brazilian"]],
  ["Germany", ["Germany"], ["German"]],
  ["France", ["France"], ["French"]],
  ["Italy", ["Italy"], ["Italian"]],
  ["Spain", ["Spain"], ["Spanish"]],
  ["Netherlands", ["Netherlands", "Holland"], ["Dutch"]],
  ["Sweden", ["Sweden"], ["Swedish"]],
  ["Poland", ["Poland"], ["Polish"]],
  ["Russia", ["Russia", "Russian Federation"], ["Russian"]],
  ["Ukraine", ["Ukraine"], ["Ukrainian"]],
  ["Turkey", ["Türkiye", "Turkey"], ["Turkish"]],
  ["Kazakhstan", ["Kazakhstan"], ["Kazakh"]],
  ["World", ["the world", "worldwide", "globally", "the globe"], ["global"]],
];

interface PlaceName {
  place: string;
  name: string;
  /** The name's first word as written. */
  needle: string;
  pattern: RegExp;
  adjective: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");

const PLACE_NAMES: PlaceName[] = PLACES.flatMap(([place, names, adjectives]) => [
  ...names.map((n) => ({ place, name: n, adjective: false })),
  ...adjectives.map((n) => ({ place, name: n, adjective: true })),
]).map(({ place, name, adjective }) => ({
  place,
  name,
  needle: name.split(/\s+/u)[0]!,
  adjective,
  // Names with capitals match as written; the lower-case ones ("worldwide") in any case.
  pattern: new RegExp(
    `(?<![\\p{L}\\p{N}.])${escapeRegExp(name).replace(/\s+/gu, "\\s+")}(?![\\p{L}\\p{N}]|\\.\\p{L})`,
    /\p{Lu}/u.test(name) ? "gu" : "giu",
  ),
}));
PLACE_NAMES.sort((x, y) => y.pattern.source.length - x.pattern.source.length);

/**
 * The place names `placeNames` looks for (nouns, not "World"), in `PLACE_NAMES`' order; all
 * match case-sensitively, so a text without a name's first word is not searched for it.
 */
const PLACE_NOUNS = PLACE_NAMES.filter((p) => !p.adjective && p.place !== "World");

/**
 * The places `text` names as nouns (not adjectives), by canonical name, each with where it
 * starts, in order of appearance ("the US and Japan" → United States, Japan).
 */
export function placeNames(text: string): { place: string; start: number; end: number }[] {
  const found: { place: string; start: number; end: number }[] = [];
  for (const p of PLACE_NOUNS) {
    if (!p.pattern.ignoreCase && !text.includes(p.needle)) continue;
    p.pattern.lastIndex = 0;
    for (const m of text.matchAll(p.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ place: p.place, start, end });
    }
  }
  return found.sort((x, y) => x.start - y.start);
}

/** "In the states": the United States, unless a modifier or "of" makes it other states. */
const THE_STATES =
  /(?<=\b(?:in|across|throughout|to)\s+)the\s+[Ss]tates\b(?!\s+(?:of|that|which|where|who)\b)/gu;

/** Nouns of a market a place may modify ("the US market", "UK sales", "Europe's … market"). */
const MARKET =
  /^(?:market|markets|sales|sale|segment|industry|chart|charts|sector|share|shipments|retail|business)$/iu;
/** Words that make a lead a count of sales ("sales", "share", "units"). */
const SALES = /^(?:sales|sale|share|shares|shipments|units|unit|sold|selling|market|markets)$/iu;

/** Words that deny or make conditional what follows in their clause. */
const NEGATOR = /^(?:not|n['’]t|never|no|nor|neither|if|whether|unless|likely|unlikely)$/iu;
/** Modal auxiliaries: a lead that "will" or "could" come is not a lead. */
const MODAL = new Set(["will", "would", "could", "might", "may", "shall", "should", "wo", "ca"]);
/** Verbs and nouns of hoping, planning or forecasting. */
const HEDGE = new Set([
  "hope",
  "aim",
  "plan",
  "want",
  "try",
  "seek",
  "expect",
  "intend",
  "predict",
  "forecast",
  "bid",
  "goal",
  "target",
  "attempt",
]);
const CLAUSE_END = /^(?:[.;!?]|but|while|whereas|although|though|however|which|who|whom)$/iu;
const COPULA = new Set(["be", "become", "remain", "stay"]);
/** Verbs whose subject leads the market they take as object. */
const DOMINATE = new Set(["dominate", "lead", "rule", "control", "monopolize", "monopolise"]);
/** Verbs whose subject sells more than their object. */
const OUTSELL = new Set([
  "outsell",
  "outship",
  "outpace",
  "outstrip",
  "outperform",
  "exceed",
  "surpass",
  "beat",
  "top",
  "overtake",
  "eclipse",
  "edge",
]);
/** Verbs or phrases whose object leads their subject ("fall behind", "trail", "lag"). */
const TRAIL = new Set(["trail", "lag"]);
/** Nouns of leadership ("dominance of X", "X's lead in UK sales", "market leader X"). */
const LEAD_NOUN = new Set(["dominance", "domination", "lead", "leader", "monopoly"]);
/** Superlatives of a market position after "most"/"best" ("most popular", "best-selling"). */
const SUPERLATIVE =
  /^(?:(?:best|top|biggest|largest)-?selling|most\s+popular|most\s+(?:widely\s+)?(?:sold|bought|owned|used)|number\s+one|no\.\s*1|market\s+leader|leading|dominant)$/iu;

interface Mention {
  subject: string;
  start: number;
  end: number;
}

interface Frame {
  leader: string | undefined;
  cue: string;
  at: number;
  /** First word of the clause and one past its last. */
  from: number;
  to: number;
}

/** The words inside parentheses or brackets (citations, asides): no place or year there. */
function inParentheses(words: Word[]): boolean[] {
  const out: boolean[] = [];
  let depth = 0;
  for (const w of words) {
    if (w.text === "(" || w.text === "[") depth++;
    out.push(depth > 0);
    if ((w.text === ")" || w.text === "]") && depth > 0) depth--;
  }
  return out;
}

/** The brief's subjects named in the text, without those that are part of another name. */
function subjectMentions(text: string, words: Word[], matchers: SubjectMatcher[]): Mention[] {
  return findMentions(text, matchers).filter((m) => {
    // "Nintendo GameCube", "Sony PS2": the alias begins another product's name.
    const next = words.find((w) => w.start >= m.end);
    const named = text.slice(m.start, m.end);
    return !(
      next &&
      next.pos === "PROPN" &&
      /^\s*$/u.test(text.slice(m.end, next.start)) &&
      /^\p{Lu}/u.test(next.text) &&
      named.toLowerCase() !== m.subject.toLowerCase()
    );
  });
}

/**
 * The subject named closest before word `at` and after word `from`; in a relative clause
 * ("the DS, which dominates …"), the subject named just before the pronoun.
 */
function namedBefore(words: Word[], mentions: Mention[], from: number, at: number) {
  const lo = words[from]?.start ?? 0;
  const hi = words[at]?.start ?? 0;
  const inside = mentions.filter((m) => m.start >= lo && m.end <= hi);
  if (inside.length > 0) return inside.at(-1)!.subject;
  const pronoun = words[from - 1];
  if (!pronoun || !/^(?:which|who|that)$/iu.test(pronoun.text)) return undefined;
  const antecedent = words[from - 2]?.text === "," ? words[from - 3] : words[from - 2];
  return mentions.find((m) => antecedent && m.end === antecedent.end)?.subject;
}

/** The subject named first after word `at` and before word `to`, or undefined. */
function namedAfter(words: Word[], mentions: Mention[], at: number, to: number) {
  const lo = words[at]?.end ?? 0;
  const hi = to < words.length ? words[to]!.start : Number.POSITIVE_INFINITY;
  return mentions.find((m) => m.start >= lo && m.end <= hi)?.subject;
}

/**
 * Whether word `i` begins a new clause: a sentence end, a contrast ("but", "while"), a relative
 * or complement "that" ("a system that has been outsold", "suggests that"), not "that of".
 */
function breaksAt(words: Word[], i: number): boolean {
  const w = words[i]!;
  if (CLAUSE_END.test(w.text)) return true;
  return (
    w.text.toLowerCase() === "that" && w.pos !== "DET" && words[i + 1]?.text.toLowerCase() !== "of"
  );
}

/** Whether the clause is passive at word `k` ("has been outsold by"). */
function passiveAt(words: Word[], k: number): boolean {
  const before = words[k - 1];
  const after = words[k + 1];
  return (
    after?.text.toLowerCase() === "by" &&
    before !== undefined &&
    (before.lemma === "be" || (words[k - 2]?.lemma === "be" && before.pos === "ADV"))
  );
}

/** The places named in words `from`…`to` in a way that scopes a market. */
function placesIn(text: string, words: Word[], aside: boolean[], from: number, to: number) {
  if (from >= to) return [];
  const lo = words[from]!.start;
  const hi = words[to - 1]!.end;
  const span = text.slice(lo, hi);
  const found: { place: string; start: number }[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const wordAt = (offset: number) => words.findIndex((w) => w.start <= offset && offset < w.end);
  const add = (place: string, s: number, e: number, adjective: boolean) => {
    const first = wordAt(s);
    const last = wordAt(e - 1);
    if (first < 0 || last < 0 || aside[first]) return;
    const prev = words[first - 1];
    const prep = prev && /^(?:in|across|throughout|within|to)$/iu.test(prev.text);
    const afterThe =
      prev?.text.toLowerCase() === "the" &&
      /^(?:in|across|throughout|within|to)$/iu.test(words[first - 2]?.text ?? "");
    // A place noun scopes by a preposition or as the modifier of a market word; an adjective
    // ("Japanese") only as a modifier ("the Japanese market", "Japanese sales").
    let k = last + 1;
    if (words[k]?.text === "'s" || words[k]?.text === "’s") k++;
    while (k < words.length && k < last + 4 && ["ADJ", "NOUN", "VERB"].includes(words[k]!.pos)) {
      if (MARKET.test(words[k]!.text)) break;
      k++;
    }
    const modifies = k < words.length && MARKET.test(words[k]!.text);
    const adverb = /^(?:worldwide|globally)$/iu.test(text.slice(s, e));
    if (!(modifies || adverb || (!adjective && (prep || afterThe)))) return;
    taken.push([s, e]);
    found.push({ place, start: s });
  };
  for (const m of span.matchAll(THE_STATES))
    add("United States", lo + m.index, lo + m.index + m[0].length, false);
  for (const p of PLACE_NAMES) {
    // A case-sensitive name cannot match a span without its first word as written.
    if (!p.pattern.ignoreCase && !span.includes(p.needle)) continue;
    p.pattern.lastIndex = 0;
    for (const m of span.matchAll(p.pattern)) {
      const s = lo + m.index;
      const e = s + m[0].length;
      if (free(s, e)) add(p.place, s, e, p.adjective);
    }
  }
  found.sort((x, y) => x.start - y.start);
  return found;
}

/** The leadership frames a clause states, before their place is read. */
function framesIn(words: Word[], mentions: Mention[]): Frame[] {
  const frames: Frame[] = [];
  const lower = words.map((w) => w.text.toLowerCase());
  // Each word's clause: from after the last clause break before the word to the next break
  // after it (the breaks found once per passage, not once per word).
  const n = words.length;
  const breaks = words.map((_, i) => breaksAt(words, i));
  const fromOf = new Int32Array(n);
  for (let k = 1; k < n; k++) fromOf[k] = breaks[k - 1] ? k : fromOf[k - 1]!;
  const toOf = new Int32Array(n);
  for (let k = n - 1, next = n; k >= 0; k--) {
    toOf[k] = next;
    if (breaks[k]) next = k;
  }
  const sales = new Map<number, boolean>();
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const from = fromOf[k]!;
    const to = toOf[k]!;
    const clause = () => words.slice(from, to);
    // Whether the clause speaks of sales; read once per clause, only where a frame asks.
    const salesClause = () => {
      const key = from * (n + 1) + to;
      let known = sales.get(key);
      if (known === undefined) {
        known = clause().some((x) => SALES.test(x.text) || SALES.test(x.lemma));
        sales.set(key, known);
      }
      return known;
    };
    const push = (leader: string | undefined, cue: string) =>
      frames.push({ leader, cue, at: k, from, to });
    if (w.pos === "VERB" && DOMINATE.has(w.lemma)) {
      if (passiveAt(words, k)) {
        // "the market is dominated by Nintendo"
        if (clause().some((x, i) => from + i < k && MARKET.test(x.text)))
          push(namedAfter(words, mentions, k, to), w.text);
      } else {
        // "dominates the handheld market", "has dominated the market ever since".
        let j = k + 1;
        while (j < to && ["DET", "ADJ", "NOUN", "PROPN", "PART"].includes(words[j]!.pos)) {
          if (MARKET.test(words[j]!.text)) break;
          j++;
        }
        if (j < to && MARKET.test(words[j]!.text))
          push(namedBefore(words, mentions, from, k), w.text);
      }
    } else if (w.pos === "VERB" && OUTSELL.has(w.lemma)) {
      const inherent = /^out/u.test(w.lemma);
      if (!inherent && !salesClause()) continue;
      if (passiveAt(words, k)) {
        push(namedAfter(words, mentions, k, to), w.text);
        continue;
      }
      const before = namedBefore(words, mentions, from, k);
      const after = namedAfter(words, mentions, k, to);
      // A comparison between two subjects of the brief: "the DS is outselling the PSP".
      if (before && after && before !== after) push(before, w.text);
    } else if (
      (TRAIL.has(w.lemma) ||
        (lower[k] === "fall" && lower[k + 1] === "behind") ||
        (lower[k] === "falls" && lower[k + 1] === "behind") ||
        (lower[k] === "fell" && lower[k + 1] === "behind")) &&
      salesClause()
    ) {
      const before = namedBefore(words, mentions, from, k);
      const after = namedAfter(words, mentions, k, to);
      if (before && after && before !== after) push(after, `${w.text} behind`);
    } else if (w.pos === "NOUN" && LEAD_NOUN.has(w.lemma)) {
      const next = lower[k + 1];
      const prev = lower[k - 1];
      if (w.lemma === "leader" && prev !== "market") continue;
      if (w.lemma === "lead" && !(next === "in" || next === "over")) continue;
      if (next === "of") {
        // "the dominance of Nintendo"; "its dominance of the market" is its subject's.
        const leader =
          namedAfter(words, mentions, k, Math.min(to, k + 4)) ??
          (/^(?:its|their|['’]s)$/iu.test(prev ?? "")
            ? namedBefore(words, mentions, from, k)
            : undefined);
        if (leader) push(leader, w.text);
      } else if (prev === "market" && w.lemma === "leader") {
        // "market leader Nintendo", "Nintendo, the market leader", "Nintendo is the market leader"
        push(
          namedAfter(words, mentions, k, Math.min(to, k + 3)) ??
            namedBefore(words, mentions, from, k),
          `market ${w.text}`,
        );
      } else push(namedBefore(words, mentions, from, k), w.text);
    } else if (
      w.pos === "NUM" &&
      Number.parseFloat(w.text) > 50 &&
      Number.parseFloat(w.text) <= 100
    ) {
      // "a 90% share of the market", "60 percent of the market": more than half is a lead.
      const rest = lower.slice(k + 1, k + 6).join(" ");
      if (/^(?:%|percent|per cent)\s+(?:share\b|of\s+(?:the\s+)?(?:\S+\s+)?market\b)/u.test(rest))
        push(namedBefore(words, mentions, from, k), `${w.text}% share`);
    } else {
      // Superlatives of position with a copula: "X has become the most popular … device".
      const two = `${lower[k]} ${lower[k + 1] ?? ""}`;
      const three = `${two} ${lower[k + 2] ?? ""}`;
      const cue = [three, two, lower[k]!].find((c) => SUPERLATIVE.test(c.replace(/ - /gu, "-")));
      if (!cue) continue;
      if (cue === "leading" || cue === "dominant") {
        if (lower[k - 1] !== "the") continue;
      }
      if (lower[k - 1] === "the" && lower[k - 2] === "of") continue; // "one of the most popular"
      const copula = clause().findIndex((x, i) => from + i < k && COPULA.has(x.lemma));
      if (copula < 0) continue;
      push(namedBefore(words, mentions, from, from + copula), cue);
      k += cue.split(" ").length - 1;
    }
  }
  return frames;
}

/**
 * The markets `text` says a subject of the brief leads, each with its place. `structure` is
 * the passage's tags when the caller has them.
 */
export function leadershipsIn(
  text: string,
  matchers: SubjectMatcher[],
  words: Word[] | undefined = analyseStructure(text)?.words,
): Leadership[] {
  if (!words || words.length === 0) return [];
  const mentions = subjectMentions(text, words, matchers);
  if (mentions.length === 0) return [];
  const aside = inParentheses(words);
  const out: Leadership[] = [];
  for (const f of framesIn(words, mentions)) {
    if (!f.leader || aside[f.at]) continue;
    // Denied, hedged or forecast: "does not dominate", "hopes to lead", "will outsell".
    const group = words.slice(f.from, f.at);
    const hedged = (w: Word) =>
      NEGATOR.test(w.text) || HEDGE.has(w.lemma) || (w.pos === "AUX" && MODAL.has(w.lemma));
    if (group.some(hedged)) continue;
    if (/\b(?:no\s+longer|any\s+longer|one\s+of)\b/iu.test(group.map((w) => w.text).join(" ")))
      continue;
    // The place: the first stated after the cue in its clause, else the only one before it.
    const after = placesIn(text, words, aside, f.at + 1, f.to);
    const before = [...new Set(placesIn(text, words, aside, f.from, f.at).map((p) => p.place))];
    const place = after[0]?.place ?? (before.length === 1 ? before[0] : undefined);
    if (!place) continue;
    if (after.length > 1 && after.some((p) => p.place !== place)) {
      // "in the US and Japan": two places; compared with neither.
      const joined = text.slice(words[f.at]!.end, after[1]!.start);
      if (/\band\b|\bor\b|,/u.test(joined) && !/\bwith\b/u.test(joined)) continue;
    }
    const years = words
      .slice(f.from, f.to)
      .filter((w, i) => !aside[f.from + i] && /^(?:1[89]|20)\d\d$/u.test(w.text))
      .map((w) => w.text);
    if (out.some((o) => o.leader === f.leader && o.place === place)) continue;
    out.push({ leader: f.leader, place, cue: f.cue.replace(/ - /gu, "-"), years });
  }
  return out;
}
