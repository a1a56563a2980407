/**
 * Disagreements between sources: different numbers for the same count, different dates for the
 * same event, lists that differ, different leaders of the same market (leaders.ts), and one
 * source stating what another denies on the same predicate. (Opposite evaluative words are not
 * compared: "paper tiger" and "not a viable alternative" can both be true.)
 * Each side is a passage from a different source; both are cited.
 */

import type { Claim, Disagreement, EventKind } from "../model/briefing.js";
import { baseLanguage, countWords, STOP_WORDS, stemWord } from "../util/text.js";
import { makeClaim } from "./claims.js";
import { originOf } from "./corroboration.js";
import { type EventDate, MONTH_OR_DAY, monthsOf } from "./dates.js";
import { type Quantity, quantitiesIn } from "./figures.js";
import { foundings, foundingsDiffer } from "./founding.js";
import { type Leadership, leadershipsIn, placeNames } from "./leaders.js";
import {
  type Analysis,
  attributionOf,
  isFree,
  markUsed,
  similarity,
  similarUnits,
  unitDate,
} from "./state.js";
import { findMentions } from "./subjects.js";

const MAX_DISAGREEMENTS = 4;
/** Share of the word limit the disagreements' sides may take (the first one is always kept). */
export const DISAGREEMENTS_SHARE = 0.1;
const SAME_EVENT = 0.3;

interface Found {
  topic: string;
  kind: Disagreement["kind"];
  sides: [number, number];
  strength: number;
  /** What each side reports, when they differ in kind (a schedule and a report). */
  sideKinds?: [EventKind, EventKind];
}

/**
 * Items grouped by a key, for pairing each item only with the later ones of its group: per item,
 * its group (item indices ascending) and its position there.
 */
export function groupBy<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
): { groups: number[][]; at: number[] } {
  const byKey = new Map<string, number[]>();
  const groups: number[][] = [];
  const at: number[] = [];
  items.forEach((item, i) => {
    const key = keyOf(item);
    let group = byKey.get(key);
    if (!group) {
      group = [];
      byKey.set(key, group);
    }
    at.push(group.length);
    group.push(i);
    groups.push(group);
  });
  return { groups, at };
}

function years(a: Analysis): Found[] {
  // The run's event dates (`unitDate`: the same `eventDate` of each unit, computed once for
  // this, the timeline and the launches).
  const dated = a.units
    .map((unit, u) => ({ u, unit, date: unitDate(a, u) }))
    .filter((x) => x.date && !x.unit.quoted && isFree(a, x.unit));
  const out: Found[] = [];
  // Only passages as similar as one event's two reports are compared: looked up in the
  // similarity index (`similarUnits`), not paired with every dated passage.
  const index = new Map(dated.map((d, k) => [d.u, k]));
  for (let i = 0; i < dated.length; i++) {
    const later = similarUnits(a, dated[i]!.u, SAME_EVENT)
      .map((j) => index.get(j) ?? -1)
      .filter((k) => k > i)
      .sort((m, n) => m - n);
    for (const j of later) {
      const x = dated[i]!;
      const y = dated[j]!;
      if (originOf(a, x.u) === originOf(a, y.u)) continue;
      // Compared at the precision both state: "May 2004" and "December 2004" differ, "2004"
      // and "December 2004" do not; a plan and a report of what happened are not compared.
      const precision = Math.min(x.date!.iso.length, y.date!.iso.length, 7);
      if (x.date!.iso.slice(0, precision) === y.date!.iso.slice(0, precision)) continue;
      if (x.date!.kind !== y.date!.kind) continue;
      // "Last year, clashes occurred …" in sources of different dates names different years
      // without disagreeing: a date resolved against its source's date is not compared.
      if (x.date!.relative || y.date!.relative) continue;
      const sameYear = x.date!.iso.slice(0, 4) === y.date!.iso.slice(0, 4);
      const sim = similarity(a, x.u, y.u);
      if (sim < SAME_EVENT) continue;
      const ys = new Set(y.unit.stems);
      const shared = x.unit.tokens.filter(
        (t) => ys.has(t.stem) && !STOP_WORDS.has(t.norm) && !/\p{N}/u.test(t.norm),
      );
      const words = [...new Set(shared.map((t) => t.raw))];
      if (words.length < 3) continue;
      const shown = (d: EventDate) => (sameYear ? d.text : d.iso.slice(0, 4));
      out.push({
        topic: `When it happened (${words.slice(0, 5).join(", ")}): ${shown(x.date!)} or ${shown(y.date!)}`,
        kind: sameYear ? "date" : "year",
        sides: [x.u, y.u],
        strength: sim + 0.5,
      });
    }
  }
  return out;
}

/**
 * Two sources that date one subject's founding differently ("its 20-year existence" in January
 * 2022, "the 30th anniversary of its inception" in May 2022): one pair per subject.
 */
function foundedYears(a: Analysis): Found[] {
  const all = foundings(a).filter((f) => isFree(a, a.units[f.unit]!));
  const out: Found[] = [];
  const paired = new Set<string>();
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++) {
      const x = all[i]!;
      const y = all[j]!;
      if (x.subject !== y.subject || paired.has(x.subject) || !foundingsDiffer(x, y)) continue;
      if (originOf(a, x.unit) === originOf(a, y.unit)) continue;
      paired.add(x.subject);
      out.push({
        topic: `When ${x.subject} was founded: ${x.shown} or ${y.shown}`,
        kind: "year",
        sides: [x.unit, y.unit],
        strength: 1.2,
      });
    }
  return out;
}

/**
 * The values a figure allows, as an interval: "more than 2.8 million" is (2.8m, ∞), "almost 4m"
 * is [3.6m, 4m], "about 10 million" is [9m, 11m], a range is its ends, an exact figure itself.
 */
function interval(q: Quantity): [number, number] {
  const v = q.value;
  if (q.low !== undefined && q.high !== undefined) return [q.low, q.high];
  const approx = (q.approx ?? "").toLowerCase();
  if (/more than|over|above|in excess of|at least|mehr als|über|mindestens/u.test(approx))
    return [v, Number.POSITIVE_INFINITY];
  if (
    /less than|fewer than|under|below|up to|at most|weniger als|unter|bis zu|höchstens/u.test(
      approx,
    )
  )
    return [Number.NEGATIVE_INFINITY, v];
  if (/nearly|almost|close to|knapp|fast|beinahe/u.test(approx)) return [v * 0.9, v];
  if (approx) return [v * 0.9, v * 1.1];
  return [v, v];
}

/**
 * Different numbers for the same count of the same subject, from different sources, that cannot
 * both be true: their intervals do not overlap ("more than 2.8 million" and "almost 4m" can both
 * be right), and both are of one kind (a target is not compared with a count).
 */
function numbers(a: Analysis): Found[] {
  // A text's figures are read once (repeated paragraphs recur across sources).
  const read = new Map<string, Quantity[]>();
  const figuresOf = (text: string, language: string | undefined) => {
    const key = `${language ?? ""}\u0000${text}`;
    let found = read.get(key);
    if (!found) {
      found = quantitiesIn(text, [], language).quantities;
      read.set(key, found);
    }
    return found;
  };
  const counted = a.units.flatMap((unit, u) =>
    unit.quoted || !isFree(a, unit)
      ? []
      : figuresOf(unit.text, a.sources[unit.sourceIndex]!.language)
          // A conversion is the reporter's exchange rate, not a value a source states.
          .filter((n) => n.conversionOf === undefined)
          .map((n) => ({
            u,
            unit,
            n,
            range: interval(n),
            head: stemWord(n.counts.split(" ").pop() ?? ""),
          })),
  );
  // Only figures of one count (head word, kind, unit) and one first-named subject are
  // compared: grouped by those, each figure is paired with the later ones of its group (the
  // same pairs in the same order as the all-pairs loop, without it).
  const keyOf = (x: (typeof counted)[number]) =>
    [x.head, x.n.kind, x.n.unit ?? "", x.unit.named[0] ?? ""].join("\u0000");
  const { groups, at } = groupBy(counted, keyOf);
  const out: Found[] = [];
  for (let i = 0; i < counted.length; i++) {
    const group = groups[i]!;
    for (let g = at[i]! + 1; g < group.length; g++) {
      const j = group[g]!;
      const x = counted[i]!;
      const y = counted[j]!;
      if (originOf(a, x.u) === originOf(a, y.u) || x.head !== y.head || x.n.kind !== y.n.kind)
        continue;
      if ((x.n.unit ?? "") !== (y.n.unit ?? "")) continue;
      if (x.range[0] <= y.range[1] && y.range[0] <= x.range[1]) continue;
      if (x.unit.named[0] !== y.unit.named[0]) continue;
      const sim = similarity(a, x.u, y.u);
      if (sim < SAME_EVENT) continue;
      out.push({
        topic: `How many ${x.n.counts}${x.unit.named[0] ? ` (${x.unit.named[0]})` : ""}`,
        kind: "number",
        sides: [x.u, y.u],
        strength: sim + 0.6,
      });
    }
  }
  return out;
}

const MEMBERSHIP_CUE =
  /\b(?:members?|membership|comprising|comprises|made up of|consisting of|consists of|includes?|including)\b/u;

/** The names a passage enumerates (four or more, comma/and-separated), subject names aside. */
export function enumeratedNames(text: string, exclude: Set<string>): string[] {
  const out: string[] = [];
  let run: string[] = [];
  let end = -1;
  const flush = () => {
    if (run.length >= 4 && run.length > out.length) out.splice(0, out.length, ...run);
    run = [];
  };
  for (const m of text.matchAll(/(\p{Lu}[\p{L}’'-]+)(?=\s*(?:,|and\b|as well as\b|\.|\)|$))/gu)) {
    const name = m[1]!;
    const between = end < 0 ? "" : text.slice(end, m.index);
    const joined =
      end >= 0 &&
      /^\s*(?:,\s*)?(?:and\s+|as well as\s+)?(?:the\s+(?:\p{L}+\s+){0,4})?$/u.test(between);
    if (!joined) flush();
    end = m.index + m[0].length;
    if (!exclude.has(name)) run.push(name);
  }
  flush();
  return [...new Set(out)];
}

/** The subjects named before the list in `text` (its first name), in order. */
function mentionsBeforeList(a: Analysis, text: string, firstName: string): string[] {
  const at = text.indexOf(firstName);
  return findMentions(text.slice(0, at < 0 ? text.length : at), a.matchers).map((m) => m.subject);
}

/** The subject named closest before the list (`before`) that the other passage also names. */
function listSubject(before: readonly string[], otherNamed: string[]): string | undefined {
  for (let i = before.length - 1; i >= 0; i--) {
    const subject = before[i]!;
    if (otherNamed.includes(subject)) return subject;
  }
  return undefined;
}

/** Sources that list a subject's members differently: "…, Uzbekistan and Russia" vs "six members". */
function memberships(a: Analysis): Found[] {
  const names = new Set(a.subjects.flatMap((s) => [s.name, ...s.aliases]));
  const lists = a.units
    .map((unit, u) => ({ u, unit, list: enumeratedNames(unit.text, names) }))
    .filter(
      (x) =>
        x.list.length >= 4 &&
        x.unit.named.length > 0 &&
        MEMBERSHIP_CUE.test(x.unit.text) &&
        !x.unit.quoted &&
        isFree(a, x.unit),
    );
  // Per list, the subjects named before it (read once, not once per pair); per name, its pattern.
  const before = lists.map((x) => mentionsBeforeList(a, x.unit.text, x.list[0]!));
  const patterns = new Map<string, RegExp>();
  const mentions = (name: string, text: string) => {
    let pattern = patterns.get(name);
    if (!pattern) {
      pattern = new RegExp(`\\b${name}\\b`, "u");
      patterns.set(name, pattern);
    }
    return pattern.test(text);
  };
  const out: Found[] = [];
  for (let i = 0; i < lists.length; i++) {
    for (let j = i + 1; j < lists.length; j++) {
      const x = lists[i]!;
      const y = lists[j]!;
      if (originOf(a, x.u) === originOf(a, y.u)) continue;
      const subject = listSubject(before[i]!, y.unit.named);
      if (!subject) continue;
      // A name is disputed when one source lists it and the other's passage never mentions it.
      const onlyX = x.list.filter((n) => !mentions(n, y.unit.text));
      const onlyY = y.list.filter((n) => !mentions(n, x.unit.text));
      const common = x.list.length - onlyX.length;
      if (common < 3 || onlyX.length + onlyY.length === 0) continue;
      const extra = [...onlyX, ...onlyY].join(", ");
      out.push({
        topic: `Which countries belong to ${subject}: the sources' lists differ on ${extra}`,
        kind: "list",
        sides: [x.u, y.u],
        strength: 1.5 + common / 10 - (onlyX.length + onlyY.length) / 10,
      });
    }
  }
  return out;
}

/** Words that deny what follows them in their clause. */
const NEGATOR = /^(?:not|n['’]t|never)$/iu;
/** Verbs that carry no claim of their own ("is", "has", "said"): a denial of them says nothing. */
const EMPTY_VERB = new Set([
  "be",
  "have",
  "do",
  "say",
  "tell",
  "make",
  "get",
  "go",
  "come",
  "take",
  "give",
  "see",
  "view",
  "know",
  "think",
  "seem",
  "become",
  "remain",
  "mean",
  "need",
  "want",
  "use",
  "expect",
  "hope",
  "believe",
  "plan",
  "intend",
  "consider",
  "claim",
  "report",
  "suggest",
]);

interface Predicate {
  stem: string;
  word: string;
  negated: boolean;
}

/**
 * What a passage's verbs state: each verb with its object or complement (up to a preposition
 * other than "as"/"of", a comma, a conjunction or a subordinator), and whether a negator in the
 * verb group denies it ("doesn't view the DS as competition": view and competition denied; "is
 * not a gaming device": device denied). Words outside such a span (a prepositional phrase, the
 * subject) state nothing here.
 */
function predicatesOf(a: Analysis, u: number): Predicate[] {
  const structure = a.structures[u];
  if (!structure) return [];
  const words = structure.words;
  const names = new Set(
    a.subjects.flatMap((s) => [s.name, ...s.aliases]).flatMap((n) => n.toLowerCase().split(/\s+/u)),
  );
  const out: Predicate[] = [];
  const ends = (w: (typeof words)[number]) =>
    w.pos === "PUNCT" ||
    w.pos === "SCONJ" ||
    w.pos === "CCONJ" ||
    /^(?:that|which|who|whom|whose)$/iu.test(w.text) ||
    (w.pos === "ADP" && !/^(?:as|of)$/iu.test(w.text));
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (w.pos !== "VERB" && w.pos !== "AUX") continue;
    // "the malpractice of changing borders by force": a gerund after a preposition names an
    // act, it states none, so it starts no predicate.
    if (/ing$/iu.test(w.text) && words[k - 1]?.pos === "ADP") continue;
    // "If Ukraine's NATO membership is not implemented, …": a condition states nothing and
    // denies nothing.
    let c = k - 1;
    while (c >= 0 && !/^[,;:]$/u.test(words[c]!.text)) c--;
    if (words.slice(c + 1, k).some((x) => /^(?:if|unless|whether)$/iu.test(x.text))) continue;
    // The verb group: auxiliaries, adverbs and negators before the verb, and right after a
    // copula ("is not").
    let negated = false;
    for (let b = k - 1; b >= 0; b--) {
      const x = words[b]!;
      if (NEGATOR.test(x.text) && x.text.toLowerCase() !== "no") negated = true;
      else if (x.pos !== "AUX" && x.pos !== "ADV" && x.pos !== "PART") break;
    }
    let e = k + 1;
    while (e < words.length && (NEGATOR.test(words[e]!.text) || words[e]!.pos === "ADV")) {
      if (NEGATOR.test(words[e]!.text) && words[e]!.text.toLowerCase() !== "no") negated = true;
      e++;
    }
    for (let j = k; j < words.length; j++) {
      const x = words[j]!;
      if (j > k && ends(x)) break;
      // The next verb group starts its own span.
      if (j > k && (x.pos === "VERB" || x.pos === "AUX") && words[j - 1]!.text !== "to") break;
      if (x.pos !== "VERB" && x.pos !== "NOUN") continue;
      // A noun before a noun modifies it ("collective defense mandate"): the head is the thing.
      if (x.pos === "NOUN" && words[j + 1]?.pos === "NOUN") continue;
      const lower = x.text.toLowerCase();
      if (EMPTY_VERB.has(x.lemma) || STOP_WORDS.has(lower) || names.has(lower)) continue;
      const stem = stemWord(x.lemma);
      if (stem.length < 5) continue;
      out.push({ stem, word: x.text, negated });
    }
    k = Math.max(k, e - 1);
  }
  return out;
}

/** One word family: the shorter stem begins the longer, over at least six letters. */
function sameFamily(x: string, y: string): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 6 ? long.startsWith(short) : short === long;
}

/** Capitalised names a passage mentions that are not subjects of the brief (places, parties). */
function otherNames(a: Analysis, u: number): Set<string> {
  const structure = a.structures[u];
  const subjects = new Set(
    a.subjects.flatMap((s) => [s.name, ...s.aliases]).flatMap((n) => n.toLowerCase().split(/\s+/u)),
  );
  const out = new Set<string>();
  for (const w of structure?.words ?? [])
    if (w.pos === "PROPN" && !subjects.has(w.text.toLowerCase())) out.add(w.text.toLowerCase());
  return out;
}

/**
 * Opposite statements: two sources say of the same subjects one thing and its denial, on the
 * same predicate ("the two firms will be competing for the same customers" vs "he doesn't view
 * the DS as competition"). The passages must name the same subjects, and when both name other
 * parties or places, share one, so "did not intervene in Ukraine" does not oppose "intervened
 * in Kazakhstan".
 */
function oppositeStatements(a: Analysis): Found[] {
  const candidates = a.units.flatMap((unit, u) => {
    if (unit.quoted || !isFree(a, unit) || unit.named.length === 0 || unit.attributedOnly)
      return [];
    const predicates = predicatesOf(a, u);
    if (predicates.length === 0) return [];
    // The subjects it names, with a bracketed referent ("[Sony] faces …") counted.
    return [{ u, unit, predicates, named: new Set([...unit.named, ...(a.topics[u] ?? [])]) }];
  });
  // Only passages naming the same subjects are compared, and of each pair one must deny
  // something: candidates are grouped by the subjects they name, and a passage that denies
  // nothing is paired only with the group's passages that do (same pairs, same order, without
  // the all-pairs loop over the corpus).
  // Within a group, a pair needs one predicate of each polarity in one family, and two stems of
  // one family share their first six letters (see `sameFamily`): the partners of a passage are
  // looked up by subjects, family prefix and the other polarity, not scanned.
  const keyOf = candidates.map((c) => [...c.named].sort().join("\u0000"));
  const byFamily = new Map<string, number[]>();
  const familyKey = (i: number, stem: string, negated: boolean) =>
    `${keyOf[i]}\u0001${stem.slice(0, 6)}\u0001${negated ? 1 : 0}`;
  candidates.forEach((c, i) => {
    for (const key of new Set(c.predicates.map((p) => familyKey(i, p.stem, p.negated)))) {
      const list = byFamily.get(key);
      if (list) list.push(i);
      else byFamily.set(key, [i]);
    }
  });
  const names = new Map<number, Set<string>>();
  const namesOf = (u: number) => {
    let n = names.get(u);
    if (!n) {
      n = otherNames(a, u);
      names.set(u, n);
    }
    return n;
  };
  // What a pair yields depends only on the two passages' texts (their predicates, names and
  // tf-idf vectors come from them): a repeated pair of texts (syndicated paragraphs) is judged
  // once. Keyed by each side's class (the first candidate with its original and text).
  const classOf = new Map<string, number>();
  const klass = candidates.map((c, i) => {
    const key = `${c.unit.original}\u0000${c.unit.text}`;
    const k = classOf.get(key);
    if (k !== undefined) return k;
    classOf.set(key, i);
    return i;
  });
  const verdicts = new Map<number, (Omit<Found, "sides"> & { swap: boolean }) | null>();
  const out: Found[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const x = candidates[i]!;
    const found = new Set<number>();
    for (const p of x.predicates)
      for (const j of byFamily.get(familyKey(i, p.stem, !p.negated)) ?? []) if (j > i) found.add(j);
    const partners = [...found].sort((m, n) => m - n);
    for (const j of partners) {
      const y = candidates[j]!;
      if (originOf(a, x.u) === originOf(a, y.u)) continue;
      const key = klass[i]! * candidates.length + klass[j]!;
      let verdict = verdicts.get(key);
      if (verdict === undefined) {
        verdict = judgeOpposite(a, x, y, namesOf);
        verdicts.set(key, verdict);
      }
      if (!verdict) continue;
      const { swap, ...rest } = verdict;
      out.push({ ...rest, sides: swap ? [y.u, x.u] : [x.u, y.u] });
    }
  }
  return out;
}

interface OppositeCandidate {
  u: number;
  predicates: Predicate[];
  named: Set<string>;
}

/**
 * Whether passages x and y state one thing and its denial (see `oppositeStatements`): the
 * disagreement without its sides, and whether the "yes" side is y, or null.
 */
function judgeOpposite(
  a: Analysis,
  x: OppositeCandidate,
  y: OppositeCandidate,
  namesOf: (u: number) => Set<string>,
): (Omit<Found, "sides"> & { swap: boolean }) | null {
  let pair: [Predicate, Predicate] | undefined;
  for (const p of x.predicates) {
    for (const q of y.predicates)
      if (p.negated !== q.negated && sameFamily(p.stem, q.stem)) pair = [p, q];
    if (pair) break;
  }
  if (!pair) return null;
  // Each side must not also state the other polarity of the same predicate.
  const both = (c: typeof x) =>
    c.predicates.some((p) => p.negated && sameFamily(p.stem, pair![0].stem)) &&
    c.predicates.some((p) => !p.negated && sameFamily(p.stem, pair![0].stem));
  if (both(x) || both(y)) return null;
  const xn = namesOf(x.u);
  const yn = namesOf(y.u);
  if (xn.size > 0 && yn.size > 0 && ![...xn].some((n) => yn.has(n))) return null;
  const word = (pair[0].negated ? pair[1] : pair[0]).word;
  return {
    topic: `${word[0]!.toUpperCase()}${word.slice(1)} (${[...x.named].join(", ")}): one source states it, another denies it`,
    kind: "statement",
    swap: pair[0].negated,
    strength: 1 + similarity(a, x.u, y.u),
  };
}

/** Words that say a product goes on sale somewhere ("went on sale in", "first appeared in"). */
const ON_SALE =
  /\b(?:launch(?:ed|es|ing)?|released?|releases|releasing|(?:go|goes|went|gone|going)\s+on\s+sale|appear(?:s|ed|ing)?(?=\s+(?:in|on)\b)|arriv(?:e|es|ed|ing)(?=\s+(?:in|on)\b)|debut(?:s|ed|ing)?|hit(?:s|ting)?\s+(?:the\s+)?(?:shelves|shops|stores))\b/iu;
/** A launch that is not the first: "re-released", "relaunched", "launched again". */
const AGAIN = /\bre-?(?:launch|releas|introduc|issu)\w*|\bagain\b/iu;
/** "… will have to wait until … to get the DS": the places wait, the product comes. */
const WAIT_TO_GET = /\bwait(?:s|ed|ing)?\s+until\b.*?\bto\s+(?:get|receive|buy)\s+(?:the\s+)?$/iu;
/** Where a clause ends inside a sentence. */
const CLAUSE_BREAK =
  /[,;:()—–]|\b(?:since|when|after|before|while|whereas|because|although|though|which|who|that|but)\b/giu;
/** Words that deny, hedge or report hearsay: such a clause states no launch ("May" is a month). */
const UNSURE =
  /\b(?:[Nn]ot|n['’]t|[Nn]ever|[Nn]o longer|may|[Mm]ight|[Cc]ould|[Ww]ould|[Rr]eportedly|[Rr]umou?red|[Aa]llegedly|[Ii]f|[Uu]nless)\b/u;
/** Words that may stand between a clause's start and its launch verb without naming anyone. */
const NO_ONE =
  /^(?:since|when|after|it|has|have|had|was|is|will|be|been|being|first|finally|officially|also|already|only|now)$/iu;
/** "the end of", "the first quarter of", "early": the words that make a year a part of it. */
const PART_BEFORE =
  /(?:the\s+)?(?:(?:first|second|third|fourth|last|final)\s+(?:quarter|half)\s+of|(?:end|close|start|beginning|middle)\s+of|early|late|mid-?)\s*$/iu;

/** Month and weekday names: a date, not a party. */
const CALENDAR = new RegExp(`^(?:${MONTH_OR_DAY})$`, "u");

interface OnSale {
  u: number;
  subject: string;
  places: string[];
  kind: "happened" | "scheduled";
  months: [number, number];
  /** The date as the sentence words it ("first quarter of 2005", "end of 2004"). */
  when: string;
  /** The share of the sentence the launch's clause takes. */
  share: number;
}

/** The span of the clause around offset `at`: between the breaks before and after it. */
function clauseAround(text: string, at: number): [number, number] {
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    if (m.index + m[0].length <= at) from = m.index;
    else if (m.index >= at) {
      to = m.index;
      break;
    }
  }
  return [from, to];
}

/**
 * A sentence that says when one subject of the brief goes (or went) on sale in named places:
 * "Since going on sale in Japan and the US at the end of 2004, Nintendo has sold …", "… since
 * it first appeared in the US and Japan at the end of 2004", "Japan and Europe will have to
 * wait until the first quarter of 2005 to get [the DS]". The sentence names one subject, its
 * date's clause holds the launch words and no one else who could be launching (only the
 * subject, "it" after the subject, or no one when the main clause's subject is the subject),
 * nothing denies or hedges it, and the date is a report (`happened`) or a schedule.
 */
function onSaleIn(a: Analysis, u: number): OnSale | undefined {
  const unit = a.units[u]!;
  if (baseLanguage(a.sources[unit.sourceIndex]!.language) !== "en") return undefined;
  const date = unitDate(a, u);
  if (!date || date.at === undefined) return undefined;
  if (date.kind !== "happened" && date.kind !== "scheduled") return undefined;
  const text = unit.text;
  const mentions = findMentions(text, a.matchers);
  const subjects = new Set(mentions.map((m) => m.subject));
  if (subjects.size !== 1) return undefined;
  const subject = [...subjects][0]!;
  const [from, to] = clauseAround(text, date.at);
  const clause = text.slice(from, to);
  // A launch again ("re-released", "relaunched", "… again") is another event than the first.
  if (UNSURE.test(clause) || AGAIN.test(clause)) return undefined;
  const before = text.slice(from, date.at);
  const words = a.structures[u]?.words ?? [];
  const mentioned = (s: number, e: number) => mentions.some((m) => m.start <= s && e <= m.end);
  const places = placeNames(clause).map((p) => ({
    ...p,
    start: p.start + from,
    end: p.end + from,
  }));
  const isPlace = (s: number, e: number) => places.some((p) => p.start <= s && e <= p.end);
  // Other names (not the subject, not a place) anywhere before the date's clause ends: another
  // product or party may be what goes on sale.
  if (
    words.some(
      (w) =>
        w.pos === "PROPN" &&
        /^\p{Lu}/u.test(w.text) &&
        !CALENDAR.test(w.text) &&
        w.end <= to &&
        !mentioned(w.start, w.end) &&
        !isPlace(w.start, w.end),
    )
  )
    return undefined;
  let where: typeof places;
  const cue = ON_SALE.exec(before);
  if (cue) {
    // Who goes on sale: between the clause's start and the launch words only the subject,
    // "it" (the subject named before the clause), or no one (then the main clause's subject).
    const agentEnd = from + cue.index;
    const agent = words.filter(
      (w) =>
        w.start >= from && w.end <= agentEnd && w.pos !== "PUNCT" && !mentioned(w.start, w.end),
    );
    if (agent.some((w) => !NO_ONE.test(w.text) && w.pos !== "DET")) return undefined;
    const named = mentions.some((m) => m.start >= from && m.end <= agentEnd);
    const it = agent.some((w) => /^it$/iu.test(w.text));
    if (it && !mentions.some((m) => m.end <= from)) return undefined;
    if (!named && !it) {
      const main = text.slice(to).replace(/^[,\s]+/u, "");
      const first = findMentions(main, a.matchers)[0];
      if (!first || !/^(?:the\s+)?$/iu.test(main.slice(0, first.start))) return undefined;
    }
    where = places.filter((p) => p.start >= agentEnd);
  } else {
    // "Japan and Europe will have to wait until … to get the DS": the places wait for it.
    const after = text.slice(date.at, to);
    const get = /^[^,;]*?\bto\s+(?:get|receive|buy)\s+(?:the\s+)?/iu.exec(after);
    if (!get || !WAIT_TO_GET.test(text.slice(from, date.at + get[0].length))) return undefined;
    const rest = after.slice(get[0].length);
    const object = findMentions(rest, a.matchers)[0];
    if (object?.start !== 0 || !/^\s*[.!]?\s*$/u.test(rest.slice(object.end))) return undefined;
    // Only places wait ("Japan and Europe will have to wait …"), no one else.
    const waitAt = from + /\bwait/iu.exec(before)!.index;
    const waiting = words.filter((w) => w.start >= from && w.end <= waitAt && w.pos !== "PUNCT");
    if (
      !waiting.every(
        (w) =>
          isPlace(w.start, w.end) ||
          /^(?:and|the|will|have|has|had|to|would|shall|also|still)$/iu.test(w.text),
      )
    )
      return undefined;
    where = places.filter((p) => p.end <= waitAt);
  }
  if (where.length === 0) return undefined;
  const months = monthsOf(date, text);
  if (!months) return undefined;
  const part = PART_BEFORE.exec(text.slice(0, date.at));
  const phrase = `${part ? part[0] : ""}${date.text}`;
  return {
    u,
    subject,
    places: [...new Set(where.map((p) => p.place))],
    kind: date.kind,
    months,
    when: phrase.replace(/^the\s+/iu, ""),
    share: (to - from) / text.length,
  };
}

/** "in Japan", "in the United States". */
function inPlace(place: string): string {
  return place === "World"
    ? "worldwide"
    : /^(?:United|Netherlands)/u.test(place)
      ? `in the ${place}`
      : `in ${place}`;
}

/**
 * A schedule and a report of one launch that cannot both be true: one source says a subject
 * will go on sale in a place in a period, another that it went on sale there in a period that
 * lies wholly before or after it ("Japan … will have to wait until the first quarter of 2005"
 * vs "since going on sale in Japan … at the end of 2004"). Neither side is called wrong: the
 * disagreement says which is the schedule and which the report.
 */
function scheduledVsReported(a: Analysis): Found[] {
  const launches = a.units.flatMap((unit, u) => {
    if (unit.quoted || !isFree(a, unit)) return [];
    const found = onSaleIn(a, u);
    return found ? [found] : [];
  });
  const out: Found[] = [];
  for (const x of launches) {
    if (x.kind !== "scheduled") continue;
    for (const y of launches) {
      if (y.kind !== "happened" || y.subject !== x.subject) continue;
      if (originOf(a, x.u) === originOf(a, y.u)) continue;
      const shared = x.places.filter((p) => y.places.includes(p));
      if (shared.length === 0) continue;
      if (x.months[0] <= y.months[1] && y.months[0] <= x.months[1]) continue;
      // A launch reported after the date it was scheduled for is a delay, not a contradiction
      // (the plan changed); only one reported before its scheduled period contradicts it.
      if (y.months[0] > x.months[1]) continue;
      const where = shared.map(inPlace).join(", ");
      // Short, as a slide's label: the years, or the dates as stated when the year is one.
      const year = (o: OnSale) => String(Math.floor(o.months[0] / 12));
      const sameYear = year(x) === year(y);
      const shown = (o: OnSale) => (sameYear ? o.when : year(o));
      out.push({
        topic: `${x.subject} on sale ${where}: ${shown(x)} (scheduled) or ${shown(y)} (reported)`,
        kind: sameYear ? "date" : "year",
        sides: [x.u, y.u],
        // Of several reports, the one most about the launch (its clause the most of the sentence).
        strength: 1.8 + (x.share + y.share) / 2,
        sideKinds: ["scheduled", "happened"],
      });
    }
  }
  return out;
}

/**
 * Different leaders of one market: one source says a subject of the brief leads in a place
 * ("the most popular … device in the states"), another that another subject does ("Nintendo
 * dominates … in the US"). Both must name the place (a lead with no place is a claim about
 * another market), and when both state years, share one; sources dated in different years
 * speak of different times and are not compared.
 */
function leaders(a: Analysis): Found[] {
  // A text's leads are read once: its tags are the same wherever it recurs.
  const read = new Map<string, Leadership[]>();
  const stated = a.units.flatMap((unit, u) => {
    if (unit.quoted || !isFree(a, unit) || unit.named.length === 0) return [];
    // The frame reads English words; other languages are not read.
    if (baseLanguage(a.sources[unit.sourceIndex]!.language) !== "en") return [];
    const words = a.structures[u]?.words;
    if (!words) return [];
    let leads = read.get(unit.text);
    if (!leads) {
      leads = leadershipsIn(unit.text, a.matchers, words);
      read.set(unit.text, leads);
    }
    return leads.map((lead) => ({ u, lead }));
  });
  const year = (u: number) => a.sources[a.units[u]!.sourceIndex]!.date?.slice(0, 4);
  const overlaps = (x: Leadership, y: Leadership) =>
    x.years.length === 0 || y.years.length === 0 || x.years.some((t) => y.years.includes(t));
  // Only leads of one place are compared: grouped by place, each lead is paired with the later
  // ones of its place (the all-pairs loop's pairs, in its order).
  const { groups, at } = groupBy(stated, (x) => x.lead.place);
  const out: Found[] = [];
  for (let i = 0; i < stated.length; i++) {
    const group = groups[i]!;
    for (let g = at[i]! + 1; g < group.length; g++) {
      const j = group[g]!;
      const x = stated[i]!;
      const y = stated[j]!;
      if (originOf(a, x.u) === originOf(a, y.u)) continue;
      if (x.lead.place !== y.lead.place || x.lead.leader === y.lead.leader) continue;
      if (!overlaps(x.lead, y.lead)) continue;
      const [xy, yy] = [year(x.u), year(y.u)];
      if (xy && yy && xy !== yy) continue;
      out.push({
        topic: `Who leads ${inPlace(x.lead.place)}: ${x.lead.leader} or ${y.lead.leader}`,
        kind: "statement",
        sides: [x.u, y.u],
        strength: 2 + similarity(a, x.u, y.u),
      });
    }
  }
  return out;
}

export function buildDisagreements(a: Analysis): Disagreement[] {
  const all = [
    ...memberships(a),
    ...numbers(a),
    ...years(a),
    ...foundedYears(a),
    ...leaders(a),
    ...scheduledVsReported(a),
    ...oppositeStatements(a),
  ];
  all.sort((x, y) => y.strength - x.strength || x.sides[0] - y.sides[0] || x.sides[1] - y.sides[1]);
  const out: Disagreement[] = [];
  let words = 0;
  for (const f of all) {
    if (out.length >= MAX_DISAGREEMENTS) break;
    // One disagreement per question: the same list or date told apart again by other copies of
    // the same passages (syndicated or recombined text) says nothing new.
    if (out.some((d) => d.topic === f.topic)) continue;
    const units = f.sides.map((u) => a.units[u]!);
    if (!units.every((u) => isFree(a, u))) continue;
    const n = units.reduce((sum, u) => sum + countWords(u.text), countWords(f.topic));
    if (out.length > 0 && words + n > a.maxWords * DISAGREEMENTS_SHARE) continue;
    words += n;
    for (const u of units) markUsed(a, u);
    const sides: Claim[] = f.sides.map((u) => makeClaim(a.units[u]!, [], attributionOf(a, u)));
    out.push({
      topic: f.topic,
      kind: f.kind,
      sides,
      ...(f.sideKinds ? { sideKinds: f.sideKinds } : {}),
    });
  }
  return out;
}
