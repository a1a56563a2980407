/**
 * Near-duplicate sources: the same article saved twice (under two headlines) or syndicated
 * copies. Each source's body is cut into word 5-grams (shingles); two sources whose shingle sets
 * have a Jaccard overlap of at least `COPY_JACCARD` are copies, and the later one (corpus order)
 * counts as a copy of the earlier one. Copies count as one source for corroboration.
 *
 * Shared shingles are counted through an inverted index, so sources that share no shingle are
 * never compared; a shingle that many sources share (boilerplate: licences, footers) is left out.
 */

import type { Source } from "../model/source.js";
import { normaliseWord, WORD } from "../util/text.js";

/**
 * Chosen by reading and measuring: the same text under another headline shares nearly all its
 * shingles (a changed headline or footer costs only a few); the most similar distinct articles
 * in the project's corpora share 5% (two READMEs of one project with common boilerplate), the
 * NATO/CSTO and handhelds reports on the same events under 0.3%.
 */
export const COPY_JACCARD = 0.6;
const SHINGLE = 5;
/** A shingle found in more sources than this is boilerplate, not evidence of copying. */
const COMMON_SHINGLE = 20;

export interface Copy {
  /** The copy's source id and file. */
  sourceId: string;
  file: string;
  /** The source it copies (the first of its group in corpus order). */
  copyOfId: string;
  copyOf: string;
  /** Jaccard overlap of the two sources' shingle sets. */
  jaccard: number;
}

/**
 * Numbers for pairs of numbers: a pair gets the next number the first time it is seen. A
 * shingle of five words is numbered through its pairs, ((w1 w2)(w3 w4)) w5, one numbering per
 * level: two shingles get one number only when their words are the same. (A Map holds fewer
 * than 2^24 entries, so numbers stay below 2^26 and a pair's key, first × 2^26 + second, is
 * exact.)
 */
class Numbering {
  private readonly pairs = new Map<number, number>();
  of(x: number, y: number): number {
    const key = x * 67_108_864 + y;
    let id = this.pairs.get(key);
    if (id === undefined) {
      id = this.pairs.size;
      this.pairs.set(key, id);
    }
    return id;
  }
}

/**
 * A source's shingles, numbered (see `Numbering`): each word as `tokenize` normalises it, five
 * words in a row.
 */
interface Numberings {
  words: Map<string, number>;
  pairs: Numbering;
  quads: Numbering;
  shingles: Numbering;
}

function shingles(source: Source, n: Numberings): Set<number> {
  const ids = n.words;
  const words: number[] = [];
  for (const b of source.blocks)
    for (const m of b.text.matchAll(WORD)) {
      const norm = normaliseWord(m[0]);
      let id = ids.get(norm);
      if (id === undefined) {
        id = ids.size;
        ids.set(norm, id);
      }
      words.push(id);
    }
  const out = new Set<number>();
  // Each word with the next: the pairs' numbers, computed once per position.
  const pair: number[] = [];
  for (let i = 0; i + 1 < words.length; i++) pair.push(n.pairs.of(words[i]!, words[i + 1]!));
  for (let i = 0; i + SHINGLE <= words.length; i++)
    out.add(n.shingles.of(n.quads.of(pair[i]!, pair[i + 2]!), words[i + 4]!));
  return out;
}

/** The near-duplicate sources of a corpus, each with the earliest source it copies. */
export function findCopies(sources: Source[]): Copy[] {
  const numberings: Numberings = {
    words: new Map(),
    pairs: new Numbering(),
    quads: new Numbering(),
    shingles: new Numbering(),
  };
  const sets = sources.map((s) => shingles(s, numberings));
  const postings = new Map<number, number[]>();
  sets.forEach((set, i) => {
    for (const s of set) {
      const p = postings.get(s);
      if (p) p.push(i);
      else postings.set(s, [i]);
    }
  });
  const sharedCounts = new Map<number, number>();
  const n = sources.length;
  for (const p of postings.values()) {
    if (p.length < 2 || p.length > COMMON_SHINGLE) continue;
    for (let x = 0; x < p.length; x++)
      for (let y = x + 1; y < p.length; y++) {
        const key = p[x]! * n + p[y]!;
        sharedCounts.set(key, (sharedCounts.get(key) ?? 0) + 1);
      }
  }
  // Union of copies into groups, each led by its earliest source.
  const lead = sources.map((_, i) => i);
  const find = (i: number): number => {
    while (lead[i] !== i) i = lead[i]!;
    return i;
  };
  const jaccards = new Map<number, number>();
  const keys = [...sharedCounts.keys()].sort((p, q) => p - q);
  for (const key of keys) {
    const i = Math.floor(key / n);
    const j = key % n;
    const both = sharedCounts.get(key)!;
    const union = sets[i]!.size + sets[j]!.size - both;
    const jac = union > 0 ? both / union : 0;
    if (jac < COPY_JACCARD) continue;
    const ri = find(i);
    const rj = find(j);
    if (ri !== rj) lead[Math.max(ri, rj)] = Math.min(ri, rj);
    jaccards.set(Math.min(i, j) * n + Math.max(i, j), jac);
  }
  const out: Copy[] = [];
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (r === i) continue;
    const s = sources[i]!;
    const o = sources[r]!;
    out.push({
      sourceId: s.id,
      file: s.file,
      copyOfId: o.id,
      copyOf: o.file,
      jaccard: jaccards.get(r * n + i) ?? COPY_JACCARD,
    });
  }
  return out;
}
