/**
 * The report writer: compiled outline → out/briefing.html → out/briefing.pdf (Paged.js in the
 * shared browser session), reproducible and written atomically.
 */
import { join } from "node:path";
import type { Root } from "mdast";
import type { BriefSpec } from "../../brief/schema.js";
import { BriefwrightError } from "../../diagnostics/types.js";
import type { Briefing } from "../../model/briefing.js";
import { writeFileAtomic } from "../../runtime/atomic.js";
import type { BrowserSession } from "../../runtime/browser.js";
import { makeReproducible, type PdfMetadata } from "../shared/pdf-metadata.js";
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
  briefing: Briefing;
  tree: Root;
  spec: BriefSpec;
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

/** The fixed date of the PDF: SOURCE_DATE_EPOCH, else the brief's date, else 1980-01-01. */
/** The Info dictionary both PDFs carry: title, author, subject, keywords, fixed date. */
export function briefingPdfMetadata(
  spec: BriefSpec,
  briefing: Briefing,
  title: string,
  sourceDateEpoch?: number,
): PdfMetadata {
  return {
    title,
    author: spec.author ?? briefing.meta.author ?? "",
    subject: spec.subtitle ?? briefing.meta.subtitle ?? "",
    keywords: [
      ...briefing.subjects.map((s) => s.name),
      ...briefing.dimensions.map((d) => d.name),
    ].join(", "),
    creator: "briefwright",
    date: reportDate(spec, briefing, sourceDateEpoch),
  };
}

export function reportDate(spec: BriefSpec, briefing: Briefing, sourceDateEpoch?: number): Date {
  if (sourceDateEpoch !== undefined && Number.isFinite(sourceDateEpoch)) {
    return new Date(sourceDateEpoch * 1000);
  }
  const iso = spec.date ?? briefing.meta.date;
  const match = iso ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso) : null;
  if (match) {
    return new Date(Date.UTC(Number(match[1]), Number(match[2] ?? 1) - 1, Number(match[3] ?? 1)));
  }
  return new Date(Date.UTC(1980, 0, 1));
}

export async function writeReport(input: WriteReportInput): Promise<WriteReportResult> {
  const { briefing, tree, spec, outDir, browser } = input;
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
      renderReportHtml({ briefing, tree, spec, assetsDir: ASSETS, templatesDir }),
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
  const meta = briefingPdfMetadata(
    spec,
    briefing,
    spec.title ?? briefing.meta.title,
    input.sourceDateEpoch,
  );
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
