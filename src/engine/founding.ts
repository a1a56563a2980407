/**
 * When a subject was founded, as its sentences state or imply it, and sources that differ on it:
 * "Founded in 1992 …, the CSTO is …" states 1992; "The CSTO deployed forces for the very first
 * time in its 20-year existence in January 2022" implies 20 years before 2022; "On 16 May, on the
 * 30th anniversary of its inception, the last CSTO Summit …" (a source dated 2022) implies 30
 * years before 2022. An age counts only with a date its sentence gives (resolved against its
 * source's date at most), and whose founding it is is the one subject its main clause is about.
 * Ages are whole years, so two implied years differ only when they are more than a year apart.
 */

import { type Analysis, unitDate } from "./state.js";
import { findMentions, type Mention } from "./subjects.js";

export interface Founding {
  unit: number;
  subject: string;
  year: number;
  /** How the sentence gives it: "in 1992", "20 years before 2022". */
  shown: string;
  /** True when the year is stated, false when it is an age counted back from a date. */
  stated: boolean;
}

const FOUNDING_VERB = "(?:founded|established|created|formed|set up)";
const YEAR = "((?:1[5-9]|20)\\d\\d)(?![\\p{L}\\p{N}])";
/** After the subject's name: "NATO was founded in 1949", "the CSTO, formed in 2002, …". */
const FOUNDED_AFTER = new RegExp(
  `^(?:\\s+(?:was|were|is|has been|had been)\\s+(?:officially\\s+|first\\s+)?|,\\s+)${FOUNDING_VERB}\\s+in\\s+${YEAR}`,
  "iu",
);
/** Before it, opening the sentence: "Founded in 1992 and formalized in 2002, the CSTO is …". */
const FOUNDED_BEFORE = new RegExp(
  `^${FOUNDING_VERB}\\s+in\\s+${YEAR}[^,;]*,\\s+(?:the\\s+)?$`,
  "iu",
);
/** "its 20-year existence", "its 30-year history" (not "a 30-year history of partnership"). */
const EXISTENCE =
  /\b(?:its|their)\s+(\d{1,3})-year(?:-long)?\s+(?:existence|history)\b(?!\s+(?:of|with)\b)/iu;
/** "the 30th anniversary of its inception". */
const ANNIVERSARY =
  /\b(\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:its|their)\s+(?:inception|founding|foundation|creation|establishment|formation)\b/iu;

/** The year a sentence says `subject` was founded in, by its name as the participle's own. */
function statedYear(text: string, mentions: readonly Mention[]): string | undefined {
  for (const m of mentions) {
    const after = FOUNDED_AFTER.exec(text.slice(m.end));
    if (after) return after[1];
    const before = FOUNDED_BEFORE.exec(text.slice(0, m.start));
    if (before) return before[1];
  }
  return undefined;
}

/** The founding years the passages of `a` give, one per passage at most. */
export function foundings(a: Analysis): Founding[] {
  const out: Founding[] = [];
  a.units.forEach((unit, u) => {
    if (unit.quoted) return;
    const topics = a.topics[u];
    const subject = topics?.length === 1 ? topics[0] : undefined;
    if (!subject) return;
    const mentions = findMentions(unit.text, a.matchers).filter((m) => m.subject === subject);
    const stated = statedYear(unit.text, mentions);
    if (stated) {
      out.push({ unit: u, subject, year: Number(stated), shown: `in ${stated}`, stated: true });
      return;
    }
    const age = EXISTENCE.exec(unit.text) ?? ANNIVERSARY.exec(unit.text);
    if (!age) return;
    const date = unitDate(a, u);
    const years = Number(age[1]);
    if (!date || years < 1) return;
    const from = Number(date.iso.slice(0, 4));
    out.push({
      unit: u,
      subject,
      year: from - years,
      shown: `${years} years before ${from}`,
      stated: false,
    });
  });
  return out;
}

/** Whether two founding years of one subject cannot both be right. */
export function foundingsDiffer(x: Founding, y: Founding): boolean {
  const tolerance = x.stated && y.stated ? 0 : 1;
  return Math.abs(x.year - y.year) > tolerance;
}
