/** What a writer is: a name, the files it writes, and `write(document, context)`. */
import type { Diagnostic } from "../../diagnostics/types.js";
import type { BriefingDocument } from "../../model/document.js";
import type { WriterOptions } from "../../model/options.js";
import type { BrowserSession } from "../../runtime/browser.js";

export interface WriterContext {
  /** Where to write (the build's staging folder). */
  outDir: string;
  /** The package's `templates/` (or the user's restyled copy). */
  templatesDir: string;
  /** Every writer's options, from brief.yaml; each reads its own part. */
  options: WriterOptions;
  /** The build's one browser, for writers that print (`needsBrowser`). */
  browser?: BrowserSession;
  /** Seconds since 1970 for PDF dates (SOURCE_DATE_EPOCH); default: the brief's date. */
  sourceDateEpoch?: number;
}

export interface WriterResult {
  /** Paths written, relative to `outDir`, in the order the contract lists them. */
  outputs: string[];
  /** Requests the browser sandbox refused while rendering. */
  blocked: string[];
  diagnostics: Diagnostic[];
  /** What the writer measured, one line each (printed by `build -v`). */
  facts?: string[];
  /** Pages of the report, slides of the deck: for the build's closing line. */
  pages?: number;
  slides?: number;
}

/** What a writer's module exports as `write`. */
export type WriteFn = (document: BriefingDocument, context: WriterContext) => Promise<WriterResult>;

/**
 * A registry entry: what the pipeline must know before it loads the writer (so a build that
 * does not write a PDF loads neither the browser nor the report's modules).
 */
export interface Writer {
  /** `json`, `markdown`, `report`, `deck`. */
  name: string;
  /** The `--only` value that selects it (`json`, `pdf`, `slides`). */
  selector: string;
  /** The stage name progress reports while it writes. */
  stage: string;
  /** The paths it writes, relative to the output folder. */
  outputs: readonly string[];
  /** True when it needs the browser (the pipeline launches one only then). */
  needsBrowser: boolean;
  /** Loads the writer's module and returns its `write`. */
  load(): Promise<WriteFn>;
  /**
   * For a writer that needs the browser: a quick write without it (the HTML before printing),
   * which watch mode runs first on every change. Writers without a browser simply `write`.
   */
  loadPreview?(): Promise<WriteFn>;
}
