/**
 * Key findings: 5–8 statements ranked by how many sources support them. A passage is supported
 * by another source when that source has a passage close to it (tf-idf cosine); corroborated
 * findings cite every supporting source, single-source ones carry an attribution.
 */

import { makeClaim } from "./claims.js";
import { type Analysis, isFree, markUsed, similarity, unitDate } from "./context.js";
import type { Finding } from "./model.js";
import type { Unit } from "./sentences.js";
import { STOP_WORDS, tokenize } from "./text.js";

const SUPPORT_SIMILARITY = 0.35;
export const FINDINGS_SHARE = 0.15;
const MIN_FINDINGS = 5;
const MAX_FINDINGS = 8;

interface Scored {
  unit: number;
  support: number[];
  score: number;
}

/** Content stems two passages share, subject names aside. */
function sharedContent(a: Analysis, x: Unit, y: Unit): Set<string> {
  const names = subjectStems(a);
  const ys = new Set(y.stems);
  return new Set(x.stems.filter((s) => ys.has(s) && !names.has(s)));
}

function names(u: Unit): Set<string> {
  return new Set(
    u.tokens.filter((t) => /^\p{Lu}/u.test(t.raw) && !STOP_WORDS.has(t.norm)).map((t) => t.stem),
  );
}

/** Jaccard overlap of the names two passages mention (1 when neither names anything). */
function nameOverlap(x: Unit, y: Unit): number {
  const nx = names(x);
  const ny = names(y);
  if (nx.size === 0 && ny.size === 0) return 1;
  let both = 0;
  for (const n of nx) if (ny.has(n)) both++;
  return both / (nx.size + ny.size - both);
}

/** Whether one of the shared stems is a name (capitalised inside a sentence) in both. */
function sharesName(x: Unit, y: Unit, shared: Set<string>): boolean {
  const names = (u: Unit) =>
    new Set(u.tokens.filter((t, i) => i > 0 && /^\p{Lu}/u.test(t.raw)).map((t) => t.stem));
  const nx = names(x);
  const ny = names(y);
  for (const s of shared) if (nx.has(s) && ny.has(s)) return true;
  return false;
}

const subjectStemCache = new WeakMap<Analysis, Set<string>>();
function subjectStems(a: Analysis): Set<string> {
  let s = subjectStemCache.get(a);
  if (!s) {
    s = new Set(
      a.subjects
        .flatMap((x) => [x.name, ...x.aliases])
        .flatMap((n) => tokenize(n).map((t) => t.stem)),
    );
    subjectStemCache.set(a, s);
  }
  return s;
}

/** For each other source, its closest passage to `u` when close enough. */
export function supportFor(a: Analysis, u: number, threshold = SUPPORT_SIMILARITY): number[] {
  const unit = a.units[u]!;
  const best = new Map<string, { j: number; sim: number }>();
  a.units.forEach((other, j) => {
    if (other.sourceId === unit.sourceId) return;
    const sim = similarity(a, u, j);
    const di = unitDate(a, u);
    const dj = unitDate(a, j);
    const sameDate = di !== undefined && di.iso.length >= 7 && di.iso === dj?.iso;
    if (!sameDate && sim < threshold) return;
    const shared = sharedContent(a, unit, other);
    // Same month-precise date and a shared name: the same event, however it is worded.
    if (sameDate && sharesName(unit, other, shared)) {
      // supported
    } else if (sim < threshold || shared.size < 2 || nameOverlap(unit, other) < 0.25) {
      return;
    }
    const prev = best.get(other.sourceId);
    if (!prev || sim > prev.sim) best.set(other.sourceId, { j, sim });
  });
  return [...best.values()].sort((x, y) => x.j - y.j).map((b) => b.j);
}

export function buildFindings(a: Analysis): Finding[] {
  const scored: Scored[] = [];
  a.units.forEach((unit, u) => {
    if (!isFree(a, unit) || unit.words < 8) return;
    const support = unit.attributedOnly ? [] : supportFor(a, u);
    const rel = Math.max(0, ...a.relevance.map((r) => r[u]!));
    const score =
      support.length * 0.45 +
      unit.info * 0.5 +
      rel * 0.35 +
      (unit.named.length > 0 ? 0.25 : 0) +
      (unit.quoted ? -0.2 : 0);
    scored.push({ unit: u, support, score });
  });
  scored.sort((x, y) => y.score - x.score || x.unit - y.unit);
  const budget = a.maxWords * FINDINGS_SHARE;
  const chosen: Scored[] = [];
  const perSource = new Map<string, number>();
  let words = 0;
  // First statements that name a subject, at most two single-source ones per source; then,
  // if fewer than five, anything informative.
  for (const strict of [true, false]) {
    for (const c of scored) {
      if (chosen.length >= MAX_FINDINGS || (!strict && chosen.length >= MIN_FINDINGS)) break;
      const unit = a.units[c.unit]!;
      if (!isFree(a, unit)) continue;
      if (strict && unit.named.length === 0 && c.support.length === 0) continue;
      if (
        chosen.some(
          (o) =>
            similarity(a, o.unit, c.unit) > 0.3 ||
            o.support.includes(c.unit) ||
            c.support.includes(o.unit),
        )
      )
        continue;
      if (strict && (perSource.get(unit.sourceId) ?? 0) >= 2 && c.support.length === 0) continue;
      if (chosen.length >= MIN_FINDINGS && words + unit.words > budget) break;
      chosen.push(c);
      words += unit.words;
      perSource.set(unit.sourceId, (perSource.get(unit.sourceId) ?? 0) + 1);
      markUsed(a, unit);
    }
  }
  chosen.sort(
    (x, y) => y.support.length - x.support.length || y.score - x.score || x.unit - y.unit,
  );
  return chosen.map((c) => {
    const unit = a.units[c.unit]!;
    const supports = c.support.map((j) => a.units[j]!);
    const corroborated = supports.length > 0;
    const attribution = corroborated
      ? undefined
      : `According to ${a.labels.get(unit.sourceId)?.credit ?? unit.sourceId}`;
    return {
      claim: makeClaim(unit, supports, attribution),
      corroborated,
      support: 1 + supports.length,
    };
  });
}
