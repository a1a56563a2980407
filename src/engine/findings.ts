/**
 * Key findings: 5–8 statements ranked by how many sources support them. A passage is supported
 * by another source when that source has a passage close to it (tf-idf cosine); corroborated
 * findings cite their supporting sources (the closest five when there are more), single-source
 * ones carry an attribution.
 */

import type { Finding } from "../model/briefing.js";
import { STOP_WORDS, tokenize } from "../util/text.js";
import { MAX_CITED_SUPPORT, makeClaim } from "./claims.js";
import {
  type Analysis,
  isFree,
  markUsed,
  similarity,
  similarUnits,
  unitDate,
  unitsDated,
} from "./state.js";

const SUPPORT_SIMILARITY = 0.35;
export const FINDINGS_SHARE = 0.15;
const MIN_FINDINGS = 5;
const MAX_FINDINGS = 8;

interface Scored {
  unit: number;
  support: number[];
  score: number;
}

/** What `supportFor` compares of a passage, computed once per passage and run. */
interface Traits {
  /** Its distinct stems, subject names aside. */
  content: string[];
  stems: Set<string>;
  /** Stems of capitalised words (not stop words): the names it mentions. */
  names: Set<string>;
  /** Stems of words capitalised inside the sentence (not its first word). */
  inner: Set<string>;
}

const traitsCache = new WeakMap<Analysis, (Traits | undefined)[]>();

function traits(a: Analysis, u: number): Traits {
  let all = traitsCache.get(a);
  if (!all) {
    all = [];
    traitsCache.set(a, all);
  }
  let t = all[u];
  if (!t) {
    const unit = a.units[u]!;
    const subjects = subjectStems(a);
    t = {
      content: [...new Set(unit.stems.filter((s) => !subjects.has(s)))],
      stems: new Set(unit.stems),
      names: new Set(
        unit.tokens
          .filter((k) => /^\p{Lu}/u.test(k.raw) && !STOP_WORDS.has(k.norm))
          .map((k) => k.stem),
      ),
      inner: new Set(
        unit.tokens.filter((k, i) => i > 0 && /^\p{Lu}/u.test(k.raw)).map((k) => k.stem),
      ),
    };
    all[u] = t;
  }
  return t;
}

/** Content stems two passages share, subject names aside. */
function sharedContent(x: Traits, y: Traits): string[] {
  return x.content.filter((s) => y.stems.has(s));
}

/** Jaccard overlap of the names two passages mention (1 when neither names anything). */
function nameOverlap(x: Traits, y: Traits): number {
  const nx = x.names;
  const ny = y.names;
  if (nx.size === 0 && ny.size === 0) return 1;
  let both = 0;
  for (const n of nx) if (ny.has(n)) both++;
  return both / (nx.size + ny.size - both);
}

/** Whether one of the shared stems is a name (capitalised inside a sentence) in both. */
function sharesName(x: Traits, y: Traits, shared: string[]): boolean {
  for (const s of shared) if (x.inner.has(s) && y.inner.has(s)) return true;
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
  const di = unitDate(a, u);
  const tu = traits(a, u);
  // Only passages close enough, or reporting the same month-precise date, can support.
  let candidates = similarUnits(a, u, threshold);
  if (di !== undefined && di.iso.length >= 7) {
    const dated = unitsDated(a, di.iso);
    if (dated.length > 0)
      candidates = [...new Set([...candidates, ...dated])].sort((x, y) => x - y);
  }
  for (const j of candidates) {
    const other = a.units[j]!;
    if (other.sourceId === unit.sourceId) continue;
    const sim = similarity(a, u, j);
    const dj = unitDate(a, j);
    const sameDate = di !== undefined && di.iso.length >= 7 && di.iso === dj?.iso;
    if (!sameDate && sim < threshold) continue;
    // Only a closer passage than the one already found for that source can change the answer.
    const prev = best.get(other.sourceId);
    if (prev && sim <= prev.sim) continue;
    const tj = traits(a, j);
    const shared = sharedContent(tu, tj);
    // Same month-precise date and a shared name: the same event, however it is worded.
    if (sameDate && sharesName(tu, tj, shared)) {
      // supported
    } else if (sim < threshold || shared.length < 2 || nameOverlap(tu, tj) < 0.25) {
      continue;
    }
    best.set(other.sourceId, { j, sim });
  }
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
    // Cite the closest supporting passages when there are more than a footnote can hold.
    const cited =
      c.support.length > MAX_CITED_SUPPORT
        ? c.support
            .map((j) => ({ j, sim: similarity(a, c.unit, j) }))
            .sort((x, y) => y.sim - x.sim || x.j - y.j)
            .slice(0, MAX_CITED_SUPPORT)
            .map((x) => x.j)
            .sort((x, y) => x - y)
        : c.support;
    const supports = cited.map((j) => a.units[j]!);
    const corroborated = supports.length > 0;
    const attribution = corroborated
      ? undefined
      : `According to ${a.labels.get(unit.sourceId)?.credit ?? unit.sourceId}`;
    return {
      claim: makeClaim(unit, supports, attribution),
      corroborated,
      support: 1 + c.support.length,
    };
  });
}
