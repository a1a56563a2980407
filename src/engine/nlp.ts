/**
 * The engine's one NLP library: wink-nlp with its English lite model (the model ships inside the
 * npm package; nothing is fetched). Loaded once, on first use (a few hundred ms), and shared by
 * the sentence structure (syntax.ts) and the corroboration check (corroboration.ts). An immutable
 * library handle, not analysis state: every analysis passes its own state explicitly.
 */
import { createRequire } from "node:module";
import type { WinkMethods } from "wink-nlp";

let loaded: WinkMethods | null | undefined;

/**
 * Documents read most recently, by text. The sentence structure, the referents and the
 * corroboration check each read the same sentences (about a third of the calls on the default
 * corpus repeat a text); a wink document is only read from once built, so a repeat reuses it.
 * Bounded (oldest out first), so memory does not grow with the corpus.
 */
const RECENT_DOCS = 2048;

function memoised(nlp: WinkMethods): WinkMethods {
  const read = nlp.readDoc.bind(nlp);
  const recent = new Map<string, ReturnType<WinkMethods["readDoc"]>>();
  nlp.readDoc = (text: string) => {
    let doc = recent.get(text);
    if (doc === undefined) {
      doc = read(text);
      if (recent.size >= RECENT_DOCS) recent.delete(recent.keys().next().value as string);
      recent.set(text, doc);
    }
    return doc;
  };
  return nlp;
}

/** wink-nlp (sentence boundaries, negation, part of speech), or null when it cannot load. */
export function winkNlp(): WinkMethods | null {
  if (loaded !== undefined) return loaded;
  try {
    const require = createRequire(import.meta.url);
    const winkNLP = require("wink-nlp") as (model: unknown, pipe?: string[]) => WinkMethods;
    loaded = memoised(
      winkNLP(require("wink-eng-lite-web-model"), ["sbd", "negation", "sentiment", "pos"]),
    );
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
