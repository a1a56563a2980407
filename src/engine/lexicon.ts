/**
 * A small, transparent word list. `FAVOUR` scores how favourably a passage speaks of a subject,
 * for the deprecated `Stance.score` only (shown nowhere). Keys are normalised words
 * (lower case, British spelling folded); a negator just before a word flips its sign.
 */
import type { Token } from "../util/text.js";

export const FAVOUR: Record<string, number> = {
  strong: 1,
  stronger: 1,
  strength: 0.5,
  strengthen: 0.5,
  unity: 1,
  united: 0.5,
  solidarity: 1,
  effective: 1,
  viable: 1,
  reliable: 1,
  success: 1,
  successful: 1,
  cohesion: 1,
  benefit: 0.5,
  benefited: 0.5,
  beneficial: 0.5,
  advantage: 0.5,
  defensive: 0.5,
  credible: 1,
  protect: 0.5,
  protective: 0.5,
  stability: 0.5,
  weak: -1,
  weaker: -1,
  weakness: -1,
  toothless: -1.5,
  joke: -1.5,
  fragile: -1,
  insignificant: -1,
  irrelevant: -1,
  dead: -1,
  isolated: -0.5,
  friendless: -1,
  failure: -1,
  blunder: -1,
  indecision: -1,
  indecisions: -1,
  criticized: -0.5,
  divided: -1,
  division: -0.5,
  cracks: -0.5,
  dependent: -0.5,
  aggressive: -1,
  bullying: -1,
  authoritarian: -1,
  illegitimate: -1,
  toxic: -1,
  harmless: -0.5,
  hesitant: -0.5,
  weakening: -0.5,
  lacks: -0.5,
};

const NEGATORS = new Set([
  "not",
  "no",
  "never",
  "without",
  "lack",
  "lacks",
  "lacking",
  "nor",
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "wasn't",
  "aren't",
  "won't",
  "cannot",
  "than",
]);

export interface LexiconHit {
  word: string;
  weight: number;
}

/** Lexicon hits in `tokens`, negation applied (a negator up to four words before flips). */
export function lexiconHits<T>(
  tokens: Token[],
  lexicon: Record<string, T>,
  weightOf: (entry: T) => number,
): { word: string; weight: number; entry: T }[] {
  const out: { word: string; weight: number; entry: T }[] = [];
  tokens.forEach((t, i) => {
    const entry = lexicon[t.norm];
    if (entry === undefined) return;
    let weight = weightOf(entry);
    for (let j = Math.max(0, i - 4); j < i; j++) {
      if (NEGATORS.has(tokens[j]!.norm)) {
        weight = -weight;
        break;
      }
    }
    out.push({ word: t.raw.toLowerCase(), weight, entry });
  });
  return out;
}
