/** What a format reader hands to the assembler: metadata it found and blocks in reading order. */
import type { Diagnostic } from "../diagnostics/types.js";
import type { BlockKind, DroppedText, SourceFormat, SourceReference } from "../model/source.js";

export interface RawBlock {
  kind: BlockKind;
  depth?: number;
  text: string;
  line: number;
}

export interface RawMeta {
  title?: string;
  subtitle?: string;
  authors?: string[];
  publisher?: string;
  date?: string;
  url?: string;
  language?: string;
}

export interface RawDoc {
  format: SourceFormat;
  /** Metadata declared by the file (front matter, HTML meta). */
  declared: RawMeta;
  /** Metadata the text itself states (title line, byline, date line). */
  stated: RawMeta;
  blocks: RawBlock[];
  references: SourceReference[];
  dropped: DroppedText[];
  diagnostics: Diagnostic[];
}

/** `[1] Yushchenko programme: https://…` → a reference. */
export function parseReference(text: string, line: number): SourceReference | undefined {
  const m = /^\[(\d{1,3})\]\s*(.+)$/s.exec(text.trim());
  if (!m) return undefined;
  const url = /(https?:\/\/[^\s<>")\]]+)/.exec(m[2]!)?.[1];
  return { label: m[1]!, text: m[2]!.trim(), ...(url ? { url } : {}), line };
}

/** Collapses white space the way a reader sees it. */
export function cleanText(text: string): string {
  return text.replace(/[\t\n\r\f\v \u00a0]+/g, " ").trim();
}
