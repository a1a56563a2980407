/**
 * Finding the date an event sentence is about: explicit dates (chrono-node), bare years
 * ("In 2014 …", "the 2008 Bucharest Summit"), and relative dates ("last year", "In February")
 * resolved against the source's own date. Partial dates stay partial (`2022-01`).
 * Birth years, "as of" and "before/after/until" boundaries are not events.
 */
import * as chrono from "chrono-node";

export interface EventDate {
  /** ISO 8601, partial allowed. */
  iso: string;
  /** How it was stated or resolved. */
  text: string;
  relative: boolean;
}

const MONTHS =
  "January|February|March|April|May|June|July|August|September|October|November|December";
const PREFILTER = new RegExp(
  `\\b(?:(?:1[89]|20)\\d\\d|${MONTHS}|[Ll]ast (?:year|month|week)|[Tt]his year|ago)\\b`,
  "u",
);
const NOT_EVENT = /\bborn\b|\bas of\b|\bage of\b|\bpublished\b|\bfellow\b/iu;
const BOUNDARY = /(?:prior to|before|until|till|after|since|by|than|pre-|post-)\s*$/iu;
const BARE_YEAR = /(?<![\d.,/-])((?:1[89]|20)\d\d)(?![\d%]|-year|s\b|['’]s)/gu;
const NARRATIVE_RELATIVE = /later|earlier|before|after|next|following/iu;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** `2022-08-03` → Date at noon UTC; undefined for missing or unparsable dates. */
export function referenceDate(iso: string | undefined): Date | undefined {
  if (!iso) return undefined;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/u.exec(iso);
  if (!m) return undefined;
  return new Date(Date.UTC(Number(m[1]), Number(m[2] ?? 12) - 1, Number(m[3] ?? 28), 12));
}

function chronoDate(text: string, ref: Date | undefined): EventDate | undefined {
  const instant = ref ?? new Date(Date.UTC(2000, 0, 1, 12));
  const results = chrono.parse(text, { instant, timezone: 0 });
  for (const r of results) {
    const before = text.slice(0, r.index);
    if (BOUNDARY.test(before)) continue;
    const c = r.start;
    const yearCertain = c.isCertain("year");
    const monthCertain = c.isCertain("month");
    const explicitYear = /\b\d{4}\b/u.test(r.text);
    if (NARRATIVE_RELATIVE.test(r.text)) continue;
    const relative = !explicitYear;
    if (relative && !ref) continue;
    if (!yearCertain && !ref) continue;
    let year = c.get("year") ?? 0;
    const month = c.get("month") ?? 1;
    const day = c.get("day") ?? 1;
    if (!explicitYear && ref) {
      // Month names without a year refer to the past of the source, not the future.
      const when = Date.UTC(year, month - 1, day);
      if (when > ref.getTime()) year -= 1;
    }
    const precise = /\b(?:ago|last month|this month)\b/iu.test(r.text)
      ? "month"
      : monthCertain || /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/u.test(r.text)
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
    const written = r.text.replace(/[,.]$/u, "");
    return {
      iso,
      text: relative ? `${written} (relative to the source's date)` : written,
      relative,
    };
  }
  return undefined;
}

function bareYear(text: string): EventDate | undefined {
  for (const m of text.matchAll(BARE_YEAR)) {
    const before = text.slice(0, m.index);
    if (BOUNDARY.test(before)) continue;
    return { iso: m[1]!, text: m[1]!, relative: false };
  }
  return undefined;
}

/** The date a sentence reports an event at, if any. */
export function eventDate(text: string, sourceDate: string | undefined): EventDate | undefined {
  if (!PREFILTER.test(text) || NOT_EVENT.test(text)) return undefined;
  const ref = referenceDate(sourceDate);
  const fromChrono = chronoDate(text, ref);
  const year = bareYear(text);
  if (fromChrono && year && !fromChrono.iso.startsWith(year.iso)) {
    // Prefer whichever comes first in the sentence.
    const i = text.indexOf(year.iso);
    const j = text.indexOf(fromChrono.text.split(" (")[0]!);
    return i >= 0 && (j < 0 || i < j) ? year : fromChrono;
  }
  return fromChrono ?? year;
}
