/** What every format reader is: a name, the file extensions it claims, and how it reads bytes. */
import type { RawDoc } from "./raw.js";

export interface ReadContext {
  /** The file as named in messages (the corpus folder as the user named it, then the path). */
  display: string;
}

/** Bytes of one file → what the reader found in it. Text readers decode with `decode()`. */
export type ReadFn = (bytes: Uint8Array, context: ReadContext) => RawDoc;

interface ReaderBase {
  /** The reader's name (the `format` of what it reads). */
  name: string;
  /** Lower-case file extensions with the dot (`.md`). */
  extensions: readonly string[];
  /**
   * Reads binary files (PDF, EPUB…): the corpus reader then skips its text checks (empty once
   * decoded, not text) and leaves the bytes to the reader. Text readers leave it unset.
   */
  binary?: boolean;
  /**
   * The format has backslash escapes (Markdown: `\'` is an apostrophe). Elsewhere a backslash
   * before an apostrophe inside a word ("Sony\'s") is what PHP's addslashes left, and `decode`
   * repairs it, saying so.
   */
  escapes?: boolean;
}

/**
 * A reader either reads at once (`read`) or has costly modules to load first (`load`): `load()`
 * is called only for a corpus holding a file of its kind, and returns its `read`.
 */
export type Reader = ReaderBase & ({ read: ReadFn } | { load: () => Promise<ReadFn> });

/** The reader's `read`, loading its modules first when it has any. */
export function readFunction(reader: Reader): Promise<ReadFn> {
  return "read" in reader ? Promise.resolve(reader.read) : reader.load();
}
