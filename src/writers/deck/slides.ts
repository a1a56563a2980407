/**
 * The deck's own small model: what goes on each slide, before it becomes HTML. The planner
 * builds it from the compiled tree; the splitter cuts it into continuation slides after
 * measuring; the HTML writer turns it into reveal.js sections.
 */

import type { Citation, ClaimClauses } from "../../model/briefing.js";
import type { SectionKind } from "../../model/document.js";
import type { Exhibit } from "../../model/exhibits.js";
import type { Scope } from "./shorten.js";

/** One line on a slide. */
export interface SlideItem {
  /**
   * - `claim`: a (shortened) claim of the briefing, cited;
   * - `cited`: author prose with its own citation;
   * - `gap`: the explicit statement that no source addresses a cell (tool-authored, uncited);
   * - `prose`: uncited author text;
   * - `source`: an entry of the sources slide.
   */
  kind: "claim" | "cited" | "gap" | "prose" | "source";
  /** Text shown (claims: shortened by deletion only). */
  text: string;
  /** Short label before the text (a date on the timeline, a value on the figures slide). */
  lead?: string;
  citations: Citation[];
  /** Links a generated claim to the briefing. */
  claimId?: string;
  /** The full sentence for the speaker notes (claims and cited prose). */
  full?: string;
  /** Its citations for the speaker notes: the citation style's full note (text). */
  note?: string;
  /** The claim's main clauses and verbs in `full` (the engine's parse): what a short form keeps. */
  clauses?: ClaimClauses;
  /**
   * A side of a disagreement: where and how far it holds ("in the US alone") is what the sources
   * differ on, so its short forms keep its end and every place phrase; or the disagreement's
   * topic, which says what they differ on (shorten.ts, `Scope`).
   */
  scoped?: Scope;
  /** How hard the text was shortened (0 = only the standard trims); raised when one item alone does not fit. */
  level: number;
}

/** A labelled run of items: a subject column, a disagreement topic, a matrix row. */
export interface SlideGroup {
  label?: string;
  items: SlideItem[];
}

export type SlideLayout = "title" | "agenda" | "list" | "columns" | "table" | "sources" | "exhibit";

export type SlideKind = SectionKind | "title" | "agenda";

export interface Slide {
  /** Stable id (from the heading), unique in the deck; continuation slides add `-2`, `-3`, … */
  id: string;
  kind: SlideKind;
  layout: SlideLayout;
  title: string;
  /** Small line above the title (the parent section, e.g. "By dimension"). */
  kicker?: string;
  /**
   * Thin sections joined on this slide (merge.ts): their names, which prefix their groups' labels
   * ("Price · Nintendo DS"). The header says a name its groups share once (labels.ts).
   */
  merged?: string[];
  /**
   * The assertion the slide makes: one of its claims shortened by marked deletion. With it the
   * slide's `title` (a section name) shows as the kicker and the headline as the heading.
   */
  headline?: Headline;
  /** Set when a headline made the slide too wordy: it is headed by its title. */
  noHeadline?: boolean;
  /**
   * Claims whose long headline (`Headline.long`) the browser set on more than two lines: not
   * tried as long headlines again (another claim may be).
   */
  tallClaims?: string[];
  /** Title slide only: subtitle and byline lines. */
  lines?: string[];
  /** Table layout: the column headings (first is the row-label column). */
  columns?: string[];
  groups: SlideGroup[];
  /** Extra speaker-notes paragraphs (uncited text kept off the slide). */
  notes: string[];
  /** Id of the slide this one continues (set on every part of a split slide, the first included). */
  origin?: string;
  /** Continuation numbering, set after splitting: part `index` of `total`. */
  part?: { index: number; total: number };
  /** Denser type (still ≥ 24 px) when a single item does not fit otherwise. */
  dense?: boolean;
  /** Exhibit layout: the chart the slide shows (one per slide, never split). */
  exhibit?: Exhibit;
  /**
   * A disagreement: its sides side by side under its topic. Never split into one side per slide
   * (a slide too wordy has its sides shortened harder instead).
   */
  pair?: boolean;
  /** Exhibit layout: its marks' claims a takeaway headline may state, in order of preference. */
  takeaways?: SlideItem[];
}

/** A slide's assertion headline. */
export interface Headline {
  /** The shown text: `item.full` shortened by marked deletion (with its date or value first). */
  text: string;
  /** The claim it states (its citations mark the headline; its sentence goes to the notes). */
  item: SlideItem;
  /** True when the claim is also shown in the body (a matrix cell, an exhibit's mark). */
  inBody: boolean;
  /** The label of the group the claim was taken from (when it left the body). */
  group?: string | undefined;
  /**
   * Longer than two lines' estimate (`HEADLINE_CHARS`): chosen where no claim fits it, kept only
   * while the browser sets it on two lines.
   */
  long?: boolean;
  /** A long headline's slide as it was before the headline was chosen (to put it back as it was). */
  before?: { title: string; groups: SlideGroup[] };
}

/** A horizontal position in the deck: one slide, or a vertical stack of slides. */
export type DeckColumn = Slide[];

export interface DeckPlan {
  lang: string;
  title: string;
  columns: DeckColumn[];
}
