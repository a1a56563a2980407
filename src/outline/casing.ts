/**
 * How the corpus writes a word where case carries meaning: inside a sentence, not at its start
 * (truecasing by evidence, the way statistical truecasers decide a sentence-initial word's case).
 * After an attribution ("According to BBC News, …") a sentence-initial word is lower-cased only
 * when it is a common word; the corpus itself says which ones are: "rival" written lower-case
 * mid-sentence and never capitalised there is a common word ("[r]ival Sony has said …"); a word
 * only ever written capitalised mid-sentence is a name ("Tokayev said …").
 */
import type { Source } from "../model/source.js";

export interface CaseEvidence {
  /** How often the word (lower-cased key) is written lower-case, and capitalised, mid-sentence. */
  get(word: string): { lower: number; upper: number } | undefined;
}

/** Counts, over every block of every source, each word's case where it is not sentence-initial. */
export function caseEvidence(sources: readonly Source[]): CaseEvidence {
  let counts: Map<string, { lower: number; upper: number }> | undefined;
  const build = () => {
    const map = new Map<string, { lower: number; upper: number }>();
    for (const source of sources)
      for (const block of source.blocks) {
        if (block.kind === "heading") continue; // title case says nothing
        for (const m of block.text.matchAll(/(?<=[\p{L}\p{N},;]\s+)\p{L}[\p{L}'’-]*/gu)) {
          const w = m[0];
          const key = w.toLowerCase();
          const c = map.get(key) ?? { lower: 0, upper: 0 };
          if (w === key) c.lower++;
          else if (/^\p{Lu}/u.test(w)) c.upper++;
          map.set(key, c);
        }
      }
    return map;
  };
  return {
    get(word) {
      counts ??= build();
      return counts.get(word.toLowerCase());
    },
  };
}

/**
 * What the evidence says of a sentence-initial `word`: "common" when the corpus writes it
 * lower-case mid-sentence at least twice and never capitalised there, "name" when only ever
 * capitalised there, undefined when it does not say.
 */
export function caseOf(
  evidence: CaseEvidence | undefined,
  word: string,
): "common" | "name" | undefined {
  const c = evidence?.get(word);
  if (!c) return undefined;
  if (c.upper === 0 && c.lower >= 2) return "common";
  if (c.lower === 0 && c.upper >= 1) return "name";
  return undefined;
}
