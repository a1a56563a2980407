/**
 * Figures: numbers that count something (troops, members, per cent of GDP…), each with what it
 * counts, the subject it is about, and the passage that states it. Years, days of the month,
 * article numbers and ordinals are not figures.
 */

import type { Figure } from "../model/briefing.js";
import { STOP_WORDS } from "../util/text.js";
import { makeClaim } from "./claims.js";
import type { Analysis } from "./state.js";
import { findMentions, type SubjectMatcher } from "./subjects.js";
import type { Unit } from "./units.js";

export const FIGURES_SHARE = 0.06;
const MAX_FIGURES = 10;

const SPELLED: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twenty: 20,
  thirty: 30,
  fifty: 50,
  hundred: 100,
};
const MONTH =
  /(?:January|February|March|April|May|June|July|August|September|October|November|December)\s*$/u;
const NUMBER =
  /(?<![\p{L}\d.,-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|fifty|hundred)(\s*(?:%|per ?cent\b|percent\b))?(?![\d,]*\d)/giu;
const NOUN_STOP =
  /^(?:of|in|on|at|to|for|from|with|by|and|or|that|which|who|than|as|is|are|was|were|has|have|had|will|would|the|a|an)$/iu;
const COUNTABLE =
  /^(?:troops|soldiers|people|members|member|countries|states|missiles|forces|servicemen|nations|allies|tanks|units|activists|percent|per|officers|civilians|refugees|buildings|votes|battalions|brigades)$/iu;

export interface NumberMention {
  value: number;
  valueText: string;
  unit?: string;
  counts: string;
  index: number;
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
  const clause =
    text
      .slice(0, to)
      .split(/[,;:—–]\s*/u)
      .pop() ?? "";
  const words = clause.split(/\s+/u).filter(Boolean);
  const out: string[] = [];
  for (const raw of words) {
    const w = raw.replace(/[.;:]+$/u, "");
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

/** The counted numbers in a passage. */
export function numbersIn(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const raw = m[1]!;
    const percent = Boolean(m[2]);
    const spelled = SPELLED[raw.toLowerCase()];
    if (spelled !== undefined && !percent && spelled < 3) continue;
    if (spelled !== undefined && !percent) {
      // Spelled numbers only count when a countable noun follows ("six members").
      const next = followingNoun(text, m.index + m[0].length);
      if (!COUNTABLE.test(next.split(" ").pop() ?? "")) continue;
    }
    const value = spelled ?? Number(raw.replace(/,/gu, ""));
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m[0].length);
    if (!percent && /^\d{4}$/u.test(raw) && value >= 1800 && value <= 2100) continue;
    if (
      MONTH.test(before) ||
      /^\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/u.test(
        after,
      )
    )
      continue;
    if (/(?:Article|article|No\.|number|page|p\.)\s*$/u.test(before)) continue;
    if (/^(?:st|nd|rd|th)\b/u.test(after)) continue;
    if (/^-year\b/u.test(after)) {
      const noun = followingNoun(after.slice(5), 0);
      out.push({
        value,
        valueText: `${raw}-year`,
        unit: "years",
        counts: noun ? `years of ${noun}` : "years",
        index: m.index,
      });
      continue;
    }
    let counts: string;
    if (percent) {
      const of = /^\s*of\s+([\p{L}\p{N}-]+(?:\s+[\p{Lu}][\p{L}]+)?)/u.exec(after);
      const target =
        /((?:[\p{L}-]+\s+)?[\p{L}-]+)\s+(?:up\s+)?to\s+(?:about\s+|around\s+|at\s+least\s+)?$/u.exec(
          before,
        );
      const what =
        target && !STOP_WORDS.has(target[1]!.split(/\s+/u)[0]!.toLowerCase())
          ? target[1]!
          : clauseSubject(text, m.index);
      counts = of ? `${what || "share"} (% of ${of[1]!})` : what;
    } else {
      counts = followingNoun(after, 0);
      if (!COUNTABLE.test(counts.split(" ").pop() ?? "")) continue;
      const group = groupBefore(text, m.index);
      if (counts && group) counts = `${counts} in the ${group}`;
    }
    if (!counts || !meaningful(counts)) continue;
    out.push({
      value,
      valueText: m[0].trim(),
      ...(percent ? { unit: "%" } : {}),
      counts,
      index: m.index,
    });
  }
  return out;
}

function mainSubject(unit: Unit, at: number, matchers: SubjectMatcher[]): string | undefined {
  // The subject named closest before the number in the same clause, else the passage's focus.
  const before = findMentions(unit.text.slice(0, at), matchers);
  const clauseStart = Math.max(unit.text.lastIndexOf(",", at), unit.text.lastIndexOf(";", at));
  const inClause = before.filter((m) => m.start > clauseStart);
  const last = (inClause.length ? inClause : before).pop();
  if (last) return last.subject;
  const after = findMentions(unit.text.slice(at), matchers)[0];
  if (after) return after.subject;
  let best: string | undefined;
  let score = 0;
  for (const [s, f] of unit.focus) {
    if (f > score) {
      score = f;
      best = s;
    }
  }
  return best;
}

export function buildFigures(a: Analysis): Figure[] {
  const all: { figure: Figure; score: number; unit: number }[] = [];
  a.units.forEach((unit, u) => {
    if (unit.quoted || unit.attributedOnly) return;
    for (const n of numbersIn(unit.text)) {
      const subject = mainSubject(unit, n.index, a.matchers);
      const figure: Figure = {
        value: n.value,
        valueText: n.valueText,
        ...(n.unit ? { unit: n.unit } : {}),
        counts: n.counts,
        ...(subject ? { subject } : {}),
        claim: makeClaim(unit),
      };
      const score = unit.info + (subject ? 0.4 : 0) + (n.value >= 100 ? 0.1 : 0);
      all.push({ figure, score, unit: u });
    }
  });
  all.sort((x, y) => y.score - x.score || x.unit - y.unit);
  const budget = a.maxWords * FIGURES_SHARE;
  const out: typeof all = [];
  let words = 0;
  for (const f of all) {
    if (out.length >= MAX_FIGURES) break;
    if (
      out.some(
        (o) => o.figure.valueText === f.figure.valueText && o.figure.counts === f.figure.counts,
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
