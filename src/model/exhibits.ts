/**
 * Exhibits: the charts of a briefing (timeline, figures compared, coverage map), as data. The
 * briefing engine decides what an exhibit shows and which passages support each mark; the
 * writers only draw it (`src/render/exhibits/`). Every mark that states something from a
 * source (an event, a bar) is numbered, and its number's citations travel with it.
 */
import type { Citation } from "./briefing.js";

export const EXHIBIT_KINDS = ["timeline", "figures", "coverage"] as const;
export type ExhibitKind = (typeof EXHIBIT_KINDS)[number];

/** One dated event, placed in the lane of the subject it concerns. */
export interface TimelineMark {
  /** The event's number on the chart and in the key below it (1-based). */
  n: number;
  /** ISO date, partial allowed. */
  date: string;
  /** Position on the time axis: the year with its fraction (2022-07-01 → 2022.5). */
  at: number;
  lane: string;
}

export interface TimelineChart {
  kind: "timeline";
  /** Lanes top to bottom: the subjects, then "Several subjects" and "Other" when used. */
  lanes: string[];
  /**
   * The lanes' names as shown, in the briefing's language ("Mehrere Gegenstände", "Sonstige"),
   * parallel to `lanes`; set only when one differs from its lane. `lanes` and each mark's `lane`
   * keep the keys the writers colour by. Optional, added without a schema bump.
   */
  laneLabels?: string[];
  marks: TimelineMark[];
}

/** One number a source gives, drawn as a bar. */
export interface FigureBar {
  n: number;
  value: number;
  /** The number as the source writes it ("20,000", "six"). */
  valueText: string;
  /** What it counts, as the source says it. */
  counts: string;
  subject: string;
}

/** Bars that may be compared: the same kind of thing, in the same unit, for two or more subjects. */
export interface FigurePanel {
  /** The kind of thing counted ("Personnel", "Member states", or the counted noun). */
  title: string;
  unit?: string;
  bars: FigureBar[];
}

export interface FiguresChart {
  kind: "figures";
  panels: FigurePanel[];
}

export interface CoverageRow {
  sourceId: string;
  label: string;
  /** Claims of this source used as evidence, per dimension (same order as `dimensions`). */
  evidence: number[];
  /** Lexicon stance per subject (same order as `subjects`); undefined where none was scored. */
  stances: ({ score: number; label: "negative" | "neutral" | "positive" } | undefined)[];
}

export interface CoverageChart {
  kind: "coverage";
  dimensions: string[];
  subjects: string[];
  rows: CoverageRow[];
}

export type ExhibitChart = TimelineChart | FiguresChart | CoverageChart;

/** A numbered entry of an exhibit: a mark on the chart and the passages that support it. */
export interface ExhibitEntry {
  n: number;
  /** Short text for the deck's footer and the alt text ("1997", "NATO: 40,000 soldiers"). */
  label: string;
  citations: Citation[];
  /** The briefing claim the mark comes from. */
  claimId: string;
}

export interface Exhibit {
  /** Exhibit number in the briefing, in document order (1-based). */
  n: number;
  /** Stable anchor: `exhibit-1`. */
  id: string;
  kind: ExhibitKind;
  /** The caption's title: "Exhibit 1. <title>". */
  title: string;
  /** What the chart shows, in words (alt text for the tagged PDF and screen readers). */
  alt: string;
  /** The source line under the chart (tool-authored). The report cites a figures chart's bars in it instead. */
  source: string;
  chart: ExhibitChart;
  entries: ExhibitEntry[];
}

/** An exhibit as the engine builds it (in `briefing.json`): numbered where the outline places it. */
export type ExhibitData = Omit<Exhibit, "n" | "id">;

/** Timeline lanes besides one per subject. */
export const SEVERAL_LANE = "Several subjects";
export const OTHER_LANE = "Other";
