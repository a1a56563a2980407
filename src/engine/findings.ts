/**
 * Key findings: 5–8 statements a decision maker needs first, ranked by
 * - corroboration: how many independent sources state the same fact (see corroboration.ts);
 * - centrality: how many other sources write about the same thing (degree centrality over the
 *   tf-idf similarity graph, the thresholded variant of LexRank);
 * - information: numbers, dates and names, and above all comparisons naming two subjects;
 * balanced across subjects, and never restating a fact the evidence matrix already shows.
 * Corroborated findings cite their supporting sources (the closest five when there are more),
 * single-source ones carry an attribution.
 */

import type { Claim, Finding } from "../model/briefing.js";
import { MAX_CITED_SUPPORT, makeClaim } from "./claims.js";
import { originOf, type Relation, recordConflict, relate } from "./corroboration.js";
import {
  type Analysis,
  attributionOf,
  isFree,
  markUsed,
  similarity,
  similarUnits,
  unitDate,
  unitsDated,
} from "./state.js";

/** How close (tf-idf cosine) a passage must be to be checked as support at all. */
const SUPPORT_SIMILARITY = 0.2;
export const FINDINGS_SHARE = 0.15;
const MIN_FINDINGS = 5;
const MAX_FINDINGS = 8;
/**
 * Candidates whose corroboration is checked: the best by everything else. Every passage of a
 * small corpus is; in a large one (1,000 sources: ~50,000 passages) a passage below these would
 * need several corroborating sources to overtake them, and checking every passage cost seconds.
 */
const MAX_SUPPORT_CHECKED = 600;
/** Cosine at which two passages of different sources are taken to write about the same thing. */
const TOPIC_SIMILARITY = 0.15;

interface Scored {
  unit: number;
  support: number[];
  relations: Map<number, Relation>;
  score: number;
}

/** A passage that supports another, and how (see corroboration.ts). */
export interface Support {
  unit: number;
  relation: Relation;
}

/**
 * For each other source (copies of one source counting as one), its closest passage that states
 * the same fact as `u`: close by tf-idf or reporting the same month-precise date, then checked
 * for the same who, what, numbers and dates. Passages that agree on who and what but give other
 * numbers or dates are recorded as candidate disagreements (`a.conflicts`).
 */
export function supportDetail(a: Analysis, u: number, threshold = SUPPORT_SIMILARITY): Support[] {
  const origin = originOf(a, u);
  const best = new Map<string, { j: number; sim: number; relation: Relation }>();
  const di = unitDate(a, u);
  let candidates = similarUnits(a, u, threshold);
  if (di !== undefined && di.iso.length >= 7) {
    const dated = unitsDated(a, di.iso);
    if (dated.length > 0)
      candidates = [...new Set([...candidates, ...dated])].sort((x, y) => x - y);
  }
  for (const j of candidates) {
    const from = originOf(a, j);
    if (from === origin) continue;
    const sim = similarity(a, u, j);
    // Only a closer passage than the one already found for that source can change the answer.
    const prev = best.get(from);
    if (prev && sim <= prev.sim) continue;
    const verdict = relate(a, u, j);
    if (verdict.kind === "conflict") recordConflict(a, u, j, verdict.on);
    if (verdict.kind !== "support") continue;
    best.set(from, { j, sim, relation: verdict.relation });
  }
  return [...best.values()]
    .sort((x, y) => x.j - y.j)
    .map((b) => ({ unit: b.j, relation: b.relation }));
}

/** The passages of other sources that state the same fact as `u` (see `supportDetail`). */
export function supportFor(a: Analysis, u: number, threshold = SUPPORT_SIMILARITY): number[] {
  return supportDetail(a, u, threshold).map((s) => s.unit);
}

/**
 * The origins of a list of similar passages. `similarUnits` answers a repeated text (syndicated
 * or copied paragraphs) with one shared list, so its origins are counted once, not once per copy.
 */
const originsOfList = new WeakMap<readonly number[], Set<string>>();

/** 0…1: the share of the other sources that have a passage on the same thing as `u`. */
function centrality(a: Analysis, u: number, others: number): number {
  if (others <= 0) return 0;
  const similar = similarUnits(a, u, TOPIC_SIMILARITY);
  let origins = originsOfList.get(similar);
  if (!origins) {
    origins = new Set(similar.map((j) => originOf(a, j)));
    originsOfList.set(similar, origins);
  }
  const own = origins.has(originOf(a, u)) ? 1 : 0;
  return Math.min(1, (origins.size - own) / others);
}

/**
 * The `k` best of `units` by `score` (highest first, ties by unit), scoring only as many as
 * needed: `bound(u)` must be at least `score(u)`. Units are scored in the order of their
 * bounds, until the next bound is below the `k` best scores so far: no unit left can enter or
 * tie with them. The same as scoring every unit, sorting and keeping the first `k`.
 */
export function bestScored(
  units: readonly number[],
  bound: (u: number) => number,
  score: (u: number) => number,
  k: number,
): { unit: number; score: number }[] {
  const bounds = units.map((unit) => ({ unit, bound: bound(unit) }));
  bounds.sort((x, y) => y.bound - x.bound || x.unit - y.unit);
  const out: { unit: number; score: number }[] = [];
  const kept = new MinScores(k);
  for (const { unit, bound: b } of bounds) {
    if (kept.full && b < kept.lowest) break;
    const s = score(unit);
    out.push({ unit, score: s });
    kept.add(s);
  }
  out.sort((x, y) => y.score - x.score || x.unit - y.unit);
  return out.slice(0, k);
}

/** The `size` highest numbers added so far (a min-heap): the lowest of them, once full. */
class MinScores {
  private readonly heap: number[] = [];
  constructor(private readonly size: number) {}
  get full(): boolean {
    return this.heap.length >= this.size;
  }
  get lowest(): number {
    return this.heap[0] ?? Number.NEGATIVE_INFINITY;
  }
  add(x: number): void {
    const h = this.heap;
    if (this.size <= 0) return;
    if (h.length < this.size) {
      h.push(x);
      for (let i = h.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (h[p]! <= h[i]!) break;
        [h[p], h[i]] = [h[i]!, h[p]!];
        i = p;
      }
      return;
    }
    if (x <= h[0]!) return;
    h[0] = x;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && h[l]! < h[m]!) m = l;
      if (r < h.length && h[r]! < h[m]!) m = r;
      if (m === i) break;
      [h[m], h[i]] = [h[i]!, h[m]!];
      i = m;
    }
  }
}

/** True when `u` states a fact that a passage already shown (the matrix, the timeline…) states. */
function alreadyShown(a: Analysis, u: number, shown: readonly number[]): boolean {
  return shown.some((m) => {
    if (m === u || similarity(a, u, m) < SUPPORT_SIMILARITY) return false;
    return relate(a, u, m).kind === "support" || relate(a, m, u).kind === "support";
  });
}

/** The subject a finding is mainly about (undefined for a comparison or a statement about none). */
function mainSubject(a: Analysis, u: number): string | undefined {
  const unit = a.units[u]!;
  return unit.named.length === 1 ? unit.named[0] : undefined;
}

export function buildFindings(a: Analysis): Finding[] {
  // Everything but corroboration is cheap: score it for every passage, then check support
  // (the costly part) only for the best candidates — a finding is chosen from the top anyway.
  const others = new Set(a.sources.map((s) => s.id)).size - 1;
  const scoreOf = (u: number, central: number) => {
    const unit = a.units[u]!;
    const rel = Math.max(0, ...a.relevance.map((r) => r[u]!));
    return (
      central * 0.4 +
      unit.info * 0.5 +
      rel * 0.35 +
      (unit.named.length > 0 ? 0.25 : 0) +
      (unit.named.length > 1 ? 0.3 : 0) +
      (unit.quoted ? -0.2 : 0)
    );
  };
  // Centrality (a similarity search per passage) is the costly part of the score: it is at
  // most 1, so a passage's score is at most its score with centrality 1 (the same sum, rounded
  // the same way). Passages are scored in the order of that bound, and scoring stops once the
  // next bound falls below the best `MAX_SUPPORT_CHECKED` scores: no passage left can enter
  // them or tie with them. The best are those the scoring of every passage would give.
  const candidates = a.units.flatMap((unit, u) => (!isFree(a, unit) || unit.words < 8 ? [] : [u]));
  const base = bestScored(
    candidates,
    (u) => scoreOf(u, 1),
    (u) => scoreOf(u, centrality(a, u, others)),
    MAX_SUPPORT_CHECKED,
  );
  const scored: Scored[] = base.map(({ unit: u, score }) => {
    const detail = a.units[u]!.attributedOnly ? [] : supportDetail(a, u);
    const support = detail.map((d) => d.unit);
    const relations = new Map(detail.map((d) => [d.unit, d.relation]));
    return { unit: u, support, relations, score: score + support.length * 0.45 };
  });
  scored.sort((x, y) => y.score - x.score || x.unit - y.unit);
  const budget = a.maxWords * FINDINGS_SHARE;
  const chosen: Scored[] = [];
  const perSource = new Map<string, number>();
  const perSubject = new Map<string, number>();
  // No subject takes more than its share (plus one) of the findings; comparisons count for none.
  const subjectCap = Math.ceil(MAX_FINDINGS / Math.max(1, a.subjects.length)) + 1;
  const shown = a.units.flatMap((unit, u) => (isFree(a, unit) ? [] : [u]));
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
      const subject = mainSubject(a, c.unit);
      if (strict && subject && (perSubject.get(subject) ?? 0) >= subjectCap) continue;
      if (alreadyShown(a, c.unit, shown)) continue;
      if (chosen.length >= MIN_FINDINGS && words + unit.words > budget) break;
      chosen.push(c);
      words += unit.words;
      perSource.set(unit.sourceId, (perSource.get(unit.sourceId) ?? 0) + 1);
      if (subject) perSubject.set(subject, (perSubject.get(subject) ?? 0) + 1);
      markUsed(a, unit);
    }
  }
  chosen.sort(
    (x, y) => y.support.length - x.support.length || y.score - x.score || x.unit - y.unit,
  );
  return chosen.map((c) => {
    const corroborated = c.support.length > 0;
    const attribution = corroborated ? undefined : attributionOf(a, c.unit);
    const support = c.support.map((j) => ({ unit: j, relation: c.relations.get(j) ?? "same" }));
    return {
      claim: supportedClaim(a, c.unit, support, attribution),
      corroborated,
      support: 1 + c.support.length,
    };
  });
}

/**
 * The claim of passage `u` citing its supporting passages, each citation with its relation; the
 * closest ones (tf-idf) when there are more than a footnote holds, in reading order.
 */
export function supportedClaim(
  a: Analysis,
  u: number,
  support: readonly Support[],
  attribution?: string,
): Claim {
  const cited =
    support.length > MAX_CITED_SUPPORT
      ? [...support]
          .map((s) => ({ s, sim: similarity(a, u, s.unit) }))
          .sort((x, y) => y.sim - x.sim || x.s.unit - y.s.unit)
          .slice(0, MAX_CITED_SUPPORT)
          .map((x) => x.s)
          .sort((x, y) => x.unit - y.unit)
      : support;
  const claim = makeClaim(
    a.units[u]!,
    cited.map((s) => a.units[s.unit]!),
    attribution,
  );
  cited.forEach((s, i) => {
    const citation = claim.citations[i + 1];
    if (citation) citation.relation = s.relation;
  });
  return claim;
}
