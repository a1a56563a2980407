/**
 * The evidence matrix: for each dimension × subject, the best few passages, ranked by
 * relevance to the dimension (BM25), focus on the subject, informativeness, and variety of
 * sources (MMR). Cells are filled round by round, the hardest-to-fill first, so no cell loses
 * its only passage to another; a cell with no passage states the gap.
 */

import type { MatrixCell } from "../model/briefing.js";
import { baseLanguage } from "../util/text.js";
import { supportDetail, supportedClaim } from "./findings.js";
import { type Analysis, isFree, markUsed, similarity } from "./state.js";
import { firstClauseSubjects } from "./subjects.js";
import type { Structure } from "./syntax.js";

const MIN_RELEVANCE = 0.3;
/** Share of a passage's best dimension relevance another dimension needs to place it there too. */
const DOMINANT = 0.75;
/** Share of the word budget for matrix + dimension sections together. */
export const MATRIX_SHARE = 0.45;

interface Cell {
  dimension: number;
  subject: string;
  candidates: { unit: number; score: number }[];
  chosen: number[];
  words: number;
}

/**
 * How clearly unit `u` states something of `subject`: 1 when the subject is what its main clause
 * is about (0.9 each when a comparison has two), 0 when it is only mentioned in a side clause or
 * an object. A unit naming no subject keeps the focus its block or heading gives it only when its
 * main clause is about no named third party ("The alliance has …", not "Russia did not …").
 * A unit that could not be parsed is not placed.
 */
export function placementFocus(a: Analysis, subject: string, u: number): number {
  const unit = a.units[u]!;
  const language = a.sources[unit.sourceIndex]!.language;
  if (baseLanguage(language) !== "en") return foreignFocus(a, subject, u);
  const topics = a.topics[u];
  if (!topics) return 0;
  if (topics.length > 0) return topics.includes(subject) ? (topics.length > 1 ? 0.9 : 1) : 0;
  if (unit.named.length > 0) return 0;
  const structure = a.structures[u]!;
  const thirdParty = structure.clauses.some((c) =>
    c.subject.some((t) => structure.words[t]!.pos === "PROPN"),
  );
  if (thirdParty || !definiteSubject(structure)) return 0;
  return unit.focus.get(subject) ?? 0;
}

/**
 * Focus in a language the English parser cannot read: the one subject of the brief its main
 * clause names in the places a subject stands in these languages, first or right after the finite
 * verb ("Sony hat …", "Nach der Einführung … hatte Sony …" → the first clause); a sentence naming
 * two subjects there, or none, is not placed.
 */
function foreignFocus(a: Analysis, subject: string, u: number): number {
  const named = firstClauseSubjects(a.units[u]!.text, a.matchers);
  if (named.size !== 1) return 0;
  return named.has(subject) ? 1 : 0;
}

/**
 * Whether a main clause's subject points back to something already named: a pronoun ("it",
 * "they") or a definite singular description ("the alliance", "this console", "its firmware").
 */
function definiteSubject(structure: Structure): boolean {
  return structure.clauses.some((c) => {
    const first = structure.words[c.subject[0] ?? -1];
    if (!first) return false;
    const lower = first.text.toLowerCase();
    if (c.subject.length === 1 && (lower === "it" || lower === "they")) return true;
    if (!["the", "this", "its", "their"].includes(lower)) return false;
    const nouns = c.subject.map((t) => structure.words[t]!);
    if (nouns.some((w) => w.pos === "NUM" || w.pos === "PROPN")) return false;
    const head = nouns.filter((w) => w.pos === "NOUN").pop();
    return head !== undefined && head.lemma === head.text.toLowerCase();
  });
}

export function cellScore(a: Analysis, d: number, subject: string, u: number): number {
  const unit = a.units[u]!;
  const rel = a.relevance[d]![u]!;
  // A passage goes under the dimension(s) its main clause is most about, not every one it touches.
  let best = 0;
  for (const r of a.relevance) best = Math.max(best, r[u]!);
  if (rel < best * DOMINANT) return 0;
  const focus = placementFocus(a, subject, u);
  if (rel < MIN_RELEVANCE || focus === 0 || unit.attributedOnly) return 0;
  return rel * focus * (0.45 + 0.55 * unit.info) * (unit.quoted ? 0.85 : 1);
}

/** `afterFirstRound` runs once every cell has its first passage (findings are chosen there). */
export function buildMatrix(a: Analysis, afterFirstRound?: () => void): MatrixCell[] {
  const cells: Cell[] = [];
  a.dimensions.forEach((_, d) => {
    for (const s of a.subjects) {
      const candidates: Cell["candidates"] = [];
      a.units.forEach((_, u) => {
        const score = cellScore(a, d, s.name, u);
        if (score > 0) candidates.push({ unit: u, score });
      });
      candidates.sort((x, y) => y.score - x.score || x.unit - y.unit);
      cells.push({ dimension: d, subject: s.name, candidates, chosen: [], words: 0 });
    }
  });
  const budget = (a.maxWords * MATRIX_SHARE) / Math.max(1, cells.length);
  for (let round = 0; round < a.evidencePerCell; round++) {
    if (round === 1) afterFirstRound?.();
    const order =
      round === 0 ? [...cells].sort((x, y) => x.candidates.length - y.candidates.length) : cells;
    for (const cell of order) {
      if (round > 0 && cell.words >= budget) continue;
      let best = -1;
      let bestValue = Number.NEGATIVE_INFINITY;
      for (const c of cell.candidates) {
        const unit = a.units[c.unit]!;
        if (!isFree(a, unit)) continue;
        let maxSim = 0;
        let sameSource = false;
        for (const o of cell.chosen) {
          maxSim = Math.max(maxSim, similarity(a, c.unit, o));
          if (a.units[o]!.sourceId === unit.sourceId) sameSource = true;
        }
        const value = c.score - 0.35 * maxSim - (sameSource ? 0.15 : 0);
        if (value > bestValue) {
          bestValue = value;
          best = c.unit;
        }
      }
      if (best < 0) continue;
      if (round > 0 && bestValue < 0.06) continue;
      const unit = a.units[best]!;
      if (round > 0 && cell.words + unit.words > budget * 1.15) continue;
      cell.chosen.push(best);
      cell.words += unit.words;
      markUsed(a, unit);
    }
  }
  if (a.evidencePerCell <= 1) afterFirstRound?.();
  return cells.map((cell) => {
    const dimension = a.dimensions[cell.dimension]!.name;
    const out: MatrixCell = {
      dimension,
      subject: cell.subject,
      claims: cell.chosen.map((u) => supportedClaim(a, u, supportDetail(a, u))),
    };
    if (cell.chosen.length === 0) {
      out.gap = `No source in this corpus addresses ${dimension.toLowerCase()} for ${cell.subject}.`;
    }
    return out;
  });
}
