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
    loaded = winkNLP(require("wink-eng-lite-web-model"), ["sbd", "negation", "pos"]);
  } catch {
    loaded = null;
  }
  return loaded;
}
