/**
 * Sentence segmentation with stable offsets: ICU's sentence breaker (Intl.Segmenter) plus a
 * per-language merge list. Node's ICU has no locale-specific abbreviation lists, so "z. B.",
 * "am 1. September" or "2022 р." would otherwise end sentences.
 */
import type { Sentence } from "../model/source.js";

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(language: string): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    s = new Intl.Segmenter(language, { granularity: "sentence" });
    segmenters.set(language, s);
  }
  return s;
}

/** Abbreviations that never end a sentence, per language (the base tag: "de", "ru", "uk"). */
const LANGUAGE_ABBREVIATIONS: Record<string, RegExp> = {
  de: /(?:^|[\s(„“"'])(?:z|B|d|h|u|a|o|s|v|Chr|bzw|ca|Nr|Dr|Prof|Mio|Mrd|Tsd|vgl|ggf|inkl|exkl|evtl|bspw|Jh|Jhd|St|Hr|Fr|Str|Abs|Art|Kap|Bd|Hrsg|gem|lt|max|min|rd|sog|u\.a|z\.B|d\.h|u\.U|o\.ä|s\.o|s\.u|v\.a|zzgl|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez)\.\s*$/u,
  ru: /(?:^|[\s(«"'])(?:г|гг|в|вв|т|тыс|млн|млрд|руб|коп|ок|см|рис|стр|им|ул|д|др|пр|т\.е|т\.д|т\.п|н\.э|янв|февр|апр|авг|сент|окт|нояб|дек)\.\s*$/u,
  uk: /(?:^|[\s(«"'])(?:р|рр|ст|тис|млн|млрд|грн|коп|бл|див|мал|с|вул|ім|т\.зв|т\.б|т\.д|н\.е|січ|лют|бер|квіт|трав|черв|лип|серп|вер|жовт|лист|груд)\.\s*$/u,
};

/** German ordinals ("am 1. September", "im 21. Jahrhundert", "die 2. Generation"). */
const GERMAN_MONTH =
  /^(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez)\b/u;
const ORDINAL_AFTER_WORD =
  /(?:^|\s)(?:am|im|vom|zum|beim|bis|ab|seit|dem|den|der|die|das|des|zur|ihr|ihre|sein|seine|ein|eine|einer|jeder|jede|jedes)\s+\d{1,3}\.\s*$/iu;
const ORDINAL = /(?:^|[\s(])\d{1,3}\.\s*$/u;

/** Abbreviations after which ICU wrongly ends a sentence. */
const ABBREVIATION =
  /(?:^|[\s(“"'])(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Capt|Rep|Sen|Gov|Jr|Sr|vs|etc|approx|No|Nos|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e|cf|al|Vol|pp|p|ca|Art|Fig)\.\s*$/;
/** Initials and dotted acronyms: "U.S.", "U.N.", "J." */
const INITIALS = /(?:^|[\s(“"'])(?:[A-Z]\.){1,3}\s*$/;

/** Longest piece handed to the segmenter at once: V8's iteration slows down quadratically. */
const CHUNK = 8_000;

/** Cuts long text into pieces that end after sentence punctuation (or, failing that, a space). */
function chunks(text: string): { offset: number; text: string }[] {
  const out: { offset: number; text: string }[] = [];
  let at = 0;
  while (text.length - at > CHUNK) {
    const window = text.slice(at, at + CHUNK);
    let cut = -1;
    for (const m of window.matchAll(/[.!?]["”’)]?\s+(?=\S)/g)) cut = m.index + m[0].length;
    if (cut <= 0) cut = window.lastIndexOf(" ") + 1;
    if (cut <= 0) cut = CHUNK;
    out.push({ offset: at, text: text.slice(at, at + cut) });
    at += cut;
  }
  out.push({ offset: at, text: text.slice(at) });
  return out;
}

function* segments(text: string, language: string): Generator<{ index: number; segment: string }> {
  const segmenter = segmenterFor(language);
  for (const chunk of chunks(text)) {
    for (const part of segmenter.segment(chunk.text))
      yield { index: chunk.offset + part.index, segment: part.segment };
  }
}

/** Whether ICU's break between `before` and `next` falls inside a sentence of `language`. */
function joins(before: string, next: string, language: string): boolean {
  if (ABBREVIATION.test(before) || (INITIALS.test(before) && !/^[“"„«]/u.test(next))) return true;
  const base = language.toLowerCase().split("-")[0]!;
  if (LANGUAGE_ABBREVIATIONS[base]?.test(before)) return true;
  // No sentence of these languages opens with a small letter: "… 2022 р. у Києві", "ca. 150".
  if (/^\p{Ll}/u.test(next) && /(?:^|\s)[\p{L}\d]{1,4}\.\s*$/u.test(before)) return true;
  if (base === "de" && ORDINAL.test(before)) {
    return GERMAN_MONTH.test(next) || ORDINAL_AFTER_WORD.test(before) || /^\p{Ll}/u.test(next);
  }
  return false;
}

/**
 * Splits `text` into sentences; offsets index into `text`, trimmed of surrounding space.
 * `language` (BCP 47) picks the merge list: German ordinals and abbreviations, Russian and
 * Ukrainian abbreviations; English by default.
 */
export function splitSentences(text: string, language = "en"): Sentence[] {
  // A paragraph syndicated or repeated across sources is segmented once (copies returned, so
  // no two blocks share a sentence object). Bounded, so a long watch session cannot grow it.
  const key = `${language}\u0000${text}`;
  let sentences = segmented.get(key);
  if (!sentences) {
    sentences = segment(text, language);
    if (segmented.size >= SEGMENTED_MAX) segmented.clear();
    segmented.set(key, sentences);
  }
  return sentences.map((s) => ({ ...s }));
}

const segmented = new Map<string, Sentence[]>();
const SEGMENTED_MAX = 50_000;

function segment(text: string, language: string): Sentence[] {
  const raw: { start: number; end: number }[] = [];
  for (const part of segments(text, language)) {
    const start = part.index;
    const end = part.index + part.segment.length;
    const previous = raw[raw.length - 1];
    if (previous) {
      const before = text.slice(previous.start, previous.end);
      const next = part.segment.trimStart();
      if (joins(before, next, language)) {
        previous.end = end;
        continue;
      }
    }
    raw.push({ start, end });
  }
  const sentences: Sentence[] = [];
  for (const { start, end } of raw) {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e <= s) continue;
    sentences.push({ index: sentences.length + 1, start: s, end: e, text: text.slice(s, e) });
  }
  return sentences;
}

/** Word count as readers count words: runs of letters or digits. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
