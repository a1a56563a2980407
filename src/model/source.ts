/**
 * The records a corpus reader produces. This is the boundary between `src/corpus/` and
 * everything downstream: the briefing engine reads `Source`s and nothing else of the reader.
 */

export type SourceFormat = "markdown" | "text" | "html";

export type BlockKind = "heading" | "paragraph" | "quote" | "list-item";

/** A sentence inside a block; `start`/`end` are UTF-16 offsets into `Block.text`. */
export interface Sentence {
  /** 1-based position of the sentence in its block. */
  index: number;
  start: number;
  end: number;
  text: string;
}

/** One paragraph-like unit. `index` is the ¶ number citations use (1-based, reading order). */
export interface Block {
  index: number;
  kind: BlockKind;
  /** Heading depth (1–6) for headings. */
  depth?: number;
  /** Normalised text (NFC, single spaces, no markup). */
  text: string;
  sentences: Sentence[];
  /** 1-based line in the original file where the block starts. */
  line: number;
}

/** A numbered reference the source itself lists, such as `[1] Yushchenko programme: https://…`. */
export interface SourceReference {
  label: string;
  text: string;
  url?: string;
  line: number;
}

/** Text removed as boilerplate, kept so nothing is lost silently. */
export interface DroppedText {
  text: string;
  /** Human-readable reason, e.g. "subscription prompt". */
  reason: string;
  /** Machine-readable rule id, e.g. "boilerplate-subscribe". */
  rule: string;
  line: number;
}

/** A change made to the text as read (mojibake undone), kept so that nothing changes silently. */
export interface TextRepair {
  /** 1-based line in the file. */
  line: number;
  /** The changed span as found and as repaired, e.g. "¬£100" → "£100". */
  before: string;
  after: string;
  /** Machine-readable rule id, e.g. "text-mojibake". */
  rule: string;
  /** Human-readable reason, e.g. "UTF-8 read as macroman". */
  reason: string;
}

export interface Source {
  /** Stable citation key, e.g. `putz-2022`. Unique within a corpus. */
  id: string;
  /** Path relative to the corpus folder, with `/` separators. */
  file: string;
  format: SourceFormat;
  title: string;
  subtitle?: string;
  authors: string[];
  publisher?: string;
  /** ISO 8601, partial allowed: `2022`, `2022-08`, `2022-08-03`. */
  date?: string;
  url?: string;
  /** BCP 47 language tag. */
  language: string;
  blocks: Block[];
  references: SourceReference[];
  dropped: DroppedText[];
  /** Repairs made to the text as read; the repaired text is what citations verify against. */
  repairs?: TextRepair[];
  sha256: string;
  words: number;
}

/** Per-source metadata overrides from `brief.yaml` `sources:`. */
export interface SourceOverride {
  title?: string;
  subtitle?: string;
  authors?: string[];
  publisher?: string;
  date?: string;
  url?: string;
  language?: string;
  id?: string;
  /** The text repairs reported for this file were checked by a person (info, not a warning). */
  repairsChecked?: boolean;
}
