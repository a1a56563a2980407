/**
 * Finding the date an event sentence is about, and what kind of event it is: something that
 * `happened`, is `scheduled` ("will launch on 11 March"), is a `target` ("intends to ship three
 * million by March 2005") or a `forecast` ("set to explode in 2005").
 *
 * Explicit dates come from chrono-node, bare years from a pattern ("In 2014 …", "the 2008
 * Bucharest Summit"). Partial dates stay partial (`2022-01`). A relative date is resolved only
 * when it is precise ("On 16 May", "last Tuesday", "last year") and the source is dated; the part
 * supplied by the source's date is shown in brackets ("16 May [2022]"). Vague phrases ("a few
 * years ago", "recently", "earlier this year") never become dates. Citation years ("(Wikipedia,
 * 2006)", "(Smith 2004)"), birth years, "as of", publication lines and "before/after/until"
 * boundaries are not events.
 */
// Only the locales this file parses (chrono-node's root module loads all sixteen: about 0.13 s
// more per process).
import * as de from "chrono-node/de";
import * as en from "chrono-node/en";
import * as ru from "chrono-node/ru";
import * as uk from "chrono-node/uk";
import type { EventKind } from "../model/briefing.js";

/**
 * chrono-node's English casual parser, with its two costliest patterns behind a gate. "Two years
 * ago" and "three days later" are read by patterns that repeat a duration up to ten times
 * ("2 years, 3 months and 4 days ago"); V8 compiles each into a large program, twice (its
 * interpreter's, then machine code), whether or not any sentence says "ago" or "later": tens of
 * milliseconds of a cold process. The gate is the same pattern with the repetition taken out (one
 * duration right before the keyword, which every match of the full pattern contains: its last
 * duration), so it never turns a match away; the full pattern is compiled and run only on a text
 * the gate accepts. Results are the library's own (tests/engine/dates-gate.test.ts compares them
 * with `en.casual`'s).
 */
export const englishDates: en.Chrono = gateRepeatedDurations(en.casual.clone());

const NEVER = /(?!)/u;

function gateRepeatedDurations(chrono: en.Chrono): en.Chrono {
  chrono.parsers = chrono.parsers.map((parser) => {
    // Only a pattern of the shape `(\W|^)(…duration(?:connector duration){0,10})\s{0,5}(?:keyword…`:
    // the keyword right after the repetition is what makes "last duration + keyword" necessary.
    let full: RegExp | undefined;
    let gate: RegExp | null = null;
    return {
      pattern(context) {
        const pattern = parser.pattern(context);
        if (pattern !== full) {
          full = pattern;
          const source = pattern.source.replace(/^\(\\W\|\^\)/u, "");
          const once = source.indexOf("{0,10}") === source.lastIndexOf("{0,10}");
          gate =
            once && /\)\{0,10\}\)*\\s\{0,5\}\(/u.test(source)
              ? new RegExp(source.replace("){0,10}", "){0}"), pattern.flags)
              : null;
        }
        return gate === null || gate.test(context.text) ? pattern : NEVER;
      },
      extract: (context, match) => parser.extract(context, match),
    } satisfies en.Parser;
  });
  return chrono;
}

export interface EventDate {
  /** ISO 8601, partial allowed. */
  iso: string;
  /** How it was stated; a part resolved from the source's date in brackets. */
  text: string;
  relative: boolean;
  kind: EventKind;
  /** Where the date starts in the sentence (English sentences only). */
  at?: number;
}

/** A date-like phrase that was seen but is not shown as a date, and why. */
export interface DateLeftOut {
  text: string;
  reason: string;
}

const MONTHS =
  "January|February|March|April|May|June|July|August|September|October|November|December";
/** English month names, their abbreviations and weekdays, as a regex alternation. */
export const MONTH_OR_DAY = `${MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday`;
const PREFILTER = new RegExp(
  `\\b(?:(?:1[89]|20)\\d\\d|${MONTHS}|[Ll]ast (?:year|month|week|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|[Tt]his year|ago|[Yy]esterday|[Rr]ecently)\\b`,
  "u",
);
const NOT_EVENT =
  /\bborn\b|\bas of\b|\bage of\b|\bpublished\b|\bposted\b|\bupdated\b|\bcopyright\b|©|\bfellow\b/iu;
const BOUNDARY =
  /(?:prior to|before|until|till|after|since|than|pre-|post-)\s+(?:the\s+)?(?:(?:end|start|beginning|middle|first|second|third|fourth|last)\s+)?(?:(?:quarter|half)\s+)?(?:of\s+)?$|(?:pre-|post-)$/iu;
/** "… will have to wait until the first quarter of 2005 to get …": the date the wait ends is the event's. */
const WAIT_UNTIL =
  /\bwait(?:s|ed|ing)?\s+until\s+(?:the\s+)?(?:(?:end|start|beginning|middle|first|second|third|fourth|last)\s+)?(?:(?:quarter|half)\s+)?(?:of\s+)?$/iu;
const BY = /\bby\s+(?:the\s+)?(?:(?:end|start|beginning|middle)\s+of\s+)?(?:the\s+)?$/iu;
const BARE_YEAR = /(?<![\d.,/-])((?:1[89]|20)\d\d)(?![\d%]|-year|s\b|['’]s)/gu;
const NARRATIVE_RELATIVE = /later|earlier|before|after|next|following/iu;
/** "(Wikipedia, 2006)", "(Smith 2004)", "(Smith et al., 2004: 12)". */
const CITATION =
  /\(\s*[\p{L}][^()]*?[,\s]\s*(?:1[89]|20)\d\d[a-z]?(?:\s*[,:]\s*(?:pp?\.\s*)?\d+(?:[-–]\d+)?)?\s*\)/gu;
const VAGUE =
  /\b(?:(?:a\s+few|several|some|many|a\s+couple\s+of)\s+(?:years|months|weeks|days|decades)\s+ago|years\s+ago|months\s+ago|recently|lately|earlier\s+this\s+(?:year|month|week)|later\s+this\s+(?:year|month|week)|in\s+recent\s+(?:years|months|weeks)|the\s+other\s+day|some\s+time\s+ago|not\s+long\s+ago|a\s+while\s+ago)\b/giu;
/** Relative phrases precise enough to resolve against a dated source. */
const PRECISE_RELATIVE = new RegExp(
  `\\b(?:${MONTH_OR_DAY}|yesterday|today|tomorrow|(?:last|this|next)\\s+(?:year|month)|(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s+(?:days?|weeks?|months?|years?)\\s+ago)\\b`,
  "iu",
);

/** An aim for a date ("intends to ship … by March 2005"); every tense, for "by" dates. */
const TARGET =
  /\b(?:intends?|intended|aims?|aimed|aiming|goal|targets?|hopes?|hoped|hoping|plans?|planned|planning|pledged?|promised?|wants?|vowed?)\b/iu;
/** An aim still open when written ("aims to … in 2005"); "pledged to … in 2022" reports a pledge made. */
const TARGET_NOW =
  /\b(?:intends?|aims?|aiming|goal\s+is|targets?|hopes?|hoping|plans?|planning|wants?)\b/iu;
const FORECAST =
  /\b(?:expects?|expected|set to|likely|predicts?|predicted|forecasts?|projected|sees|anticipates?|estimates? that)\b/iu;
const SCHEDULED =
  /\b(?:will|shall|scheduled|slated|due\s+to|due\s+for|is\s+to|are\s+to|to\s+be\s+(?:released|launched|held))\b/iu;

const MONTH_NAMED = new RegExp(`\\b(?:${MONTHS})\\b`, "iu");

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** `2022-08-03` → Date at noon UTC; undefined for missing or unparsable dates. */
/**
 * The year of a date given without one ("on 16 May"): the source's past for what happened, the
 * source's future for what is planned (when a month is named), judged against the source's date.
 */
function rolledYear(
  year: number,
  month: number,
  day: number,
  kind: EventKind,
  ref: Date,
  monthNamed: boolean,
): number {
  const at = Date.UTC(year, month - 1, day);
  if (kind === "happened" && at > ref.getTime()) return year - 1;
  if (kind !== "happened" && monthNamed && at < ref.getTime()) return year + 1;
  return year;
}

export function referenceDate(iso: string | undefined): Date | undefined {
  if (!iso) return undefined;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/u.exec(iso);
  if (!m) return undefined;
  return new Date(Date.UTC(Number(m[1]), Number(m[2] ?? 12) - 1, Number(m[3] ?? 28), 12));
}

/** Blanks out spans (same length, so offsets hold). */
function blank(text: string, re: RegExp, found: string[]): string {
  return text.replace(re, (m) => {
    found.push(m);
    return " ".repeat(m.length);
  });
}

/** The clause before `at`: from the last , ; — or "that" up to the date. */
function clauseBefore(text: string, at: number): string {
  const before = text.slice(0, at);
  const cut = Math.max(
    ...[/[,;:—–]\s*(?=[^,;:—–]*$)/u, /\bthat\s+(?=(?:(?!\bthat\b).)*$)/u].map((re) => {
      const m = re.exec(before);
      return m ? m.index + m[0].length : 0;
    }),
  );
  return before.slice(cut);
}

/** What kind of event the date is of, from the words of its clause before it. */
function kindAt(text: string, at: number, by: boolean): EventKind | undefined {
  const clause = clauseBefore(text, at);
  const sentenceBefore = text.slice(0, at);
  if (by) {
    if (TARGET.test(sentenceBefore)) return "target";
    if (FORECAST.test(sentenceBefore) || SCHEDULED.test(sentenceBefore)) return "forecast";
    return undefined;
  }
  if (FORECAST.test(clause)) return "forecast";
  if (TARGET_NOW.test(clause)) return "target";
  if (SCHEDULED.test(clause)) return "scheduled";
  return "happened";
}

interface Found {
  date: EventDate;
  at: number;
}

function chronoDate(
  text: string,
  ref: Date | undefined,
  leftOut: DateLeftOut[],
): Found | undefined {
  const instant = ref ?? new Date(Date.UTC(2000, 0, 1, 12));
  const results = englishDates.parse(text, { instant, timezone: 0 });
  for (const r of results) {
    const before = text.slice(0, r.index);
    if (BOUNDARY.test(before) && !WAIT_UNTIL.test(before)) continue;
    const by = BY.test(before);
    const c = r.start;
    const explicitYear = /\b\d{4}\b/u.test(r.text);
    if (NARRATIVE_RELATIVE.test(r.text)) continue;
    const relative = !explicitYear;
    // "March 2005 at 15,000 yen": chrono reads "at 15" as a time; a bare number is no time.
    const written = r.text
      .replace(/[,.]$/u, "")
      .replace(/\s+at\s+\d{1,2}$/u, "")
      .trim();
    if (relative && !PRECISE_RELATIVE.test(r.text)) {
      leftOut.push({ text: written, reason: "a relative date too vague to place" });
      continue;
    }
    if (relative && !ref) {
      leftOut.push({ text: written, reason: "a relative date in a source without a date" });
      continue;
    }
    if (!c.isCertain("year") && !ref) continue;
    const kind = kindAt(text, r.index, by);
    if (!kind) continue;
    let year = c.get("year") ?? 0;
    const month = c.get("month") ?? 1;
    const day = c.get("day") ?? 1;
    if (!explicitYear && ref)
      year = rolledYear(year, month, day, kind, ref, MONTH_NAMED.test(r.text));
    const precise = /\b(?:ago|last month|this month)\b/iu.test(r.text)
      ? "month"
      : c.isCertain("month") ||
          /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/u.test(r.text)
        ? c.isCertain("day")
          ? "day"
          : "month"
        : "year";
    const iso =
      precise === "day"
        ? `${year}-${pad(month)}-${pad(day)}`
        : precise === "month"
          ? `${year}-${pad(month)}`
          : `${year}`;
    // Show which part the source's date supplied: "16 May [2022]", "last year [2021]".
    const stated = written.replace(/^(?:on|in)\s+/iu, "");
    const shown = !relative
      ? written
      : MONTH_NAMED.test(stated) && precise !== "year"
        ? `${stated} [${year}]`
        : `${stated} [${iso}]`;
    return { date: { iso, text: shown, relative, kind, at: r.index }, at: r.index };
  }
  return undefined;
}

function bareYear(text: string): Found | undefined {
  for (const m of text.matchAll(BARE_YEAR)) {
    const before = text.slice(0, m.index);
    if (BOUNDARY.test(before) && !WAIT_UNTIL.test(before)) continue;
    const kind = kindAt(text, m.index, BY.test(before));
    if (!kind) continue;
    return { date: { iso: m[1]!, text: m[1]!, relative: false, kind, at: m.index }, at: m.index };
  }
  return undefined;
}

// German: "am 1. September 2005", "ab dem 21. November", "Ende März", "bis März 2005".
const MONATE =
  "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember";
const MONAT_NUMMER: Record<string, number> = Object.fromEntries(
  MONATE.split("|").map((m, i) => [m, i < 2 ? 1 : i]),
);
/** German words common enough that two of them mark a German sentence. */
const GERMAN_CUES =
  /\b(?:der|die|das|und|ist|wird|wurde|hat|nicht|mit|für|auf|den|dem|ein|eine|einen|einem|sich|auch|noch|soll|sollen|bis|vom|zum|zur|im|am|bei|nach|aber|dass|sind|haben|über|seine|ihre|erscheint)\b/giu;
const PREFILTER_DE = new RegExp(`\\b(?:(?:1[89]|20)\\d\\d|${MONATE})\\b`, "u");
const MONTH_YEAR_DE = new RegExp(
  `(?:\\b(Anfang|Mitte|Ende)\\s+)?\\b(${MONATE})(?:\\s+((?:1[89]|20)\\d\\d))?\\b`,
  "gu",
);
const BOUNDARY_DE = /(?:\bvor|\bnach|\bseit|\bab|\bbis)\s+(?:dem\s+|der\s+|zum\s+)?$/iu;
const BY_DE = /\bbis\s+(?:zum\s+|Ende\s+)?$/iu;
const FROM_DE = /\bab\s+(?:dem\s+)?$/iu;
/** German cues of intent, expectation and announcement (also read by figures.ts). */
export const TARGET_DE = /\b(?:will|wollen|plant|planen|geplant|Ziel|angestrebt)\b/iu;
export const FORECAST_DE = /\b(?:erwartet|voraussichtlich|rechnet|Prognose|dürfte|dürften)\b/iu;
export const SCHEDULED_DE =
  /\b(?:soll|sollen|wird|werden|erscheint|erscheinen|kommt|kommen|angekündigt|startet|\p{L}*termin(?:e|s|en)?)(?![\p{L}\p{N}])/iu;

/**
 * The base language of a sentence: as given, else Russian or Ukrainian for Cyrillic text
 * (Ukrainian by its letters і ї є ґ), else German when two common German words occur.
 */
function languageOf(text: string, language: string | undefined): string {
  if (language) return language.toLowerCase().split(/[-_]/u)[0] ?? "en";
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  if (letters > 0 && cyrillic / letters > 0.5) return /[іїєґ]/iu.test(text) ? "uk" : "ru";
  return new Set(text.match(GERMAN_CUES)?.map((w) => w.toLowerCase())).size >= 2 ? "de" : "en";
}

/** Future and plan words in Russian and Ukrainian ("планирует", "буде", "очікується"). */
const SCHEDULED_CYRILLIC = /(?:будет|буде|планиру|планує|намір|ожида|очіку|має\s+намір)/iu;

/** A Russian or Ukrainian sentence's date ("16 мая 2022", "16 травня 2022 року") by chrono. */
function cyrillicDate(
  text: string,
  base: "ru" | "uk",
  ref: Date | undefined,
  leftOut: DateLeftOut[],
): EventDate | undefined {
  const instant = ref ?? new Date(Date.UTC(2000, 0, 1, 12));
  const parser = base === "uk" ? uk : ru;
  for (const r of parser.parse(text, { instant, timezone: 0 })) {
    const c = r.start;
    if (!c.isCertain("month")) continue;
    const explicitYear = /\b\d{4}\b/u.test(r.text);
    const written = r.text.trim();
    if (!explicitYear && !ref) {
      leftOut.push({ text: written, reason: "a relative date in a source without a date" });
      continue;
    }
    const year = c.get("year") ?? 0;
    const month = c.get("month") ?? 1;
    const iso = c.isCertain("day")
      ? `${year}-${pad(month)}-${pad(c.get("day") ?? 1)}`
      : `${year}-${pad(month)}`;
    const kind: EventKind = SCHEDULED_CYRILLIC.test(text) ? "scheduled" : "happened";
    return {
      iso,
      text: explicitYear ? written : `${written} [${year}]`,
      relative: !explicitYear,
      kind,
    };
  }
  return undefined;
}

/** What kind of event a German date is of: its whole sentence says (verbs come late in German). */
function kindDe(text: string, at: number, by: boolean): EventKind {
  if (by) return TARGET_DE.test(text) ? "target" : "forecast";
  if (FORECAST_DE.test(text)) return "forecast";
  if (TARGET_DE.test(text)) return "target";
  if (SCHEDULED_DE.test(text) || FROM_DE.test(text.slice(0, at))) return "scheduled";
  return "happened";
}

/** A German sentence's date: chrono's German parser, then month names ("Ende März 2005"). */
function germanDate(
  text: string,
  ref: Date | undefined,
  leftOut: DateLeftOut[],
): EventDate | undefined {
  const instant = ref ?? new Date(Date.UTC(2000, 0, 1, 12));
  for (const r of de.parse(text, { instant, timezone: 0 })) {
    const before = text.slice(0, r.index);
    const c = r.start;
    if (!c.isCertain("month") || !c.isCertain("day")) continue; // weekdays: "am Sonntag"
    const by = BY_DE.test(before);
    if (!by && BOUNDARY_DE.test(before) && !FROM_DE.test(before)) continue;
    const written = r.text.replace(/^(?:am|ab dem|ab|vom|zum)\s+/iu, "").trim();
    const explicitYear = /\b\d{4}\b/u.test(r.text);
    if (!explicitYear && !ref) {
      leftOut.push({ text: written, reason: "a relative date in a source without a date" });
      continue;
    }
    const kind = kindDe(text, r.index, by);
    let year = c.get("year") ?? 0;
    const month = c.get("month") ?? 1;
    const day = c.get("day") ?? 1;
    if (!explicitYear && ref) year = rolledYear(year, month, day, kind, ref, true);
    const iso = `${year}-${pad(month)}-${pad(day)}`;
    return {
      iso,
      text: explicitYear ? written : `${written} [${year}]`,
      relative: !explicitYear,
      kind,
    };
  }
  for (const m of text.matchAll(MONTH_YEAR_DE)) {
    const before = text.slice(0, m.index);
    const by = BY_DE.test(before);
    if (!by && BOUNDARY_DE.test(before) && !FROM_DE.test(before)) continue;
    const month = MONAT_NUMMER[m[2]!]!;
    const written = m[0].trim();
    if (!m[3] && !ref) {
      leftOut.push({ text: written, reason: "a relative date in a source without a date" });
      continue;
    }
    const kind = kindDe(text, m.index, by);
    let year = m[3] ? Number(m[3]) : ref!.getUTCFullYear();
    if (!m[3] && ref) {
      const at = Date.UTC(year, month - 1, 15);
      if (kind === "happened" && at > ref.getTime()) year -= 1;
      else if (kind !== "happened" && at < ref.getTime()) year += 1;
    }
    return {
      iso: `${year}-${pad(month)}`,
      text: m[3] ? written : `${written} [${year}]`,
      relative: !m[3],
      kind,
    };
  }
  return undefined;
}

/**
 * The date a sentence reports an event at, if any, and the date-like phrases it left out.
 * `language` (the source's, BCP 47) picks the parser; without it a German sentence is recognised
 * by its common words.
 */
export function checkEventDate(
  text: string,
  sourceDate: string | undefined,
  language?: string,
): { date?: EventDate; leftOut: DateLeftOut[] } {
  const leftOut: DateLeftOut[] = [];
  const base = languageOf(text, language);
  if (base === "ru" || base === "uk") {
    const date = cyrillicDate(text, base, referenceDate(sourceDate), leftOut);
    return { ...(date ? { date } : {}), leftOut };
  }
  if (base === "de") {
    if (!PREFILTER_DE.test(text)) return { leftOut };
    const ref = referenceDate(sourceDate);
    const date = germanDate(text, ref, leftOut) ?? bareYearDe(text);
    return { ...(date ? { date } : {}), leftOut };
  }
  if (!PREFILTER.test(text) || NOT_EVENT.test(text)) return { leftOut };
  const citations: string[] = [];
  const vague: string[] = [];
  let clean = blank(text, CITATION, citations);
  clean = blank(clean, VAGUE, vague);
  clean = clean.replace(/\[\d+\]/gu, (m) => " ".repeat(m.length));
  const ref = referenceDate(sourceDate);
  const fromChrono = chronoDate(clean, ref, leftOut);
  const year = bareYear(clean);
  let date: EventDate | undefined;
  if (fromChrono && year && !fromChrono.date.iso.startsWith(year.date.iso)) {
    // Prefer whichever comes first in the sentence.
    date = year.at < fromChrono.at ? year.date : fromChrono.date;
  } else date = fromChrono?.date ?? year?.date;
  if (!date) {
    for (const c of citations)
      if (/\d{4}/u.test(c))
        leftOut.push({ text: c.trim(), reason: "a citation's year, not an event" });
    for (const v of vague)
      leftOut.push({ text: v.trim(), reason: "a relative date too vague to place" });
  }
  return { ...(date ? { date } : {}), leftOut };
}

/** A bare year in a German sentence ("im Jahr 2005", "2004 kam …"), its kind from the sentence. */
function bareYearDe(text: string): EventDate | undefined {
  for (const m of text.matchAll(BARE_YEAR)) {
    const before = text.slice(0, m.index);
    const by = BY_DE.test(before);
    if (!by && BOUNDARY_DE.test(before)) continue;
    return { iso: m[1]!, text: m[1]!, relative: false, kind: kindDe(text, m.index, by) };
  }
  return undefined;
}

/**
 * Event dates found, by sentence, source date and language: a paragraph syndicated or repeated
 * across sources is parsed once per source date. Bounded, so a long watch session cannot grow it
 * without end. (The dates are read, never changed, by their users.)
 */
const eventDates = new Map<string, EventDate | undefined>();
const EVENT_DATES_MAX = 100_000;

/** The date a sentence reports an event at, if any. */
export function eventDate(
  text: string,
  sourceDate: string | undefined,
  language?: string,
): EventDate | undefined {
  const key = `${sourceDate ?? ""}\u0000${language ?? ""}\u0000${text}`;
  if (eventDates.has(key)) return eventDates.get(key);
  const date = checkEventDate(text, sourceDate, language).date;
  if (eventDates.size >= EVENT_DATES_MAX) eventDates.clear();
  eventDates.set(key, date);
  return date;
}

/** Parts of a year a sentence may name before it, and the months (1–12) each may mean at most. */
const PART_OF_YEAR: [RegExp, number, number][] = [
  [/\bfirst\s+quarter\s+of\s+$/iu, 1, 3],
  [/\bsecond\s+quarter\s+of\s+$/iu, 4, 6],
  [/\bthird\s+quarter\s+of\s+$/iu, 7, 9],
  [/\b(?:fourth|last|final)\s+quarter\s+of\s+$/iu, 10, 12],
  [/\bfirst\s+half\s+of\s+$/iu, 1, 6],
  [/\b(?:second|last)\s+half\s+of\s+$/iu, 7, 12],
  [/\b(?:end|close)\s+of\s+(?:the\s+year\s+)?$|\blate(?:\s+in)?\s+$/iu, 9, 12],
  [/\b(?:start|beginning)\s+of\s+$|\bearly(?:\s+in)?\s+$/iu, 1, 4],
  [/\b(?:middle\s+of|mid-?)\s*$/iu, 4, 9],
];

/**
 * The months an event date allows, as `[first, last]` month numbers (year × 12 + month − 1):
 * a day or a month is its month; a year is all of it, or the part the words before it name
 * ("the first quarter of 2005": January to March; "the end of 2004": September to December,
 * taken wide so that only dates that cannot both be true are told apart).
 */
export function monthsOf(date: EventDate, text: string): [number, number] | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?/u.exec(date.iso);
  if (!m) return undefined;
  const year = Number(m[1]) * 12;
  if (m[2]) return [year + Number(m[2]) - 1, year + Number(m[2]) - 1];
  const before = date.at === undefined ? "" : text.slice(0, date.at).replace(/\bthe\s+$/iu, "");
  for (const [re, first, last] of PART_OF_YEAR)
    if (re.test(before)) return [year + first - 1, year + last - 1];
  return [year, year + 11];
}
