/**
 * Quantities: every amount a sentence states, with its magnitude and unit resolved, before anyone
 * decides what it counts. "1.3 million" → 1,300,000; "three million" → 3,000,000; "$2.6bn" →
 * 2.6e9 USD; "19,800 yen" → 19,800 JPY; "between £130 and £200" → a range; "nearly 130,000" keeps
 * its qualifier. Years, days of the month, ordinals, versions, model numbers ("Nintendo 64",
 * "PS2"), ratios ("3.5 to 1") and technical units ("32MB", "222MHz") are not amounts.
 *
 * A hand-written scanner rather than compromise's `numbers()`: measured on these sentences,
 * compromise takes ~6 ms a sentence (the whole analysis budget is 500 ms), reads the "and" of
 * "between £130 and £200" as the number 0, misses "US$249.99" and keeps the full stop of "2005."
 * in the number's text; its values otherwise agree with this scanner (tests/engine/values.test.ts
 * checks both on the same phrases). Deterministic, offline, about 20 µs a sentence.
 */

import { baseLanguage } from "../util/text.js";

export type Currency = "USD" | "GBP" | "EUR" | "JPY";

export interface Amount {
  /** The value with its magnitude applied (for a range, the low end). */
  value: number;
  /** The amount as written, qualifier and range included: "nearly 130,000", "between £130 and £200". */
  text: string;
  /** The number alone as written: "1.3 million", "£99". */
  numberText: string;
  /** "GBP" | "USD" | "EUR" | "JPY" | "%"; absent for plain counts. */
  unit?: Currency | "%";
  /** "nearly", "more than", "about"… as written. */
  approx?: string;
  low?: number;
  high?: number;
  /** Written in words ("three", "three million"). */
  spelled: boolean;
  /** Has a magnitude word or suffix ("million", "bn", "4m"). */
  scaled: boolean;
  /** The word joined to the number by a hyphen ("20-year" → "year"): an adjective, not an amount. */
  compound?: string;
  /** Offsets of `text` in the sentence, and of the number alone. */
  start: number;
  end: number;
  numberStart: number;
  numberEnd: number;
}

/** An amount that was seen but whose value cannot be trusted (garbled currency, odd digits). */
export interface Rejected {
  text: string;
  reason: string;
  start: number;
}

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALE: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  dozen: 12,
};
const SUFFIX_SCALE: Record<string, number> = {
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  bn: 1e9,
  b: 1e9,
  tn: 1e12,
};

const WORD = `(?:${Object.keys(SMALL).join("|")})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?`;
const SCALE_WORD = "(?:hundred|thousand|million|billion|trillion)";
const PREFIX = String.raw`(?:¬£|US\$|\$|£|€|¥)`;
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** A cheap test first: digits or a number word (most sentences have neither). */
const MAY_HOLD =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen)\b/iu;
/** One amount: [prefix] number [magnitude] [suffix unit]. */
const AMOUNT = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,/#\\[-])(${PREFIX})?(?:(${DIGITS})(?:\s?(${SCALE_WORD}s?\b)|(bn|mn|tn|k|m|b)(?![\p{L}\p{N}]))?|(\b(?:a|an)\s+(?:${SCALE_WORD}|dozen)\b|\b${WORD}(?:\s+${WORD})*(?:\s+${SCALE_WORD}|\s+dozen)?\b|\b${SCALE_WORD}\b))(\s*(?:%|per ?cent\b|percent\b))?(\s+(?:US\s+dollars|dollars|yen|euros?|pounds(?:\s+sterling)?)\b)?`,
  "giu",
);

const QUALIFIER =
  /((?:just |well |only |an? )?(?:nearly|almost|about|around|roughly|some|approximately|over|more than|less than|fewer than|up to|at least|at most|under|below|above|in excess of|estimated|close to))\s+$/iu;

const CURRENCY_OF: Record<string, Currency> = {
  $: "USD",
  us$: "USD",
  "£": "GBP",
  "€": "EUR",
  "¥": "JPY",
  dollars: "USD",
  "us dollars": "USD",
  yen: "JPY",
  euro: "EUR",
  euros: "EUR",
  pounds: "GBP",
  "pounds sterling": "GBP",
};

const MONTH_NAMES =
  "January|February|March|April|May|June|July|August|September|October|November|December";
const MONTH_BEFORE = new RegExp(`\\b(?:${MONTH_NAMES})\\s*$`, "u");
const MONTH_AFTER = new RegExp(`^\\s*(?:of\\s+)?(?:${MONTH_NAMES})\\b`, "u");

/**
 * How a language writes amounts. English is the default; German groups thousands with "." and
 * writes decimals with "," ("600.000 Einheiten", "149,99 $"), puts the currency after the number
 * ("249 Euro", "34.199 Yen") and has its own magnitude words ("Mio.", "Milliarden") and
 * qualifiers ("rund", "knapp"). Built once per language.
 */
interface NumberLocale {
  amount: RegExp;
  qualifier: RegExp;
  mayHold: RegExp;
  monthBefore: RegExp;
  monthAfter: RegExp;
  /** Digits as written → number ("600.000" → 600000 in German). */
  digits: (written: string) => number;
  scale: Record<string, number>;
  small: Record<string, number>;
  currency: Record<string, Currency>;
}

const SMALL_DE: Record<string, number> = {
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwölf: 12,
  zwanzig: 20,
  dreißig: 30,
  vierzig: 40,
  fünfzig: 50,
  hundert: 100,
};
const SCALE_DE: Record<string, number> = {
  tausend: 1e3,
  mio: 1e6,
  million: 1e6,
  millionen: 1e6,
  mrd: 1e9,
  milliarde: 1e9,
  milliarden: 1e9,
};
const CURRENCY_DE: Record<string, Currency> = {
  euro: "EUR",
  "€": "EUR",
  dollar: "USD",
  "us-dollar": "USD",
  $: "USD",
  yen: "JPY",
  "¥": "JPY",
  pfund: "GBP",
  "£": "GBP",
};
const SCALE_WORD_DE = String.raw`(?:Millionen|Million|Milliarden|Milliarde|Tausend)\b|(?:Mio|Mrd)\.`;
const MONTHS_DE =
  "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember";

const ENGLISH: NumberLocale = {
  amount: AMOUNT,
  qualifier: QUALIFIER,
  mayHold: MAY_HOLD,
  monthBefore: MONTH_BEFORE,
  monthAfter: MONTH_AFTER,
  digits: (w) => Number(w.replace(/,/gu, "")),
  scale: SCALE,
  small: SMALL,
  currency: CURRENCY_OF,
};

const GERMAN: NumberLocale = {
  // Groups as in English: prefix, digits, magnitude word, (no suffix magnitude), number words,
  // percent, currency after the number.
  amount: new RegExp(
    String.raw`(?<![\p{L}\p{N}.,/#\\[-])(${PREFIX})?(?:(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?:\s?(${SCALE_WORD_DE}))?()|(\b(?:${Object.keys(SMALL_DE).join("|")})(?:\s+(?:${SCALE_WORD_DE}))?))(\s*(?:%|Prozent\b))?(\s*(?:US-Dollar\b|Dollar\b|Euro\b|Yen\b|Pfund\b|€|\$|¥|£))?`,
    "gu",
  ),
  qualifier:
    /((?:rund|etwa|ungefähr|ca\.|circa|knapp|fast|beinahe|mehr als|über|weniger als|unter|bis zu|mindestens|höchstens|gut))\s+$/iu,
  mayHold:
    /\d|\b(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|vierzig|fünfzig|hundert|tausend)\b/iu,
  // "am 1. September", "Ende März 2005": a day or a year by a month is a date.
  monthBefore: new RegExp(`\\b(?:${MONTHS_DE})\\s*$`, "u"),
  monthAfter: new RegExp(`^\\.?\\s*(?:${MONTHS_DE})\\b`, "u"),
  digits: (w) => Number(w.replace(/\./gu, "").replace(",", ".")),
  scale: SCALE_DE,
  small: SMALL_DE,
  currency: CURRENCY_DE,
};

function numberLocale(language: string | undefined): NumberLocale {
  return baseLanguage(language) === "de" ? GERMAN : ENGLISH;
}

/** The value of spelled-out number words: "three million" → 3e6, "twenty-five" → 25. */
export function spelledValue(
  words: string,
  small: Record<string, number> = SMALL,
  scales: Record<string, number> = SCALE,
): number | undefined {
  let total = 0;
  let current = 0;
  let any = false;
  for (const raw of words.toLowerCase().split(/\s+/u)) {
    if (raw === "a" || raw === "an") {
      current = 1;
      continue;
    }
    const parts = raw.split("-");
    if (parts.every((p) => p in small) && !(raw in scales)) {
      current += parts.reduce((n, p) => n + small[p]!, 0);
      any = true;
      continue;
    }
    const scale = scales[raw.replace(/\.$/u, "")] ?? scales[raw.replace(/s$/u, "")];
    if (scale === undefined) return undefined;
    any = true;
    if (scale === 100) current = (current || 1) * 100;
    else {
      total += (current || 1) * scale;
      current = 0;
    }
  }
  return any ? total + current : undefined;
}

function scanOne(
  text: string,
  m: RegExpMatchArray,
  locale: NumberLocale,
): { amount?: Omit<Amount, "start" | "end" | "text" | "approx">; rejected?: string } | undefined {
  const [whole, prefix, digits, scaleWord, scaleSuffix, spelled, percent, suffixUnit] = m;
  const at = m.index!;
  const before = text.slice(0, at);
  const after = text.slice(at + whole.length);
  if (prefix === "¬£") return { rejected: "the currency sign is garbled (¬£)" };
  let value: number;
  let scaled = false;
  if (digits !== undefined) {
    value = locale.digits(digits);
    if (scaleWord) {
      const key = scaleWord.toLowerCase().replace(/\.$/u, "");
      value *= locale.scale[key] ?? locale.scale[key.replace(/s$/u, "")] ?? 1;
      scaled = true;
    } else if (scaleSuffix) {
      value *= SUFFIX_SCALE[scaleSuffix.toLowerCase()]!;
      scaled = true;
    }
  } else {
    const v = spelledValue(spelled!.trim(), locale.small, locale.scale);
    if (v === undefined) return undefined;
    // A bare "hundred" or "million" is a number only after a qualifier ("about hundred").
    if (
      /^(?:hundred|thousand|million|billion|trillion|hundert|tausend)$/iu.test(spelled!.trim()) &&
      !locale.qualifier.test(before)
    )
      return undefined;
    value = v;
    scaled = /hundred|thousand|million|billion|trillion|dozen|tausend|mill|mrd|mio/iu.test(
      spelled!,
    );
  }
  if (!Number.isFinite(value)) return { rejected: "the number cannot be read" };
  const unitText = (suffixUnit ?? "").trim().toLowerCase().replace(/\s+/gu, " ");
  const currency = prefix
    ? CURRENCY_OF[prefix.toLowerCase()]
    : unitText
      ? locale.currency[unitText]
      : undefined;
  const unit: Amount["unit"] = percent ? "%" : currency;
  // Not amounts: years, days of the month, ordinals, versions, model numbers, ratios, sizes.
  if (/(?:Article|article|No\.|[Nn]umber|page|p\.|[Vv]ersion|[Ll]evel)\s*$/u.test(before))
    return undefined;
  if (digits !== undefined && !unit && !scaled) {
    // "01–05", "007": identifiers, not amounts.
    if (/^0\d/u.test(digits)) return undefined;
    if (/^\d{4}$/u.test(digits) && value >= 1800 && value <= 2100) return undefined;
    if (locale.monthBefore.test(before) || locale.monthAfter.test(after)) return undefined;
    if (/^(?:st|nd|rd|th)\b/iu.test(after)) return undefined;
    // "Nintendo 64", "Spider-Man 2 film": a number straight after a name is part of the name.
    const prev = /(\S+)\s$/u.exec(before);
    if (prev && /^[\p{Lu}][\p{L}-]*$/u.test(prev[1]!) && before.trim().length > prev[1]!.length)
      return undefined;
  }
  // "3D", "32MB", "222MHz": a number glued to letters is a name or a technical measure.
  if (/^[\p{L}]/u.test(after) && !scaleSuffix && !percent) return undefined;
  if (/^(?:\s*(?:to|:)\s*1\b)/u.test(after) && digits !== undefined) return undefined;
  if (digits === "1" && /\d\s*(?:to|:)\s*$/u.test(before)) return undefined;
  if (/^(?:[xX×]\d|["”″])/u.test(after)) return undefined;
  if (/^\s*(?:[KMGT]B|[KMG]Hz|cm|mm|km|kg|inch(?:es)?)\b/u.test(after)) return undefined;
  const compound = /^-([\p{L}]+)/u.exec(after)?.[1];
  return {
    amount: {
      value,
      numberText: whole.trim(),
      ...(unit ? { unit } : {}),
      spelled: digits === undefined,
      scaled,
      ...(compound ? { compound: compound.toLowerCase() } : {}),
      numberStart: at,
      numberEnd: at + whole.trimEnd().length,
    },
  };
}

/** Every amount in a sentence, ranges merged, with its qualifier; and what was seen but left out. */
export function scanAmounts(
  text: string,
  language?: string,
): { amounts: Amount[]; rejected: Rejected[] } {
  const locale = numberLocale(language);
  if (!locale.mayHold.test(text)) return { amounts: [], rejected: [] };
  const found: Omit<Amount, "start" | "end" | "text" | "approx">[] = [];
  const rejected: Rejected[] = [];
  locale.amount.lastIndex = 0;
  for (const m of text.matchAll(locale.amount)) {
    if (!m[0].trim()) continue;
    const r = scanOne(text, m, locale);
    if (!r) continue;
    if (r.rejected) rejected.push({ text: m[0].trim(), reason: r.rejected, start: m.index! });
    else if (r.amount) found.push(r.amount);
  }
  const out: Amount[] = [];
  for (let i = 0; i < found.length; i++) {
    const a = found[i]!;
    const b = found[i + 1];
    let start = a.numberStart;
    let end = a.numberEnd;
    let amount: Amount;
    const between = b ? text.slice(a.numberEnd, b.numberStart) : "";
    const lead = text.slice(0, a.numberStart);
    const isRange =
      b !== undefined &&
      (b.unit === a.unit || a.unit === undefined) &&
      b.value > a.value &&
      (/^\s*(?:to|bis|[-–—])\s*$/u.test(between) ||
        (/^\s*(?:and|und)\s*$/u.test(between) && /\b(?:between|zwischen)\s+$/iu.test(lead)));
    if (isRange) {
      const lo =
        a.scaled || !b.scaled
          ? a.value
          : a.value * (b.value / Number(b.numberText.replace(/[^\d.]/gu, "")) || 1);
      const opener = /\b(?:between|from|ranging from)\s+$/iu.exec(lead);
      if (opener) start = a.numberStart - opener[0].length;
      end = b.numberEnd;
      amount = {
        ...a,
        ...(b.unit ? { unit: b.unit } : {}),
        value: lo,
        low: lo,
        high: b.value,
        numberText: text.slice(a.numberStart, b.numberEnd),
        numberEnd: b.numberEnd,
        start,
        end,
        text: "",
      };
      i++;
    } else amount = { ...a, start, end, text: "" };
    const q = locale.qualifier.exec(text.slice(0, start));
    if (q && !amount.low) {
      amount.approx = q[1]!.toLowerCase();
      start -= q[0].length;
      amount.start = start;
    }
    amount.end = end;
    amount.text = text.slice(amount.start, end);
    out.push(amount);
  }
  return { amounts: out, rejected };
}

/** The amounts of a sentence (see `scanAmounts`). */
export function amountsIn(text: string, language?: string): Amount[] {
  return scanAmounts(text, language).amounts;
}
