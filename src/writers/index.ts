/**
 * The writers: each turns the `BriefingDocument` into its outputs. Writers import the model,
 * `runtime/` and `writers/shared/`, never each other (`tests/architecture` checks it).
 *
 * Adding a writer (DOCX, Typst…): a folder `writers/<name>/` whose `index.ts` exports
 * `write: WriteFn`, and one entry in `WRITERS` below. The pipeline, watch and `--only` follow
 * (a writer that needs the browser may also offer a `preview` for watch mode's quick pass).
 */
import type { Writer } from "./shared/writer.js";

export type { WriteFn, Writer, WriterContext, WriterResult } from "./shared/writer.js";

/** In the order the outputs are written and listed. */
export const WRITERS: readonly Writer[] = [
  {
    name: "json",
    selector: "json",
    stage: "write model",
    outputs: ["briefing.json"],
    needsBrowser: false,
    load: () => import("./json/index.js").then((m) => m.write),
  },
  {
    name: "markdown",
    selector: "json",
    stage: "write model",
    outputs: ["briefing.md"],
    needsBrowser: false,
    load: () => import("./markdown/index.js").then((m) => m.write),
  },
  {
    name: "report",
    selector: "pdf",
    stage: "report",
    outputs: ["briefing.html", "briefing.pdf"],
    needsBrowser: true,
    load: () => import("./report/index.js").then((m) => m.write),
    loadPreview: () => import("./report/preview.js").then((m) => m.preview),
  },
  {
    name: "deck",
    selector: "slides",
    stage: "slides",
    outputs: ["slides/index.html", "slides.pdf"],
    needsBrowser: true,
    load: () => import("./deck/index.js").then((m) => m.write),
    loadPreview: () => import("./deck/preview.js").then((m) => m.preview),
  },
];

/** The `--only` values, in registry order. */
export const SELECTORS: readonly string[] = [...new Set(WRITERS.map((w) => w.selector))];
