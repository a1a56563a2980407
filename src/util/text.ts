/**
 * Word-level text helpers shared by the analysis: tokenising, normalising spelling variants,
 * stemming (Porter, `stemmer`), stop words, and the light normalisation citations are checked
 * with (quotes, dashes, white space only).
 */
import { createRequire } from "node:module";
import { lancasterStemmer } from "lancaster-stemmer";
import { stemmer } from "stemmer";

export interface Token {
  /** The word as written. */
  raw: string;
  /** Lower-cased, possessive removed, British spellings folded. */
  norm: string;
  stem: string;
  start: number;
  end: number;
}

/** A word as `tokenize` reads it (global: use with `matchAll`). */
export const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

const SPELLING: Record<string, string> = {
  defence: "defense",
  offence: "offense",
  centre: "center",
  programme: "program",
  favour: "favor",
  favourable: "favorable",
  behaviour: "behavior",
  labour: "labor",
  neighbour: "neighbor",
  neighbours: "neighbors",
  armour: "armor",
};

/** Memos of pure functions, bounded so a long watch session cannot grow them without end. */
const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 100_000;
/** Words as written → normalised: most words of a corpus recur, and every stage tokenises. */
const normCache = new Map<string, string>();
const NORM_CACHE_MAX = 100_000;

/** Lower-cases, drops a possessive `'s`, and folds British spellings (-ise, -isation, defence). */
export function normaliseWord(word: string): string {
  let norm = normCache.get(word);
  if (norm === undefined) {
    norm = normalise(word);
    if (normCache.size >= NORM_CACHE_MAX) normCache.clear();
    normCache.set(word, norm);
  }
  return norm;
}

function normalise(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/u, "");
  const fixed = SPELLING[w];
  if (fixed) return fixed;
  if (w.length >= 6) w = w.replace(/is(e|ed|es|ing|ation|ations)$/u, "iz$1");
  return w;
}

/**
 * A word's derivational family (English): "expansion" and "expand", "intervention" and
 * "intervene", "deployed" and "deployment" share one. Lancaster stems strip the derivational
 * suffixes that Porter stems and lemmas keep; they over-strip short words ("unity" → "un",
 * "allies" → "al"), so a family shorter than five letters is none. Lancaster also joins words
 * of other senses ("solid" and "solidarity", "intervals" and "intervene"): callers match only a
 * verb with its nominalisation (NOMINALISATION: "-ion", "-ment", "-ance", "-ence").
 */
export const NOMINALISATION = /\p{L}{3}(?:ion|ment|ance|ence)s?$/iu;

export function wordFamily(word: string): string | undefined {
  const w = word.toLowerCase();
  if (!/^\p{L}+$/u.test(w)) return undefined;
  const key = lancasterStemmer(w);
  return key.length >= 5 ? key : undefined;
}

export function stemWord(word: string): string {
  return stemNormalised(normaliseWord(word));
}

function stemNormalised(norm: string): string {
  let s = stemCache.get(norm);
  if (s === undefined) {
    s = /\p{N}/u.test(norm) ? norm : stemmer(norm);
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(norm, s);
  }
  return s;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const norm = normaliseWord(raw);
    out.push({ raw, norm, stem: stemNormalised(norm), start: m.index, end: m.index + raw.length });
  }
  return out;
}

export const STOP_WORDS = new Set(
  (
    "a about above after again against all almost also although always am among an and another any are " +
    "around as at be became because become been before being below between both but by can cannot could " +
    "did do does doing done down during each either even ever every few for from further had has have " +
    "having he her here hers herself him himself his how however i if in into is it its itself just " +
    "least less like made make many may me might more most much must my myself neither never no nor not " +
    "now of off often on once one only or other others otherwise our ours ourselves out over own per " +
    "perhaps quite rather really same several shall she should since so some still such than that the " +
    "their theirs them themselves then there therefore these they this those though through thus to too " +
    "toward towards under until up upon us very via was we well were what whatever when whenever where " +
    "whether which while who whom whose why will with within without would yet you your yours yourself " +
    "yourselves s t don didn doesn isn wasn weren aren won wouldn couldn shouldn"
  ).split(" "),
);

/** Stems of the content words (no stop words, no one-letter words). */
export function contentStems(tokens: Token[]): string[] {
  return tokens.filter((t) => !STOP_WORDS.has(t.norm) && t.norm.length > 1).map((t) => t.stem);
}

/**
 * The only normalisation a quote check allows: typographic quotes, dashes and white space.
 * Keeps length-independent comparison simple (callers compare normalised strings).
 */
export function normaliseForQuote(text: string): string {
  return text
    .replace(/[‘’‚‛′`]/gu, "'")
    .replace(/[“”„‟″«»]/gu, '"')
    .replace(/[‐‑‒–—―−]/gu, "-")
    .replace(/\s+/gu, " ")
    .trim();
}

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The base language of a BCP 47 tag, lower case: "de-AT" → "de", "pt_BR" → "pt"; "en" when none. */
export function baseLanguage(tag: string | undefined): string {
  return (tag ?? "").toLowerCase().split(/[-_]/u)[0] || "en";
}

/** Snowball algorithm names by ISO 639-1 code (the `snowball-stemmers` package). */
const SNOWBALL: Record<string, string> = {
  de: "german",
  fr: "french",
  es: "spanish",
  it: "italian",
  nl: "dutch",
  pt: "portuguese",
  sv: "swedish",
  da: "danish",
  no: "norwegian",
  nb: "norwegian",
  fi: "finnish",
  ru: "russian",
  ro: "romanian",
  hu: "hungarian",
  cs: "czech",
  tr: "turkish",
};
interface Snowball {
  stem(word: string): string;
}
const snowballs = new Map<string, Snowball | null>();
/** One memoised stemmer per Snowball language. */
const snowballStems = new Map<string, (word: string) => string>();

/**
 * A stemmer for `language`: English (or unknown) → `stemWord` (Porter, with spelling folds); a
 * language Snowball has an algorithm for → that algorithm (German "Einheiten" → "einheit"), its
 * stems prefixed with the language so they never meet English ones; others → `stemWord`.
 */
export function stemmerFor(language: string | undefined): (word: string) => string {
  const code = baseLanguage(language);
  const name = SNOWBALL[code];
  if (!name) return stemWord;
  let algorithm = snowballs.get(code);
  if (algorithm === undefined) {
    try {
      const require = createRequire(import.meta.url);
      const lib = require("snowball-stemmers") as { newStemmer(name: string): Snowball };
      algorithm = lib.newStemmer(name);
    } catch {
      algorithm = null;
    }
    snowballs.set(code, algorithm);
  }
  if (!algorithm) return stemWord;
  let stem = snowballStems.get(code);
  if (!stem) {
    const own = algorithm;
    // Memoised like `stemWord`: a corpus's words recur, and Snowball is the costly part.
    const memo = new Map<string, string>();
    stem = (word) => {
      const lower = word.toLowerCase();
      let s = memo.get(lower);
      if (s === undefined) {
        s = /\p{N}/u.test(lower) ? lower : `${code}:${own.stem(lower)}`;
        if (memo.size >= STEM_CACHE_MAX) memo.clear();
        memo.set(lower, s);
      }
      return s;
    };
    snowballStems.set(code, stem);
  }
  return stem;
}
