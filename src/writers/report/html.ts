/**
 * The report as one HTML document: cover, contents, body (sanitised corpus-derived content +
 * generated footnotes), bibliography, from the templates in `templates/report/`.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Root as HastRoot } from "hast";
import { toHtml } from "hast-util-to-html";
import type { BriefingDocument } from "../../model/document.js";
import type { ReportOptions } from "../../model/options.js";
import { formatDate } from "../../util/dates.js";
import { type Chrome, chromeFor } from "../../util/locale.js";
import { packagePath } from "../../util/package.js";
import { formatCitations, loadCitationStyle } from "../shared/citations/index.js";
import { exhibitSvg, REPORT_FRAME } from "../shared/exhibits/index.js";
import { filesForText, fontFaceCss, fontFiles } from "../shared/fonts.js";
import { toSanitisedHast } from "./hast.js";
import {
  identifyHeadings,
  insertExhibits,
  insertFootnotes,
  placeholderClusters,
  type TocEntry,
} from "./structure.js";
import { escapeHtml, fillTemplate } from "./template.js";

/** `templates/report/` of this package. */
export const DEFAULT_REPORT_TEMPLATES = packagePath("templates", "report", "");

/** Scripts only from files next to the document; no network of any kind. */
export const REPORT_CSP =
  "default-src 'none'; script-src 'self' file:; style-src 'unsafe-inline'; font-src 'self' file:; img-src 'self' file: data:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * The report's template folder: `dir` itself when it holds layout.html, else `dir/report`
 * (so callers may pass either the package's `templates/` or `templates/report/`).
 */
export function reportTemplatesDir(dir: string): string {
  if (existsSync(join(dir, "layout.html"))) return dir;
  return join(dir, "report");
}

export interface ReportHtmlInput {
  document: BriefingDocument;
  options: ReportOptions;
  /** Relative URL from the HTML file to the assets folder (fonts, scripts), e.g. `assets`. */
  assetsDir: string;
  /** `templates/` or `templates/report/` (layout.html, report.css, report.js, csl/); default: the package's. */
  templatesDir?: string;
}

function tocHtml(entries: readonly TocEntry[]): string {
  const items = entries
    .map(
      (e) =>
        `<li class="toc-depth-${e.depth}"><a href="#${e.id}"><span class="toc-text">${escapeHtml(e.text)}</span></a></li>`,
    )
    .join("\n");
  return `<ol>\n${items}\n</ol>`;
}

/** The page footer in the brief's language ("Seite 2 von 8"); report.css keeps the layout. */
function pageCss(chrome: Chrome): string {
  const [before, between] = chrome.pageOf.map((s) => JSON.stringify(s));
  return `@page { @bottom-center { content: ${before} counter(page) ${between} counter(pages); } }`;
}

function paperCss(paper: "A4" | "Letter"): string {
  return `@page { size: ${paper === "Letter" ? "letter" : "A4"}; }`;
}

export async function renderReportHtml(input: ReportHtmlInput): Promise<string> {
  const { document, options } = input;
  const { meta, tree } = document;
  const templatesDir = reportTemplatesDir(input.templatesDir ?? DEFAULT_REPORT_TEMPLATES);
  const lang = meta.language || "en";
  const chrome = chromeFor(lang);
  const [layout, css] = await Promise.all([
    readFile(join(templatesDir, "layout.html"), "utf8"),
    readFile(join(templatesDir, "report.css"), "utf8"),
  ]);

  const sourceLanguage = new Map(document.sources.map((s) => [s.id, s.language]));
  const {
    tree: body,
    clusters,
    exhibits,
  } = await toSanitisedHast(tree, chrome.exhibit, {
    document: lang,
    of: (id) => sourceLanguage.get(id),
  });
  const drawings = await Promise.all(
    exhibits.map((e) => exhibitSvg(e, meta.subjects, REPORT_FRAME)),
  );
  const used = new Set(["contents", "bibliography"]);
  const toc = identifyHeadings(body, used);
  toc.push({ id: "bibliography", depth: 2, text: chrome.bibliography });

  const style = await loadCitationStyle(join(templatesDir, "csl"), options.citationStyle, lang);
  const ordered = placeholderClusters(body, clusters);
  const formatted = formatCitations(document.sources, ordered, style, "html");
  insertFootnotes(body, formatted.notes);
  insertExhibits(body, drawings);

  const bodyHtml = toHtml(body as HastRoot, { allowDangerousHtml: true });
  const bibliography = formatted.bibliography
    .map((b) => `<p class="csl-entry" id="ref-${escapeHtml(b.id)}">${b.entry}</p>`)
    .join("\n");

  const { title, subtitle, author, date } = meta;
  const count = meta.sourceCount;
  const keywords = [...meta.subjects, ...meta.dimensions];

  const values = {
    lang,
    csp: REPORT_CSP,
    title,
    author: author ?? "",
    subject: subtitle ?? title,
    keywords: keywords.join(", "),
    assets: input.assetsDir.replace(/\/$/, ""),
    generatedCss: paperCss(options.paper),
    css,
    subtitleBlock: subtitle ? `<p class="cover-subtitle">${escapeHtml(subtitle)}</p>` : "",
    authorBlock: author ? `<p class="cover-author">${escapeHtml(author)}</p>` : "",
    dateBlock: date ? `<p class="cover-date">${escapeHtml(formatDate(date, lang))}</p>` : "",
    compiledFrom: chrome.compiledFrom(count),
    kicker: chrome.briefing,
    contentsTitle: chrome.contents,
    bibliographyTitle: chrome.bibliography,
    localeCss: pageCss(chrome),
    toc: tocHtml(toc),
    body: bodyHtml,
    bibliography,
  };
  // The faces declared are those whose subsets hold a character of the page without them (its
  // text, CSS and attributes: more than the rendered text, which is safe; less would not be).
  const fonts = filesForText(await fontFiles(), fillTemplate(layout, values));
  const fontCss = fontFaceCss(fonts, `${input.assetsDir.replace(/\/$/, "")}/fonts`);
  return fillTemplate(layout, { ...values, generatedCss: `${fontCss}\n${values.generatedCss}` });
}
