/**
 * Statement candidates ("units"): the source sentences that can stand alone as a claim.
 * Headings, questions, lines ending in a colon, first/second person and reader-directed
 * chatter are not statements. A sentence whose subject points back ("It annexed …", "The
 * company is …") gets its referent in brackets when the sentence before names it
 * (`referents.ts`); one that still leans on other text ("This is why …", "the following") is
 * not used.
 */

import type { Edit } from "../model/briefing.js";
import type { Block, Source } from "../model/source.js";
import { PROTECTED, renderEdits } from "../util/edits.js";
import {
  baseLanguage,
  contentStems,
  STOP_WORDS,
  type Token,
  tokenize as tokenizeText,
} from "../util/text.js";
import { applyEdits, computeEdits, LOWER_START, type Passage } from "./claims.js";
import { prefetchTags } from "./nlp.js";
import { CONDITIONAL_START, SourceReferents } from "./referents.js";
import { findMentions, type SubjectMatcher } from "./subjects.js";
import { MAX_STRUCTURE_CHARS } from "./syntax.js";

export interface Unit extends Passage {
  /** `sourceId:block:first[-last]`. */
  key: string;
  sourceIndex: number;
  /** Keys of every sentence covered, `sourceId:block:n`. */
  sentenceKeys: string[];
  /** The source text of the passage. */
  original: string;
  edits: Edit[];
  /** The passage after its edits, without marks (the claim shows them marked). */
  text: string;
  tokens: Token[];
  stems: string[];
  words: number;
  /** Subjects named in the passage itself, in order of first mention, with counts. */
  named: string[];
  /** 0…1 per subject: how clearly the passage is about it. */
  focus: Map<string, number>;
  /** 0…1: numbers, dates, names up; short, chatty or hedged down. */
  info: number;
  /** 1-based position of the block among the source's non-heading blocks. */
  order: number;
  quoted: boolean;
  /** Reads right only after an attribution ("According to X, the CSTO is …"). */
  attributedOnly: boolean;
}

const QUOTED_SPAN = /[“"][^”"]*[”"]/gu;
/**
 * Sentences that address the reader or speak as the writer (English and German). Case matters:
 * "US" is the United States, not "us"; German "Sie" (you, formal) is also "they", so it is not
 * taken.
 */
const READER =
  /\b(?:[Yy]ou|[Yy]our|[Yy]ours|[Yy]ourself|guys|[Ll]et['’]s|[Ll]et us|[Dd]u|[Dd]ich|[Dd]ir|[Dd]ein\p{L}*|[Ee]uch|[Ee]uer\p{L}*)\b/u;
const FIRST_PERSON =
  /(?:\bI\b|\bI['’](?:m|d|ve|ll)\b|\b(?:[Mm]e|[Mm]y|[Mm]ine|[Ww]e|[Ww]e['’](?:re|ll|ve|d)|us|[Oo]ur|[Oo]urs|[Ii]ch|[Ww]ir|[Mm]ich|[Mm]ir|[Mm]ein\p{L}*|[Uu]nser\p{L}*|uns)\b)/u;
const POINTS_BACK =
  /^(?:This|That|These|Those|It|Its|It['’]s|They|Their|Them|He|She|His|Her|Such|Which|Both|Here|The rest|The other|The latter|The former|The two|That is|Then|Neither|None of these)\b/u;
/** Instructions to the reader: "See Options below.", "Please note …", "Install it with …". */
const IMPERATIVE =
  /\b[Pp]lease\b|^(?:Nope|Yep|Yeah|Wow|Oh|Hey)\b|^(?:Note|See|Read|Check|Use|Install|Have a look|Make sure|Try|Consider|Remember|Imagine|Click|Visit|Learn|Subscribe|Follow|Download)\b|\b(?:see|read|check|refer to)\b[^.]*\b(?:below|above)\b/u;
const TERMINAL = /[.!…"”’')\]]\s*$/u;
const CHATTY =
  /\b(?:really|super|pretty|kind of|sort of|guess|obviously|truly|fascinating|dive|deep dive|basically|literally|okay|alright|stuff|huge|massive|honestly|tough spot|yes|of course)\b/giu;
const NUMBER = /(?<![\p{L}\d[])\d[\d,.]*(?![\]\d])/gu;
const YEAR = /\b(?:1[89]|20)\d\d\b/u;

interface SentenceInfo {
  index: number;
  start: number;
  end: number;
  usable: boolean;
  pointsBack: boolean;
  canAnchor: boolean;
  lowerStart: boolean;
}

function outsideQuotes(text: string): string {
  return text.replace(QUOTED_SPAN, " ");
}

/** A sentence opening in lower case is a fragment unless it opens with a name or identifier. */
function fragmentStart(text: string, matchers: SubjectMatcher[]): boolean {
  if (/^[^\p{L}\p{N}"“'‘(]/u.test(text)) return true;
  if (!/^\p{Ll}/u.test(text)) return false;
  const first = /^\S+/u.exec(text)?.[0] ?? "";
  if (/[\p{N}\p{Lu}\-./_]/u.test(first.slice(1))) return false;
  return !findMentions(text, matchers).some((m) => m.start === 0);
}

/**
 * Whether a quotation runs across the sentence's edge: a closing mark with no opening one before
 * it (`There are … a buzz," he says.`), or an opening mark never closed. Such a sentence is part
 * of a quotation whose speaker or beginning is in the next or previous sentence.
 */
export function unbalancedQuote(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === "“") depth++;
    else if (ch === "”") {
      if (depth === 0) return true;
      depth--;
    }
  }
  if (depth > 0) return true;
  // A straight mark right after a digit is an inch mark (a 4.3" screen), not a quotation mark.
  const straight = [...text.matchAll(/(?<!\d)"/gu)];
  return straight.length % 2 === 1;
}

/** What `classify` reads from a sentence's text alone, by text (sentences recur across sources). */
type Verdict = Pick<SentenceInfo, "usable" | "pointsBack" | "canAnchor" | "lowerStart">;

function classify(
  block: Block,
  index: number,
  matchers: SubjectMatcher[],
  verdicts?: Map<string, Verdict>,
): SentenceInfo {
  const s = block.sentences[index]!;
  const raw = s.text.trim();
  let verdict = verdicts?.get(raw);
  if (!verdict) {
    verdict = judge(raw, matchers);
    verdicts?.set(raw, verdict);
  }
  return { index: s.index, start: s.start, end: s.end, ...verdict };
}

function judge(raw: string, matchers: SubjectMatcher[]): Verdict {
  const lowerStart = LOWER_START.test(raw);
  const edited = applyEdits(raw, computeEdits(raw, { lowercaseStart: lowerStart }));
  const bare = outsideQuotes(edited);
  const wordCount = edited.split(/\s+/u).filter(Boolean).length;
  const question = /\?["”’')]*\s*$/u.test(raw);
  const colon = /[:;]\s*$/u.test(raw);
  const open = !TERMINAL.test(raw);
  const aside = raw.startsWith("(") || raw.startsWith("[");
  const personal = READER.test(bare) || FIRST_PERSON.test(bare);
  const splitQuote = unbalancedQuote(raw);
  const stripped = edited.replace(/^(?:And|But|So|Yet|Or)\s+/u, "");
  const pointsBack =
    (!lowerStart && (POINTS_BACK.test(stripped) || CONDITIONAL_START.test(stripped))) ||
    /^(?:And|But|So)\s+(?:it|they|this|that)\b/u.test(edited);
  const directed = IMPERATIVE.test(edited);
  const fragment = !lowerStart && fragmentStart(raw, matchers);
  const ok =
    !question &&
    !colon &&
    !open &&
    !aside &&
    !personal &&
    !directed &&
    !fragment &&
    !splitQuote &&
    wordCount >= 5 &&
    wordCount <= 70;
  return { usable: ok, pointsBack, canAnchor: ok && !pointsBack, lowerStart };
}

function infoScore(text: string, tokens: Token[], words: number): number {
  let score = 0;
  const numbers = (text.match(NUMBER) ?? []).length;
  score += Math.min(numbers, 2) * 0.12;
  if (YEAR.test(text)) score += 0.1;
  let names = 0;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (/^\p{Lu}/u.test(t.raw) && !STOP_WORDS.has(t.norm)) names++;
  }
  score += Math.min(names, 4) * 0.07;
  if (words >= 12 && words <= 40) score += 0.3;
  else if (words >= 8 && words <= 55) score += 0.15;
  const chatty = (text.match(CHATTY) ?? []).length;
  score -= chatty * 0.15;
  if (/!\s*$/u.test(text)) score -= 0.1;
  return Math.max(0, Math.min(1, score + 0.1));
}

export interface UnitContext {
  matchers: SubjectMatcher[];
  /** Filled with the ids of sources whose candidates were cut at `MAX_UNITS_PER_SOURCE`. */
  truncated?: string[];
}

/**
 * Most statements a source contributes (in reading order; repeated sentences count once).
 * Keeps the pairwise steps (similarity, support, disagreements) bounded on huge inputs.
 */
export const MAX_UNITS_PER_SOURCE = 400;

function blockFocus(
  named: string[],
  blockNamed: string[],
  headingNamed: string[],
  titleNamed: string[],
): Map<string, number> {
  const focus = new Map<string, number>();
  if (named.length === 1) focus.set(named[0]!, 1);
  else if (named.length > 1) {
    for (const [i, n] of named.entries()) focus.set(n, i === 0 ? 0.75 : 0.5);
  } else if (blockNamed.length === 1) focus.set(blockNamed[0]!, 0.6);
  else if (blockNamed.length === 0 && headingNamed.length === 1) focus.set(headingNamed[0]!, 0.3);
  else if (blockNamed.length === 0 && headingNamed.length === 0 && titleNamed.length === 1) {
    // A source whose title names one subject is about it where nothing says otherwise.
    focus.set(titleNamed[0]!, 0.3);
  }
  return focus;
}

function namedInText(text: string, matchers: SubjectMatcher[]): string[] {
  const out: string[] = [];
  for (const m of findMentions(text, matchers)) if (!out.includes(m.subject)) out.push(m.subject);
  return out;
}

/**
 * Every statement candidate of every source, in corpus order. What depends on a text alone
 * (a sentence's verdict, the subjects a text names, a passage's tokens) is read once per text in
 * the run: syndicated and repeated paragraphs recur across sources.
 */
export function buildUnits(sources: Source[], ctx: UnitContext): Unit[] {
  const units: Unit[] = [];
  const verdicts = new Map<string, Verdict>();
  const namedMemo = new Map<string, string[]>();
  const tokensMemo = new Map<string, Token[]>();
  // Copies, so no unit shares an array with another.
  const namedIn = (text: string, matchers: SubjectMatcher[]) => {
    let named = namedMemo.get(text);
    if (!named) {
      named = namedInText(text, matchers);
      namedMemo.set(text, named);
    }
    return [...named];
  };
  const tokenize = (text: string) => {
    let tokens = tokensMemo.get(text);
    if (!tokens) {
      tokens = tokenizeText(text);
      tokensMemo.set(text, tokens);
    }
    return [...tokens];
  };
  sources.forEach((source, sourceIndex) => {
    let headingNamed: string[] = [];
    const titleNamed = namedIn(source.title, ctx.matchers);
    let order = 0;
    let count = 0;
    let truncated = false;
    const seen = new Set<string>();
    const referents = new SourceReferents(source, { matchers: ctx.matchers });
    // The NLP thread reads this source's sentences ahead, in order, while this loop judges them:
    // an English source's (referents.ts tags no other language), those short enough to be a
    // statement or the sentence one leans on. What is not sent by the next source is dropped
    // (prefetchTags), so a long source capped at MAX_UNITS_PER_SOURCE delays no other.
    if (baseLanguage(source.language) === "en") {
      prefetchTags(
        source.blocks.flatMap((b) =>
          b.kind === "heading"
            ? []
            : b.sentences
                .filter((s) => s.end - s.start <= MAX_STRUCTURE_CHARS)
                .map((s) => b.text.slice(s.start, s.end)),
        ),
      );
    }
    for (const block of source.blocks) {
      if (block.kind === "heading") {
        headingNamed = namedIn(block.text, ctx.matchers);
        continue;
      }
      order++;
      const blockNamed = namedIn(block.text, ctx.matchers);
      const infos: SentenceInfo[] = [];
      const infoAt = (i: number): SentenceInfo => {
        infos[i] ??= classify(block, i, ctx.matchers, verdicts);
        return infos[i];
      };
      for (let i = 0; i < block.sentences.length; i++) {
        if (count >= MAX_UNITS_PER_SOURCE) {
          if (!truncated) ctx.truncated?.push(source.id);
          truncated = true;
          break;
        }
        const info = infoAt(i);
        if (!info.usable) continue;
        const standalone = referents.standalone(block, i);
        let first = info;
        let edits: Edit[];
        if ("drop" in standalone) {
          // A sentence that only leans on the one before it in the ¶ is quoted with it.
          if (!standalone.pointer || !info.pointsBack || i === 0) continue;
          const prev = infoAt(i - 1);
          const anchor = referents.standalone(block, i - 1);
          if (!prev.canAnchor || "drop" in anchor || anchor.referent) continue;
          first = prev;
          const offset = info.start - prev.start;
          edits = [
            ...anchor.edits,
            ...computeEdits(block.text.slice(info.start, info.end))
              .filter((e) => e.reason !== "leading-connective")
              .map((e) => ({ ...e, at: e.at + offset })),
          ];
        } else if (standalone.previous && !YEAR.test(block.text.slice(info.start, info.end))) {
          // "In 2014 Russia broke this rule. It annexed Crimea …": when the sentence before
          // gives the date, quote from it, eliding what lies between the name and what this
          // sentence says of it: "In 2014 Russia … annexed Crimea …".
          const prev = infoAt(i - 1);
          const { nameEnd, replaced } = standalone.previous;
          const lead = block.text.slice(prev.start, prev.start + nameEnd);
          const replacedAt =
            standalone.edits.find((e) => e.kind === "delete" && e.reason === "referent")?.at ?? 0;
          const elidedEnd = info.start + replacedAt + replaced.length;
          const elided = block.text.slice(prev.start + nameEnd, elidedEnd);
          const prevEdits = referents.standalone(block, i - 1);
          const headEdits =
            "drop" in prevEdits || prevEdits.referent
              ? computeEdits(lead, { markCase: true })
              : prevEdits.edits.filter((e) => e.at + e.text.length <= nameEnd);
          const offset = info.start - prev.start;
          if (
            prev.usable &&
            YEAR.test(lead) &&
            !PROTECTED.test(elided) &&
            headEdits.every((e) => e.reason === "leading-connective" || e.kind === "case")
          ) {
            first = prev;
            edits = [
              ...headEdits,
              { kind: "delete", text: elided, at: nameEnd, reason: "elision" },
              ...standalone.edits
                .filter((e) => e.reason !== "referent" && e.reason !== "leading-connective")
                .filter((e) => !(e.kind === "case" && e.at === 0))
                .map((e) => ({ ...e, at: e.at + offset })),
            ];
          } else edits = standalone.edits;
        } else edits = standalone.edits;
        const original = block.text.slice(first.start, info.end);
        const lowerStart = first === info && info.lowerStart;
        // What the engine measures: the edited text without marks (claims show the marks).
        const text = renderEdits(original, edits, { marks: false });
        const wordCount = text.split(/\s+/u).filter(Boolean).length;
        if (wordCount > 75 || seen.has(text)) continue;
        seen.add(text);
        count++;
        const tokens = tokenize(text);
        const named = namedIn(original, ctx.matchers);
        const keys: string[] = [];
        for (let n = first.index; n <= info.index; n++)
          keys.push(`${source.id}:${block.index}:${n}`);
        const range = info.index > first.index ? `${first.index}-${info.index}` : `${first.index}`;
        units.push({
          key: `${source.id}:${block.index}:${range}`,
          sourceId: source.id,
          sourceIndex,
          block,
          first: first.index,
          last: info.index,
          start: first.start,
          end: info.end,
          sentenceKeys: keys,
          original,
          edits,
          text,
          tokens,
          stems: contentStems(tokens),
          words: wordCount,
          named,
          focus: blockFocus(named, blockNamed, headingNamed, titleNamed),
          info: infoScore(text, tokens, wordCount),
          order,
          quoted: block.kind === "quote",
          attributedOnly: lowerStart,
        });
      }
      if (truncated) break;
    }
  });
  return units;
}
