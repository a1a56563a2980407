/**
 * Paginates the report HTML with Paged.js in a sandboxed page and prints it to PDF.
 */
import { basename } from "node:path";
import { BriefwrightError } from "../../diagnostics/types.js";
import type { SandboxedPage } from "../../runtime/browser.js";

export interface NotePlacement {
  n: number;
  notePage: number;
  callPage: number;
  callText: string;
}

/** What Paged.js laid out (read back from the page before printing). */
export interface ReportLayout {
  pages: number;
  notes: NotePlacement[];
  headings: { id: string; page: number; text: string }[];
  repeatedHeaders: number;
  /** Table rows split across pages (should be 0). */
  splitRows: number;
  /** Paragraph or list-item fragments of one line at a page end or start (widows/orphans). */
  shortFragments: { page: number; lines: number; text: string }[];
  /** Headings that end a page with nothing after them. */
  headingsAtPageEnd: string[];
}

export interface PrintedReport {
  pdf: Uint8Array;
  layout: ReportLayout;
  blocked: string[];
}

/** Loads `htmlPath` in `sandboxed` (already confined to the output folder), paginates, prints. */
export async function printReport(
  sandboxed: SandboxedPage,
  htmlPath: string,
): Promise<PrintedReport> {
  await sandboxed.open(htmlPath);
  await sandboxed.waitUntil(
    "window.briefwrightLayout !== undefined",
    `${basename(htmlPath)} (pagination)`,
  );
  const layout = (await sandboxed.evaluate(
    () => (window as unknown as { briefwrightLayout: unknown }).briefwrightLayout,
    basename(htmlPath),
  )) as ReportLayout | { error: string };
  if ("error" in layout) {
    const blocked = sandboxed.blocked.length ? ` Blocked: ${sandboxed.blocked.join(", ")}.` : "";
    throw new BriefwrightError(
      "input",
      `Paged.js could not lay out ${basename(htmlPath)}: ${layout.error}.${blocked}`,
      [
        {
          severity: "error",
          ruleId: "report-layout-failed",
          message: `Paged.js could not lay out ${basename(htmlPath)}: ${layout.error}`,
          file: htmlPath,
          hint: "Report templates may load only local files: no @import or url() of http(s) addresses in report.css or layout.html.",
        },
      ],
    );
  }
  const pdf = await sandboxed.pdf(
    { preferCSSPageSize: true, printBackground: true, outline: true, tagged: true },
    basename(htmlPath),
  );
  return { pdf, layout, blocked: [...sandboxed.blocked] };
}
