/**
 * The report writer: compiled outline → out/briefing.html → out/briefing.pdf (Paged.js in the
 * shared browser session), reproducible and written atomically.
 */
import { join } from "node:path";
import { BriefwrightError } from "../../diagnostics/types.js";
import type { BriefingDocument } from "../../model/document.js";
import type { ReportOptions } from "../../model/options.js";
import { writeFileAtomic } from "../../runtime/atomic.js";
import type { BrowserSession } from "../../runtime/browser.js";
import { briefingPdfMetadata, makeReproducible } from "../shared/pdf-metadata.js";
import type { WriteFn } from "../shared/writer.js";
import { copyReportAssets } from "./assets.js";
import { renderReportHtml, reportTemplatesDir } from "./html.js";
import { printReport, type ReportLayout } from "./print.js";

export type { ReportHtmlInput } from "./html.js";
export {
  DEFAULT_REPORT_TEMPLATES,
  REPORT_CSP,
  renderReportHtml,
  reportTemplatesDir,
} from "./html.js";
export type { ReportLayout } from "./print.js";

export interface WriteReportInput {
  document: BriefingDocument;
  options: ReportOptions;
  outDir: string;
  /** The package's `templates/` (as the build passes it) or `templates/report/` itself. */
  templatesDir: string;
  browser: BrowserSession;
  /** Seconds since 1970 for the PDF's dates; default: the brief's date, else 1980-01-01. */
  sourceDateEpoch?: number;
  /** Longest pagination/printing may take (default 60 s). */
  timeoutMs?: number;
}

export interface WriteReportResult {
  htmlPath: string;
  pdfPath: string;
  pages: number;
  /** Requests the sandbox refused while rendering (none for a clean build). */
  blocked: string[];
  layout: ReportLayout;
}

const HTML_NAME = "briefing.html";
const PDF_NAME = "briefing.pdf";
const ASSETS = "assets";

export async function writeReport(input: WriteReportInput): Promise<WriteReportResult> {
  const { document, options, outDir, browser } = input;
  const templatesDir = reportTemplatesDir(input.templatesDir);
  const htmlPath = join(outDir, HTML_NAME);
  const pdfPath = join(outDir, PDF_NAME);

  // Open the sandboxed page while the HTML is made; both are needed for printing.
  const opening = browser.newPage({ allowedRoots: [outDir], timeoutMs: input.timeoutMs ?? 60_000 });
  // Handled below when awaited; this keeps an early failure from being an unhandled rejection.
  opening.catch(() => {});
  let printed: Awaited<ReturnType<typeof printReport>>;
  try {
    const [html] = await Promise.all([
      renderReportHtml({ document, options, assetsDir: ASSETS, templatesDir }),
      copyReportAssets(templatesDir, join(outDir, ASSETS)),
    ]);
    await writeFileAtomic(htmlPath, html);
    const page = await opening;
    try {
      printed = await printReport(page, htmlPath);
    } finally {
      await page.close();
    }
  } catch (error) {
    await opening.then((page) => page.close()).catch(() => {});
    throw error;
  }
  if (printed.layout.pages < 1) {
    throw new BriefwrightError("internal", "Paged.js produced no pages for the report");
  }
  const meta = briefingPdfMetadata(document.meta, document.meta.title, input.sourceDateEpoch);
  const pdf = makeReproducible(printed.pdf, meta);
  await writeFileAtomic(pdfPath, pdf);
  return {
    htmlPath,
    pdfPath,
    pages: printed.layout.pages,
    blocked: printed.blocked,
    layout: printed.layout,
  };
}

/** `write` for the writers registry (`writers/index.ts`). */
export const write: WriteFn = async (document, context) => {
  if (!context.browser) throw new Error("the report writer needs the build's browser");
  const result = await writeReport({
    document,
    options: context.options.report,
    outDir: context.outDir,
    templatesDir: context.templatesDir,
    browser: context.browser,
    ...(context.sourceDateEpoch !== undefined ? { sourceDateEpoch: context.sourceDateEpoch } : {}),
  });
  return {
    outputs: [HTML_NAME, PDF_NAME],
    blocked: result.blocked,
    diagnostics: [],
    pages: result.pages,
  };
};
