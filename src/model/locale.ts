/**
 * The chrome of a briefing in the brief's language: section titles, table headers, cover and page
 * furniture, the attribution phrase. One table for the report, the outline and (later) the deck;
 * German and English are complete, any other language falls back to English string by string.
 * Data only: writers and the outline pick their strings with `chromeFor(language)`.
 */

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
  /** Source line of the figures exhibit: "Sources: bar 1 …; bar 2 …". */
  sourcesBar: string;
  bar: string;
  noFindings: string;
  noDisagreement: string;
  noCountingFigures: string;
}

const en: Chrome = {
  language: "en",
  keyFindings: "Key findings",
  evidenceMatrix: "Evidence matrix",
  comparisonByDimension: "Comparison by dimension",
  timeline: "Timeline",
  figures: "Figures",
  disagreements: "Where the sources disagree",
  stanceOfEachSource: "How each source frames each subject",
  framingOn: (source, subject) => `${source} on ${subject}:`,
  noEvaluation: (sources) => `No evaluative statement about a subject in: ${sources}.`,
  sources: "Sources",
  method: "Method",
  contents: "Contents",
  bibliography: "Bibliography",
  briefing: "Briefing",
  compiledFrom: (n) => `Compiled from ${n} ${n === 1 ? "source" : "sources"}`,
  pageOf: ["Page ", " of "],
  exhibit: "Exhibit",
  source: "Source",
  figure: "Figure",
  whatItCounts: "What it counts",
  subject: "Subject",
  noDate: "n.d.",
  words: (n) => `${n} words`,
  covers: (subjects) => `covers ${subjects}`,
  noSubject: "no subject",
  thesis: "Thesis",
  and: "and",
  according: (who) => ({ prefix: `According to ${who}, `, lowerFirst: true }),
  kinds: { scheduled: "scheduled", target: "target", forecast: "forecast" },
  sourcesDated: (from, to, undated) =>
    `Sources dated ${from === to ? from : `${from}–${to}`}${undated ? `; ${undated} undated` : ""}.`,
  sourcesUndated: (n) => `None of the ${n} sources states a date.`,
  noTimeline: "The sources report no dated events.",
  noFigures: "The sources give no figures of the same kind for two or more subjects.",
  noCoverage: "There are no sources or dimensions to map.",
  sourcesBar: "Sources:",
  bar: "bar",
  noFindings: "No statement made it into the key findings.",
  noDisagreement: "No disagreement between the sources was found.",
  noCountingFigures: "The sources give no figures that count something.",
};

const de: Chrome = {
  language: "de",
  keyFindings: "Wichtigste Ergebnisse",
  evidenceMatrix: "Belegmatrix",
  comparisonByDimension: "Vergleich nach Dimensionen",
  timeline: "Zeitleiste",
  figures: "Zahlen",
  disagreements: "Wo die Quellen sich widersprechen",
  stanceOfEachSource: "Wie die Quellen die Themen bewerten",
  framingOn: (source, subject) => `${source} über ${subject}:`,
  noEvaluation: (sources) => `Keine wertende Aussage über ein Thema in: ${sources}.`,
  sources: "Quellen",
  method: "Methode",
  contents: "Inhalt",
  bibliography: "Literaturverzeichnis",
  briefing: "Briefing",
  compiledFrom: (n) => `Zusammengestellt aus ${n} ${n === 1 ? "Quelle" : "Quellen"}`,
  pageOf: ["Seite ", " von "],
  exhibit: "Abbildung",
  source: "Quelle",
  figure: "Zahl",
  whatItCounts: "Was sie zählt",
  subject: "Gegenstand",
  noDate: "o. J.",
  words: (n) => `${n} Wörter`,
  covers: (subjects) => `behandelt ${subjects}`,
  noSubject: "keinen Gegenstand",
  thesis: "These",
  and: "und",
  // German word order changes after "Laut X", so the quoted sentence follows a colon, unchanged.
  according: (who) => ({ prefix: `Laut ${who}: `, lowerFirst: false }),
  kinds: { scheduled: "geplant", target: "Ziel", forecast: "Prognose" },
  sourcesDated: (from, to, undated) =>
    `Quellen von ${from === to ? from : `${from} bis ${to}`}${undated ? `; ${undated} ohne Datum` : ""}.`,
  sourcesUndated: (n) => `Keine der ${n} Quellen nennt ein Datum.`,
  noTimeline: "Die Quellen berichten keine datierten Ereignisse.",
  noFigures: "Die Quellen nennen keine Zahlen derselben Art für zwei oder mehr Gegenstände.",
  noCoverage: "Es gibt keine Quellen oder Dimensionen zum Abbilden.",
  sourcesBar: "Quellen:",
  bar: "Balken",
  noFindings: "Keine Aussage hat es in die wichtigsten Ergebnisse geschafft.",
  noDisagreement: "Zwischen den Quellen wurde kein Widerspruch gefunden.",
  noCountingFigures: "Die Quellen nennen keine Zahlen, die etwas zählen.",
};

/** Every language with a complete table, by base tag. */
export const CHROME: Readonly<Record<string, Chrome>> = { en, de };

/** The chrome for a BCP 47 tag ("de-AT" → German); English when the language has no table. */
export function chromeFor(language: string | undefined): Chrome {
  const base = (language ?? "en").toLowerCase().split(/[-_]/u)[0] ?? "en";
  return CHROME[base] ?? en;
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
