/**
 * The shared state of one analysis run: passages, their vectors, per-dimension relevance,
 * source labels, and the set of sentences already used (no sentence is shown twice).
 */
import type { Source } from "../model/source.js";
import {
  NOMINALISATION,
  STOP_WORDS,
  stemmerFor,
  stemWord,
  tokenize,
  wordFamily,
} from "../util/text.js";
import type { FactConflict } from "./corroboration.js";
import { type EventDate, eventDate } from "./dates.js";
import { prefetchTags } from "./nlp.js";
import { Bm25, tfidfVectors, type Vector } from "./rank.js";
import { buildMatchers, findMentions, type SubjectMatcher, type SubjectRef } from "./subjects.js";
import {
  analyseStructure,
  lemmasOf,
  MAX_STRUCTURE_CHARS,
  type MainClause,
  type Structure,
  topicsOf,
} from "./syntax.js";
import { buildUnits, type Unit } from "./units.js";

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

/**
 * "According to Eva Fischer, …" for a passage one source alone states; none when the sentence
 * itself already credits that source, its author or its publisher ("…, writes Handelsblatt."):
 * a statement is attributed once.
 */
export function attributionOf(a: Analysis, u: number): string | undefined {
  const unit = a.units[u]!;
  const source = a.sources[unit.sourceIndex]!;
  const credit = a.labels.get(unit.sourceId)?.credit ?? unit.sourceId;
  const names = [credit, source.publisher, ...source.authors].filter(
    (n): n is string => typeof n === "string" && n.length > 1,
  );
  const literal = (n: string) => n.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
  const self = names.some((n) =>
    new RegExp(
      `(?:,\\s*(?:writes|wrote|reports|reported|says|said|according to)\\s+(?:the\\s+)?${literal(n)}[.!]?$)|^According to ${literal(n)}\\b`,
      "u",
    ).test(unit.text.trim()),
  );
  // A sentence that reads right only after an attribution keeps it.
  return self && !unit.attributedOnly ? undefined : `According to ${credit}`;
}

export interface Analysis {
  sources: Source[];
  subjects: SubjectRef[];
  dimensions: DimensionRef[];
  matchers: SubjectMatcher[];
  units: Unit[];
  vectors: Vector[];
  /** Per unit, its sentence structure (main clauses, subjects); null where it was not parsed. */
  structures: (Structure | null)[];
  /**
   * Per unit, the subjects it states something about (named in a main clause's subject noun
   * phrase); null where the passage could not be parsed.
   */
  topics: (string[] | null)[];
  /**
   * relevance[d][u]: 0…1, BM25 of unit u's main-clause words (stems and lemmas) for dimension d's
   * terms (and their lemmas), on one scale for all dimensions (see `dimensionRelevance`).
   */
  relevance: number[][];
  labels: Map<string, SourceLabel>;
  used: Set<string>;
  evidencePerCell: number;
  maxWords: number;
  /** Sources whose statement candidates were cut (see MAX_UNITS_PER_SOURCE). */
  truncated: string[];
  /**
   * Source id → the source it is a near-duplicate copy of (see copies.ts); a source missing
   * here is an original. Copies count as one source for corroboration.
   */
  copyOf: Map<string, string>;
  /** Passages that agree on who and what but not on a number or date (see corroboration.ts). */
  conflicts: FactConflict[];
}

const dateCache = new WeakMap<Analysis, (EventDate | undefined)[]>();

/** The event date of unit `u` (resolved against its source's date), computed once per run. */
export function unitDate(a: Analysis, u: number): EventDate | undefined {
  let dates = dateCache.get(a);
  if (!dates) {
    dates = a.units.map((unit) =>
      eventDate(
        unit.text,
        a.sources[unit.sourceIndex]!.date,
        a.sources[unit.sourceIndex]!.language,
      ),
    );
    dateCache.set(a, dates);
  }
  return dates[u];
}

const bySourceCache = new WeakMap<Analysis, number[][]>();

/** The units of each source, ascending (grouped once per run, not scanned once per source). */
export function unitsOf(a: Analysis, sourceIndex: number): readonly number[] {
  let groups = bySourceCache.get(a);
  if (!groups) {
    const built: number[][] = a.sources.map(() => []);
    for (let i = 0; i < a.units.length; i++) built[a.units[i]!.sourceIndex]?.push(i);
    bySourceCache.set(a, built);
    groups = built;
  }
  return groups[sourceIndex] ?? [];
}

export function isFree(a: Analysis, u: Unit): boolean {
  return u.sentenceKeys.every((k) => !a.used.has(k));
}

export function markUsed(a: Analysis, u: Unit): void {
  for (const k of u.sentenceKeys) a.used.add(k);
}

/**
 * The vectors in a compact form for similarity: every term gets an id (the order in which the
 * terms first appear over all units), each unit lists its term ids ascending with their weights,
 * and each term lists the units that contain it (ascending). Sums run in term-id order and round
 * to float32 at every step, so a pair's similarity is the same number however it is computed
 * (matrix, row or pair).
 */
interface SimIndex {
  n: number;
  terms: Int32Array[];
  weights: Float64Array[];
  postUnits: Int32Array[];
  postWeights: Float64Array[];
  /** The full matrix (row-major), for corpora small enough to hold it. */
  matrix?: Float32Array;
  /** Per unit, the first unit with the very same vector (syndicated or repeated text). */
  same: Int32Array;
  /** Whether another unit has the same vector. */
  repeated: Uint8Array;
  /** `similarUnits` answers for repeated vectors, by first unit and threshold. */
  rows: Map<string, number[]>;
  /** Scratch for `similarUnits` without a matrix. */
  acc?: Float64Array;
  seen?: Uint8Array;
  touched?: Int32Array;
}

const simIndexCache = new WeakMap<Analysis, SimIndex>();
const MATRIX_LIMIT = 3000;

function simIndex(a: Analysis): SimIndex {
  let ix = simIndexCache.get(a);
  if (ix) return ix;
  const n = a.units.length;
  const ids = new Map<string, number>();
  const postings: { units: number[]; weights: number[] }[] = [];
  const terms: Int32Array[] = [];
  const weights: Float64Array[] = [];
  a.vectors.forEach((v, u) => {
    const entries: [number, number][] = [];
    for (const [t, w] of v) {
      let id = ids.get(t);
      if (id === undefined) {
        id = postings.length;
        ids.set(t, id);
        postings.push({ units: [], weights: [] });
      }
      postings[id]!.units.push(u);
      postings[id]!.weights.push(w);
      entries.push([id, w]);
    }
    entries.sort((x, y) => x[0] - y[0]);
    terms.push(Int32Array.from(entries, (e) => e[0]));
    weights.push(Float64Array.from(entries, (e) => e[1]));
  });
  // Identical vectors have identical similarities to everything: compare them once.
  const first = new Map<string, number>();
  const same = new Int32Array(n);
  const repeated = new Uint8Array(n);
  for (let u = 0; u < n; u++) {
    const key = `${terms[u]!.join(",")}|${weights[u]!.join(",")}`;
    const f = first.get(key);
    if (f === undefined) first.set(key, u);
    else repeated[f] = repeated[u] = 1;
    same[u] = f ?? u;
  }
  ix = {
    n,
    same,
    repeated,
    rows: new Map(),
    terms,
    weights,
    postUnits: postings.map((p) => Int32Array.from(p.units)),
    postWeights: postings.map((p) => Float64Array.from(p.weights)),
  };
  if (n <= MATRIX_LIMIT) {
    // Units sharing no term are never compared: the matrix is filled term by term.
    const m = new Float32Array(n * n);
    for (let t = 0; t < ix.postUnits.length; t++) {
      const us = ix.postUnits[t]!;
      const ws = ix.postWeights[t]!;
      for (let x = 0; x < us.length; x++) {
        const ux = us[x]!;
        const wx = ws[x]!;
        for (let y = x; y < us.length; y++) {
          const uy = us[y]!;
          const p = wx * ws[y]!;
          m[ux * n + uy]! += p;
          if (ux !== uy) m[uy * n + ux]! += p;
        }
      }
    }
    ix.matrix = m;
  } else {
    ix.acc = new Float64Array(n);
    ix.seen = new Uint8Array(n);
    ix.touched = new Int32Array(n);
  }
  simIndexCache.set(a, ix);
  return ix;
}

function pairSimilarity(ix: SimIndex, i: number, j: number): number {
  const ti = ix.terms[i]!;
  const tj = ix.terms[j]!;
  const wi = ix.weights[i]!;
  const wj = ix.weights[j]!;
  let s = 0;
  let x = 0;
  let y = 0;
  while (x < ti.length && y < tj.length) {
    const p = ti[x]!;
    const q = tj[y]!;
    if (p === q) s = Math.fround(s + wi[x++]! * wj[y++]!);
    else if (p < q) x++;
    else y++;
  }
  return s;
}

/**
 * Cosine similarity of units i and j (tf-idf). Small corpora read it from a matrix computed once
 * per run; past a few thousand passages (the matrix would cost too much memory) each pair is
 * computed on demand from the sorted term lists.
 */
export function similarity(a: Analysis, i: number, j: number): number {
  const ix = simIndex(a);
  return ix.matrix ? ix.matrix[i * ix.n + j]! : pairSimilarity(ix, i, j);
}

/** Slack for rounding when a bound decides that a unit cannot reach `min`. */
const BOUND_SLACK = 1e-4;

/**
 * The units whose similarity to `u` is at least `min` (> 0), ascending. Without a matrix only
 * units sharing one of u's rarer terms are compared: u's most common terms are left out as long
 * as their weights' norm stays below `min`, since by Cauchy–Schwarz a unit sharing only those
 * terms (every vector has unit length) cannot reach `min`. So a term that half the corpus uses
 * does not make every unit a candidate. A vector that occurs more than once (syndicated or
 * repeated text) is answered once.
 */
export function similarUnits(a: Analysis, u: number, min: number): readonly number[] {
  const ix = simIndex(a);
  const out: number[] = [];
  if (ix.matrix) {
    const row = ix.matrix.subarray(u * ix.n, (u + 1) * ix.n);
    for (let j = 0; j < row.length; j++) if (row[j]! >= min) out.push(j);
    return out;
  }
  const key = `${ix.same[u]}:${min}`;
  const known = ix.rows.get(key);
  if (known) return known;
  const acc = ix.acc!;
  const seen = ix.seen!;
  const touched = ix.touched!;
  const tu = ix.terms[u]!;
  const wu = ix.weights[u]!;
  const order = Array.from(tu.keys()).sort(
    (x, y) => ix.postUnits[tu[y]!]!.length - ix.postUnits[tu[x]!]!.length || x - y,
  );
  let skipped = 0;
  let k = 0;
  for (; k < order.length; k++) {
    const w = wu[order[k]!]!;
    if (Math.sqrt(skipped + w * w) >= min - BOUND_SLACK) break;
    skipped += w * w;
  }
  // What the left-out terms can add to any unit's similarity at most.
  const rest = Math.sqrt(skipped);
  let count = 0;
  for (; k < order.length; k++) {
    const w = wu[order[k]!]!;
    const t = tu[order[k]!]!;
    const us = ix.postUnits[t]!;
    const ws = ix.postWeights[t]!;
    for (let y = 0; y < us.length; y++) {
      const j = us[y]!;
      if (!seen[j]) {
        seen[j] = 1;
        touched[count++] = j;
      }
      acc[j]! += w * ws[y]!;
    }
  }
  for (let c = 0; c < count; c++) {
    const j = touched[c]!;
    if (acc[j]! + rest >= min - BOUND_SLACK && pairSimilarity(ix, u, j) >= min) out.push(j);
    acc[j] = 0;
    seen[j] = 0;
  }
  out.sort((x, y) => x - y);
  if (ix.repeated[u]) ix.rows.set(key, out);
  return out;
}

const byDateCache = new WeakMap<Analysis, Map<string, number[]>>();

/** The units whose event date is exactly `iso`, ascending. */
export function unitsDated(a: Analysis, iso: string): readonly number[] {
  let m = byDateCache.get(a);
  if (!m) {
    m = new Map();
    for (let u = 0; u < a.units.length; u++) {
      const d = unitDate(a, u);
      if (d) (m.get(d.iso) ?? m.set(d.iso, []).get(d.iso)!).push(u);
    }
    byDateCache.set(a, m);
  }
  return m.get(iso) ?? [];
}

function termStems(term: string, stem: (w: string) => string = stemWord): string[] {
  return tokenize(term).map((t) => (stem === stemWord ? t.stem : stem(t.norm)));
}

/** A unit's main-clause words in reading order: surface stems and lemma stems. */
interface ClauseText {
  /** Content words' stems and lemma stems: what BM25 counts. */
  bag: string[];
  /** How much each bag entry counts: 1 for a head word, less for a modifier or adjunct. */
  weight: number[];
  /** Every word's stem, and every word's lemma stem, in order (for multi-word terms). */
  surface: string[];
  lemma: string[];
  /** Content words' derivational families (English), with their weights. */
  family: { key: string; weight: number; nominal: boolean }[];
}

/**
 * The words a unit's main clauses contribute to dimension relevance: each content word's stem and
 * its lemma's stem. Words in side clauses, asides and prepositional openers do not count.
 */
function clauseText(
  structure: Structure | null,
  stemIn: (w: string) => string = stemWord,
): ClauseText {
  const out: ClauseText = { bag: [], weight: [], surface: [], lemma: [], family: [] };
  if (!structure) return out;
  // English lemmas and plural senses come from wink-nlp's English model: other languages use
  // their own stemmer only.
  const english = stemIn === stemWord;
  // The English parser's clauses mean nothing in another language: there, the whole sentence
  // counts, every word as a head.
  const clauses: Pick<MainClause, "words" | "heads" | "adjuncts">[] = english
    ? structure.clauses
    : [{ words: structure.words.map((_, t) => t), heads: structure.words.map((_, t) => t) }];
  for (const c of clauses) {
    const heads = new Set(c.heads);
    const adjuncts = new Set(c.adjuncts ?? []);
    for (const t of c.words) {
      const w = structure.words[t]!;
      const norm = w.text.toLowerCase();
      if (w.pos === "PUNCT" || !/[\p{L}\p{N}]/u.test(norm)) continue;
      const stem = stemIn(norm);
      const lemmaStem = english ? stemWord(w.lemma) || stem : stem;
      out.surface.push(stem);
      out.lemma.push(lemmaStem);
      if (["DET", "ADP", "CCONJ"].includes(w.pos) || STOP_WORDS.has(norm)) continue;
      const weight = adjuncts.has(t) ? ADJUNCT_WEIGHT : heads.has(t) ? 1 : NON_HEAD_WEIGHT;
      if (isAcronym(w.text)) {
        out.bag.push(acronymToken(w.text));
        out.weight.push(weight);
        continue;
      }
      out.bag.push(stem);
      out.weight.push(weight);
      if (english) {
        // A verb, or a noun that nominalises one: only they are matched across a family.
        const nominal = w.pos === "NOUN" && NOMINALISATION.test(norm);
        const key = w.pos === "VERB" || nominal ? wordFamily(norm) : undefined;
        if (key) out.family.push({ key, weight, nominal });
      }
      // A plural noun also counts as itself: "forces" (armed forces) is not "by force".
      if (english && w.pos === "NOUN" && w.lemma !== norm && /s$/u.test(norm)) {
        out.bag.push(pluralToken(stem));
        out.weight.push(weight);
      }
      if (lemmaStem !== stem) {
        out.bag.push(lemmaStem);
        out.weight.push(weight);
      }
    }
    out.surface.push("|");
    out.lemma.push("|");
  }
  return out;
}

/** How much a word outside the main clause's heads (a modifier, an adjunct's word) counts. */
const NON_HEAD_WEIGHT = 0.5;

/** How much a word of a non-finite adjunct ("…, holding …", "without triggering …") counts. */
const ADJUNCT_WEIGHT = 0.25;

/**
 * An acronym ("US", "UK", "GDP") is matched as written, never through a stem: "using" stems to
 * "us", "gdp" is not a word.
 */
const isAcronym = (text: string) => /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(text);
const acronymToken = (text: string) => `=${text}`;

const pluralToken = (stem: string) => `${stem}#pl`;

/** A one-word term's stems, with its lemma's stem ("sold" also matches "sell"). */
function expandedTermStems(term: string, stem: (w: string) => string = stemWord): string[] {
  if (isAcronym(term.trim())) return [acronymToken(term.trim())];
  // Another language than English: its own stemmer, no English lemmas or plural senses.
  if (stem !== stemWord) return termStems(term, stem);
  // A term the brief gives in the plural ("forces", "troops") means the plural's sense.
  const word = term.trim().toLowerCase();
  const tagged = /^\p{L}+s$/u.test(word) ? analyseStructure(word)?.words : undefined;
  if (tagged?.length === 1 && tagged[0]!.pos === "NOUN" && tagged[0]!.lemma !== word)
    return [pluralToken(stemWord(word))];
  const stems = termStems(term);
  for (const l of lemmasOf(term)) {
    const s = stemWord(l);
    if (s && !STOP_WORDS.has(l) && !stems.includes(s)) stems.push(s);
  }
  return stems;
}

/** The token a multi-word term adds to the passages that contain it as a phrase. */
const phraseToken = (term: string, stem: (w: string) => string = stemWord) =>
  `~${termStems(term, stem).join(" ")}`;

function containsPhrase(seq: string[], phrase: string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= seq.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (seq[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * BM25 relevance of every unit's main clauses to every dimension. A one-word term matches a word
 * or its lemma; a multi-word term ("collective defence", "market share") matches only as a phrase.
 */
function dimensionRelevance(
  structures: (Structure | null)[],
  dimensions: DimensionRef[],
  languages: readonly (string | undefined)[] = [],
  briefLanguage?: string,
): number[][] {
  // Each passage is stemmed in its own language, the dimensions' terms in the brief's.
  const texts = structures.map((s, i) => clauseText(s, stemmerFor(languages[i])));
  const termStem = stemmerFor(briefLanguage);
  const multi = [
    ...new Set(dimensions.flatMap((d) => d.terms.filter((t) => /\s/u.test(t.trim())))),
  ];
  const phrases = multi.map((t) => ({
    token: phraseToken(t, termStem),
    surface: termStems(t, termStem),
    lemma:
      termStem === stemWord ? lemmasOf(t).map((l) => stemWord(l) || l) : termStems(t, termStem),
  }));
  // A one-word English term also matches a word of its derivational family, as the term's own
  // stem (so a passage counts it once): "NATO did not expand" is about "expansion".
  const family = new Map<string, { stem: string; nominal: boolean }>();
  if (termStem === stemWord)
    for (const d of dimensions)
      for (const t of d.terms) {
        const word = t.trim().toLowerCase();
        if (/\s/u.test(word) || isAcronym(t.trim())) continue;
        const key = wordFamily(word);
        if (key && !family.has(key))
          family.set(key, { stem: stemWord(word), nominal: NOMINALISATION.test(word) });
      }
  const weights: number[][] = [];
  const docs = texts.map((x) => {
    const bag = [...x.bag];
    const weight = [...x.weight];
    for (const f of x.family) {
      // "expansion" (a nominalisation) matches the verb "expand", and "intervene" the noun
      // "intervention"; a verb never matches a verb, nor a noun a noun, by family alone.
      const term = family.get(f.key);
      if (term === undefined || term.nominal === f.nominal) continue;
      const stem = term.stem;
      if (bag.includes(stem)) continue;
      bag.push(stem);
      weight.push(f.weight);
    }
    for (const p of phrases)
      if (containsPhrase(x.surface, p.surface) || containsPhrase(x.lemma, p.lemma)) {
        bag.push(p.token);
        weight.push(1);
      }
    weights.push(weight);
    return bag;
  });
  const bm25 = new Bm25(docs, undefined, undefined, weights);
  const scores = dimensions.map((d) => {
    const query = [
      ...new Set(
        d.terms.flatMap((t) =>
          /\s/u.test(t.trim()) ? [phraseToken(t, termStem)] : expandedTermStems(t, termStem),
        ),
      ),
    ];
    const raw = docs.map((doc, i) => {
      const s = bm25.score(query, i);
      if (s === 0) return 0;
      // Passages matching several of the dimension's terms beat one matching a single term.
      // (A term matched only in a modifier or adjunct counts as much as it weighs there.)
      const own = new Map<string, number>();
      doc.forEach((t, j) => {
        own.set(t, Math.max(own.get(t) ?? 0, weights[i]![j]!));
      });
      const matched = query.reduce((n, q) => n + (own.get(q) ?? 0), 0);
      return s * Math.max(1, 1 + 0.35 * (matched - 1));
    });
    return raw;
  });
  // One scale for every dimension (BM25 scores over one index compare across queries): a
  // passage is full-strength when it matches as well as the best tenth of all matches. Scaling
  // each dimension to its own best would lift a dimension the corpus barely addresses to full
  // strength on its one weak hit, and a gap is better than a misplaced passage.
  const all = scores
    .flat()
    .filter((x) => x > 0)
    .sort((x, y) => y - x);
  const top = all[Math.min(all.length - 1, Math.round(all.length * FULL_STRENGTH_SHARE))] || 1;
  return scores.map((r) => r.map((s) => Math.min(1, s / top)));
}

/** Share of all dimension matches, from the best, that count as full relevance. */
const FULL_STRENGTH_SHARE = 0.1;

export function createAnalysis(
  sources: Source[],
  subjects: SubjectRef[],
  dimensions: DimensionRef[],
  labels: Map<string, SourceLabel>,
  options: { evidencePerCell: number; maxWords: number; language?: string },
): Analysis {
  const matchers = buildMatchers(subjects);
  const truncated: string[] = [];
  const units = buildUnits(sources, { matchers, truncated });
  // The sentence structure is read once per unit, here, and kept on the analysis.
  // The NLP thread reads them ahead (those the tagger reads at all: `analyseStructure`), then an
  // English brief's single-word terms, whose lemmas widen them (`expandedTermStems`).
  const englishTerms = stemmerFor(options.language) === stemWord;
  prefetchTags([
    ...units.map((u) => u.text).filter((t) => t.length > 0 && t.length <= MAX_STRUCTURE_CHARS),
    ...(englishTerms
      ? dimensions.flatMap((d) =>
          d.terms.filter((t) => !/\s/u.test(t.trim())).flatMap((t) => [t.trim().toLowerCase(), t]),
        )
      : []),
  ]);
  const structures = units.map((u) => analyseStructure(u.text));
  const topics = units.map((u, i) =>
    topicsOf(u.text, structures[i]!, findMentions(u.text, matchers)),
  );
  return {
    sources,
    subjects,
    dimensions,
    matchers,
    units,
    vectors: tfidfVectors(units.map((u) => u.stems)),
    structures,
    topics,
    relevance: dimensionRelevance(
      structures,
      dimensions,
      units.map((u) => sources[u.sourceIndex]!.language),
      options.language,
    ),
    labels,
    used: new Set(),
    evidencePerCell: options.evidencePerCell,
    maxWords: options.maxWords,
    truncated,
    copyOf: new Map(),
    conflicts: [],
  };
}
