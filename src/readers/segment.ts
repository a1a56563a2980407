/** Sentence segmentation with stable offsets: ICU's sentence breaker plus abbreviation repair. */
import type { Sentence } from "../model/source.js";

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

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

function* segments(text: string): Generator<{ index: number; segment: string }> {
  for (const chunk of chunks(text)) {
    for (const part of segmenter.segment(chunk.text))
      yield { index: chunk.offset + part.index, segment: part.segment };
  }
}

/** Splits `text` into sentences; offsets index into `text`, trimmed of surrounding space. */
export function splitSentences(text: string): Sentence[] {
  const raw: { start: number; end: number }[] = [];
  for (const part of segments(text)) {
    const start = part.index;
    const end = part.index + part.segment.length;
    const previous = raw[raw.length - 1];
    if (previous) {
      const before = text.slice(previous.start, previous.end);
      const next = part.segment.trimStart();
      const joinable = ABBREVIATION.test(before) || (INITIALS.test(before) && !/^[“"]/.test(next));
      if (joinable) {
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
