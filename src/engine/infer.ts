/**
 * What to compare when brief.yaml does not say: subjects are the names and acronyms found in
 * most sources (acronyms first, with the long forms the sources spell out as aliases);
 * dimensions are clusters of salient terms that occur together in the same passages.
 */
import { createRequire } from "node:module";
import type { Source } from "../model/source.js";
import { chromeFor } from "../util/locale.js";
import { compareStrings, contentStems, STOP_WORDS, tokenize } from "../util/text.js";
import type { DimensionRef } from "./state.js";
import type { SubjectRef } from "./subjects.js";

const ACRONYM = /(?<![\p{L}\p{N}])[A-Z][A-Z0-9&]{1,6}(?![\p{L}\p{N}])/gu;
const NAME = /(?<![\p{L}\p{N}])[A-Z][a-z]+(?:\s+(?:of\s+)?[A-Z][a-z]+){0,3}(?![\p{L}\p{N}])/gu;
/** Words too general to name what a briefing compares. */
const GENERIC = new Set(
  (
    "significant direct potential potentially international different differing various using used true false " +
    "current currently recent recently important major main general possible provided include including " +
    "value name default passed contain contains example way part case time times thing things fact " +
    "however also many much well able within without"
  ).split(" "),
);
const NOT_ACRONYM = new Set([
  "I",
  "II",
  "III",
  "IV",
  "US",
  "USA",
  "UK",
  "EU",
  "UN",
  "OK",
  "TV",
  "AM",
  "PM",
]);

/** Stop words of 58 languages (stopwords-iso), by ISO 639-1 code. */
const STOPWORDS_ISO: Readonly<Record<string, readonly string[]>> = createRequire(import.meta.url)(
  "stopwords-iso",
);
const stopCache = new Map<string, ReadonlySet<string>>();

/** The stop words of a source's language (English's own list too, for quoted English). */
function stopWordsFor(language: string): ReadonlySet<string> {
  const base = language.toLowerCase().split(/[-_]/u)[0] ?? "en";
  let set = stopCache.get(base);
  if (!set) {
    set = new Set([...STOP_WORDS, ...(base === "en" ? [] : (STOPWORDS_ISO[base] ?? []))]);
    stopCache.set(base, set);
  }
  return set;
}

/** Calendar words are when, not what: never a dimension (English ones are capitalised, so out). */
const CALENDAR = new Set(
  (
    "januar jänner februar märz april mai juni juli august september oktober november dezember " +
    "montag dienstag mittwoch donnerstag freitag samstag sonntag"
  ).split(" "),
);

/** Languages that capitalise every noun: there a content word may start with a capital. */
const CAPITALISED_NOUNS = new Set(["de", "lb"]);

/** The language most of the sources are in (words count), for naming what was inferred. */
function mainLanguage(sources: readonly Source[]): string {
  const words = new Map<string, number>();
  for (const s of sources) {
    const base = s.language.toLowerCase().split(/[-_]/u)[0] ?? "en";
    words.set(base, (words.get(base) ?? 0) + s.words);
  }
  return [...words].sort((x, y) => y[1] - x[1] || compareStrings(x[0], y[0]))[0]?.[0] ?? "en";
}

function statementBlocks(source: Source): string[] {
  return source.blocks.filter((b) => b.kind !== "heading").map((b) => b.text);
}

export function inferSubjects(sources: Source[]): SubjectRef[] {
  const stats = new Map<string, { sources: Set<string>; count: number; acronym: boolean }>();
  for (const source of sources) {
    for (const s of statementBlocks(source)) {
      const seen: string[] = [];
      for (const m of s.matchAll(ACRONYM)) if (!NOT_ACRONYM.has(m[0])) seen.push(m[0]);
      for (const m of s.matchAll(NAME)) {
        const name = m[0];
        const first = name.split(/\s+/u)[0]!.toLowerCase();
        if (stopWordsFor(source.language).has(first)) continue;
        // Sentence-initial capitals are not names.
        const before = s.slice(0, m.index).trimEnd();
        if (before === "" || /[.!?:]$/u.test(before)) continue;
        seen.push(name);
      }
      for (const name of seen) {
        const st = stats.get(name) ?? {
          sources: new Set(),
          count: 0,
          acronym: /^[A-Z0-9&]+$/u.test(name),
        };
        st.sources.add(source.id);
        st.count++;
        stats.set(name, st);
      }
    }
  }
  const minSources = Math.max(2, Math.ceil(sources.length * 0.6));
  const ranked = [...stats]
    .filter(([, s]) => s.sources.size >= Math.min(minSources, sources.length))
    .map(([name, s]) => ({ name, score: s.sources.size * 10 + s.count + (s.acronym ? 25 : 0), s }))
    .sort((x, y) => y.score - x.score || compareStrings(x.name, y.name));
  const chosen = ranked.slice(0, 2);
  const second = chosen[1];
  for (const r of ranked.slice(2, 4)) {
    if (second && r.s.acronym === second.s.acronym && r.score >= second.score * 0.85)
      chosen.push(r);
  }
  return chosen.map((c) => ({
    name: c.name,
    aliases: c.s.acronym ? expansions(sources, c.name) : [],
  }));
}

/** Long forms spelled out before the acronym: "Collective Security Treaty Organization (CSTO)". */
function expansions(sources: Source[], acronym: string): string[] {
  const re = new RegExp(
    `((?:[A-Z][\\p{L}'’-]+\\s+(?:of\\s+|the\\s+|and\\s+)?){1,7})\\(${acronym}\\)`,
    "gu",
  );
  const out = new Set<string>();
  for (const source of sources) {
    for (const text of statementBlocks(source)) {
      for (const m of text.matchAll(re)) {
        const words = m[1]!.trim().split(/\s+/u);
        const initials = acronym.replace(/[^A-Z]/gu, "");
        const long = words.slice(-Math.max(initials.length, 2) - 2);
        // Keep the tail whose capitals spell the acronym.
        for (let i = 0; i < long.length; i++) {
          const tail = long.slice(i);
          const caps = tail
            .filter((w) => /^[A-Z]/u.test(w))
            .map((w) => w[0])
            .join("");
          if (caps === initials) {
            out.add(tail.join(" "));
            break;
          }
        }
      }
    }
  }
  return [...out].sort(compareStrings);
}

export function inferDimensions(
  sources: Source[],
  subjects: SubjectRef[],
  count = 5,
): DimensionRef[] {
  const subjectStems = new Set(
    subjects.flatMap((s) => [s.name, ...s.aliases]).flatMap((n) => tokenize(n).map((t) => t.stem)),
  );
  const passages: { stems: Set<string>; source: string }[] = [];
  const surface = new Map<string, Map<string, number>>();
  for (const source of sources) {
    const stop = stopWordsFor(source.language);
    const base = source.language.toLowerCase().split(/[-_]/u)[0] ?? "en";
    // English: lower-case words that are not adverbs or verb forms. German: nouns too (capitalised),
    // but not a sentence's first word.
    const nouns = CAPITALISED_NOUNS.has(base);
    const english = base === "en";
    for (const block of source.blocks) {
      if (block.kind === "heading") continue;
      for (const s of block.sentences) {
        const tokens = tokenize(s.text).filter(
          (t) =>
            !stop.has(t.norm) &&
            !GENERIC.has(t.norm) &&
            !CALENDAR.has(t.norm) &&
            t.norm.length > 3 &&
            !/\p{N}|[-_./]/u.test(t.norm) &&
            !(english && /(?:ly|ing|ed)$/u.test(t.norm)) &&
            (/^\p{Ll}/u.test(t.raw) || (nouns && t.start > 0 && /^\p{Lu}\p{Ll}/u.test(t.raw))),
        );
        for (const t of tokens) {
          const m = surface.get(t.stem) ?? new Map<string, number>();
          // A German noun keeps its capital ("Preis"), as the sources write it.
          const form = nouns && /^\p{Lu}/u.test(t.raw) ? t.raw : t.norm;
          m.set(form, (m.get(form) ?? 0) + 1);
          surface.set(t.stem, m);
        }
        passages.push({ stems: new Set(contentStems(tokens)), source: source.id });
      }
    }
  }
  const df = new Map<string, { n: number; sources: Set<string> }>();
  for (const p of passages) {
    for (const s of p.stems) {
      if (subjectStems.has(s)) continue;
      const d = df.get(s) ?? { n: 0, sources: new Set<string>() };
      d.n++;
      d.sources.add(p.source);
      df.set(s, d);
    }
  }
  const n = passages.length;
  const minSources = Math.min(2, sources.length);
  const salient = [...df]
    .filter(([, d]) => d.sources.size >= minSources && d.n >= 3 && d.n < n * 0.2)
    .map(([stem, d]) => ({ stem, score: d.n * Math.log(n / d.n) * d.sources.size }))
    .sort((x, y) => y.score - x.score || compareStrings(x.stem, y.stem))
    .slice(0, 40);
  const occurs = new Map<string, number[]>();
  passages.forEach((p, i) => {
    for (const s of p.stems) if (df.has(s)) (occurs.get(s) ?? occurs.set(s, []).get(s)!).push(i);
  });
  const cooccur = (x: string, y: string): number => {
    const a = new Set(occurs.get(x) ?? []);
    const b = occurs.get(y) ?? [];
    let both = 0;
    for (const i of b) if (a.has(i)) both++;
    return both / Math.sqrt(Math.max(1, a.size * b.length));
  };
  const assigned = new Set<string>();
  const clusters: string[][] = [];
  for (const seed of salient) {
    if (clusters.length >= count) break;
    if (assigned.has(seed.stem)) continue;
    const members = [seed.stem];
    assigned.add(seed.stem);
    const near = salient
      .filter((x) => !assigned.has(x.stem))
      .map((x) => ({ stem: x.stem, c: cooccur(seed.stem, x.stem) }))
      .filter((x) => x.c >= 0.12)
      .sort((x, y) => y.c - x.c || compareStrings(x.stem, y.stem))
      .slice(0, 4);
    for (const m of near) {
      members.push(m.stem);
      assigned.add(m.stem);
    }
    clusters.push(members);
  }
  const word = (stem: string): string => {
    const forms = [...(surface.get(stem) ?? new Map([[stem, 1]]))];
    forms.sort((x, y) => y[1] - x[1] || compareStrings(x[0], y[0]));
    return forms[0]![0];
  };
  const and = chromeFor(mainLanguage(sources)).and;
  return clusters.map((c) => {
    const terms = c.map(word);
    const name = terms.length > 1 ? `${cap(terms[0]!)} ${and} ${terms[1]}` : cap(terms[0]!);
    return { name, terms };
  });
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
