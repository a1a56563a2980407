/**
 * What each stage is told by the brief: `brief/` resolves `brief.yaml` into these once (defaults
 * filled, precedence applied) and the pipeline hands each stage its own part. No stage reads
 * `brief.yaml` or re-applies a precedence.
 */
import type { SourceOverride } from "./source.js";

export interface ReaderOptions {
  /** Largest source file read, in bytes. */
  maxFileSize: number;
  /** The brief's language: a source's language when it states none. */
  language: string;
  /** Overrides by file name (relative to the corpus folder). */
  sources: Record<string, SourceOverride>;
}

export interface EngineOptions {
  title?: string;
  subtitle?: string;
  date?: string;
  author?: string;
  language: string;
  /** The subjects to compare; inferred from the corpus when absent. */
  subjects?: { name: string; aliases: string[] }[];
  /** The dimensions to compare them on; inferred when absent. */
  dimensions?: { name: string; terms: string[] }[];
  /** Longest the main text may be, in words. */
  maxWords: number;
  /** Sentences per matrix cell. */
  evidencePerCell: number;
}

export interface ReportOptions {
  paper: "A4" | "Letter";
  /** CSL style id (a file in `templates/report/csl/`). */
  citationStyle: string;
}

export interface DeckOptions {
  transition: "none" | "fade" | "slide" | "convex" | "concave" | "zoom";
  theme: string;
  slideNumber: boolean;
  /** CSL style id for the speaker notes and the sources slide: the report's, so a source reads the same in both. */
  citationStyle: string;
}

/** Every writer's options: each writer reads its own part. */
export interface WriterOptions {
  report: ReportOptions;
  deck: DeckOptions;
}
