/**
 * Every format the corpus reader knows, and which file extensions pick it.
 *
 * To add a reader: write one file (`readers/<format>.ts`) exporting a `Reader` — its name, the
 * extensions it claims and `read(bytes, context) → RawDoc` (or `load()` returning that `read`
 * when its modules are costly; `binary: true` when it reads binary files) — and add one line to
 * `READERS` below. Nothing else changes, unless the `format` its RawDoc reports is new: that is
 * a value of `SourceFormat` in the model.
 */
import { htmlReader } from "./html.js";
import { markdownReader } from "./markdown.js";
import type { Reader } from "./reader.js";
import { textReader } from "./text.js";

export type { ReadContext, Reader, ReadFn } from "./reader.js";

export const READERS: readonly Reader[] = Object.freeze([markdownReader, textReader, htmlReader]);

/** The reader for a file extension (lower case, with the dot), if any claims it. */
export function readerFor(extension: string): Reader | undefined {
  return READERS.find((r) => r.extensions.includes(extension));
}
