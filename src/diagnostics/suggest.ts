/** "Did you mean …?": the nearest of some valid names to a misspelt one, by edit distance. */
import { distance } from "fastest-levenshtein";

/**
 * The candidate closest to `word` (case-insensitive), when it is close enough to be a misspelling:
 * at most a third of the longer name's letters differ (`dimensons` → `dimensions`). A name that
 * is merely another key gets no suggestion.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best === undefined || bestDistance === 0) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(w.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}

/** " Did you mean `dimensions`?" or "" */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const n = nearest(word, candidates);
  return n ? ` Did you mean \`${n}\`?` : "";
}
