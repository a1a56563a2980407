/**
 * The chrome of a briefing in the brief's language: section titles, table headers, cover and page
 * furniture, the attribution phrase, the deck's agenda. The strings are one JSON file per
 * language under `templates/locales/` (`en.json`, `de.json`; a user adds `fr.json` without
 * touching code), with `{placeholders}`; any key a table lacks, and any language without a table,
 * falls back to English string by string. Writers and the outline pick their strings with
 * `chromeFor(language)`.
 */

import { readFileSync } from "node:fs";
import { packagePath } from "./package.js";
import { baseLanguage } from "./text.js";

export interface Chrome {
  /** BCP 47 base tag this table is for. */
  language: string;
  keyFindings: string;
  evidenceMatrix: string;
  comparisonByDimension: string;
  timeline: string;
  figures: string;
  disagreements: string;
  stanceOfEachSource: string;
  /** Before a framing quote: "CSTO Watch on NATO:". */
  framingOn: (source: string, subject: string) => string;
  /** The sources that make no evaluation of any subject. */
  noEvaluation: (sources: string) => string;
  /** That `n` framings were left out for length. */
  framingsLeftOut: (n: number) => string;
  sources: string;
  method: string;
  contents: string;
  bibliography: string;
  /** The cover's kicker above the title. */
  briefing: string;
  compiledFrom: (sources: number) => string;
  /** Footer of every page: "Page 2 of 8". */
  pageOf: [before: string, between: string];
  exhibit: string;
  /** Table headers. */
  source: string;
  figure: string;
  whatItCounts: string;
  subject: string;
  /** A source without a date in the sources list. */
  noDate: string;
  words: (n: string) => string;
  covers: (subjects: string) => string;
  noSubject: string;
  thesis: string;
  /** "and" joining two names or a list's last item. */
  and: string;
  /** An attributed statement: "According to BBC News, the DS …" / "Laut BBC News: Die DS …". */
  according: (who: string) => { prefix: string; lowerFirst: boolean };
  /** Event kinds of the timeline other than "happened". */
  kinds: Record<"scheduled" | "target" | "forecast", string>;
  /** The method note's span of dated sources: "Sources dated 2004–2006; 6 undated." */
  sourcesDated: (from: string, to: string, undated: number) => string;
  sourcesUndated: (n: number) => string;
  noTimeline: string;
  noFigures: string;
  noCoverage: string;
  /** An exhibit's title or source line by key (`exhibitNote` in the locale, English if missing). */
  exhibitText: (key: string, vars?: Record<string, string | number>) => string;
  /** Source line of the figures exhibit: "Sources: bar 1 …; bar 2 …". */
  sourcesBar: string;
  bar: string;
  noFindings: string;
  noDisagreement: string;
  noCountingFigures: string;
  /** A matrix cell no source addresses. */
  gap: (dimension: string, subject: string) => string;
  /** The deck's agenda slide. */
  agenda: string;
  /** A matrix cell no source addresses, on a slide (its row and column shown beside it). */
  gapOnSlide: string;
  /** The engine's word for what a figure is ("amount", "price", "target" …) in this language. */
  figureWord: (word: string) => string;
  /** The method note's sentence `key` with its placeholders filled (see `methodNote` in the file). */
  methodText: (key: string, vars?: Record<string, string | number>) => string;
  /** The thousands separator of counts in running text ("4,693" / "4.693"). */
  thousands: string;
}

/** A locale file as written: strings with `{placeholders}`. */
type Table = Record<string, unknown>;

const tables = new Map<string, Table | null>();

/** `templates/locales/<base>.json`, read once; null when there is none or it is not JSON. */
function tableOf(base: string): Table | null {
  if (!/^[a-z]{2,3}$/u.test(base)) return null;
  let table = tables.get(base);
  if (table === undefined) {
    try {
      const parsed = JSON.parse(
        readFileSync(packagePath("templates", "locales", `${base}.json`), "utf8"),
      );
      table =
        parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Table) : null;
    } catch {
      table = null;
    }
    tables.set(base, table);
  }
  return table;
}

const fill = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/gu, (whole, k: string) => (k in vars ? String(vars[k]) : whole));

/** The chrome of a table, each key taken from `fallback` when the table lacks it or mistypes it. */
function chromeOf(table: Table, fallback: Table, language: string): Chrome {
  const str = (key: string): string => {
    const v = table[key];
    if (typeof v === "string") return v;
    const f = fallback[key];
    return typeof f === "string" ? f : key;
  };
  const obj = (key: string): Record<string, unknown> => {
    const v = table[key];
    if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
    const f = fallback[key];
    return f && typeof f === "object" ? (f as Record<string, unknown>) : {};
  };
  const pair = (key: string): [string, string] => {
    const v = table[key];
    const ok = (x: unknown): x is [string, string] =>
      Array.isArray(x) && x.length === 2 && x.every((e) => typeof e === "string");
    if (ok(v)) return v;
    const f = fallback[key];
    return ok(f) ? f : ["", " / "];
  };
  const text = (o: Record<string, unknown>, k: string) =>
    typeof o[k] === "string" ? (o[k] as string) : "";
  const plural = obj("compiledFrom");
  const according = obj("according");
  // A sentence template of one of the table's note sections, by key (English if missing).
  const noteText =
    (section: string) =>
    (key: string, vars: Record<string, string | number> = {}): string => {
      const english = fallback[section] as Record<string, unknown> | undefined;
      const template = text(obj(section), key) || (english ? text(english, key) : "") || key;
      return fill(template, vars);
    };
  const kinds = obj("kinds");
  return {
    language,
    keyFindings: str("keyFindings"),
    evidenceMatrix: str("evidenceMatrix"),
    comparisonByDimension: str("comparisonByDimension"),
    timeline: str("timeline"),
    figures: str("figures"),
    disagreements: str("disagreements"),
    stanceOfEachSource: str("stanceOfEachSource"),
    framingOn: (source, subject) => fill(str("framingOn"), { source, subject }),
    noEvaluation: (sources) => fill(str("noEvaluation"), { sources }),
    framingsLeftOut: (n) =>
      fill(text(obj("framingsLeftOut"), n === 1 ? "one" : "other"), {
        n: new Intl.NumberFormat(language || "en").format(n),
      }),
    sources: str("sources"),
    method: str("method"),
    contents: str("contents"),
    bibliography: str("bibliography"),
    briefing: str("briefing"),
    compiledFrom: (n) => fill(text(plural, n === 1 ? "one" : "other"), { n }),
    pageOf: pair("pageOf"),
    exhibit: str("exhibit"),
    source: str("source"),
    figure: str("figure"),
    whatItCounts: str("whatItCounts"),
    subject: str("subject"),
    noDate: str("noDate"),
    words: (n) => fill(str("words"), { n }),
    covers: (subjects) => fill(str("covers"), { subjects }),
    noSubject: str("noSubject"),
    thesis: str("thesis"),
    and: str("and"),
    according: (who) => ({
      prefix: fill(text(according, "prefix"), { who }),
      lowerFirst: according.lowerFirst === true,
    }),
    kinds: {
      scheduled: text(kinds, "scheduled") || "scheduled",
      target: text(kinds, "target") || "target",
      forecast: text(kinds, "forecast") || "forecast",
    },
    sourcesDated: (from, to, undated) =>
      fill(str("sourcesDated"), {
        span: from === to ? from : fill(str("sourcesSpan"), { from, to }),
        undated: undated ? fill(str("sourcesUndatedPart"), { n: undated }) : "",
      }),
    sourcesUndated: (n) => fill(str("sourcesUndated"), { n }),
    noTimeline: str("noTimeline"),
    noFigures: str("noFigures"),
    noCoverage: str("noCoverage"),
    sourcesBar: str("sourcesBar"),
    bar: str("bar"),
    noFindings: str("noFindings"),
    noDisagreement: str("noDisagreement"),
    noCountingFigures: str("noCountingFigures"),
    gap: (dimension, subject) => fill(str("gap"), { dimension, subject }),
    agenda: str("agenda"),
    gapOnSlide: str("gapOnSlide"),
    figureWord: (word) => text(obj("figureWords"), word) || word,
    methodText: noteText("methodNote"),
    thousands: text(obj("methodNote"), "thousands") || ",",
    exhibitText: noteText("exhibitNote"),
  };
}

const built = new Map<string, Chrome>();

/** The chrome for a BCP 47 tag ("de-AT" → German); English where the language has no table. */
export function chromeFor(language: string | undefined): Chrome {
  const base = baseLanguage(language);
  let chrome = built.get(base);
  if (!chrome) {
    const english = tableOf("en");
    if (!english)
      throw new Error("templates/locales/en.json is missing: the installation is incomplete");
    const own = tableOf(base);
    chrome = chromeOf(own ?? english, english, own ? base : "en");
    built.set(base, chrome);
  }
  return chrome;
}

/** The English default titles of the outline's directives → the chrome key that translates them. */
export const TITLE_KEYS: Readonly<Record<string, keyof Chrome>> = {
  "Key findings": "keyFindings",
  "Evidence matrix": "evidenceMatrix",
  "Comparison by dimension": "comparisonByDimension",
  Timeline: "timeline",
  Figures: "figures",
  "Where the sources disagree": "disagreements",
  Sources: "sources",
  Method: "method",
};
