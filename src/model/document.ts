/**
 * The compiled outline: one mdast tree that both writers (report and deck) consume.
 *
 * Extensions to plain mdast:
 * - `cite` (phrasing): a citation cluster. Every generated claim ends with one; author prose may
 *   carry them too (`[@putz-2022, ¶12]`). `claimId` links a generated claim back to the
 *   `Briefing` (full sentence, edits) so the deck can shorten it and put the rest in notes.
 * - `data.briefwright` on headings (and on the first node of directive output) says which
 *   part of the briefing a section is, so writers can lay it out (columns per subject, …).
 */
import type { Paragraph } from "mdast";
import type { Data, Node } from "unist";
import type { Citation } from "./briefing.js";
import type { Exhibit } from "./exhibits.js";

export interface CiteNode extends Node {
  type: "cite";
  citations: Citation[];
  /** Set when the cite closes a generated claim. */
  claimId?: string;
  /** True for a claim the tool generated (as opposed to the author's own cited prose). */
  generated?: boolean;
}

/**
 * A numbered chart (block): the exhibit's data for the writers to draw, and as children the
 * source line under it (which carries the `cite`s of cited marks).
 */
export interface ExhibitNode extends Node {
  type: "exhibit";
  exhibit: Exhibit;
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
