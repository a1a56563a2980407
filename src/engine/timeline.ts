/**
 * The timeline: dated events from every source, the same event reported by several sources
 * merged into one entry that cites each of them, sorted by date. Each event keeps its kind
 * (happened, scheduled, target, forecast); reports of different kinds are never merged. A
 * date-like phrase that is not shown as a date (vague, relative in an undated source, a
 * citation's year) is reported as an `info` diagnostic when its sentence has no other date.
 */

import type { Diagnostic } from "../diagnostics/types.js";
import type { TimelineEvent } from "../model/briefing.js";
import { baseLanguage, compareStrings } from "../util/text.js";
import { makeClaim } from "./claims.js";
import { checkEventDate, type EventDate } from "./dates.js";
import { placeNames } from "./leaders.js";
import { type Analysis, isFree, markUsed, similarity, unitDate } from "./state.js";
import { findMentions } from "./subjects.js";

export const TIMELINE_SHARE = 0.12;
const MAX_EVENTS = 12;
const MAX_PER_SOURCE = 3;
const MERGE_SIMILARITY = 0.2;
const EVENT_VERB =
  /\b(?:annex|invad|invas|found|join|withdr|left|deploy|vot|sign|launch|attack|summit|promis|condemn|expan|intervene|agreed|adopt|created|formali|triggered|refused|applied|accession)/iu;

interface Candidate {
  unit: number;
  date: EventDate;
  score: number;
  support: number[];
}

/** Two passages name the same person, place or body (subjects aside). */
function sharesName(a: Analysis, x: number, y: number): boolean {
  const subjects = new Set(a.subjects.map((s) => s.name));
  const names = (u: number) =>
    new Set(
      a.units[u]!.tokens.filter(
        (t, i) => i > 0 && /^\p{Lu}/u.test(t.raw) && !subjects.has(t.raw),
      ).map((t) => t.stem),
    );
  const nx = names(x);
  for (const n of names(y)) if (nx.has(n)) return true;
  return false;
}

function compatible(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** Date-like phrases left out of the timeline, one diagnostic per source and phrase. */
function leftOutDates(a: Analysis, diagnostics: Diagnostic[]): void {
  const reported = new Set<string>();
  a.units.forEach((unit, u) => {
    if (unit.quoted || unitDate(a, u)) return;
    if (unit.sentenceKeys.length > 1) return;
    const source = a.sources[unit.sourceIndex]!;
    for (const l of checkEventDate(unit.text, source.date, source.language).leftOut) {
      const key = `${source.id}\u0000${l.text}`;
      if (reported.has(key)) continue;
      reported.add(key);
      diagnostics.push({
        severity: "info",
        ruleId: "value-left-out",
        file: source.file,
        message: `date “${l.text}” left out of the timeline: ${l.reason} (¶${unit.key.split(":")[1]}: “${unit.text.slice(0, 100)}”)`,
      });
    }
  });
}

export function buildTimeline(a: Analysis, diagnostics?: Diagnostic[]): TimelineEvent[] {
  if (diagnostics) leftOutDates(a, diagnostics);
  const found: Candidate[] = [];
  a.units.forEach((unit, u) => {
    if (unit.quoted || unit.attributedOnly || unit.words > 50) return;
    const date = unitDate(a, u);
    if (!date || concededDate(unit.text, date.at)) return;
    let score =
      unit.info + (unit.named.length > 0 ? 0.3 : 0) + (EVENT_VERB.test(unit.text) ? 0.35 : 0);
    if (date.iso.length > 4) score += 0.1;
    if (date.relative) score -= 0.1;
    if (!isFree(a, unit)) score -= 1;
    score -= Math.max(0, unit.words - 30) / 40;
    found.push({ unit: u, date, score, support: [] });
  });
  // Merge reports of the same event from different sources into the best-scored one.
  found.sort((x, y) => y.score - x.score || x.unit - y.unit);
  const groups: Candidate[] = [];
  for (const c of found) {
    const unit = a.units[c.unit]!;
    const home = groups.find(
      (g) =>
        compatible(g.date.iso, c.date.iso) &&
        g.date.kind === c.date.kind &&
        a.units[g.unit]!.sourceId !== unit.sourceId &&
        !g.support.some((s) => a.units[s]!.sourceId === unit.sourceId) &&
        (similarity(a, g.unit, c.unit) >= MERGE_SIMILARITY ||
          (g.date.iso === c.date.iso && g.date.iso.length >= 7 && sharesName(a, g.unit, c.unit))),
    );
    if (home) {
      home.support.push(c.unit);
      home.score += 0.3;
      if (c.date.iso.length > home.date.iso.length) home.date = c.date;
    } else groups.push({ ...c, support: [] });
  }
  groups.sort((x, y) => y.score - x.score || x.unit - y.unit);
  // One event from every source that has any, then the best of the rest, within the budget.
  const budget = a.maxWords * TIMELINE_SHARE;
  const chosen: Candidate[] = [];
  let words = 0;
  const take = (g: Candidate): boolean => {
    if (!isFree(a, a.units[g.unit]!)) {
      // The best report is shown elsewhere: let a free report from another source stand in.
      const stand = g.support.find((s) => isFree(a, a.units[s]!));
      if (stand === undefined) return false;
      g.support = [g.unit, ...g.support.filter((s) => s !== stand)];
      g.unit = stand;
    }
    const unit = a.units[g.unit]!;
    chosen.push(g);
    words += unit.words;
    markUsed(a, unit);
    return true;
  };
  const seen = new Set<string>();
  for (const g of groups) {
    // However many sources there are, the timeline keeps its length.
    if (chosen.length >= MAX_EVENTS) break;
    const id = a.units[g.unit]!.sourceId;
    if (seen.has(id)) continue;
    if (take(g)) seen.add(id);
  }
  const perSource = (id: string) => chosen.filter((c) => a.units[c.unit]!.sourceId === id).length;
  for (const g of groups) {
    if (chosen.length >= MAX_EVENTS) break;
    if (chosen.includes(g)) continue;
    if (words + a.units[g.unit]!.words > budget) continue;
    // No one source may fill the timeline.
    if (perSource(a.units[g.unit]!.sourceId) >= MAX_PER_SOURCE) continue;
    take(g);
  }
  chosen.sort((x, y) => compareStrings(x.date.iso, y.date.iso) || x.unit - y.unit);
  return chosen.map((g) => {
    const unit = a.units[g.unit]!;
    const supports = g.support.map((s) => a.units[s]!);
    const subjects = a.subjects
      .map((s) => s.name)
      .filter((n) => [g.unit, ...g.support].some((x) => eventOf(a, x, n, g.date.text)));
    return {
      date: g.date.iso,
      dateText: g.date.text,
      kind: g.date.kind,
      subjects,
      claim: makeClaim(unit, supports),
    };
  });
}

/**
 * Whether the event unit `u` reports is `subject`'s: in English, the subject is what its main
 * clause is about ("In 1992 US President Bill Clinton underlined the role of Ukraine as a
 * 'linchpin for NATO's rationale'" is Clinton's act, not NATO's), and not only its maker beside
 * another product; in a language the English parser cannot read, the subject is named.
 */
function eventOf(a: Analysis, u: number, subject: string, dateText: string): boolean {
  const unit = a.units[u]!;
  if (!unit.named.includes(subject)) return false;
  if (baseLanguage(a.sources[unit.sourceIndex]!.language) !== "en") {
    // "Nachdem Nintendo den Erscheinungstermin … auf den 2. Dezember 2004 datiert haben, zieht
    // nun Sony nach …": the date is the subject's named in the date's own clause; with none
    // named there, the one subject the sentence names.
    const clause = clauseOf(unit.text, dateText.replace(/\s*\[[^\]]*\]/gu, ""));
    const there = clause
      ? new Set(findMentions(clause, a.matchers).map((m) => m.subject))
      : new Set();
    if (there.size > 0) return there.has(subject);
    return unit.named.length === 1;
  }
  return (a.topics[u] ?? []).includes(subject) && !makersOtherProduct(a, u, subject);
}

/**
 * Whether unit `u` names `subject` only by its maker ("Nintendo" of "Nintendo DS") while its main
 * verb's object names another product by a proper name: "Nintendo first launched its GameBoy console in
 * 1989" is the GameBoy's event, not the DS's. (Places and the brief's subjects are no product.)
 */
function makersOtherProduct(a: Analysis, u: number, subject: string): boolean {
  const text = a.units[u]!.text;
  const mentions = findMentions(text, a.matchers);
  const name = subject.toLowerCase();
  const own = mentions.filter((m) => m.subject === subject);
  const maker = (m: { start: number; end: number }) => {
    const surface = text.slice(m.start, m.end).toLowerCase();
    return surface !== name && name.startsWith(`${surface} `);
  };
  if (own.length === 0 || !own.every(maker)) return false;
  const structure = a.structures[u];
  if (!structure) return false;
  const named = [...mentions, ...placeNames(text)];
  // The main verb's direct object: the words after the verb group up to a preposition, a
  // subordinator or a comma ("launched its GameBoy console | in 1989"); a name in a
  // prepositional phrase or an attribution ("at E3", "according to Reggie Fils-Aime") is no product.
  const main = structure.clauses[0];
  if (!main) return false;
  const words = main.words.map((t) => structure.words[t]!);
  let v = words.findIndex(
    (w, k) => (w.pos === "VERB" || w.pos === "AUX") && !main.subject.includes(main.words[k]!),
  );
  if (v < 0) return false;
  while (v + 1 < words.length && ["VERB", "AUX", "PART", "ADV"].includes(words[v + 1]!.pos)) v++;
  for (const w of words.slice(v + 1)) {
    if ((w.pos === "ADP" && w.text.toLowerCase() !== "of") || w.pos === "SCONJ" || w.text === ",")
      return false;
    if (w.pos === "PROPN" && !named.some((m) => w.start < m.end && w.end > m.start)) return true;
  }
  return false;
}

/** The clause (between commas, semicolons, colons or dashes) of `text` that holds `part`. */
function clauseOf(text: string, part: string): string | undefined {
  const at = part ? text.indexOf(part) : -1;
  if (at < 0) return undefined;
  const before = text.slice(0, at);
  const start = Math.max(...[",", ";", ":", "—", "–"].map((d) => before.lastIndexOf(d))) + 1;
  const rest = text.slice(at + part.length).search(/[,;:—–]/u);
  return text.slice(start, rest < 0 ? text.length : at + part.length + rest);
}

/**
 * Whether the date sits in a leading concessive clause ("While a key CSTO member and recipient
 * of CSTO peacekeeping forces during its own unrest in January 2022, Kazakhstan has publicly
 * refused …"): such a clause does not say when the main clause's event happened, so the sentence
 * is no event of that date. ("When … in 2014, he insisted …" does date it.)
 */
function concededDate(text: string, at: number | undefined): boolean {
  if (at === undefined) return false;
  // (A unit's text carries no edit marks: "[W]hile" reads "While".)
  if (!/^(?:While|Whilst|Although|Though|Whereas|Despite)\b/iu.test(text)) return false;
  const comma = text.indexOf(",");
  return comma > at;
}
