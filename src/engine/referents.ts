/**
 * Standalone statements: a sentence quoted alone must not lean on text the reader does not
 * have. A sentence whose grammatical subject is a pronoun or a bare description ("It …",
 * "The company …", "The military organisation …") gets its referent in brackets when the
 * preceding sentence of the same source names it as its own subject ("[Sony] is hoping …");
 * a sentence that still points elsewhere (an unresolved "this rule", "the device", "they",
 * "the following", "in this scenario") is not used.
 *
 * Sentence structure comes from wink-nlp (the English lite model's part-of-speech tagger): it
 * tags a sentence in ~0.1 ms, against ~5 ms for compromise, and its Universal POS tags tell a
 * proper noun from a common one and the first verb reliably on the gold set. Each sentence is
 * tagged at most once (memoised per block and sentence).
 */

import type { Edit } from "../model/briefing.js";
import type { Block, Source } from "../model/source.js";
import { nlp } from "../util/compromise.js";
import { baseLanguage, NOMINALISATION, wordFamily } from "../util/text.js";
import { computeEdits } from "./claims.js";
import { placeNames } from "./leaders.js";
import { tagged } from "./nlp.js";
import { findMentions, type SubjectMatcher } from "./subjects.js";

interface Tok {
  text: string;
  pos: string;
  lemma: string;
  start: number;
  end: number;
}

/** Tokens of `text` with their part of speech and offsets. */
export function tag(text: string): Tok[] {
  const reading = tagged(text);
  if (!reading) throw new Error("wink-nlp could not be loaded or could not read a sentence");
  const { values, pos: tags, lemmas } = reading;
  const out: Tok[] = [];
  let cursor = 0;
  values.forEach((v, i) => {
    const at = text.indexOf(v, cursor);
    const start = at === -1 ? cursor : at;
    out.push({ text: v, pos: tags[i] ?? "X", lemma: lemmas[i] ?? v, start, end: start + v.length });
    cursor = start + v.length;
  });
  return out;
}

/** Text the reader does not have: "the following", "described here", "see below" … */
export const UNSEEN =
  /\b(?:the following|as follows|(?:described|shown|listed|mentioned|discussed|explained|outlined|given|illustrated) (?:here|below|above|earlier|previously)|in this (?:scenario|example|case|section|article|post|chapter|guide|tutorial|video|piece|story|paper|report)|see (?:below|above)|as (?:shown|seen|noted|mentioned|discussed) (?:above|below|earlier)|this example|the (?:example|code|table|figure|list|snippet) (?:below|above)|the above|aforementioned|the previous (?:section|example|chapter|paragraph)|(?:above|below):)/iu;

/** Heads of a bare description of an actor ("the company"): a proper noun may be its referent. */
const COMPANY = /^(?:company|firm|giant|maker|manufacturer)$/iu;
/** "The organisation", "the alliance": only a subject of the brief may be the referent. */
const ORGANISATION = /^(?:organi[sz]ation|alliance|bloc|pact|group|body)$/iu;
/** Heads of a bare description of a thing ("the device"): only a brief subject may be its referent. */
const THING =
  /^(?:device|devices|console|consoles|machine|machines|handheld|gadget|system|product|game|title|treaty|force|forces|measure|resolution|enlargement|expansion|deployment|mission|library|parser|module|package|project|tool|format|fear|move|decision)$/iu;
/** Singular heads of a product or a piece of software a subject of the brief may be. */
const OBJECT_THING =
  /^(?:device|console|machine|handheld|gadget|product|library|parser|module|package)$/iu;
const GENERIC_WORDS =
  "company|companies|firm|giant|maker|manufacturer|organi[sz]ation|alliance|bloc|pact|government|regime|device|devices|console|consoles|machine|machines|handheld|gadget|product|treaty|measure|enlargement|deployment|library|parser|module|package|fear";
/** "… for the device …", "the two-screen clamshell gadget": a description left unresolved. */
const BARE_DESCRIPTION = new RegExp(
  `\\bthe ((?:[\\p{Ll}\\d-]+ ){0,3})(?:${GENERIC_WORDS})\\b(?!['’]s)(?!\\s+(?:of|between|against|that|which|who|whose)\\b)(?!,\\s*(?:the\\s+)?\\p{Lu}[\\p{L}\\d-]*(?:\\s+\\p{Lu}[\\p{L}\\d-]*)*\\s*(?:[,;:)—–]|$))`,
  "u",
);

/** "the two countries", "the dual screens": a definite plural that counts a set named before. */
const COUNTED_SET =
  /\bthe (?:two|three|four|five|dual|twin) (?:[\p{Ll}-]+ )?[\p{Ll}-]+s\b(?!\s+(?:of|from|that|which|who)\b)(?!\s+in\s+(?:the\s+)?\p{Lu})(?!,?\s+(?:the\s+)?\p{Lu})/u;

/** Demonstratives that are not pointers: "this year", "that time". */
const DEICTIC_OK =
  /^(?:year|years|month|week|weekend|day|days|time|morning|evening|spring|summer|autumn|fall|winter|decade|century|quarter|season)$/iu;

/** Openings that lean on the sentence before, in languages the English tagger cannot read. */
const FOREIGN_POINTER: Record<string, RegExp> = {
  de: /^(?:Er|Sie|Es|Ihr|Ihre|Ihren|Ihrem|Sein|Seine|Seinen|Seinem|Dies|Diese|Dieser|Dieses|Diesen|Das|Dabei|Damit|Dafür|Dazu|Deshalb|Daher|Darüber|Davon|Dadurch|Jene|Jener|Jenes|Außerdem|Zudem|Trotzdem|Dennoch)\b/u,
  ru: /^(?:Он|Она|Оно|Они|Его|Её|Ее|Их|Это|Этот|Эта|Эти|Тот|Та|Те|Поэтому|Однако|Кроме того)\b/u,
  uk: /^(?:Він|Вона|Воно|Вони|Його|Її|Їх|Це|Цей|Ця|Ці|Той|Та|Ті|Тому|Однак|Крім того)\b/u,
};

/** Nationality adjectives ("Japanese", "Ukrainian", "British"): a modifier, not a name. */
const DEMONYM = /^\p{Lu}\p{Ll}+(?:ese|ian|ean|ish|ican)$/u;

const PERSONAL = /^(?:it|its|they|them|their|theirs|themselves|itself)$/iu;
const PERSON = /^(?:he|him|his|she|her|hers|himself|herself)$/iu;
const SUBJECT_PRONOUN = /^(?:It|They)$/u;
const POINTER_START =
  /^(?:This|That|These|Those|Such|Both|Neither|Either|Here|There(?:in|by|fore)|He|She|His|Her|Its|Their|Them|Him|Which|Whose|Whom|Another|Other|Others|Each|The (?:rest|other|others|latter|former|two|three|same|remaining)|Some of (?:these|those|them))\b/u;
/** "It is likely that …", "It's possible to …": an expletive subject points nowhere. */
const EXPLETIVE =
  /^It(?:['’]s| is| was| has been| had been| would be| will be| could be| may be| might be| seems| seemed| appears| appeared| remains| remained)(?: (?:not|also|still|now|very|quite|more|less|most|highly|equally|hardly))* (?:\p{L}+ )?(?:that|whether|how|why|when|if|to (?!the\b|a\b|an\b|its\b|their\b|his\b|her\b)\p{Ll}+)\b/u;
const CONTEXT_PHRASE =
  /(?:^|\s)(?:(?:\w+|a few|a couple of) (?:days|weeks|months|years) later|(?:shortly|soon) (?:after|afterwards)|at launch)\b|\b(?:(?:neither|either|both|none) (?:is|are|was|were|of (?:them|these|those))|in comparison|by comparison|in contrast|by contrast|the same|the latter|the former|the rest|the other (?:two|three|one)|such an?|(?:in|for) this scenario|at the time|as (?:a )?result)\b/iu;
const VERB = new Set(["VERB", "AUX"]);
/** Words between "the" and the noun it determines: "the CSTO deployment", "the first attack". */
const ACT_MODIFIER = new Set(["ADJ", "NOUN", "PROPN", "NUM"]);
const NOMINAL = new Set(["NOUN", "PROPN", "ADJ", "NUM", "DET"]);

/** Openers that make a sentence true only under the condition of the one before it. */
export const CONDITIONAL_START = /^(?:Otherwise|If so|If not|In that case|In this case)\b/u;

/**
 * Whether a clause after a fronted phrase or clause, or after a conjunction, has a pronoun
 * subject and an agentless passive verb ("When Armenia asked for help in 2020, it was
 * refused."): what "it" is (the request, not Armenia) and who acted are both left to the text
 * around the sentence. `toks` are the sentence's words without punctuation.
 */
function agentlessPassive(raw: string, toks: Tok[]): boolean {
  for (let k = 1; k + 2 < toks.length; k++) {
    const t = toks[k]!;
    if (t.pos !== "PRON" || !/^(?:it|they)$/iu.test(t.text)) continue;
    const before = toks[k - 1]!;
    const opens =
      before.pos === "CCONJ" || before.pos === "SCONJ" || /,\s*$/u.test(raw.slice(0, t.start));
    if (!opens) continue;
    // "was refused", "has been refused", "will be refused", "were quickly rejected".
    let j = k + 1;
    while (j < toks.length && toks[j]!.pos === "AUX" && toks[j]!.lemma !== "be") j++;
    if (toks[j]?.lemma !== "be") continue;
    j++;
    while (j < toks.length && toks[j]!.pos === "ADV") j++;
    const verb = toks[j];
    if (verb?.pos !== "VERB" || verb.lemma === verb.text.toLowerCase()) continue;
    if (/ing$/iu.test(verb.text)) continue;
    if (toks.slice(j + 1).some((x) => /^by$/iu.test(x.text))) continue;
    return true;
  }
  return false;
}

export interface ReferentContext {
  matchers: SubjectMatcher[];
}

/** The outcome for one sentence: its marked edits, or why it is not used. */
export type Standalone =
  | {
      edits: Edit[];
      referent?: string;
      /** Set when the referent is the subject of the sentence before in the same ¶. */
      previous?: { sentence: number; nameEnd: number; replaced: string };
    }
  | { drop: string /** True when the sentence only leans on the one before. */; pointer?: boolean };

interface Analysed {
  raw: string;
  toks: Tok[];
  base: Edit[];
  /** Offset where the sentence reads from once the leading connective is deleted. */
  from: number;
}

/** A name compromise's lexicon knows as a place or an organisation ("Ukraine", "Sony"): no "he". */
function notAPerson(name: string): boolean {
  const doc = nlp(name);
  return doc.places().length > 0 || doc.organizations().length > 0;
}

/** Per-source memo: each sentence is tagged once. */
export class SourceReferents {
  private readonly memo = new Map<string, Analysed>();
  private readonly results = new Map<string, Standalone>();
  private readonly subjects = new Map<string, string | undefined>();
  /** Where the subject name of a sentence ends (offset in the sentence), when it is its own. */
  readonly subjectEnds = new Map<string, number>();
  private readonly blocks: Block[];

  private readonly title: string;
  /** The source's language (base tag): the English tagger reads English only. */
  private readonly language: string;

  constructor(
    source: Source,
    private readonly ctx: ReferentContext,
  ) {
    this.blocks = source.blocks;
    this.title = source.title;
    this.language = baseLanguage(source.language);
  }

  /**
   * The brief subject a source is about, for "the parser", "the console": the one subject its
   * title names, when its text before sentence (block, i) names no other; by its name in the brief.
   */
  private ownSubject(block: Block, i: number): string | undefined {
    const inTitle = findMentions(this.title, this.ctx.matchers);
    const subjects = new Set(inTitle.map((m) => m.subject));
    if (subjects.size !== 1) return undefined;
    const subject = inTitle[0]!.subject;
    const text = this.textBefore(block, i);
    const before = findMentions(text, this.ctx.matchers);
    if (before.length === 0 || before.some((m) => m.subject !== subject)) return undefined;
    // As the source writes it (a bracket names what the source named): the subject's own name,
    // else the alias holding its distinctive last word ("DS" of "Nintendo DS", not the maker
    // "Nintendo"), else the longest.
    const last = subject.split(/\s+/u).pop()!.toLowerCase();
    const surfaces = [...new Set(before.map((m) => text.slice(m.start, m.end)))];
    const rank = (x: string) =>
      (x.toLowerCase() === subject.toLowerCase() ? 4 : 0) +
      (x.toLowerCase().split(/\s+/u).includes(last) ? 2 : 0) +
      x.length / 1000;
    const surface = surfaces.sort((x, y) => rank(y) - rank(x) || (x < y ? -1 : 1))[0]!;
    const the = new RegExp(`\\bthe ${surface.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}\\b`, "u");
    return the.test(text) ? `the ${surface}` : surface;
  }

  private analysed(block: Block, i: number): Analysed {
    const key = `${block.index}:${i}`;
    let a = this.memo.get(key);
    if (!a) {
      const sentence = block.sentences[i]!;
      const raw = block.text.slice(sentence.start, sentence.end);
      const base = computeEdits(raw, { markCase: true });
      const lead = base.find((e) => e.kind === "delete" && e.reason === "leading-connective");
      a = { raw, toks: tag(raw), base, from: lead ? lead.text.length : 0 };
      this.memo.set(key, a);
    }
    return a;
  }

  /** The sentence before (block, i) in the same source: same block, or the previous ¶. */
  private previous(block: Block, i: number): [Block, number] | undefined {
    if (i > 0) return [block, i - 1];
    const at = this.blocks.indexOf(block);
    const prev = at > 0 ? this.blocks[at - 1] : undefined;
    if (!prev || prev.kind === "heading" || prev.sentences.length === 0) return undefined;
    return [prev, prev.sentences.length - 1];
  }

  /**
   * The name that is the grammatical subject of sentence (block, i), as the source writes it,
   * when that subject is a name (a brief subject or a proper noun); carried over when the
   * sentence's own subject is a pronoun resolved from the sentence before.
   */
  subjectName(block: Block, i: number, depth = 0): string | undefined {
    const key = `${block.index}:${i}`;
    if (this.subjects.has(key)) return this.subjects.get(key);
    const a = this.analysed(block, i);
    let name: string | undefined;
    const toks = a.toks.filter((t) => t.start >= a.from);
    const verb = toks.findIndex((t) => VERB.has(t.pos));
    if (verb > 0) {
      // The noun phrase right before the first verb, over an aside (", however,").
      let j = verb - 1;
      while (j >= 0 && (toks[j]!.pos === "ADV" || toks[j]!.text === ",")) j--;
      let k = j;
      while (k >= 0 && (NOMINAL.has(toks[k]!.pos) || /^[-’'()]$|^'s$/u.test(toks[k]!.text))) k--;
      const span = toks.slice(k + 1, j + 1);
      const head = span.at(-1);
      // "Armenia and Azerbaijan …", "Japan, Europe …": a coordination is no one referent. A
      // comma that closes a fronted phrase ("With its two screens, …, the DS has …") is not one.
      const fronted = ["ADP", "SCONJ"].includes(toks[0]!.pos) && toks[k - 1]?.pos !== "CCONJ";
      const coordinated =
        k >= 0 && (toks[k]!.pos === "CCONJ" || (toks[k]!.text === "," && !fronted));
      if (head && !coordinated && span.every((t) => t.pos !== "CCONJ")) {
        const spanText = a.raw.slice(span[0]!.start, head.end);
        const spanStart = span[0]!.start;
        if (head.pos === "PRON" || (span.length === 1 && SUBJECT_PRONOUN.test(head.text))) {
          name = undefined;
        } else {
          const mention = findMentions(spanText, this.ctx.matchers)[0];
          if (mention && /^\p{Lu}/u.test(spanText.slice(mention.start))) {
            const before = a.raw.slice(0, spanStart + mention.start);
            const the = /\bthe\s+$/iu.test(before) ? "the " : "";
            name = the + spanText.slice(mention.start, mention.end);
            this.subjectEnds.set(key, spanStart + mention.end);
          } else if (head.pos === "PROPN" && /^\p{Lu}/u.test(head.text)) {
            let s = span.length - 1;
            while (s > 0 && span[s - 1]!.pos === "PROPN" && /^\p{Lu}/u.test(span[s - 1]!.text)) s--;
            // "Rival Sony", "Market leader Nintendo": the name is the last capitalised run.
            name = a.raw.slice(span[s]!.start, head.end);
            this.subjectEnds.set(key, head.end);
            if (s > 0 && /^(?:the)$/iu.test(span[s - 1]!.text)) name = `the ${name}`;
          }
        }
      } else if (!head && depth < 2) {
        name = undefined;
      }
      // "It went on sale …": the pronoun (not a nominal, so outside the span) opening the
      // sentence carries the subject of the sentence before.
      const pronoun =
        span.length === 1 ? span[0] : span.length === 0 && j === 0 ? toks[0] : undefined;
      if (!name && depth < 2 && pronoun && SUBJECT_PRONOUN.test(pronoun.text)) {
        const prev = this.previous(block, i);
        if (prev) name = this.subjectName(prev[0], prev[1], depth + 1);
      }
    }
    this.subjects.set(key, name);
    return name;
  }

  /**
   * The person sentence (block, i) is about: its subject's name, the name that possesses its
   * subject, or — when its subject is "he"/"she" — the person of the sentence before (twice at
   * most).
   */
  private personBefore(block: Block, i: number, depth = 0): string | undefined {
    const own = this.subjectName(block, i) ?? this.possessorOfSubject(block, i);
    if (own || depth >= 2) return own;
    const a = this.analysed(block, i);
    const toks = a.toks.filter((t) => t.start >= a.from && t.pos !== "PUNCT");
    const subject = toks.find(
      (t, k) =>
        ["NOUN", "PROPN", "PRON"].includes(t.pos) &&
        !/^(?:who|which|that|whom|whose|his|her|its|their)$/iu.test(t.text) &&
        VERB.has(toks[k + 1]?.pos ?? ""),
    );
    if (!subject || !/^(?:he|she)$/iu.test(subject.text)) return undefined;
    const prev = this.previous(block, i);
    return prev ? this.personBefore(prev[0], prev[1], depth + 1) : undefined;
  }

  /**
   * The proper noun that possesses the subject of sentence (block, i) ("Putin's worst nightmare
   * is …" → "Putin"), when the subject's head is a common noun; undefined otherwise.
   */
  private possessorOfSubject(block: Block, i: number): string | undefined {
    const a = this.analysed(block, i);
    const toks = a.toks.filter((t) => t.start >= a.from);
    const verb = toks.findIndex((t) => VERB.has(t.pos));
    if (verb <= 0) return undefined;
    for (let k = 0; k + 1 < verb; k++) {
      const t = toks[k]!;
      if (t.pos !== "PROPN" || !/^\p{Lu}/u.test(t.text) || !/^['’]s$/u.test(toks[k + 1]!.text))
        continue;
      let s = k;
      while (s > 0 && toks[s - 1]!.pos === "PROPN" && /^\p{Lu}/u.test(toks[s - 1]!.text)) s--;
      const rest = toks.slice(k + 2, verb);
      if (rest.some((x) => x.pos === "PROPN" || x.pos === "PRON")) return undefined;
      return a.raw.slice(toks[s]!.start, t.end);
    }
    return undefined;
  }

  /**
   * The surface name of the one brief subject that the three sentences before (block, i) name,
   * with "the" when the source writes it so; undefined when they name none or several.
   */
  private onlySubjectBefore(block: Block, i: number): string | undefined {
    const found = new Map<string, string>();
    let at: [Block, number] | undefined = [block, i];
    for (let n = 0; n < 3; n++) {
      at = at ? this.previous(at[0], at[1]) : undefined;
      if (!at) break;
      const s = at[0].sentences[at[1]]!;
      const text = at[0].text.slice(s.start, s.end);
      for (const m of findMentions(text, this.ctx.matchers)) {
        if (!found.has(m.subject)) found.set(m.subject, text.slice(m.start, m.end));
      }
    }
    if (found.size !== 1) return undefined;
    const surface = [...found.values()][0]!;
    const before = this.textBefore(block, i);
    const the = new RegExp(`\\bthe ${surface.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}\\b`, "u");
    return the.test(before) ? `the ${surface}` : surface;
  }

  /**
   * The one named act ("the United Nations General Assembly resolution") that the sentences
   * before (block, i) in its ¶ mention; undefined when none or several.
   */
  private namedActBefore(block: Block, i: number): string | undefined {
    const before = block.text.slice(0, block.sentences[i]!.start);
    const found = new Set<string>();
    const act =
      /\bthe ((?:\p{Lu}[\p{L}-]*\s){1,5})(resolution|treaty|agreement|pact|bill|law|declaration|charter)\b/gu;
    for (const m of before.matchAll(act)) found.add(`the ${m[1]}${m[2]}`);
    return found.size === 1 ? [...found][0] : undefined;
  }

  /** The source's text before sentence (block, i). */
  textBefore(block: Block, i: number): string {
    const parts: string[] = [];
    for (const b of this.blocks) {
      if (b === block) {
        parts.push(b.text.slice(0, b.sentences[i]!.start));
        break;
      }
      parts.push(b.text);
    }
    return parts.join("\n");
  }

  /**
   * Whether the sentence names, by a definite noun, the act the sentence before states with a
   * verb of the same family ("The CSTO deployed forces … . As dramatic as … was, the CSTO
   * deployment was miniscule."): which act it is, only the sentence before tells. A phrase that
   * says which itself ("the deployment of troops to …") is no such pointer.
   */
  private namesActBefore(block: Block, i: number, toks: Tok[]): boolean {
    const prev = this.previous(block, i);
    if (!prev) return false;
    const acts = new Set<string>();
    for (const t of this.analysed(prev[0], prev[1]).toks) {
      const family = t.pos === "VERB" ? wordFamily(t.text) : undefined;
      if (family) acts.add(family);
    }
    if (acts.size === 0) return false;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]!;
      // The head noun of its phrase, a nominalisation ("deployment", not "the observer mission").
      if (t.pos !== "NOUN" || !NOMINALISATION.test(t.text) || toks[k + 1]?.pos === "NOUN") continue;
      if (!acts.has(wordFamily(t.text) ?? "")) continue;
      let j = k - 1;
      while (j >= 0 && j >= k - 3 && ACT_MODIFIER.has(toks[j]!.pos)) j--;
      // "The 2004 expansion": a number says which act it is.
      if (toks.slice(j + 1, k).some((x) => x.pos === "NUM")) continue;
      if (j < 0 || !/^(?:the|this|that)$/iu.test(toks[j]!.text)) continue;
      if (
        /^(?:of|that|which|who|to|in|on|into|against|by|from|for|with)$/iu.test(
          toks[k + 1]?.text ?? "",
        )
      )
        continue;
      return true;
    }
    return false;
  }

  /** The marked edits that make sentence `i` of `block` stand alone, or why it cannot. */
  standalone(block: Block, i: number): Standalone {
    const key = `${block.index}:${i}`;
    const known = this.results.get(key);
    if (known) return known;
    const result = this.decide(block, i);
    this.results.set(key, result);
    return result;
  }

  private decide(block: Block, i: number): Standalone {
    if (this.language !== "en") return this.decideForeign(block, i);
    const a = this.analysed(block, i);
    const { raw, from } = a;
    const view = raw.slice(from);
    if (UNSEEN.test(raw)) return { drop: "refers to text the reader does not have" };
    // "The far more efficient approach is …", "The better option …": a comparative description
    // as the subject is measured against something the sentences before describe.
    if (
      /^the\s+(?:(?:far|much|even|still)\s+)?(?:(?:more|less)\s+\p{L}+|better|worse)\s+\p{L}+/iu.test(
        view,
      )
    )
      return { drop: "compares with something described before", pointer: true };
    // "Otherwise, only tags …": true only under the condition the sentence before states.
    if (CONDITIONAL_START.test(view))
      return { drop: "holds only under the condition of the sentence before", pointer: true };
    // "xmlMode: When enabled, …", "Parent (<): Selects elements …": a list entry's label, up to
    // four words without a verb before a colon, then what is said of it.
    const label = /^([^:\n]{1,40}):\s/u.exec(view);
    if (
      label &&
      label[1]!.trim().split(/\s+/u).length <= 4 &&
      !a.toks.some((t) => t.start >= from && t.end <= from + label[1]!.length && VERB.has(t.pos))
    )
      return { drop: "a label, not a sentence" };
    const toks = a.toks.filter((t) => t.start >= from && t.pos !== "PUNCT");
    if (toks.length === 0) return { drop: "empty" };
    if (!toks.some((t) => VERB.has(t.pos))) return { drop: "no verb: a fragment" };
    const first = toks[0]!;
    // "Released in May …" with no clause after it is a fragment; "Founded in 1992 …, the CSTO
    // is …" has its subject after the participle's phrase.
    if (
      (first.pos === "VERB" && !/^(?:According)$/u.test(first.text)) ||
      /^\p{Lu}\p{Ll}+ed\s+(?:in|on|by|with|at|for|from|as)\b/u.test(view)
    ) {
      const comma = toks.findIndex((t) => a.raw.slice(t.end, t.end + 1) === ",");
      const rest = comma >= 0 ? toks.slice(comma + 1) : [];
      const verb = rest.findIndex((t) => VERB.has(t.pos));
      const subject = rest
        .slice(0, Math.max(0, verb))
        .some((t) => t.pos === "NOUN" || t.pos === "PROPN");
      if (verb <= 0 || !subject) return { drop: "no subject" };
    }

    // "There is a helper function …", "there are no array operations": an existential says
    // what exists, and a sentence naming no subject of the brief does not say where.
    if (
      /^there\s+(?:is|are|was|were|has been|have been|will be)\b/iu.test(view) &&
      findMentions(raw, this.ctx.matchers).length === 0
    )
      return { drop: "says what exists but not of what", pointer: true };

    if (this.namesActBefore(block, i, toks))
      return { drop: "names an act only the sentence before states", pointer: true };

    let edits = [...a.base];
    let referent: string | undefined;
    let subjectEnd = from;
    let viaPrevious = i > 0;
    const needs = this.needsReferent(a, toks);
    if (needs === "pointer") return { drop: "opens with a pointer to earlier text", pointer: true };
    if (needs) {
      const prev = this.previous(block, i);
      let name = prev ? this.subjectName(prev[0], prev[1]) : undefined;
      const pronoun = needs.pronoun ?? needs.text;
      // "He"/"she": the person whose possession the sentence before is about ("Putin's worst
      // nightmare is …"), when that sentence's subject is no name itself.
      // "He" is a person: not a place ("Ukraine") nor a subject of the brief (an organisation or a
      // product), whatever the sentence before is about.
      const person = (n: string | undefined) =>
        n !== undefined &&
        findMentions(n, this.ctx.matchers).length === 0 &&
        placeNames(n).length === 0 &&
        !notAPerson(n);
      if (PERSON.test(pronoun) && !person(name)) {
        name = prev ? this.personBefore(prev[0], prev[1]) : undefined;
        if (!person(name)) name = undefined;
      }
      if (needs.pronoun) viaPrevious = false;
      // "The organisation …": the one brief subject the last sentences name, if only one.
      const headWord = /(\S+)$/u.exec(needs.text)?.[1] ?? "";
      if (
        ORGANISATION.test(headWord) &&
        (!name || findMentions(name, this.ctx.matchers).length === 0)
      ) {
        name = this.onlySubjectBefore(block, i);
        viaPrevious = false;
      }
      // "The parser now provides …" in htmlparser2's README: the subject the source is about.
      const own =
        /^the\s/iu.test(needs.text) && THING.test(headWord) ? this.ownSubject(block, i) : undefined;
      if (own) {
        name = own;
        viaPrevious = false;
      }
      if (!name) return { drop: "no certain referent for the subject", pointer: true };
      // "The device" may mean the product or its maker: only an actor is resolved, an
      // organisation only to a subject of the brief, a company to a proper noun.
      const head = /(\S+)$/u.exec(needs.text)?.[1] ?? "";
      const described = /^the\s/iu.test(needs.text);
      const known = findMentions(name, this.ctx.matchers).length > 0;
      // "It" is one thing: not "Experts", "Americans" (a brief subject's name may end in s).
      if (/^it$/iu.test(pronoun) && !known && /[^s']s$/u.test(name))
        return { drop: "the pronoun and the name do not agree", pointer: true };
      if (
        described &&
        ((THING.test(head) && name !== own) ||
          !(COMPANY.test(head) || (ORGANISATION.test(head) && known) || name === own))
      )
        return { drop: `“${needs.text}” may mean more than one thing`, pointer: true };
      // A name the sentence already uses ("… Sony …") would be read as a second party.
      referent = /^the /u.test(name) ? `The ${name.slice(4)}` : name;
      edits = edits.filter((e) => e.kind !== "case");
      edits.push({ kind: "delete", text: needs.text, at: from, reason: "referent" });
      edits.push({ kind: "insert", text: referent, at: from, reason: "referent" });
      subjectEnd = from + needs.text.length;
    }
    // "… voted against the measure": a named act the ¶ gave before, if only one, in brackets.
    let restFrom = subjectEnd;
    const bare = BARE_DESCRIPTION.exec(raw.slice(subjectEnd));
    if (bare && /^(?:measure|resolution|treaty|pact)$/iu.test(/(\S+)$/u.exec(bare[0])?.[1] ?? "")) {
      const named = this.namedActBefore(block, i);
      if (named) {
        const at = subjectEnd + bare.index;
        edits.push({ kind: "delete", text: bare[0], at, reason: "referent" });
        edits.push({ kind: "insert", text: named, at, reason: "referent" });
        referent ??= named;
        restFrom = at + bare[0].length;
      }
    }
    // "… will have to wait until 2005 to get the device": a bare description of a product or an
    // organisation in object position, in brackets when the sentence before is about one.
    const object = restFrom === subjectEnd ? this.unresolvedAt(a, restFrom) : undefined;
    if (object) {
      const named = this.objectReferent(block, i, a, toks, object.text);
      if (named) {
        edits.push({ kind: "delete", text: object.text, at: object.at, reason: "referent" });
        edits.push({ kind: "insert", text: named, at: object.at, reason: "referent" });
        referent ??= named;
        restFrom = object.at + object.text.length;
      }
    }
    if (!needs && agentlessPassive(a.raw, toks))
      return {
        drop: "a pronoun subject of an agentless passive: neither it nor the agent is said",
      };
    const problem = this.pointsElsewhere(a, toks, subjectEnd, Boolean(referent), restFrom);
    if (problem) return { drop: problem, pointer: true };
    edits.sort((x, y) => x.at - y.at);
    if (!referent) return { edits };
    const nameEnd = viaPrevious ? this.subjectEnds.get(`${block.index}:${i - 1}`) : undefined;
    if (nameEnd === undefined || !needs || typeof needs === "string") return { edits, referent };
    return { edits, referent, previous: { sentence: i - 1, nameEnd, replaced: needs.text } };
  }

  /**
   * A sentence in a language the English tagger cannot read: no bracket is guessed; a sentence
   * that opens with a personal or demonstrative pronoun, or an adverb that points back, is not
   * used (closed word classes of the language), nor one that refers to text the reader lacks.
   */
  private decideForeign(block: Block, i: number): Standalone {
    const sentence = block.sentences[i]!;
    const raw = block.text.slice(sentence.start, sentence.end);
    const pointer = FOREIGN_POINTER[this.language];
    if (pointer?.test(raw)) return { drop: "opens with a pointer to earlier text", pointer: true };
    if (/^[\p{L}\p{N}_.$-]+:\s/u.test(raw)) return { drop: "a label, not a sentence" };
    return { edits: [] };
  }

  /** The subject to replace ("It", "The military organisation"), "pointer", or undefined. */
  private needsReferent(
    a: Analysed,
    toks: Tok[],
  ): { text: string; pronoun?: string } | "pointer" | undefined {
    const view = a.raw.slice(a.from);
    const first = toks[0]!;
    const second = toks[1];
    if (SUBJECT_PRONOUN.test(first.text) || /^(?:it|they)$/u.test(first.text)) {
      if (EXPLETIVE.test(`It${view.slice(first.text.length)}`) && /^it$/iu.test(first.text))
        return undefined;
      if (second && VERB.has(second.pos)) return { text: first.text };
      if (second?.pos === "ADV" && toks[2] && VERB.has(toks[2].pos)) return { text: first.text };
      return "pointer";
    }
    if (POINTER_START.test(view) || /^(?:this|that|these|those|its|their)\b/u.test(view))
      return "pointer";
    // "The system's short comings …": a description's possessive leans on it the same way.
    if (
      new RegExp(`^the (?:[\\p{Ll}-]+ ){0,3}(?:${GENERIC_WORDS}|system)['’]s\\b`, "iu").test(view)
    )
      return "pointer";
    if (/^the$/iu.test(first.text)) {
      const head = this.bareDescription(a, toks, 0);
      return head ? { text: a.raw.slice(a.from, head.end) } : undefined;
    }

    // "For Ukrainians, it is …", "By launching the PSP …, they built …": a pronoun subject of the
    // main clause after a fronted phrase. Its antecedent may be the subject of a fronted clause
    // ("When NATO met, it agreed …"), never a word of a phrase or of a clause without a subject.
    const pronounSubject = (n: number) =>
      /^(?:it|they|he|she)$/iu.test(toks[n]?.text ?? "") && VERB.has(toks[n + 1]?.pos ?? "");
    // "By launching the PSP … they built …": a gerund phrase has no subject to lend.
    if (first.pos === "ADP" && second?.pos === "VERB" && /ing$/iu.test(second.text)) {
      // The first noun or pronoun that a verb follows is the main clause's subject.
      const n = toks.findIndex(
        (t, k) =>
          k > 1 &&
          ["NOUN", "PROPN", "PRON"].includes(t.pos) &&
          !/^(?:who|which|that|whom|whose)$/iu.test(t.text) &&
          !DEMONYM.test(t.text) &&
          VERB.has(toks[k + 1]?.pos ?? ""),
      );
      if (n > 1 && pronounSubject(n)) return "pointer";
    }
    const comma = toks.findIndex((t, n) => n > 0 && a.raw.slice(t.end, t.end + 1) === ",");
    const after = comma >= 0 ? toks[comma + 1] : undefined;
    const fronting = ["ADP", "SCONJ", "ADV", "VERB"].includes(first.pos);
    // "In the South Caucasus, the conflict has …": a description after a fronted phrase.
    if (after && fronting && /^the$/iu.test(after.text) && this.bareDescription(a, toks, comma + 1))
      return "pointer";
    const purpose = /^to$/iu.test(first.text) && second?.pos === "VERB";
    if (after && pronounSubject(comma + 1) && (fronting || purpose)) {
      const fronted = toks.slice(0, comma + 1);
      const verb = fronted.findIndex((t) => VERB.has(t.pos));
      const subject =
        !purpose &&
        verb > 1 &&
        fronted.slice(1, verb).some((t) => t.pos === "PROPN" || t.pos === "NOUN");
      // "To counter NATO's influence in his backyard …, he has launched …": a purpose clause
      // does not change what the main clause states, so it is deleted with the pronoun and the
      // referent goes in brackets where the clause starts. Any other fronted phrase may ("For
      // Ukrainians, it is …"): the sentence is not used.
      if (!subject && purpose) return { text: a.raw.slice(a.from, after.end), pronoun: after.text };
      if (!subject) return "pointer";
    }
    return undefined;
  }

  /**
   * The head of a definite description "the …" starting at toks[at] when it is a clause's
   * subject and nothing in the sentence says what it is ("The media player aspect is …", "The
   * tree can be …"); undefined for a name ("the UMD format"), a number, or a description its
   * own modifier completes ("the cost of …", "the war in Ukraine").
   */
  private bareDescription(a: Analysed, toks: Tok[], at: number): Tok | undefined {
    let j = at + 1;
    while (
      j < toks.length &&
      (["ADJ", "NOUN", "NUM", "PROPN"].includes(toks[j]!.pos) ||
        (toks[j]!.pos === "ADV" && toks[j + 1]?.pos === "ADJ"))
    )
      j++;
    const np = toks.slice(at + 1, j);
    const head = np.at(-1);
    const after = toks[j];
    if (head?.pos !== "NOUN") return undefined;
    // A name in the phrase anchors it ("the UMD format", "the Nintendo console"); a
    // nationality does not ("the Japanese gaming giant").
    if (np.some((t) => t.pos === "PROPN" && !DEMONYM.test(t.text))) return undefined;
    if (np.some((t) => t.pos === "NUM")) return undefined;
    const next = a.raw.slice(head.end).trimStart();
    const afterAdv = after?.pos === "ADV" ? toks[j + 1] : after;
    const followedByVerb = afterAdv && VERB.has(afterAdv.pos);
    if (!followedByVerb && !/^,/u.test(next)) return undefined;
    // "The company's …", "the war in Ukraine": a modifier may make it a name; keep those.
    if (/^(?:of|in|on|between|against|for|from|at|that|which|who)\b/u.test(next)) return undefined;
    // A definite description as the subject takes its meaning from text before it: resolved
    // when it names an actor, else not used.
    return head;
  }

  /**
   * The first bare description after `from` whose generic word is its head: in "the handheld
   * market" a noun follows the generic word, so the phrase is about a market and leans on
   * nothing.
   */
  private unresolvedDescription(a: Analysed, from: number): string | undefined {
    const pattern = new RegExp(BARE_DESCRIPTION.source, "gu");
    for (const m of a.raw.slice(from).matchAll(pattern)) {
      const end = from + m.index + m[0].length;
      const next = a.toks.find((t) => t.start >= end);
      if (next?.pos === "NOUN") continue;
      if (this.namedBefore(a.raw, from + m.index, m[0])) continue;
      return m[0];
    }
    return undefined;
  }

  /**
   * Whether a singular description of a product or an organisation ("the device", "the
   * alliance") has its referent earlier in its own sentence: the one subject of the brief named
   * before it ("Nintendo released its new DS console … and raised shipment targets for the
   * device by 40%").
   */
  private namedBefore(raw: string, at: number, description: string): boolean {
    const head = /(\S+)$/u.exec(description)?.[1] ?? "";
    if (!OBJECT_THING.test(head) && !ORGANISATION.test(head)) return false;
    const before = raw.slice(0, at);
    const mentions = findMentions(before, this.ctx.matchers);
    const named = new Set(mentions.map((m) => m.subject));
    if (named.size !== 1) return false;
    // By the word that tells the product from its maker ("DS", not "Nintendo": "Sony has touted
    // the machine" does not say which machine).
    const subject = [...named][0]!;
    const distinctive = subject.split(/\s+/u).pop()!.toLowerCase();
    return mentions.some((m) =>
      before.slice(m.start, m.end).toLowerCase().split(/\s+/u).includes(distinctive),
    );
  }

  /** The first unresolved bare description after `from`, with its offset in the sentence. */
  private unresolvedAt(a: Analysed, from: number): { text: string; at: number } | undefined {
    const pattern = new RegExp(BARE_DESCRIPTION.source, "gu");
    for (const m of a.raw.slice(from).matchAll(pattern)) {
      const end = from + m.index + m[0].length;
      const next = a.toks.find((t) => t.start >= end);
      if (next?.pos === "NOUN") continue;
      return { text: m[0], at: from + m.index };
    }
    return undefined;
  }

  /**
   * The referent of a bare description in object position ("to get the device"): the name that
   * is the subject of the sentence before (through its pronoun, "It went on sale …"), when that
   * name is a subject of the brief as the source writes it (for a product, with the word that
   * tells it from its maker: "the DS", not "Nintendo"), and no other party could be meant:
   * neither sentence names another subject of the brief, this one names no subject at all, and
   * its only other names are places. The description must be singular, of a product or an
   * organisation; "the lightweight device" with its modifiers is replaced whole.
   */
  private objectReferent(
    block: Block,
    i: number,
    a: Analysed,
    toks: Tok[],
    description: string,
  ): string | undefined {
    const head = /(\S+)$/u.exec(description)?.[1] ?? "";
    const product = OBJECT_THING.test(head);
    if (!product && !ORGANISATION.test(head)) return undefined;
    const prev = this.previous(block, i);
    if (!prev) return undefined;
    const name = this.subjectName(prev[0], prev[1]);
    if (!name) return undefined;
    const subjects = new Set(findMentions(name, this.ctx.matchers).map((m) => m.subject));
    if (subjects.size !== 1) return undefined;
    const subject = [...subjects][0]!;
    const distinctive = subject.split(/\s+/u).pop()!.toLowerCase();
    if (product && !name.toLowerCase().split(/\s+/u).includes(distinctive)) return undefined;
    if (findMentions(a.raw, this.ctx.matchers).length > 0) return undefined;
    const s = prev[0].sentences[prev[1]]!;
    const prevText = prev[0].text.slice(s.start, s.end);
    if (findMentions(prevText, this.ctx.matchers).some((m) => m.subject !== subject))
      return undefined;
    const places = placeNames(a.raw);
    const inPlace = (t: Tok) => places.some((p) => t.start >= p.start && t.end <= p.end);
    if (toks.some((t) => t.pos === "PROPN" && /^\p{Lu}/u.test(t.text) && !inPlace(t)))
      return undefined;
    return name;
  }

  /** A reason the sentence still leans on other text after its subject, or undefined. */
  private pointsElsewhere(
    a: Analysed,
    toks: Tok[],
    subjectEnd: number,
    resolved: boolean,
    restFrom = subjectEnd,
  ): string | undefined {
    const rest = a.raw.slice(subjectEnd);
    if (CONTEXT_PHRASE.test(` ${rest}`)) return "compares with or continues earlier text";
    const bare = this.unresolvedDescription(a, restFrom);
    if (bare) return `“${bare}” has no referent in the sentence`;
    // "… to utilise the dual screens": a definite description that counts its members refers to
    // a set named before it; in the sentence itself, two names at least must come first.
    const counted = COUNTED_SET.exec(a.raw.slice(restFrom));
    if (counted) {
      const at = restFrom + counted.index;
      const names = new Set(
        a.toks
          .filter((t) => t.end <= at && t.pos === "PROPN" && /^\p{Lu}/u.test(t.text))
          .map((t) => t.text),
      );
      if (names.size < 2) return `“${counted[0]}” counts a set the sentence does not name`;
    }
    const verb = toks.findIndex((t) => VERB.has(t.pos));
    const name = (t: Tok) => t.pos === "PROPN" && /^\p{Lu}/u.test(t.text);
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]!;
      if (t.start < subjectEnd) continue;
      const next = toks[k + 1];
      if (/^(?:this|these|those)$/iu.test(t.text)) {
        if (next && DEICTIC_OK.test(next.text)) continue;
        return `“${t.text} ${next?.text ?? ""}” points back`;
      }
      if (/^that$/iu.test(t.text) && t.pos === "DET" && next?.pos === "NOUN") {
        if (DEICTIC_OK.test(next.text)) continue;
        return `“that ${next.text}” points back`;
      }
      if (t.pos !== "PRON" || !(PERSON.test(t.text) || PERSONAL.test(t.text))) continue;
      if (k === 0 && /^it$/iu.test(t.text) && EXPLETIVE.test(`It${a.raw.slice(t.end)}`)) continue;
      // A pronoun in the clause of the sentence's subject cannot mean that subject
      // ("Azerbaijan and Georgia withdrew from it"); an antecedent must come before it.
      const object =
        !/^(?:its|their|his|her)$/iu.test(t.text) &&
        ["ADP", "VERB"].includes(toks[k - 1]?.pos ?? "") &&
        !(next && VERB.has(next.pos));
      const sameClause =
        object &&
        verb >= 0 &&
        k > verb &&
        !toks.slice(verb, k).some((x) => x.text === "," || x.pos === "SCONJ" || x.pos === "CCONJ");
      // "It" is one thing: a plural noun ("games", "Ukrainians") is not its antecedent.
      const singular = /^(?:it|its|itself)$/iu.test(t.text);
      const plural = (x: Tok) =>
        (x.pos === "NOUN" && x.lemma !== x.text.toLowerCase() && /s$/iu.test(x.text)) ||
        (x.pos === "PROPN" && /\p{Ll}(?:ians|eans|icans|ese)$/u.test(x.text));
      const candidates = toks
        .slice(0, k)
        .filter(
          (x, n) =>
            (x.pos === "NOUN" || name(x)) && !(sameClause && n < verb) && !(singular && plural(x)),
        );
      if (PERSON.test(t.text)) {
        const person = candidates.some(
          (x) => name(x) && !/^\p{Lu}+$/u.test(x.text) && !/(?:ian|ean|ese|ish)$/u.test(x.text),
        );
        if (!person) return `“${t.text}” has no referent in the sentence`;
        continue;
      }
      const possessive = /^(?:its|their)$/iu.test(t.text);
      const later = possessive && toks.slice(k + 1).some(name);
      if (candidates.length === 0 && !later && !(resolved && k > 0))
        return `“${t.text}” has no referent in the sentence`;
    }
    return undefined;
  }
}
