/**
 * Ranking primitives: BM25 over stemmed content words, tf-idf vectors with cosine similarity.
 * (Maximal marginal relevance is applied where passages are picked: matrix.ts, findings.ts.)
 */

export class Bm25 {
  private readonly df = new Map<string, number>();
  private readonly tfs: Map<string, number>[];
  private readonly lengths: number[];
  private readonly avg: number;
  /** `weights[i][j]`, when given, is how much token j of document i counts (default 1). */
  constructor(
    docs: string[][],
    private readonly k1 = 1.2,
    private readonly b = 0.75,
    weights?: number[][],
  ) {
    this.tfs = docs.map((d, i) => {
      const tf = new Map<string, number>();
      d.forEach((t, j) => {
        tf.set(t, (tf.get(t) ?? 0) + (weights?.[i]?.[j] ?? 1));
      });
      for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      return tf;
    });
    this.lengths = docs.map((d) => d.length);
    this.avg = this.lengths.reduce((a, n) => a + n, 0) / Math.max(1, docs.length);
  }

  idf(term: string): number {
    const n = this.tfs.length;
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Score of document `i` for the query terms (each distinct term counted once). */
  score(query: Iterable<string>, i: number): number {
    const tf = this.tfs[i]!;
    const len = this.lengths[i]!;
    let s = 0;
    for (const q of new Set(query)) {
      const f = tf.get(q);
      if (!f) continue;
      s +=
        (this.idf(q) * f * (this.k1 + 1)) /
        (f + this.k1 * (1 - this.b + (this.b * len) / this.avg));
    }
    return s;
  }
}

export type Vector = Map<string, number>;

/** Unit-length tf-idf vectors, idf from the documents themselves. */
export function tfidfVectors(docs: string[][]): Vector[] {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return docs.map((d) => {
    const v: Vector = new Map();
    for (const t of d) v.set(t, (v.get(t) ?? 0) + 1);
    let norm = 0;
    for (const [t, f] of v) {
      const w = (1 + Math.log(f)) * Math.log(1 + n / (df.get(t) ?? 1));
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) {
    const o = large.get(t);
    if (o) s += w * o;
  }
  return s;
}
