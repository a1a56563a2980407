/**
 * The compiled document: what every writer consumes (`BriefingDocument`), in the manner of
 * Pandoc's `Pandoc Meta [Block]`: resolved metadata, the sources it cites, and one mdast tree.
 *
 * Extensions to plain mdast:
 * - `cite` (phrasing): a citation cluster. Every generated claim ends with one; author prose may
 *   carry them too (`[@putz-2022, ¶12]`). A generated claim's cite carries the claim itself
 *   (`claim`: full sentence, edits, citations, and the date or value a deck leads with), so no
 *   writer needs the `Briefing` beside the tree.
 * - `exhibit` (block): a numbered chart with its data and source line.
 * - `data.briefwright` on headings says which part of the briefing a section is, so writers can
 *   lay it out (columns per subject, …); a `sources` heading also says which sources are listed.
 * - `data.briefwright.gap` on an emphasis: the statement that no source addresses a matrix cell.
 */
import type { Paragraph, Root } from "mdast";
import type { Data, Node } from "unist";
import type { Briefing, Citation, ClaimClauses, Edit, SourceProfile } from "./briefing.js";
import type { Exhibit } from "./exhibits.js";

/** The metadata of a briefing, resolved once (brief.yaml over what the engine inferred). */
export interface DocumentMeta {
  title: string;
  subtitle?: string;
  /** The brief's date (ISO, partial allowed). */
  date?: string;
  author?: string;
  /** BCP 47 language of the briefing (its chrome and citation locale). */
  language: string;
  /** The subjects compared, in the brief's order. */
  subjects: string[];
  /** The dimensions compared, in the brief's order. */
  dimensions: string[];
  /** How many sources were read. */
  sourceCount: number;
}

/** What every writer is given: the one contract between the engine and the outputs. */
export interface BriefingDocument {
  meta: DocumentMeta;
  /** Every source (for citations, bibliographies and source lists), in corpus order. */
  sources: SourceProfile[];
  /** The compiled outline with `cite` and `exhibit` nodes. */
  tree: Root;
  /**
   * The analysed model as a whole, for the writer that serialises it (`briefing.json`).
   * Writers that lay out the briefing read `meta`, `sources` and `tree` only.
   */
  briefing: Briefing;
}

/** A generated claim as its cite node carries it. */
export interface ClaimData {
  /** Stable id, e.g. `c-putz-2022-12-2`. */
  id: string;
  /** The statement as shown: the source's sentence with `edits` applied. */
  text: string;
  edits: Edit[];
  citations: Citation[];
  attribution?: string;
  /** When the claim is a timeline event: its ISO date (what a deck shows before it). */
  date?: string;
  /** When the claim is a figure: its value as written ("20,000"). */
  value?: string;
  /** Where `text`'s main clauses and their verbs stand (the engine's parse), when it could read it. */
  clauses?: ClaimClauses;
}

export interface CiteNode extends Node {
  type: "cite";
  citations: Citation[];
  /** Set when the cite closes a generated claim. */
  claimId?: string;
  /** True for a claim the tool generated (as opposed to the author's own cited prose). */
  generated?: boolean;
  /** The generated claim this cite closes (set with `claimId`). */
  claim?: ClaimData;
}

/**
 * A numbered chart (block): the exhibit's data for the writers to draw, and as children the
 * source line under it (which carries the `cite`s of cited marks).
 */
export interface ExhibitNode extends Node {
  type: "exhibit";
  exhibit: Exhibit;
  /** The claim behind each numbered mark, in the order of `exhibit.entries`. */
  claims?: (ClaimData | undefined)[];
  children: Paragraph[];
}

export type SectionKind =
  | "findings"
  | "matrix"
  | "dimensions"
  | "dimension"
  | "dimension-subject"
  | "timeline"
  | "figures"
  | "disagreements"
  | "sources"
  | "method"
  | "chart"
  | "prose";

export interface SectionData {
  kind: SectionKind;
  dimension?: string;
  subject?: string;
  /** On a `sources` heading: the ids of the sources the section lists, in its order. */
  listed?: string[];
  /** On a `sources` heading: how many sources were read but are not listed. */
  omitted?: number;
}

/** `data.briefwright` on an emphasis node. */
export interface PhraseData {
  /** The statement that no source addresses a matrix cell (tool-authored, uncited). */
  gap?: boolean;
}

declare module "mdast" {
  interface PhrasingContentMap {
    cite: CiteNode;
  }
  interface BlockContentMap {
    exhibit: ExhibitNode;
  }
  interface RootContentMap {
    exhibit: ExhibitNode;
  }
  interface HeadingData extends Data {
    briefwright?: SectionData;
  }
  interface EmphasisData extends Data {
    briefwright?: PhraseData;
  }
  /** Added by the briefing engine: the outline's front matter and where the outline came from. */
  interface RootData extends Data {
    briefwright?: OutlineData;
  }
}

/** `root.data.briefwright`: what the compiled outline knows about itself. */
export interface OutlineData {
  /** The outline template's path, as given to `compileOutline`. */
  file: string;
  /** The template's YAML front matter (empty when it has none). */
  frontmatter: Record<string, unknown>;
}
