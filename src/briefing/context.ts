/**
 * The shared state of one analysis run: passages, their vectors, per-dimension relevance,
 * source labels, and the set of sentences already used (no sentence is shown twice).
 */
import type { Source } from "../corpus/types.js";
import { type EventDate, eventDate } from "./dates.js";
import { Bm25, cosine, tfidfVectors, type Vector } from "./rank.js";
import { buildUnits, type Unit } from "./sentences.js";
import { buildMatchers, type SubjectMatcher, type SubjectRef } from "./subjects.js";
import { tokenize } from "./text.js";

export interface DimensionRef {
  name: string;
  terms: string[];
}

export interface SourceLabel {
  /** "Putz 2022", "Handelsblatt n.d." */
  short: string;
  /** Who to credit in "According to …": authors, else publisher, else title. */
  credit: string;
}

export interface Analysis {
  sources: Source[];
  subjects: SubjectRef[];
  dimensions: DimensionRef[];
  matchers: SubjectMatcher[];
  units: Unit[];
  vectors: Vector[];
  /** relevance[d][u]: 0…1, BM25 of unit u for dimension d's terms, scaled to the best unit. */
  relevance: number[][];
  labels: Map<string, SourceLabel>;
  used: Set<string>;
  evidencePerCell: number;
  maxWords: number;
  /** Sources whose statement candidates were cut (see MAX_UNITS_PER_SOURCE). */
  truncated: string[];
}

const dateCache = new WeakMap<Analysis, (EventDate | undefined)[]>();

/** The event date of unit `u` (resolved against its source's date), computed once per run. */
export function unitDate(a: Analysis, u: number): EventDate | undefined {
  let dates = dateCache.get(a);
  if (!dates) {
    dates = a.units.map((unit) => eventDate(unit.text, a.sources[unit.sourceIndex]!.date));
    dateCache.set(a, dates);
  }
  return dates[u];
}

export function isFree(a: Analysis, u: Unit): boolean {
  return u.sentenceKeys.every((k) => !a.used.has(k));
}

export function markUsed(a: Analysis, u: Unit): void {
  for (const k of u.sentenceKeys) a.used.add(k);
}

const simCache = new WeakMap<Analysis, Float32Array>();
const MATRIX_LIMIT = 3000;

/**
 * Cosine similarity of units i and j. The whole matrix is computed once per run through an
 * inverted index (units sharing no term are never compared), then read from memory.
 */
export function similarity(a: Analysis, i: number, j: number): number {
  let m = simCache.get(a);
  const n = a.units.length;
  // Past a few thousand passages the full matrix costs too much memory: compare on demand.
  if (n > MATRIX_LIMIT) return cosine(a.vectors[i]!, a.vectors[j]!);
  if (!m) {
    m = new Float32Array(n * n);
    const postings = new Map<string, [number, number][]>();
    a.vectors.forEach((v, u) => {
      for (const [t, w] of v) (postings.get(t) ?? postings.set(t, []).get(t)!).push([u, w]);
    });
    for (const list of postings.values()) {
      for (let x = 0; x < list.length; x++) {
        const [ux, wx] = list[x]!;
        for (let y = x; y < list.length; y++) {
          const [uy, wy] = list[y]!;
          const p = wx * wy;
          m[ux * n + uy]! += p;
          if (ux !== uy) m[uy * n + ux]! += p;
        }
      }
    }
    simCache.set(a, m);
  }
  return m[i * n + j]!;
}

function termStems(term: string): string[] {
  return tokenize(term).map((t) => t.stem);
}

/** BM25 relevance of every unit to every dimension, with a bonus for whole-phrase matches. */
function dimensionRelevance(units: Unit[], dimensions: DimensionRef[]): number[][] {
  const bm25 = new Bm25(units.map((u) => u.stems));
  return dimensions.map((d) => {
    const query = d.terms.flatMap(termStems);
    const phrases = d.terms
      .filter((t) => /\s/u.test(t.trim()))
      .map((t) =>
        tokenize(t)
          .map((x) => x.stem)
          .join(" "),
      );
    const distinct = [...new Set(query)];
    const raw = units.map((u, i) => {
      let s = bm25.score(query, i);
      if (s === 0) return 0;
      // Passages matching several of the dimension's terms beat one matching a single term.
      const own = new Set(u.stems);
      const matched = distinct.filter((q) => own.has(q)).length;
      s *= 1 + 0.35 * (matched - 1);
      if (phrases.length > 0) {
        const joined = u.tokens.map((t) => t.stem).join(" ");
        for (const p of phrases) if (joined.includes(p)) s *= 1.3;
      }
      return s;
    });
    // Scale to the third-best passage, so one outlier does not flatten the rest.
    const sorted = raw.filter((x) => x > 0).sort((x, y) => y - x);
    const top = sorted[Math.min(2, sorted.length - 1)] || 1;
    return raw.map((s) => Math.min(1, s / top));
  });
}

export function createAnalysis(
  sources: Source[],
  subjects: SubjectRef[],
  dimensions: DimensionRef[],
  labels: Map<string, SourceLabel>,
  options: { evidencePerCell: number; maxWords: number },
): Analysis {
  const matchers = buildMatchers(subjects);
  const truncated: string[] = [];
  const units = buildUnits(sources, { matchers, truncated });
  return {
    sources,
    subjects,
    dimensions,
    matchers,
    units,
    vectors: tfidfVectors(units.map((u) => u.stems)),
    relevance: dimensionRelevance(units, dimensions),
    labels,
    used: new Set(),
    evidencePerCell: options.evidencePerCell,
    maxWords: options.maxWords,
    truncated,
  };
}
