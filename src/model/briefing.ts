/**
 * The `Briefing`: the typed model the engine builds from the corpus and `brief.yaml`
 * (written as `out/briefing.json`). It is the only contract between analysis and the writers.
 * Every statement in it is a `Claim` whose text is a source's own sentence (edited only by
 * recorded, marked edits) with citations that were verified against the source.
 */

import type { ExhibitData } from "./exhibits.js";

/**
 * 2: adds `exhibits`. 3 (all added fields optional): `Citation.relation` (how a supporting
 * citation relates to the claim) and `copies` (near-duplicate sources, counted as one); an
 * `Edit` is a deletion, a bracketed insertion (a referent the same source names before the
 * sentence) or a bracketed case change, shown the way quotations do ("[The CSTO] triggered …");
 * the values of figures and events: `Figure.kind/entity/scope/approx/low/high` (currency units as
 * ISO codes) and `TimelineEvent.kind`. 4: `Stance.framing` (each source's most evaluative
 * statement about each subject, quoted; the lexicon `score` is deprecated and no longer shown);
 * `Disagreement.kind` gains `date` (same year, other month), `list` and `statement` (one source
 * states what another denies). 5: `Stance.framingLeftOut` (a framing left out for length).
 */
export const BRIEFING_SCHEMA_VERSION = 5 as const;

/** W3C Web Annotation TextQuoteSelector: `exact` plus `prefix`/`suffix` when ambiguous. */
export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** A pointer to a source passage: source id + ¶ (block index) + optional sentence + quote. */
export interface Citation {
  sourceId: string;
  /** 1-based block index (the ¶ number). */
  block: number;
  /** 1-based sentence index within the block. */
  sentence?: number;
  quote: TextQuoteSelector;
  /**
   * Set on a supporting citation (any but a claim's first): `same` when it states the same fact,
   * `detail` when it states the same fact with more detail (numbers, a more precise date, more
   * words). Absent on a claim's own citation.
   */
  relation?: "same" | "detail";
}

/** A deletion made to a source sentence to produce a claim's text. */
export interface DeleteEdit {
  kind: "delete";
  /** The deleted text, exactly as in the source sentence. */
  text: string;
  /** Offset in the original sentence where the deletion starts. */
  at: number;
  /**
   * `referent`: a pronoun or bare description replaced by the bracketed insertion at the same
   * offset; `reference-marker`: a note number ("[3]"), omitted without an ellipsis; `elision`:
   * the words between a name and what the next sentence says of it ("In 2014 Russia … annexed
   * Crimea"), shown as "…".
   */
  reason:
    | "leading-connective"
    | "parenthetical"
    | "trailing-clause"
    | "filler"
    | "referent"
    | "reference-marker"
    | "elision";
}

/** A bracketed insertion: the referent of a pronoun or bare description ("[The CSTO]"). */
export interface InsertEdit {
  kind: "insert";
  /** The inserted text (shown in brackets): a name the same source uses before the sentence. */
  text: string;
  /** Offset in the original sentence where it goes. */
  at: number;
  reason: "referent";
}

/** A bracketed change of a letter's case at the new start of the statement ("[T]he DS …"). */
export interface CaseEdit {
  kind: "case";
  /** The letter as in the source. */
  text: string;
  /** The letter as shown. */
  to: string;
  /** Offset of the letter in the original sentence. */
  at: number;
  reason: "sentence-start";
}

/** One marked change to a source sentence; `Claim.text` shows them as quotations do. */
export type Edit = DeleteEdit | InsertEdit | CaseEdit;

export interface Claim {
  /** Stable id, e.g. `c-putz-2022-12-2`. */
  id: string;
  /** The statement as shown: the source's sentence, with `edits` applied. */
  text: string;
  citations: Citation[];
  edits: Edit[];
  /** Set when one source alone supports it: "According to Catherine Putz". */
  attribution?: string;
  /** Where `text`'s main clauses stand, from the engine's parse (absent where it could not read it). */
  clauses?: ClaimClauses;
}

/**
 * A claim's main clauses as `[start, end)` offsets in its shown `text`: what a shortened form
 * (a slide's bullet or headline) must keep to remain a statement.
 */
export interface ClaimClauses {
  /** Each main clause's span, first word to last. */
  spans: [number, number][];
  /** The main clauses' verbs (the verb group: auxiliaries and the main verb). */
  verbs: [number, number][];
}

export interface Finding {
  claim: Claim;
  /** True when two or more sources support it; `claim.citations` then cites each. */
  corroborated: boolean;
  /** Number of distinct sources supporting it. */
  support: number;
}

export interface MatrixCell {
  dimension: string;
  subject: string;
  claims: Claim[];
  /** Set when no source addresses the cell: the explicit statement shown instead. */
  gap?: string;
}

/** Whether the source says the event happened, is scheduled, is aimed for, or is forecast. */
export type EventKind = "happened" | "scheduled" | "target" | "forecast";

export interface TimelineEvent {
  /** ISO 8601, partial allowed (`2022`, `2022-01`). */
  date: string;
  /** How the date was stated; a part resolved against the source's date is bracketed: "16 May [2022]". */
  dateText: string;
  /** Absent in briefings before schema 3 (read as "happened"). */
  kind?: EventKind;
  subjects: string[];
  claim: Claim;
}

/** What a figure is: an amount counted, a gap between two, an aim, a forecast, a percentage. */
export type FigureKind = "count" | "difference" | "target" | "forecast" | "share";

export interface Figure {
  /** The value with its magnitude applied ("1.3 million" → 1300000); for a range, the low end. */
  value: number;
  /**
   * The amount as written, with its qualifier: "20,000", "nearly 130,000", "between £130 and
   * £200"; a price with its conversions as the sentence writes them, place included when it stands
   * between: "19,800 yen ($188; £98)", "£99 in the UK (149 euros)".
   */
  valueText: string;
  /** "GBP" | "USD" | "EUR" | "JPY" for money, "%" for percentages, "years" for spans; absent for counts. */
  unit?: string;
  /** What it counts, e.g. "troops in the rapid reaction force". */
  counts: string;
  /** The brief subject the figure is stated of (only when the sentence states it of that subject). */
  subject?: string;
  /** Whose it is: the subject, or a third party the sentence names ("Game Boy Advance"). */
  entity?: string;
  /** Absent in briefings before schema 3 (read as "count"). */
  kind?: FigureKind;
  /** "nearly", "more than", "about"… */
  approx?: string;
  /** A range's ends ("between £130 and £200"). */
  low?: number;
  high?: number;
  /** Where and over what period, when the sentence says: "UK, launch week", "Japan, since launch". */
  scope?: string;
  claim: Claim;
}

export interface Disagreement {
  /** What the sides disagree about. */
  topic: string;
  /**
   * `number`: different values for the same count; `year`/`date`: different dates for the same
   * event; `list`: different enumerations (members); `statement`: one source states what another
   * denies, on the same predicate; `judgement` (opposite evaluative words) is no longer produced and
   * stays in the type for schema compatibility.
   */
  kind: "number" | "year" | "date" | "list" | "statement" | "judgement";
  sides: Claim[];
  /**
   * Set when the sides report different kinds of event, one kind per side: `["scheduled",
   * "happened"]` for a schedule and a report of what happened that cannot both be true.
   * Optional, added without a schema bump.
   */
  sideKinds?: EventKind[];
}

export interface Stance {
  sourceId: string;
  subject: string;
  /**
   * How the source frames the subject: its most evaluative statement about it (the subject is
   * what the sentence is about; evaluative by wink-nlp's sentiment lexicon, used only to choose),
   * quoted and cited. Absent when the source makes no evaluation of the subject. Schema 4.
   */
  framing?: Claim;
  /**
   * The source does frame the subject, but its statement was left out to keep the briefing within
   * its word limit (weaker than those shown). Schema 5.
   */
  framingLeftOut?: true;
  /**
   * Deprecated (kept for schema compatibility, shown nowhere since schema 4): a lexicon score
   * −1 … +1, which nobody can check against the text.
   */
  score: number;
  /** Deprecated with `score`. */
  label: "negative" | "neutral" | "positive";
  /** Deprecated with `score`: the words that drove it. */
  words: { word: string; weight: number }[];
}

export interface SourceProfile {
  id: string;
  file: string;
  title: string;
  subtitle?: string;
  authors: string[];
  publisher?: string;
  date?: string;
  url?: string;
  language: string;
  words: number;
  /** Short label for slides and short notes: "Putz 2022", "Handelsblatt n.d.". */
  shortLabel: string;
  /** The sentence that best states the source's thesis. */
  thesis?: Claim;
  subjects: string[];
  dimensions: string[];
}

export interface Briefing {
  /** A schema-2 briefing is still a valid Briefing: schema 3 only added optional fields. */
  schemaVersion: typeof BRIEFING_SCHEMA_VERSION;
  meta: {
    title: string;
    subtitle?: string;
    /** The brief's date (ISO), from brief.yaml or the newest source date. */
    date?: string;
    author?: string;
    language: string;
    sourceCount: number;
    inferred: { subjects: boolean; dimensions: boolean };
  };
  subjects: { name: string; aliases: string[] }[];
  dimensions: { name: string; terms: string[] }[];
  sources: SourceProfile[];
  findings: Finding[];
  matrix: MatrixCell[];
  timeline: TimelineEvent[];
  figures: Figure[];
  disagreements: Disagreement[];
  stances: Stance[];
  /** The charts the corpus supports (timeline, figures compared, coverage), at most one per kind. */
  exhibits: ExhibitData[];
  /** The method note: how the briefing was made (tool-authored, not a corpus statement). */
  method: string[];
  /**
   * Near-duplicate sources (the same article saved twice, syndicated copies): each `file` is a
   * copy of `copyOf` and counts as the same source for corroboration. Absent when there are none.
   */
  copies?: { file: string; copyOf: string }[];
}
