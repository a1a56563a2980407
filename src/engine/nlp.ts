/**
 * The engine's one NLP library: wink-nlp with its English lite model (the model ships inside the
 * npm package; nothing is fetched). Loaded once, on first use (a few hundred ms), and shared by
 * the sentence structure (syntax.ts) and the corroboration check (corroboration.ts). An immutable
 * library handle, not analysis state: every analysis passes its own state explicitly.
 */
import { createRequire } from "node:module";
import type { WinkMethods } from "wink-nlp";

let loaded: WinkMethods | null | undefined;

/** wink-nlp (sentence boundaries, negation, part of speech), or null when it cannot load. */
export function winkNlp(): WinkMethods | null {
  if (loaded !== undefined) return loaded;
  try {
    const require = createRequire(import.meta.url);
    const winkNLP = require("wink-nlp") as (model: unknown, pipe?: string[]) => WinkMethods;
    loaded = winkNLP(require("wink-eng-lite-web-model"), ["sbd", "negation", "sentiment", "pos"]);
  } catch {
    loaded = null;
  }
  return loaded;
}

/**
 * How evaluative a text is: wink-nlp's sentence sentiment (−1 … +1, negation-aware), or 0 when
 * the library is missing. Used only to choose which statement to quote, never shown.
 */
export function sentimentOf(text: string): number {
  const nlp = winkNlp();
  if (!nlp) return 0;
  const value = nlp.readDoc(text).out(nlp.its.sentiment) as unknown;
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}
