/**
 * Figures: amounts that count something (troops, members, units sold, prices, per cent of GDP…),
 * each with its value scaled and its unit (`quantities.ts`), what it counts (the head noun),
 * whose it is (the entity it counts: a brief subject only when the sentence states it of that
 * subject), its scope ("UK, launch week"), and its kind: a `count`, a `difference` ("falls
 * behind by"), a `target` ("intends to ship"), a `forecast` ("expected to") or a `share`
 * (a percentage). Years, days of the month, article numbers, ordinals, model numbers and
 * technical sizes are not figures. An amount whose value cannot be trusted is left out, with
 * an `info` diagnostic naming its sentence.
 */

import type { Diagnostic } from "../diagnostics/types.js";
import type { Figure, FigureKind } from "../model/briefing.js";
import { baseLanguage, STOP_WORDS } from "../util/text.js";
import { makeClaim } from "./claims.js";
import { FORECAST_DE, SCHEDULED_DE, TARGET_DE } from "./dates.js";
import { comparableGroups } from "./exhibits/figures.js";
import { type Amount, scanAmounts } from "./quantities.js";
import { tag } from "./referents.js";
import type { Analysis } from "./state.js";
import {
  findMentions,
  firstClauseEnd,
  firstClauseSubjects,
  type SubjectMatcher,
} from "./subjects.js";

export const FIGURES_SHARE = 0.06;
const MAX_FIGURES = 10;

const NOUN_STOP =
  /^(?:of|in|on|at|to|for|from|with|by|and|or|that|which|who|than|as|is|are|was|were|has|have|had|will|would|the|a|an)$/iu;
const COUNTABLE =
  /^(?:troops|soldiers|people|members|member|countries|states|missiles|forces|servicemen|nations|allies|tanks|units|activists|officers|civilians|refugees|buildings|votes|battalions|brigades|personnel|staff|men|women|children|consoles|games|titles|copies|pre-orders|shops|stores)$/iu;
/** Spans of time are not counts of things. */
const TIME_NOUN =
  /^(?:hours?|days?|weeks?|months?|years?|minutes?|seconds?|times|decades?|centuries)$/iu;
/** Countries named by their people ("German leaders"). */
const COUNTRY_OF: Record<string, string> = {
  German: "Germany",
  French: "France",
  British: "United Kingdom",
  American: "United States",
  Russian: "Russia",
  Ukrainian: "Ukraine",
  Polish: "Poland",
  Belarusian: "Belarus",
  Kazakh: "Kazakhstan",
  Armenian: "Armenia",
  Japanese: "Japan",
  Chinese: "China",
};
/** Capitalised words that say where or when, not whose. */
const PLACE =
  /^(?:UK|U\.K\.|Britain|British|US|U\.S\.|USA|America|American|North|South|Europe|European|Japan|Japanese|Asia|Asian|Western|Eastern|Central|Russian|Ukrainian|World|Friday|Monday|Tuesday|Wednesday|Thursday|Saturday|Sunday)$/u;

export interface NumberMention {
  value: number;
  valueText: string;
  unit?: string;
  counts: string;
  index: number;
}

/** One figure a sentence states, before it is tied to a passage. */
export interface Quantity extends NumberMention {
  kind: FigureKind;
  approx?: string;
  low?: number;
  high?: number;
  /** Whose it is: a brief subject's name, or a third party as the sentence names it. */
  entity?: string;
  /** Set when `entity` is a brief subject. */
  subject?: string;
  scope?: string;
  /**
   * Set on a sum of money in parentheses right after another ("£99 (149 euros)", "19,800 yen
   * ($188; £98)"): the same price in another currency, whose it is and where taken from the first.
   */
  conversionOf?: number;
  /** On a sum followed by its conversions: the sum with them, as the sentence writes it. */
  withConversions?: string;
}

/** A value seen in a sentence but left out, and why. */
export interface LeftOut {
  text: string;
  reason: string;
}

function followingNoun(text: string, from: number): string {
  const words = text.slice(from).split(/\s+/u).filter(Boolean).slice(0, 5);
  const out: string[] = [];
  for (const raw of words) {
    const w = raw.replace(/[,.;:!?)"”’]+$/u, "");
    if (out.length > 0 && NOUN_STOP.test(w)) break;
    if (out.length === 0 && NOUN_STOP.test(w)) break;
    out.push(w);
    if (w !== raw) break;
    if (COUNTABLE.test(w)) break;
  }
  return out.join(" ");
}

/** The noun phrase that opens the clause holding a percentage: "support for NATO membership". */
function clauseSubject(text: string, to: number): string {
  // The clause's own words: not across a comma, semicolon, colon, dash or an opening parenthesis
  // ("$1,000bn (2.5% of GDP)": the comma of a number and what lies before the parenthesis are not it).
  const clause =
    text
      .slice(0, to)
      .split(/(?:[,;:](?!\d)|[—–(])\s*/u)
      .pop() ?? "";
  // "NATO members spend 2 percent of GDP": the subject ends at its finite verb, whatever its
  // form; a gerund or an infinitive inside the noun phrase ("backing for joining NATO") is no end.
  const tags = tag(clause);
  const verbAt = new Set(
    tags
      .filter(
        (t, k) =>
          (t.pos === "VERB" || t.pos === "AUX") &&
          !/ing$/iu.test(t.text) &&
          !["ADP", "PART"].includes(tags[k - 1]?.pos ?? ""),
      )
      .map((t) => t.start),
  );
  const words = [...clause.matchAll(/\S+/gu)];
  const out: string[] = [];
  for (const m of words) {
    const w = m[0].replace(/[.;:]+$/u, "");
    if (out.length > 0 && verbAt.has(m.index)) break;
    if (
      out.length === 0 &&
      (STOP_WORDS.has(w.toLowerCase()) || /^(?:After|Before|Since|Now)$/u.test(w))
    )
      continue;
    if (
      out.length > 0 &&
      (/^(?:is|are|was|were|has|have|had|will|would|rose|fell|grew|reached|stood)$/u.test(w) ||
        /\w(?:ed|es)$/u.test(w))
    )
      break;
    out.push(w);
    if (out.length >= 5) break;
  }
  return out.join(" ");
}

/** "a rapid reaction group of 20,000 people" → "rapid reaction group". */
function groupBefore(text: string, to: number): string | undefined {
  const m =
    /((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)\s+of\s+(?:about\s+|some\s+|around\s+|(?:less|more|fewer)\s+than\s+)?$/u.exec(
      text.slice(0, to),
    );
  if (!m) return undefined;
  // "elements consist of 2 nodes": a verb's object, not a group's size.
  if (/(?:consists?|consisting|comprised?|composed|made up|made)$/iu.test(m[1]!)) return undefined;
  const words = m[1]!
    .split(/\s+/u)
    .filter((w) => !STOP_WORDS.has(w.toLowerCase()) && !/(?:ed|ing)$/u.test(w));
  return words.length ? words.join(" ") : undefined;
}

/** A label worth showing: has a content word and does not end in a function word. */
function meaningful(counts: string): boolean {
  const words = counts
    .replace(/\(.*\)/u, "")
    .trim()
    .split(/\s+/u)
    .filter(Boolean);
  if (words.length === 0) return words.length > 0 || /\(% of/u.test(counts);
  const last = words[words.length - 1]!.toLowerCase();
  if (
    STOP_WORDS.has(last) ||
    words.some(
      (w) => /['’]s$|^not$/iu.test(w) && STOP_WORDS.has(w.toLowerCase().replace(/['’]s$/u, "")),
    )
  )
    return false;
  return words.some((w) => w.length >= 3 && !STOP_WORDS.has(w.toLowerCase()));
}

const TARGET =
  /\b(?:intends?|intended|intention|aims?|aimed|aiming|goal|targets?|targeted|hopes?|hoped|hoping|plans?|planned|planning|pledged?|promised?|wants?|seeks?|vowed?)\b/iu;
const FORECAST =
  /\b(?:expects?|expected|expecting|set to|likely|unlikely|predicts?|predicted|forecasts?|projected|projects|sees|anticipates?|estimates? that)\b/iu;
const FUTURE =
  /\b(?:will|would|shall|is going to|are going to)\b(?!\s+(?:retail|cost|be priced))/iu;
const FORECAST_AFTER =
  /^[^,;]{0,40}?\b(?:(?:is|are|was|were)\s+(?:expected|likely|set|due)\s+to|will|would)\b/iu;
const PRICE_CUE =
  /\b(?:cost|costs|costing|priced|price|prices|retail|retails|sells?\s+(?:[\w\s]{0,30})?for|selling\s+(?:[\w\s]{0,30})?for)\b|\bfor\s*$/iu;

const PLACES: readonly [RegExp, string][] = [
  [/\b(?:UK|U\.K\.|Britain|British)\b/u, "UK"],
  [/\b(?:US|U\.S\.|USA|United States|American)\b/u, "US"],
  [/\b(?:Japan|Japanese)\b/u, "Japan"],
  [/\b(?:Europe|European)\b/u, "Europe"],
  [/\bNorth America\b/u, "North America"],
  [/\bworldwide\b/iu, "worldwide"],
];
const PERIODS: readonly [RegExp, string][] = [
  [
    /\b(?:first|opening|launch)\s+week\b|\bweek\s+(?:following|after)\s+(?:its|the)\s+(?:\w+\s+)?launch\b/iu,
    "launch week",
  ],
  [/\bfirst\s+(\w+)\s+days\b/iu, "first $1 days"],
  [
    /\bsince\s+(?:its\s+|their\s+)?(?:launch|release|it\s+first\s+appeared|(?:it\s+)?(?:first\s+)?(?:went|going|go)\s+on\s+sale)\b/iu,
    "since launch",
  ],
  [/\byear-to-date\b|\bannual\b/iu, "year to date"],
  [/\bat launch\b/iu, "at launch"],
  [
    /\bby\s+(?:the\s+end\s+of\s+)?((?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?\d{4}|year['’]s end|its fiscal year)/iu,
    "by $1",
  ],
];

/** Ranges of the passage that hold `at`: its sentence and its clause. */
function spans(text: string, at: number): { sentence: [number, number]; clause: [number, number] } {
  // Delimiters inside parentheses do not end a clause ("19,800 yen ($188; £98)").
  const flat = text.replace(/\([^()]*\)/gu, (m) => m.replace(/[,;:—–]/gu, " "));
  let sStart = 0;
  let sEnd = text.length;
  for (const m of flat.matchAll(/[.!?]["”’)]?\s+(?=[\p{Lu}"“(])/gu)) {
    const end = m.index + m[0].length;
    if (end <= at) sStart = end;
    else {
      sEnd = m.index + 1;
      break;
    }
  }
  let cStart = sStart;
  let cEnd = sEnd;
  for (const m of flat
    .slice(sStart, sEnd)
    .matchAll(/[;:—–]\s*|,(?!\d)\s*|\s(?:while|whereas|but)\s/gu)) {
    const i = sStart + m.index;
    if (i + m[0].length <= at) cStart = i + m[0].length;
    else if (i >= at) {
      cEnd = i;
      break;
    }
  }
  return { sentence: [sStart, sEnd], clause: [cStart, cEnd] };
}

interface NounPhrase {
  phrase: string;
  head: string;
  /** Capitalised words before the head ("Nintendo DS" of "Nintendo DS units"). */
  names: string;
  /** The name the phrase is "of" or "for": "units of the Nintendo DS", "games for the DS". */
  of?: string;
}

const NAME_WORD = /^[\p{Lu}][\p{L}\d-]*$/u;
const PLURAL_NAME = /^[\p{Lu}]{2,}s$/u;

function isHead(w: string): boolean {
  return (
    COUNTABLE.test(w) ||
    PLURAL_NAME.test(w) ||
    (/^[\p{Ll}][\p{Ll}-]{2,}s$/u.test(w) && !/(?:ss|us|is|ous)$/u.test(w))
  );
}

/** The counted noun phrase after an amount: "Nintendo DS units", "of the consoles" → "consoles". */
function nounAfter(after: string): NounPhrase | undefined {
  let rest = after;
  const partitive = /^\s*of\s+(?:the|its|his|her|their|these|those)\s+(?:new\s+)?/iu.exec(rest);
  if (partitive) rest = rest.slice(partitive[0].length);
  const words = rest.split(/\s+/u).filter(Boolean).slice(0, 6);
  const out: string[] = [];
  let head = "";
  let consumed = 0;
  for (const raw of words) {
    const w = raw.replace(/[,.;:!?)"”’]+$/u, "");
    if (!w || NOUN_STOP.test(w) || /^\d/u.test(w)) break;
    out.push(w);
    consumed++;
    if (isHead(w)) {
      head = w;
      break;
    }
    if (w !== raw) break;
  }
  if (!head || TIME_NOUN.test(head)) return undefined;
  const names = out
    .slice(0, -1)
    .filter((w) => NAME_WORD.test(w) && !PLACE.test(w))
    .join(" ");
  const tail = words.slice(consumed).join(" ");
  const of =
    /^(?:(?:produced|made|designed|developed|released|written)\s+)?(?:of|for)\s+(?:the\s+)?((?:[\p{Lu}][\p{L}\d-]*(?:['’]s)?\s?){1,4})/u
      .exec(tail)?.[1]
      ?.trim()
      .split(/['’]s\s+/u)
      .pop();
  return { phrase: out.join(" "), head, names, ...(of ? { of } : {}) };
}

/** A name as a subject (when it is exactly a subject's name or alias) or as a third party. */
function nameEntity(
  name: string,
  matchers: SubjectMatcher[],
): { entity?: string; subject?: string } {
  const clean = name
    .replace(/['’]s$/u, "")
    .replace(/s$/u, (m) => (PLURAL_NAME.test(name) ? "" : m))
    .trim();
  if (!clean) return {};
  const ms = findMentions(clean, matchers);
  if (ms.length > 0 && ms.every((m) => m.subject === ms[0]!.subject)) {
    const covered = ms.reduce(
      (n, m) => n + clean.slice(m.start, m.end).replace(/\s+/gu, "").length,
      0,
    );
    if (covered >= clean.replace(/\s+/gu, "").length)
      return { entity: ms[0]!.subject, subject: ms[0]!.subject };
  }
  return { entity: clean };
}

function subjectsIn(text: string, matchers: SubjectMatcher[]): string[] {
  return findMentions(text, matchers).map((m) => m.subject);
}

/** Subject mentions in `text` that are not part of a longer name ("Sony PS2" is not Sony's PSP). */
function ownMentions(text: string, matchers: SubjectMatcher[]) {
  const ms = findMentions(text, matchers);
  return ms.filter((m) => {
    const next = /^\s+([\p{Lu}][\p{L}\d-]*)/u.exec(text.slice(m.end))?.[1];
    if (!next || PLACE.test(next)) return true;
    return ms.some((o) => o.start > m.end && o.subject === m.subject && o.start <= m.end + 1);
  });
}

/** Whose the amount is: see the module comment. */
function entityOf(
  text: string,
  amount: Amount,
  np: NounPhrase | undefined,
  sentence: [number, number],
  clause: [number, number],
  matchers: SubjectMatcher[],
  difference = false,
): { entity?: string; subject?: string } {
  if (np) {
    if (PLURAL_NAME.test(np.head)) return nameEntity(np.head, matchers);
    if (np.names) return nameEntity(np.names, matchers);
    if (np.of) return nameEntity(np.of, matchers);
  }
  // "the earlier machine's back catalogue of 700 games": whose is said, and it is no subject.
  const owner = /(\S+)['’]s\s+(?:[\p{L}-]+\s+){0,3}of\s+(?:about\s+|some\s+|around\s+)?$/u.exec(
    text.slice(clause[0], amount.start),
  );
  if (owner && ownMentions(owner[1]!, matchers).length === 0) return {};
  const inClause = text.slice(clause[0], amount.start);
  const mentions = ownMentions(inClause, matchers);
  // A third party as the clause's subject, nearer than any subject mention: "the Microsoft Xbox has sold".
  const third = [
    ...inClause.matchAll(
      /(?:^|\bthe\s+|,\s*)((?:[\p{Lu}][\p{L}\d-]*\s+){0,3}[\p{Lu}][\p{L}\d-]*)\s+(?:has|have|had|sold|is|are|was|were|did|shipped|sells|will|would)\b/gu,
    ),
  ].pop();
  const last = mentions[mentions.length - 1];
  if (third && !PLACE.test(third[1]!) && (!last || third.index + third[0].length > last.end)) {
    const named = nameEntity(third[1]!.replace(/^(?:The|A|An)\s+/u, ""), matchers);
    if (named.entity && !/^(?:The|This|That|It|These|Those|He|She|They)$/u.test(named.entity))
      return named;
  }
  // "German leaders pledged to bring defence spending up to 2 percent": a country by its people.
  const people = new RegExp(
    `\\b(${Object.keys(COUNTRY_OF).join("|")})\\s+(?:leaders|officials|government|authorities|ministers?|voters|troops|forces)\\b`,
    "u",
  ).exec(inClause);
  if (people && mentions.length === 0) return { entity: COUNTRY_OF[people[1]!]! };
  // "they are selling 1GB memory sticks for almost £100": the price of what is sold, which is
  // no subject when the object names none.
  const sold =
    /\b(?:sell|sells|selling|sold|offer|offers|offering|offered)\s+((?:[\p{L}\d'’-]+\s+){1,6}?)for\s+$/iu.exec(
      text.slice(clause[0], amount.start),
    );
  if (
    sold &&
    amount.unit &&
    amount.unit !== "%" &&
    !/^(?:in|across|throughout|at|on)\s/iu.test(sold[1]!) &&
    ownMentions(sold[1]!, matchers).length === 0
  )
    return {};
  // A gap is the clause subject's ("the PSP … falls behind the DS by 130,000"); else the nearest.
  const own = difference ? mentions[0] : last;
  if (own) return { entity: own.subject, subject: own.subject };
  // Else the one subject the sentence names, if it names only one and nothing else muddles it.
  const sentenceText = text.slice(sentence[0], sentence[1]);
  const named = new Set(ownMentions(sentenceText, matchers).map((m) => m.subject));
  const all = new Set(findMentions(sentenceText, matchers).map((m) => m.subject));
  if (named.size === 1 && all.size === 1) {
    const s = [...named][0]!;
    return { entity: s, subject: s };
  }
  return {};
}

function kindOf(text: string, amount: Amount, clause: [number, number]): FigureKind {
  const before = text.slice(clause[0], amount.start);
  const after = text.slice(amount.end, clause[1]);
  if (
    /\bby\s*$/iu.test(before) ||
    /^\s*(?:\w+\s+){0,2}(?:more|fewer|less|higher|lower)\s+than\b/iu.test(after) ||
    /\b(?:lead|gap|difference|increase|decrease|rise|fall|drop)\s+of\s*$/iu.test(before)
  )
    return "difference";
  if (TARGET.test(before)) return "target";
  if (FORECAST.test(before) || FUTURE.test(before) || FORECAST_AFTER.test(after)) return "forecast";
  if (amount.unit === "%") return "share";
  return "count";
}

/** The places named in `t` from `from` on, as [position, place], in order. */
function placesAt(t: string, from = 0): [number, string][] {
  const out: [number, string][] = [];
  for (const [re, place] of PLACES) {
    const g = new RegExp(re.source, `${re.flags}g`);
    for (const m of t.matchAll(g)) if (m.index >= from) out.push([m.index, place]);
  }
  return out.sort((x, y) => x[0] - y[0]);
}

/** The nearest run of places ending before `to` ("in the US and Japan"). */
function placesBefore(t: string, to: number): string[] {
  const all = placesAt(t.slice(0, to));
  // "in the UK" says where; "its initial Japanese launch" may only describe something else.
  const stated = all.filter(([i]) =>
    /\b(?:in|across|throughout)\s+(?:the\s+)?(?:\S+\s+and\s+(?:the\s+)?)?$/iu.test(t.slice(0, i)),
  );
  const found = stated.length ? stated : all;
  const last = found[found.length - 1];
  if (!last) return [];
  const run = [last];
  for (let i = found.length - 2; i >= 0; i--) {
    const gap = t.slice(found[i]![0], run[0]![0]);
    if (!/^\S+(?:\s+and\s+(?:the\s+)?|,\s*)$/u.test(gap)) break;
    run.unshift(found[i]!);
  }
  return run.map(([, p]) => p);
}

/**
 * Where and when the amount holds: the places named after it in its clause ("in Japan since
 * its launch"), else the nearest before it in its clause or sentence; the period likewise.
 */
function scopeOf(
  text: string,
  amount: Amount,
  sentence: [number, number],
  clause: [number, number],
): string | undefined {
  const plain = text.replace(/\([^()]*\)/gu, (m) => " ".repeat(m.length));
  const after = plain.slice(amount.end, clause[1]);
  let where = placesAt(after)
    .filter(([i]) =>
      /\b(?:(?:in|across|throughout)\s+(?:the\s+)?(?:\S+\s+and\s+(?:the\s+)?)?|(?:its|their)\s+)$/iu.test(
        after.slice(0, i),
      ),
    )
    .map(([, p]) => p);
  if (where.length === 0) where = placesBefore(plain.slice(clause[0]), amount.start - clause[0]);
  if (where.length === 0)
    where = placesBefore(plain.slice(sentence[0]), amount.start - sentence[0]);
  let when: string | undefined;
  for (const t of [plain.slice(clause[0], clause[1]), plain.slice(sentence[0], sentence[1])]) {
    for (const [re, label] of PERIODS) {
      const m = re.exec(t);
      if (m) {
        when = label.replace("$1", m[1] ?? "");
        break;
      }
    }
    if (when) break;
  }
  const parts = [[...new Set(where)].sort().join(" and "), when].filter(Boolean);
  return parts.length ? parts.join(", ") : undefined;
}

/** A quantity from an amount the scanner read, with what it counts, its kind and whose it is. */
function quantityOf(
  amount: Amount,
  counts: string,
  kind: FigureKind,
  who: { entity?: string; subject?: string },
  scope?: string,
): Quantity {
  return {
    value: amount.value,
    valueText: amount.text,
    ...(amount.unit ? { unit: amount.unit } : {}),
    counts,
    index: amount.numberStart,
    kind,
    ...(amount.approx ? { approx: amount.approx } : {}),
    ...(amount.low !== undefined ? { low: amount.low, high: amount.high } : {}),
    ...who,
    ...(scope ? { scope } : {}),
  };
}

/** The figures a passage states, with what was seen but left out. */
export function quantitiesIn(
  text: string,
  matchers: SubjectMatcher[] = [],
  language?: string,
): { quantities: Quantity[]; leftOut: LeftOut[] } {
  const { amounts, rejected } = scanAmounts(text, language);
  const leftOut: LeftOut[] = rejected.map((r) => ({ text: r.text, reason: r.reason }));
  if (language && baseLanguage(language) !== "en") {
    return { quantities: foreignQuantities(text, amounts, matchers, language, leftOut), leftOut };
  }
  const out: Quantity[] = [];
  const amountOf = new Map<Quantity, Amount>();
  for (const amount of amounts) {
    const before = text.slice(0, amount.start);
    const after = text.slice(amount.end);
    const { sentence, clause } = spans(text, amount.numberStart);
    if (amount.compound) {
      // "20-year existence": a span of time, kept as such (never compared); "eight-player" is no figure.
      if (amount.compound !== "year" || amount.unit) continue;
      const noun = followingNoun(after.replace(/^-year\s*/u, ""), 0);
      out.push({
        value: amount.value,
        valueText: `${amount.numberText}-year`,
        unit: "years",
        counts: noun ? `years of ${noun}` : "years",
        index: amount.numberStart,
        kind: "count",
        ...entityOf(text, amount, undefined, sentence, clause, matchers),
      });
      continue;
    }
    let counts: string;
    let np: NounPhrase | undefined;
    if (amount.unit === "%") {
      const of = /^\s*of\s+([\p{L}\p{N}-]+(?:\s+[\p{Lu}][\p{L}]+)?)/u.exec(after);
      const target =
        /((?:[\p{L}-]+\s+)?[\p{L}-]+)\s+(?:up\s+)?to\s+(?:about\s+|around\s+|at\s+least\s+)?$/u.exec(
          text.slice(0, amount.numberStart),
        );
      const what =
        target && !STOP_WORDS.has(target[1]!.split(/\s+/u)[0]!.toLowerCase())
          ? target[1]!
          : clauseSubject(text, amount.start);
      counts = of ? `${what || "share"} (% of ${of[1]!})` : what;
      // "a 90% share of the market", "a 50 percent growth in its handheld business".
      const noun =
        /^\s*(share|stake|growth|increase|rise|drop|fall|decline|cut)\b(?:\s+(?:of|in)\s+(?:the\s+|its\s+|their\s+)?([\p{L}-]+(?:\s+(?!(?:in|of|the|to|for|on|at|by|and)\b)[\p{L}-]+)?))?/iu.exec(
          after,
        );
      if (noun)
        counts = noun[2] ? `${noun[1]!.toLowerCase()} (${noun[2]})` : noun[1]!.toLowerCase();
    } else if (amount.unit) {
      // A sum of money: a price when the clause says so (or it converts one), else what it is worth.
      const clauseBefore = text.slice(clause[0], amount.start);
      const worth = /\b(worth|value|revenue|sales|budget|spending)\s+of\s*$/iu.exec(
        clauseBefore,
      )?.[1];
      counts = worth
        ? worth.toLowerCase()
        : PRICE_CUE.test(clauseBefore) || /[(;]\s*(?:about\s+)?$/u.test(before)
          ? "price"
          : "amount";
    } else {
      if (amount.spelled && !amount.scaled && amount.value < 3) continue;
      np = nounAfter(after);
      if (!np) continue;
      if (amount.spelled && !amount.scaled && !COUNTABLE.test(np.head)) continue;
      counts = np.phrase;
      const group = groupBefore(text, amount.start);
      if (counts && group) counts = `${counts} in the ${group}`;
    }
    if (!counts || !meaningful(counts)) continue;
    if (/\brespectively\b/iu.test(text.slice(sentence[0], sentence[1]))) {
      leftOut.push({
        text: amount.text,
        reason: "“respectively” pairs amounts and names in an order that is not checked",
      });
      continue;
    }
    const kind = kindOf(text, amount, clause);
    let who = entityOf(text, amount, np, sentence, clause, matchers, kind === "difference");
    // "support for NATO membership … 83%": the subject named inside what is measured is not its owner.
    if (amount.unit === "%" && who.subject && subjectsIn(counts, matchers).includes(who.subject))
      who = {};
    const q = quantityOf(amount, counts, kind, who, scopeOf(text, amount, sentence, clause));
    amountOf.set(q, amount);
    out.push(q);
  }
  linkConversions(text, out, amountOf);
  return { quantities: out, leftOut };
}

/**
 * "£99 (149 euros)", "19,800 yen ($188; £98)": sums of money in parentheses right after a sum
 * are that sum in other currencies. Each takes the first's owner, kind and scope (what the
 * sentence says of the price holds of its conversions), and the first keeps the whole as written.
 */
function linkConversions(text: string, out: Quantity[], amountOf: Map<Quantity, Amount>): void {
  for (let i = 0; i < out.length; i++) {
    const first = out[i]!;
    const a = amountOf.get(first);
    if (!a || !first.unit || first.unit === "%" || first.conversionOf !== undefined) continue;
    // "£99 (149 euros)", or with where it holds between: "£99 in the UK (149 euros)".
    const open =
      /^(?:\s+(?:in|across|throughout)\s+(?:the\s+)?\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*)?\s*\(/u.exec(
        text.slice(a.end),
      );
    if (!open) continue;
    const from = a.end + open[0].length;
    const close = text.indexOf(")", from);
    if (close < 0) continue;
    let at = from;
    const linked: number[] = [];
    for (let j = i + 1; j < out.length; j++) {
      const b = amountOf.get(out[j]!);
      // Another currency: "£120m (£98m)" in one is last year's figure, not a conversion.
      if (
        !b ||
        !out[j]!.unit ||
        out[j]!.unit === "%" ||
        out[j]!.unit === first.unit ||
        b.end > close
      )
        break;
      if (
        !/^\s*(?:about\s+|around\s+|roughly\s+|approx\.?\s+)?$/iu.test(
          text.slice(at, b.start).replace(/^\s*[;,/]/u, ""),
        )
      )
        break;
      linked.push(j);
      at = b.end;
    }
    if (linked.length === 0 || text.slice(at, close).trim() !== "") continue;
    for (const j of linked) {
      const q = out[j]!;
      q.conversionOf = i;
      q.kind = first.kind;
      q.counts = first.counts;
      delete q.entity;
      delete q.subject;
      delete q.scope;
      if (first.entity) q.entity = first.entity;
      if (first.subject) q.subject = first.subject;
      if (first.scope) q.scope = first.scope;
    }
    first.withConversions = text.slice(a.start, close + 1);
  }
}

/**
 * Amounts in a language the English parser cannot read, taken only where the sentence's shape
 * says whose they are and what they count without a parse:
 * - whose: the one brief subject named in the first clause (up to the first comma, semicolon or
 *   colon), and only for an amount in that clause ("Die PSP kostet in Japan 19.800 Yen"); else
 *   no one's ("Der Handheld … 249 €, … teurer als … der NDS" is not the NDS's price);
 * - what: a sum of money or a percentage is itself; a bare number counts the noun right after it
 *   in German, which capitalises nouns ("600.000 Einheiten"); in another language, or with no
 *   such noun, the number is left out;
 * - a comparative after the amount ("100 € teurer als …", "mehr als …") makes it a difference;
 *   in German, a modal of intent before it a target ("will … ausliefern"), of expectation a
 *   forecast ("soll … kosten");
 * - no scope: where and when an amount holds is read with English prepositions only.
 */
function foreignQuantities(
  text: string,
  amounts: Amount[],
  matchers: SubjectMatcher[],
  language: string,
  leftOut: LeftOut[],
): Quantity[] {
  const out: Quantity[] = [];
  const german = baseLanguage(language) === "de";
  const clauseEnd = firstClauseEnd(text);
  const named = firstClauseSubjects(text, matchers);
  for (const amount of amounts) {
    if (amount.compound) continue;
    const after = text.slice(amount.end);
    let counts: string;
    if (amount.unit === "%") counts = "share";
    else if (amount.unit) counts = "amount";
    else {
      const noun = german ? /^\s+(\p{Lu}[\p{L}-]*)(?=[\s.,;:!?)]|$)/u.exec(after)?.[1] : undefined;
      if (!noun) {
        leftOut.push({
          text: amount.text,
          reason: "what the number counts is not read in this language",
        });
        continue;
      }
      counts = noun;
    }
    const difference = /^\s*(?:\p{Ll}+er|mehr|weniger)\s+(?:als|dan)\b/u.test(after);
    const before = text.slice(0, amount.start);
    const kind: FigureKind = difference
      ? "difference"
      : german && TARGET_DE.test(before)
        ? "target"
        : german && (FORECAST_DE.test(before) || SCHEDULED_DE.test(before))
          ? "forecast"
          : amount.unit === "%"
            ? "share"
            : "count";
    const owner = amount.start < clauseEnd && named.size === 1 ? [...named][0]! : undefined;
    out.push(quantityOf(amount, counts, kind, owner ? { entity: owner, subject: owner } : {}));
  }
  return out;
}

/** A cheap test before the scanner: digits, or a number word that can scale or count. */
const MAY_HOLD_AMOUNT =
  /\d|\b(?:three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|zwanzig|hundert|tausend)\b/iu;

/** Whether passage `u` names someone other than the brief's subjects (a proper noun, in English). */
function namesAThirdParty(a: Analysis, u: number): boolean {
  const language = a.sources[a.units[u]!.sourceIndex]!.language;
  if (language && baseLanguage(language) !== "en") return false;
  return a.structures[u]?.words.some((w) => w.pos === "PROPN") ?? false;
}

export function buildFigures(a: Analysis, diagnostics?: Diagnostic[]): Figure[] {
  const all: { figure: Figure; score: number; unit: number }[] = [];
  const reported = new Set<string>();
  a.units.forEach((unit, u) => {
    if (unit.quoted || unit.attributedOnly || !MAY_HOLD_AMOUNT.test(unit.text)) return;
    const language = a.sources[unit.sourceIndex]!.language;
    const { quantities, leftOut } = quantitiesIn(unit.text, a.matchers, language);
    for (const l of leftOut) {
      const key = `${unit.sourceIndex}\u0000${l.text}\u0000${l.reason}`;
      if (reported.has(key) || !diagnostics) continue;
      reported.add(key);
      diagnostics.push({
        severity: "info",
        ruleId: "value-left-out",
        file: a.sources[unit.sourceIndex]!.file,
        message: `figure “${l.text}” left out: ${l.reason} (¶${unit.key.split(":")[1]}: “${unit.text.slice(0, 100)}”)`,
      });
    }
    for (const q of quantities) {
      // A conversion is shown with the sum it converts ("£99 (149 euros)"), not on its own.
      if (q.conversionOf !== undefined) continue;
      // A number about no one named ("All nodes … consist of 2 nodes", "200.000 Stück wurden
      // bereitgestellt"): whose it is lies in the text around it, so it is not a figure.
      if (!q.entity && unit.named.length === 0 && !namesAThirdParty(a, u)) {
        const key = `${unit.sourceIndex}\u0000${q.valueText}\u0000owner`;
        if (diagnostics && !reported.has(key)) {
          reported.add(key);
          diagnostics.push({
            severity: "info",
            ruleId: "value-left-out",
            file: a.sources[unit.sourceIndex]!.file,
            message: `figure “${q.valueText}” left out: the sentence names no one it belongs to (¶${unit.key.split(":")[1]}: “${unit.text.slice(0, 100)}”)`,
          });
        }
        continue;
      }
      const figure: Figure = {
        value: q.value,
        valueText: q.withConversions ?? q.valueText,
        ...(q.unit ? { unit: q.unit } : {}),
        counts: q.counts,
        ...(q.subject ? { subject: q.subject } : {}),
        ...(q.entity ? { entity: q.entity } : {}),
        kind: q.kind,
        ...(q.approx ? { approx: q.approx } : {}),
        ...(q.low !== undefined ? { low: q.low, high: q.high } : {}),
        ...(q.scope ? { scope: q.scope } : {}),
        claim: makeClaim(unit),
      };
      const score =
        unit.info +
        (q.subject ? 0.4 : 0) +
        (q.kind === "count" ? 0.2 : 0) +
        (q.value >= 100 ? 0.1 : 0);
      all.push({ figure, score, unit: u });
    }
  });
  // A figure that another subject's can be set beside (the same kind of thing, unit and scope:
  // a panel of the figures chart) tells a reader more than one that stands alone: in each such
  // group, each subject's best figure comes first, so a comparison the chart could draw loses a
  // side only when the list is full (ten figures, or its share of the word limit).
  const scores = new Map(all.map((f) => [f.figure, f.score]));
  const first = new Set<Figure>();
  for (const group of comparableGroups(all.map((f) => f.figure))) {
    const best = new Map<string, Figure>();
    for (const f of group.figures) {
      const seen = best.get(f.subject!);
      if (!seen || scores.get(f)! > scores.get(seen)!) best.set(f.subject!, f);
    }
    for (const f of best.values()) first.add(f);
  }
  all.sort(
    (x, y) =>
      Number(first.has(y.figure)) - Number(first.has(x.figure)) ||
      y.score - x.score ||
      x.unit - y.unit,
  );
  const budget = a.maxWords * FIGURES_SHARE;
  const out: typeof all = [];
  let words = 0;
  for (const f of all) {
    if (out.length >= MAX_FIGURES) break;
    if (
      out.some(
        (o) =>
          // The same figure again (a copy, a second mention); another subject's equal figure is
          // a figure of its own.
          o.figure.valueText === f.figure.valueText &&
          o.figure.subject === f.figure.subject &&
          (o.figure.counts === f.figure.counts ||
            o.figure.claim.text.includes(f.figure.claim.text)),
      )
    )
      continue;
    const w = 6 + f.figure.counts.split(" ").length;
    if (words + w > budget) break;
    out.push(f);
    words += w;
  }
  out.sort((x, y) => x.unit - y.unit);
  return out.map((f) => f.figure);
}
