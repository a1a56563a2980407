/**
 * Corroboration: whether a passage from another source states the same fact as a claim's own
 * passage — not merely shares its words. Two passages agree when they have the same *who* (the
 * grammatical subject or topic: the names it holds, else the subject the passage is about),
 * the same *what* (main verb lemma or a close synonym, with shared content words of the
 * predicate; or the same month-precise date and a shared name: one event, worded otherwise) and,
 * where either gives them, the same numbers and dates after normalisation ("20,000" = "20000").
 * Passages that agree on who and what but give different numbers or dates are not support:
 * they are recorded as candidate disagreements on the analysis (`a.conflicts`).
 *
 * Part-of-speech tags and lemmas come from wink-nlp with its English lite model, loaded once per
 * process on first use (a reduced pipe: sentence breaks, negation, part of speech) and run once
 * per passage that a cheaper filter (tf-idf or same date) makes a candidate.
 */

import type { Claim } from "../model/briefing.js";
import { STOP_WORDS, stemWord, tokenize } from "../util/text.js";
import { tagged } from "./nlp.js";
import { amountsIn } from "./quantities.js";
import { type Analysis, unitDate } from "./state.js";
import { findMentions } from "./subjects.js";

/** How a supporting passage relates to the claim it supports. */
export type Relation = "same" | "detail";

/** Who and what agree, but a number or a date differs: a candidate disagreement. */
export interface FactConflict {
  /** Unit indices, a < b. */
  a: number;
  b: number;
  kind: "number" | "date";
}

/** Close synonyms of main verbs, by lemma → class. Verbs not listed are their own class. */
const VERB_CLASSES: string[][] = [
  ["vote", "back", "support", "side", "endorse"],
  ["deploy", "send", "dispatch", "station"],
  ["launch", "release", "debut", "introduce", "unveil", "announce"],
  ["sell", "shift", "move"],
  ["ship", "deliver"],
  ["cost", "retail", "price", "charge"],
  ["join", "accede", "enter"],
  ["leave", "withdraw", "quit", "exit"],
  ["invade", "attack", "advance", "enter", "strike"],
  ["annex", "seize", "occupy"],
  ["refuse", "decline", "reject"],
  ["recognize", "recognise", "acknowledge"],
  ["allow", "let", "enable", "permit"],
  ["play", "run"],
  ["condemn", "denounce", "criticize", "criticise"],
  ["produce", "create", "generate", "build", "make"],
  ["render", "serialize", "serialise", "output"],
  ["found", "establish", "form", "create"],
  ["raise", "increase", "lift", "boost"],
  ["intervene", "interfere"],
  ["abstain"],
];
const VERB_CLASS = new Map<string, string>();
for (const group of VERB_CLASSES)
  for (const v of group) if (!VERB_CLASS.has(v)) VERB_CLASS.set(v, group[0]!);
const verbClass = (lemma: string) => VERB_CLASS.get(lemma) ?? lemma;

/** Verbs that report a statement: the fact is in what follows ("Sony says it intends to …"). */
const REPORTING = new Set([
  "say",
  "tell",
  "announce",
  "report",
  "state",
  "claim",
  "add",
  "note",
  "explain",
  "confirm",
  "reveal",
  "insist",
  "argue",
  "write",
  "suggest",
]);
const PLANNING = new Set(["plan", "intend", "expect", "aim", "hope", "want", "seek", "try"]);
const LIGHT_VERBS = new Set(["be", "have", "do", "get", "become", "seem"]);

/** What corroboration compares of a passage, computed once per passage and run. */
export interface Frame {
  /** Stems naming the grammatical subject (names, subjects, else its head noun). */
  who: Set<string>;
  /** Classes of the main verb(s): the first verb of the main clause, and the verb it reports. */
  main: Set<string>;
  /** Classes of every verb in the passage. */
  verbs: Set<string>;
  /** Content stems outside the subject. */
  predicate: Set<string>;
  /** Numbers as normalised strings ("20000", "83%", "2.8e6"), years and days aside. */
  numbers: Set<string>;
  /** Stems of names capitalised inside the passage (not its first word). */
  names: Set<string>;
  /** The main verb is negated ("did not intervene"). */
  negated: boolean;
}

/**
 * The numbers a passage states, normalised ("20,000" → "20000", "2.8 million" → "2800000",
 * "83%" → "83%", "£99" → "99 GBP"), read by the engine's one quantity scanner: years, days of
 * the month, ordinals and model numbers are not amounts.
 */
export function numbersIn(text: string, language?: string): Set<string> {
  return new Set(
    amountsIn(text, language).map((x) =>
      x.unit === "%" ? `${x.value}%` : x.unit ? `${x.value} ${x.unit}` : String(x.value),
    ),
  );
}

const frameCache = new WeakMap<Analysis, (Frame | undefined)[]>();

function subjectStemsOf(a: Analysis, text: string): string[] {
  return findMentions(text, a.matchers).map((m) => `@${m.subject}`);
}

const RELATIVE = new Set(["which", "who", "whose", "where"]);

/** Tokens that open a lead-in before the main clause ("When …,", "In comparison,"). */
const LEAD = new Set(["SCONJ", "ADP", "ADV", "CCONJ", "VERB", "PART", "INTJ", "PUNCT"]);

function computeFrame(a: Analysis, u: number): Frame {
  const unit = a.units[u]!;
  const reading = tagged(unit.text);
  if (!reading) throw new Error("wink-nlp could not be loaded or could not read a sentence");
  // The first sentence's tokens (a unit is one sentence; the tagger may see more).
  const [from, to] = reading.sentences[0] ?? [0, reading.values.length];
  const raw = reading.values.slice(from, to);
  const pos = reading.pos.slice(from, to);
  const lemma = reading.lemmas.slice(from, to).map((l) => l.toLowerCase());
  const neg = reading.negated.slice(from, to);
  const n = raw.length;
  // Skip lead-ins up to a comma: "When the Assembly condemned …, Belarus voted against."
  let s = 0;
  for (let guard = 0; guard < 3 && s < n; guard++) {
    if (!LEAD.has(pos[s]!)) break;
    let c = s;
    let verb = false;
    while (c < n && raw[c] !== "," && raw[c] !== "—" && raw[c] !== "–") {
      if (pos[c] === "VERB" || pos[c] === "AUX") verb = true;
      c++;
    }
    if (c >= n - 1) break;
    // An adverbial lead-in with a verb of its own is the main clause ("By comparison X did …").
    if (verb && pos[s] !== "SCONJ" && pos[s] !== "VERB") break;
    s = c + 1;
  }
  // The first verb of the main clause, past relative clauses ("The machine, which features …,").
  let v = s;
  while (v < n && pos[v] !== "VERB" && pos[v] !== "AUX") {
    if (raw[v] === "," && RELATIVE.has(lemma[v + 1] ?? "")) {
      let c = v + 1;
      while (c < n && raw[c] !== ",") c++;
      v = c < n ? c + 1 : v + 1;
      continue;
    }
    v++;
  }
  // The main verb: the first full verb from there, past auxiliaries, particles and adverbs
  // ("has publicly refused"); an auxiliary with no verb after it is a copula.
  let m = v;
  if (pos[v] === "AUX") {
    let k = v + 1;
    while (k < n && k <= v + 4 && (pos[k] === "AUX" || pos[k] === "PART" || pos[k] === "ADV")) k++;
    if (k < n && pos[k] === "VERB") m = k;
  }
  const main = new Set<string>();
  let negated = false;
  if (m < n) {
    const lm = pos[m] === "AUX" ? "be" : lemma[m]!;
    negated =
      Boolean(neg[m]) || raw.slice(v, m + 1).some((t) => /^(?:not|n['’]t|never)$/iu.test(t));
    // "Sony says it intends to ship …", "is planning to release …": the verb reported or
    // planned is the fact; the reporting or planning verb only when nothing follows it.
    let next: string | undefined;
    if (REPORTING.has(lm) || PLANNING.has(lm) || LIGHT_VERBS.has(lm)) {
      // A planning or light verb chains only through "to", adverbs and auxiliaries; a reporting
      // verb reaches into its clause, up to punctuation or another conjunction.
      const reach = REPORTING.has(lm);
      for (let k = m + 1; k < n && next === undefined; k++) {
        const p = pos[k]!;
        if (p === "VERB" && !LIGHT_VERBS.has(lemma[k]!)) {
          if (PLANNING.has(lemma[k]!) || REPORTING.has(lemma[k]!)) continue;
          next = lemma[k]!;
        } else if (p === "PUNCT" || p === "CCONJ" || (p === "SCONJ" && lemma[k] !== "that")) break;
        else if (!reach && p !== "PART" && p !== "ADV" && p !== "AUX" && p !== "VERB") break;
      }
    }
    if (next !== undefined) main.add(verbClass(next));
    else if (!LIGHT_VERBS.has(lm) || pos[m] === "AUX") main.add(verbClass(lm));
  }
  const verbs = new Set<string>();
  for (let k = 0; k < n; k++)
    if (pos[k] === "VERB" && !LIGHT_VERBS.has(lemma[k]!)) verbs.add(verbClass(lemma[k]!));
  // Who: the names in the subject span, else the subject it is about, else its head noun.
  const span = raw.slice(s, Math.min(v, n));
  const who = new Set<string>(subjectStemsOf(a, span.join(" ")));
  for (let k = s; k < Math.min(v, n); k++)
    if (pos[k] === "PROPN" && !STOP_WORDS.has(lemma[k]!)) who.add(stemWord(raw[k]!));
  if (who.size === 0) {
    // A generic subject ("the military organisation", "the console"): the subject it is about.
    for (const [name, f] of unit.focus) if (f >= 0.3) who.add(`@${name}`);
    for (let k = Math.min(v, n) - 1; k >= s; k--)
      if (pos[k] === "NOUN") {
        who.add(stemWord(lemma[k]!));
        break;
      }
  }
  // Names mentioned by subject are also spelled out as their stems: "CSTO" ~ "@CSTO".
  for (const x of [...who])
    if (x.startsWith("@")) for (const t of tokenize(x.slice(1))) who.add(t.stem);
  for (const name of a.subjects)
    if (name.aliases.concat(name.name).some((al) => who.has(tokenize(al)[0]?.stem ?? "")))
      who.add(`@${name.name}`);
  // The predicate's content words: neither the subject's nor the main verb's own.
  const left = new Set([...who].filter((x) => !x.startsWith("@")));
  for (let k = 0; k < n; k++)
    if (pos[k] === "VERB" || pos[k] === "AUX") left.add(stemWord(raw[k]!));
  const predicate = new Set(
    unit.tokens
      .filter((t) => !STOP_WORDS.has(t.norm) && !left.has(t.stem) && !/^\d/u.test(t.norm))
      .map((t) => t.stem),
  );
  return {
    who,
    main,
    verbs,
    predicate,
    numbers: numbersIn(unit.text, a.sources[unit.sourceIndex]!.language),
    names: new Set(
      unit.tokens.filter((k, i) => i > 0 && /^\p{Lu}/u.test(k.raw)).map((k) => k.stem),
    ),
    negated,
  };
}

export function frameOf(a: Analysis, u: number): Frame {
  let all = frameCache.get(a);
  if (!all) {
    all = [];
    frameCache.set(a, all);
  }
  let f = all[u];
  if (!f) {
    f = computeFrame(a, u);
    all[u] = f;
  }
  return f;
}

function intersects<T>(x: Set<T>, y: Set<T>): boolean {
  for (const e of x) if (y.has(e)) return true;
  return false;
}

function count<T>(x: Set<T>, y: Set<T>): number {
  let c = 0;
  for (const e of x) if (y.has(e)) c++;
  return c;
}

function subset<T>(x: Set<T>, y: Set<T>): boolean {
  for (const e of x) if (!y.has(e)) return false;
  return true;
}

/** A number that identifies a fact by itself: large, a share or a fraction (not "two"). */
function distinctive(n: string): boolean {
  return n.endsWith("%") || n.includes(".") || Number(n) >= 100;
}

export type Verdict =
  | { kind: "support"; relation: Relation }
  | { kind: "conflict"; on: "number" | "date" }
  | { kind: "unrelated"; why: "who" | "what" | "negation" };

/**
 * How passage `j` bears on passage `u` (from different sources): support (`same` fact, or the
 * same fact with more `detail`), a conflict on a number or date, or unrelated.
 */
export function relate(a: Analysis, u: number, j: number): Verdict {
  const x = frameOf(a, u);
  const y = frameOf(a, j);
  if (!intersects(x.who, y.who)) return { kind: "unrelated", why: "who" };
  const di = unitDate(a, u);
  const dj = unitDate(a, j);
  const sameEvent =
    di !== undefined && di.iso.length >= 7 && di.iso === dj?.iso && intersects(x.names, y.names);
  const shared = count(x.predicate, y.predicate);
  // A copula ("is", "are") says nothing about the event: it never matches by itself.
  const xm = new Set([...x.main].filter((c) => c !== "be"));
  const ym = new Set([...y.main].filter((c) => c !== "be"));
  const sameVerb = intersects(xm, ym) || (intersects(xm, y.verbs) && intersects(ym, x.verbs));
  const sameNumbers = [...x.numbers].filter((k) => y.numbers.has(k));
  const sharedNumber = sameNumbers.length >= 2 || sameNumbers.some(distinctive);
  // A copula says nothing about the event, and shared words do not tell "is strong and united"
  // from "is weak and divided": two copular statements never match on their words alone.
  const what = sameEvent || (sameVerb && shared >= 2) || (sharedNumber && shared >= 1);
  if (!what) return { kind: "unrelated", why: "what" };
  if (x.negated !== y.negated) return { kind: "unrelated", why: "negation" };
  if (
    x.numbers.size > 0 &&
    y.numbers.size > 0 &&
    !subset(x.numbers, y.numbers) &&
    !subset(y.numbers, x.numbers)
  )
    return { kind: "conflict", on: "number" };
  if (di && dj && !di.iso.startsWith(dj.iso) && !dj.iso.startsWith(di.iso))
    return { kind: "conflict", on: "date" };
  const more =
    y.numbers.size > x.numbers.size ||
    (di !== undefined && dj !== undefined && dj.iso.length > di.iso.length) ||
    (di === undefined && dj !== undefined) ||
    y.predicate.size >= x.predicate.size + 5;
  return { kind: "support", relation: more ? "detail" : "same" };
}

/** Records a candidate disagreement once per pair. */
export function recordConflict(a: Analysis, u: number, j: number, kind: "number" | "date"): void {
  const lo = Math.min(u, j);
  const hi = Math.max(u, j);
  if (!a.conflicts.some((c) => c.a === lo && c.b === hi)) a.conflicts.push({ a: lo, b: hi, kind });
}

/** The source a passage counts as: its own, or the original it is a near-duplicate copy of. */
export function originOf(a: Analysis, u: number): string {
  const id = a.units[u]!.sourceId;
  return a.copyOf.get(id) ?? id;
}

const unitIndexCache = new WeakMap<Analysis, Map<string, number>>();

/** The unit a citation points at (source, ¶ and first sentence), if any. */
function unitOf(a: Analysis, c: { sourceId: string; block: number; sentence?: number }) {
  let ix = unitIndexCache.get(a);
  if (!ix) {
    const built = new Map<string, number>();
    a.units.forEach((unit, u) => {
      built.set(`${unit.sourceId}:${unit.block.index}:${unit.first}`, u);
    });
    unitIndexCache.set(a, built);
    ix = built;
  }
  return ix.get(`${c.sourceId}:${c.block}:${c.sentence ?? 1}`);
}

/**
 * Checks the supporting citations of a claim made elsewhere (the timeline merges reports of one
 * event): keeps those that state the same fact as the claim's own passage, each with its
 * `relation`, and drops the rest (and any from a copy of an already cited source).
 */
export function vetSupport(a: Analysis, claim: Claim): void {
  const [own, ...rest] = claim.citations;
  if (!own || rest.length === 0) return;
  const u = unitOf(a, own);
  if (u === undefined) return;
  const seen = new Set([originOf(a, u)]);
  const kept = [own];
  for (const c of rest) {
    const j = unitOf(a, c);
    if (j === undefined) continue;
    const from = originOf(a, j);
    if (seen.has(from)) continue;
    const verdict = relate(a, u, j);
    if (verdict.kind === "conflict") recordConflict(a, u, j, verdict.on);
    if (verdict.kind !== "support") continue;
    seen.add(from);
    kept.push({ ...c, relation: verdict.relation });
  }
  claim.citations = kept;
}
