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

export interface Founding {
  unit: number;
  subject: string;
  year: number;
  /** How the sentence gives it: "in 1992", "20 years before 2022". */
  shown: string;
  /** True when the year is stated, false when it is an age counted back from a date. */
  stated: boolean;
}

const FOUNDED =
  /\b(?:founded|established|created|formed|set up)\s+in\s+((?:1[5-9]|20)\d\d)(?![\p{L}\p{N}])/iu;
/** "its 20-year existence", "a 30-year history". */
const EXISTENCE = /\b(\d{1,3})-year(?:-long)?\s+(?:existence|history)\b/iu;
/** "the 30th anniversary of its inception". */
const ANNIVERSARY =
  /\b(\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:its|their|the\s+[\p{L}-]+['’]s)\s+(?:inception|founding|foundation|creation|establishment|formation)\b/iu;

/** The founding years the passages of `a` give, one per passage at most. */
export function foundings(a: Analysis): Founding[] {
  const out: Founding[] = [];
  a.units.forEach((unit, u) => {
    if (unit.quoted) return;
    const stated = FOUNDED.exec(unit.text);
    const age = stated ? undefined : (EXISTENCE.exec(unit.text) ?? ANNIVERSARY.exec(unit.text));
    if (!stated && !age) return;
    const topics = a.topics[u];
    const subject = topics?.length === 1 ? topics[0] : undefined;
    if (!subject) return;
    if (stated) {
      out.push({
        unit: u,
        subject,
        year: Number(stated[1]),
        shown: `in ${stated[1]}`,
        stated: true,
      });
      return;
    }
    const date = unitDate(a, u);
    const years = Number(age![1]);
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
