/**
 * Sentence structure, from wink-nlp's part-of-speech tagger and lemmatiser (wink-eng-lite-web-model):
 * for each passage, its main clauses, the noun phrase each is about (grammatical subject or
 * topic, with possessors and "of" complements) and the lemmas of the main clauses' words.
 * The tagger is loaded once, on first use; a passage the tagger cannot read (or whose tokens do
 * not line up with the text) gets no structure, and the caller falls back to not placing it.
 *
 * No dependency parse is available offline at this speed, so clause structure is read from the
 * tags: parenthetical, dash and relative ("…, which …,") spans are set aside; a leading
 * subordinate clause or adjunct ("When …,", "In 2014,", "According to X,") is skipped; main
 * clauses are split at ";", "while"/"whereas" and ", and/but/so/yet" when a new subject and verb
 * follow; the subject is the noun-phrase chain before the first finite verb that no preposition
 * (other than "of") introduces; "There is X" is about X.
 */
import { MONTH_OR_DAY } from "./dates.js";
import { tagged } from "./nlp.js";

export interface Word {
  text: string;
  lemma: string;
  pos: string;
  start: number;
  end: number;
}

export interface MainClause {
  /** Token indices of the subject noun phrase (with possessors and "of" complements). */
  subject: number[];
  /** Token indices of the whole main clause (subject, verb group, objects, complements). */
  words: number[];
  /** Head words: subject heads, the verb group, and the object/complement heads. */
  heads: number[];
  /**
   * Words of `words` in a non-finite adjunct of the predicate: a participle clause after a comma
   * (", holding the key to …") or a gerund an adverbial preposition opens ("without triggering …").
   */
  adjuncts?: number[];
}

export interface Structure {
  words: Word[];
  clauses: MainClause[];
}

/** Longest text the tagger is asked to read; longer passages get no structure. */
export const MAX_STRUCTURE_CHARS = 1500;

const LEADING_SUBORDINATOR = new Set([
  "when",
  "whenever",
  "while",
  "if",
  "although",
  "though",
  "because",
  "since",
  "as",
  "after",
  "before",
  "once",
  "unless",
  "until",
  "whereas",
  "despite",
  "following",
  "unlike",
  "with",
  "without",
]);
const TRAILING_SUBORDINATOR = new Set([
  "because",
  "when",
  "if",
  "although",
  "though",
  "since",
  "unless",
  "until",
  "as",
  "whenever",
  "after",
  "before",
  "once",
]);
const SAYING = new Set([
  "say",
  "hope",
  "believe",
  "expect",
  "think",
  "claim",
  "report",
  "announce",
  "note",
  "suggest",
  "argue",
  "insist",
  "estimate",
  "predict",
  "confirm",
]);
const MEASURE = new Set([
  "size",
  "number",
  "amount",
  "level",
  "share",
  "part",
  "range",
  "scale",
  "kind",
  "type",
  "sort",
  "lot",
  "majority",
  "percentage",
  "proportion",
  "rest",
  "most",
  "half",
]);
const CONTRAST = new Set(["while", "whereas"]);
const COORDINATOR = new Set(["and", "but", "so", "yet"]);
const RELATIVE = new Set(["which", "who", "whom", "whose"]);
const NOMINAL = new Set(["NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET", "PART", "X", "SYM"]);
const OPEN = new Set(["(", "["]);
const CLOSE = new Set([")", "]"]);
const DASH = new Set(["—", "–", "--"]);

function isVerb(words: Word[], i: number, from: number): boolean {
  const w = words[i]!;
  if (w.pos === "AUX") return true;
  if (w.pos !== "VERB") return false;
  const prev = i > from ? words[i - 1] : undefined;
  if (prev && prev.pos === "PART" && prev.lemma === "to") return false;
  // A gerund or participle opening the clause or following a preposition or determiner is a
  // noun-like form ("entering NATO was …", "after joining", "the attacked country").
  if (/ing$|ed$/iu.test(w.text) && (!prev || ["ADP", "DET", "SCONJ"].includes(prev.pos)))
    return false;
  if (/ing$/iu.test(w.text) && prev && prev.pos === "PUNCT") return false;
  return true;
}

/** Token spans set aside: brackets, paired dashes, relative clauses between commas. */
function asides(words: Word[], from: number, to: number): Uint8Array {
  const skip = new Uint8Array(to - from);
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = words[i]!.text;
    if (OPEN.has(t)) depth++;
    if (depth > 0) skip[i - from] = 1;
    if (CLOSE.has(t) && depth > 0) depth--;
  }
  // "— … —" asides, and a dash to the end of the sentence (an elaboration).
  for (let i = from; i < to; i++) {
    if (!DASH.has(words[i]!.text) || skip[i - from]) continue;
    let j = i + 1;
    while (j < to && !DASH.has(words[j]!.text)) j++;
    for (let k = i; k < Math.min(to, j + 1); k++) skip[k - from] = 1;
    i = j;
  }
  // ", which/who … ," and ", where …".
  for (let i = from + 1; i < to; i++) {
    const w = words[i]!;
    const lower = w.text.toLowerCase();
    if (words[i - 1]!.text !== ",") continue;
    if (!RELATIVE.has(lower) && lower !== "where" && lower !== "including") continue;
    let j = i;
    while (j < to && words[j]!.text !== "," && words[j]!.text !== ";") j++;
    for (let k = i - 1; k < j; k++) skip[k - from] = 1;
    i = j;
  }
  return skip;
}

/** Where the clause proper starts, after discourse markers and a leading adjunct or clause. */
function clauseStart(words: Word[], toks: number[]): number {
  let k = 0;
  while (
    k < toks.length &&
    (["CCONJ", "INTJ"].includes(words[toks[k]!]!.pos) ||
      (words[toks[k]!]!.pos === "ADV" &&
        !LEADING_SUBORDINATOR.has(words[toks[k]!]!.text.toLowerCase())) ||
      words[toks[k]!]!.text === ",")
  )
    k++;
  const first = words[toks[k]!];
  if (!first) return k;
  const lower = first.text.toLowerCase();
  const subordinate =
    first.pos === "SCONJ" ||
    LEADING_SUBORDINATOR.has(lower) ||
    (lower === "to" && first.pos === "PART");
  if (!subordinate && first.pos !== "ADP" && lower !== "according") return k;
  // Skip to the first comma if a verb follows it.
  for (let c = k + 1; c < toks.length; c++) {
    if (words[toks[c]!]!.text !== ",") continue;
    for (let v = c + 1; v < toks.length; v++) if (isVerb(words, toks[v]!, toks[c]!)) return c + 1;
    break;
  }
  if (!subordinate) return k;
  // No comma: "When X came to power in 2014 he insisted …": the clause proper starts at the
  // noun phrase before the second verb group.
  let groups = 0;
  for (let v = k; v < toks.length; v++) {
    if (!isVerb(words, toks[v]!, toks[k]!)) continue;
    if (v > k && isVerb(words, toks[v - 1]!, toks[k]!)) continue;
    groups++;
    if (groups === 2) {
      let s = v;
      while (s > k && NOMINAL.has(words[toks[s - 1]!]!.pos) && words[toks[s - 1]!]!.pos !== "NUM")
        s--;
      return s;
    }
  }
  return toks.length; // one verb only: all of it is subordinate
}

/** Noun-phrase chunks of `toks` (indices into toks), split at prepositions and punctuation. */
function subjectOf(words: Word[], toks: number[]): number[] {
  // The last chain of chunks not introduced by a preposition, with its "of" complements and the
  // "for"/"about" phrases right after it ("games for the DS", "the first thing about the DS").
  let chain: number[] = [];
  let current: number[] = [];
  let introduced = false;
  let ofLink = false;
  let lastInChain = false;
  const close = () => {
    if (current.length > 0) {
      if (ofLink && chain.length > 0) {
        chain.push(...current);
        lastInChain = true;
      } else if (!introduced) {
        chain = [...current];
        lastInChain = true;
      } else lastInChain = false;
    }
    current = [];
  };
  for (let k = 0; k < toks.length; k++) {
    const w = words[toks[k]!]!;
    const lower = w.text.toLowerCase();
    if (w.pos === "ADP" || lower === "of") {
      close();
      const link = lower === "of" || lower === "for" || lower === "about";
      ofLink = link && lastInChain;
      introduced = !ofLink;
      continue;
    }
    if (w.pos === "PUNCT" && w.text !== "'s" && w.text !== "’s" && w.text !== "-") {
      close();
      introduced = false;
      ofLink = false;
      lastInChain = false;
      continue;
    }
    const prev = k > 0 ? words[toks[k - 1]!] : undefined;
    // "Prior to 2014 Ukraine": a number before a name ends the phrase.
    if (prev && prev.pos === "NUM" && w.pos === "PROPN") {
      close();
      introduced = false;
      ofLink = false;
    }
    if (w.pos === "VERB") {
      // "entering NATO was …": the gerund's object is not the subject.
      close();
      introduced = true;
      ofLink = false;
      continue;
    }
    if (NOMINAL.has(w.pos) || w.pos === "CCONJ" || w.pos === "ADV") {
      if (w.pos === "ADV" && current.length === 0) continue;
      current.push(toks[k]!);
    }
  }
  close();
  return chain;
}

/** The object or complement heads after the verb group: nouns, names, adjectives, numbers. */
function complementHeads(words: Word[], toks: number[]): number[] {
  const out: number[] = [];
  for (let k = 0; k < toks.length; k++) {
    const w = words[toks[k]!]!;
    if (w.pos === "ADP" && w.text.toLowerCase() !== "of") break;
    if (w.pos === "SCONJ" || w.text === "," || w.text === ";") break;
    if (!["NOUN", "PROPN", "ADJ", "NUM", "VERB"].includes(w.pos)) continue;
    // "unique selling points", "a blazing fast serializer": a word right before a noun
    // modifies it; the noun is the head.
    if (isModifier(words, toks, k)) continue;
    out.push(toks[k]!);
  }
  return out;
}

/** Whether toks[k] modifies the noun after it (an adjective, a noun or a gerund in a compound). */
function isModifier(words: Word[], toks: number[], k: number): boolean {
  const w = words[toks[k]!]!;
  const next = words[toks[k + 1] ?? -1];
  if (!next || !["NOUN", "PROPN"].includes(next.pos)) {
    // "a blazing fast JSDON serializer": an adjective before another modifier.
    if (w.pos !== "ADJ" && !(w.pos === "VERB" && /ing$/iu.test(w.text))) return false;
    return next?.pos === "ADJ" && isModifier(words, toks, k + 1);
  }
  return ["NOUN", "ADJ", "PROPN"].includes(w.pos) || (w.pos === "VERB" && /ing$/iu.test(w.text));
}

/**
 * Prepositions that open an adverbial gerund ("without triggering …", "by touching …"). Not
 * "of", "to", "in", "for", "on", "about": their gerund is usually a complement the verb or noun
 * asks for ("committed to supporting", "succeeded in launching", "the cost of putting").
 */
const ADVERBIAL_PREPOSITION = new Set([
  "without",
  "by",
  "after",
  "before",
  "despite",
  "through",
  "upon",
]);

/**
 * The tokens of the predicate `toks` (after the verb group) from where a non-finite adjunct
 * starts to the end: a participle right after a comma (", holding the key to …", ", selling …")
 * or a gerund an adverbial preposition introduces ("without triggering …"). It says how, with
 * what result or in what circumstance the main clause happens, not what the clause states.
 */
function nonFiniteAdjunct(words: Word[], toks: number[]): number[] {
  for (let k = 1; k < toks.length; k++) {
    const w = words[toks[k]!]!;
    if (w.pos !== "VERB" || !/ing$/iu.test(w.text)) continue;
    const prev = words[toks[k - 1]!]!;
    if (prev.text === "," || ADVERBIAL_PREPOSITION.has(prev.text.toLowerCase()))
      return toks.slice(k - 1);
  }
  return [];
}

function mainClauses(words: Word[], from: number, to: number): MainClause[] {
  const skip = asides(words, from, to);
  const kept: number[] = [];
  for (let i = from; i < to; i++) if (!skip[i - from]) kept.push(i);
  // Split into coordinate main clauses.
  const segments: number[][] = [];
  let seg: number[] = [];
  for (let k = 0; k < kept.length; k++) {
    const w = words[kept[k]!]!;
    const lower = w.text.toLowerCase();
    const prev = k > 0 ? words[kept[k - 1]!]! : undefined;
    const split =
      w.text === ";" ||
      (CONTRAST.has(lower) && seg.length > 2) ||
      (COORDINATOR.has(lower) && prev?.text === ",");
    if (split && seg.length > 0) {
      segments.push(seg);
      seg = [];
      if (w.text === ";" || CONTRAST.has(lower) || COORDINATOR.has(lower)) continue;
    }
    seg.push(kept[k]!);
  }
  if (seg.length > 0) segments.push(seg);
  const out: MainClause[] = [];
  // "Unlike X, Y …" compares X with Y: both are what the sentence is about.
  const lead = kept.findIndex((t) => words[t]!.pos !== "CCONJ" && words[t]!.pos !== "ADV");
  if (lead >= 0 && /^(?:unlike|like)$/iu.test(words[kept[lead]!]!.text)) {
    const comma = kept.findIndex((t, i) => i > lead && words[t]!.text === ",");
    if (comma > lead + 1) {
      const np = kept.slice(lead + 1, comma).filter((t) => NOMINAL.has(words[t]!.pos));
      if (np.length > 0) out.push({ subject: np, words: [], heads: [] });
    }
  }
  for (const s of segments) {
    const start = clauseStart(words, s);
    const body = s.slice(start);
    let v = -1;
    for (let k = 0; k < body.length; k++)
      if (isVerb(words, body[k]!, body[0]!)) {
        v = k;
        break;
      }
    if (v < 0) {
      // No verb of its own: a coordinated verb phrase or a fragment, part of the previous clause.
      const last = out[out.length - 1];
      if (last) last.words.push(...body);
      continue;
    }
    let subject = subjectOf(words, body.slice(0, v));
    let ve = v;
    while (
      ve + 1 < body.length &&
      (isVerb(words, body[ve + 1]!, body[0]!) ||
        words[body[ve + 1]!]!.pos === "PART" ||
        words[body[ve + 1]!]!.pos === "ADV")
    )
      ve++;
    const after = body.slice(ve + 1);
    // "There is/are X": about X.
    if (subject.length === 1 && words[subject[0]!]!.text.toLowerCase() === "there") {
      const stop = after.findIndex(
        (t) => words[t]!.pos === "ADP" && words[t]!.text.toLowerCase() !== "of",
      );
      subject = subjectOf(words, stop < 0 ? after : after.slice(0, stop));
    }
    // Words of the clause: up to a trailing subordinate clause.
    let end = body.length;
    for (let k = ve + 1; k < body.length; k++) {
      const lower = words[body[k]!]!.text.toLowerCase();
      if (words[body[k]!]!.pos === "SCONJ" || TRAILING_SUBORDINATOR.has(lower)) {
        end = k;
        break;
      }
    }
    // "X says/hopes (that) Y will …", "It is likely that Y …": Y's clause is stated too.
    const lemma = words[body[ve]!]!.lemma;
    const expletive =
      subject.length === 1 && words[subject[0]!]!.text.toLowerCase() === "it" && lemma === "be";
    if (SAYING.has(lemma) || expletive) {
      let k = ve + 1;
      if (expletive) {
        while (k < body.length && words[body[k]!]!.text.toLowerCase() !== "that") k++;
        k++;
      } else if (words[body[k]!]?.text.toLowerCase() === "that") k++;
      // The clause's words stop at a subordinator, and "that" is one: the stated clause runs
      // from after it to the next one.
      let innerEnd = end;
      if (k > end) {
        innerEnd = body.length;
        for (let j = k; j < body.length; j++) {
          const lower = words[body[j]!]!.text.toLowerCase();
          if (words[body[j]!]!.pos === "SCONJ" || TRAILING_SUBORDINATOR.has(lower)) {
            innerEnd = j;
            break;
          }
        }
      }
      const rest = body.slice(k, innerEnd);
      if (rest.length > 2) {
        const inner = rest.findIndex((t, i) => i > 0 && isVerb(words, t, rest[0]!));
        if (inner > 0) {
          const sub = subjectOf(words, rest.slice(0, inner));
          if (sub.length > 0 && sub[0] === rest[0]) {
            // After "that" the stated clause is not among this clause's words: it is a main
            // clause of its own, with its words and heads ("It is possible that NATO would
            // intervene": what the sentence states is that NATO would intervene).
            const stated = k > end ? mainClauses(words, rest[0]!, rest[rest.length - 1]! + 1) : [];
            if (stated.length > 0) out.push(...stated);
            else out.push({ subject: sub, words: [], heads: [] });
          }
        }
      }
    }
    const verbs = body
      .slice(v, ve + 1)
      .filter((t) => words[t]!.pos === "VERB" || words[t]!.pos === "AUX");
    const subjectHeads = subject.filter(
      (t, k) => ["NOUN", "PROPN", "NUM"].includes(words[t]!.pos) && !isModifier(words, subject, k),
    );
    // "the size of the user community": the measure noun is not what the clause is about.
    // The subject noun phrase (not the prepositional phrases before the verb) and the predicate.
    const inSubject = new Set(subject);
    const clauseWords = body
      .slice(0, end)
      .filter((t, k) => k >= v || inSubject.has(t))
      .filter((t) => !(MEASURE.has(words[t]!.lemma) && words[t + 1]?.text.toLowerCase() === "of"));
    const adjuncts = nonFiniteAdjunct(words, body.slice(ve + 1, end));
    out.push({
      subject,
      words: clauseWords,
      heads: [...subjectHeads, ...verbs, ...complementHeads(words, body.slice(ve + 1, end))],
      ...(adjuncts.length > 0 ? { adjuncts } : {}),
    });
  }
  return out;
}

/** Token boundaries of `text` from wink's values and preceding spaces; null if they drift. */
function align(text: string, values: string[], spaces: string[]): [number, number][] | null {
  const out: [number, number][] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let start = at + (spaces[i]?.length ?? 0);
    if (text.slice(start, start + v.length) !== v) {
      const found = text.indexOf(v, at);
      if (found < 0 || found - at > 8) return null;
      start = found;
    }
    out.push([start, start + v.length]);
    at = start + v.length;
  }
  return out;
}

/** The structure of a passage, or null when the tagger is unavailable or cannot read it. */
export function analyseStructure(text: string): Structure | null {
  if (text.length === 0 || text.length > MAX_STRUCTURE_CHARS) return null;
  const reading = tagged(text);
  if (!reading) return null;
  try {
    const { values, pos, lemmas, spaces } = reading;
    const spans = align(text, values, spaces);
    if (!spans) return null;
    const words: Word[] = values.map((v, i) => ({
      text: v,
      lemma: (lemmas[i] ?? v).toLowerCase(),
      pos: pos[i] ?? "X",
      start: spans[i]![0],
      end: spans[i]![1],
    }));
    const clauses = reading.sentences.flatMap(([a, b]) => mainClauses(words, a, b));
    return { words, clauses };
  } catch {
    return null;
  }
}

/** Lemma of a single word or phrase (lower case), for expanding a dimension's terms. */
export function lemmasOf(text: string): string[] {
  if (text.length === 0 || text.length > MAX_STRUCTURE_CHARS) return [];
  return tagged(text)?.lemmas.map((l) => l.toLowerCase()) ?? [];
}

/**
 * The subjects a passage states something about: those named (or whose alias is named) in the
 * subject noun phrase of one of its main clauses. Null when the passage has no structure.
 */
/** A year, month or weekday before a name dates it ("In 2005 DS sales …"); it is no name. */
const CALENDAR_WORD = new RegExp(`^(?:(?:1[5-9]|20)\\d\\d|${MONTH_OR_DAY})$`, "u");

export function topicsOf(
  text: string,
  structure: Structure | null,
  mentions: { subject: string; start: number; end: number }[],
): string[] | null {
  if (!structure) return null;
  const out: string[] = [];
  for (const c of structure.clauses) {
    if (c.subject.length === 0) continue;
    const from = structure.words[c.subject[0]!]!.start;
    const to = structure.words[c.subject[c.subject.length - 1]!]!.end;
    const inSubject = new Set(c.subject);
    for (const m of mentions) {
      if (m.end <= from || m.start >= to || out.includes(m.subject)) continue;
      const hit = c.subject.some((t) => {
        const w = structure.words[t]!;
        return inSubject.has(t) && w.start < m.end && w.end > m.start;
      });
      // "Sony PS2", "Nintendo GameCube": the alias is part of another product's name.
      const next = structure.words.find((w) => w.start >= m.end);
      const otherName =
        next !== undefined &&
        next.pos === "PROPN" &&
        inSubject.has(structure.words.indexOf(next)) &&
        /^\s*$/u.test(text.slice(m.end, next.start)) &&
        !mentions.some((o) => o.start <= next.start && o.end > next.start) &&
        text.slice(m.start, m.end).toLowerCase() !== m.subject.toLowerCase();
      // "Super Mario 64 DS", "Rayman DS": the alias ends another name (a game, not the console),
      // unless the word before is itself a name of the subject ("Sony PlayStation Portable").
      const prev = [...structure.words].reverse().find((w) => w.end <= m.start);
      const endsOtherName =
        prev !== undefined &&
        (prev.pos === "PROPN" || prev.pos === "NUM") &&
        /^\p{Lu}|^\d/u.test(prev.text) &&
        !CALENDAR_WORD.test(prev.text) &&
        /^\s+$/u.test(text.slice(prev.end, m.start)) &&
        !mentions.some((o) => o.start <= prev.start && o.end >= prev.end) &&
        text.slice(m.start, m.end).toLowerCase() !== m.subject.toLowerCase();
      if (hit && !otherName && !endsOtherName) out.push(m.subject);
    }
  }
  return out;
}
