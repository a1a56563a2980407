/**
 * CSL style and locale files: found in a folder (`templates/report/csl/` by default) or given
 * as a path to a `.csl` file. Pure text in, text out; no network.
 */
import { readdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { readInputFile } from "../../../diagnostics/input.js";
import { BriefwrightError } from "../../../diagnostics/types.js";
import { packagePath } from "../../../util/package.js";

/** The package's CSL folder (`templates/report/csl/`). */
export const DEFAULT_CSL_DIR = packagePath("templates", "report", "csl", "");

export interface CitationStyle {
  /** The style id (file name without `.csl`). */
  id: string;
  styleXml: string;
  localeXml: string;
  /** The locale actually used, e.g. `en-US`. */
  locale: string;
}

/** BCP 47 language → CSL locale file tag (`en` → `en-US`, `uk` → `uk-UA`). */
const DEFAULT_REGION: Record<string, string> = {
  en: "en-US",
  de: "de-DE",
  fr: "fr-FR",
  uk: "uk-UA",
  ru: "ru-RU",
  es: "es-ES",
  it: "it-IT",
  pl: "pl-PL",
};

function localeTag(lang: string): string {
  if (/^[a-z]{2,3}-[A-Z]{2}$/.test(lang)) return lang;
  return DEFAULT_REGION[lang.slice(0, 2).toLowerCase()] ?? "en-US";
}

/**
 * Briefwright cites paragraphs as `¶ 12` in every style: the locator label's short form is
 * set to the pilcrow by a style-level locale (the style file on disk is left untouched).
 */
export function withPilcrowLocator(styleXml: string): string {
  const terms =
    '<locale><terms><term name="paragraph" form="short"><single>¶</single><multiple>¶¶</multiple></term></terms></locale>';
  const end = styleXml.indexOf("</info>");
  if (end < 0) return styleXml;
  const at = end + "</info>".length;
  return `${styleXml.slice(0, at)}\n  ${terms}${styleXml.slice(at)}`;
}

/** Largest style or locale file read, in bytes. */
const CSL_MAX_BYTES = 2 * 1024 * 1024;

/** A style named by id (a file of the CSL folder): no path, no `..`. */
const STYLE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Whether `xml` looks like a CSL style: a `<style>` element in the CSL namespace. */
export function isCslStyle(xml: string): boolean {
  return /<style\b[^>]*xmlns\s*=\s*["']http:\/\/purl\.org\/net\/xbiblio\/csl["']/.test(xml);
}

function styleError(styleId: string, message: string, hint: string): BriefwrightError {
  return new BriefwrightError("input", `Citation style "${styleId}": ${message}`, [
    {
      severity: "error",
      ruleId: "report-citation-style",
      message: `Citation style "${styleId}" ${message}`,
      hint,
    },
  ]);
}

/**
 * Loads `styleId` and the locale for `lang`. `styleId` is an id (a file in `cslDir`) or a path to
 * a `.csl` file (`brief.yaml`'s paths are checked and resolved inside the corpus by `brief/`).
 * Every file is read through the guarded reader (regular files only, no link out of their
 * folder, at most 2 MB); a file that is not a CSL style is refused without quoting it.
 */
export async function loadCitationStyle(
  cslDir: string = DEFAULT_CSL_DIR,
  styleId = "chicago-fullnote-bibliography",
  lang = "en",
): Promise<CitationStyle> {
  const isPath = styleId.toLowerCase().endsWith(".csl");
  const available = async () =>
    (await readdir(cslDir).catch(() => [] as string[]))
      .filter((f) => f.endsWith(".csl"))
      .map((f) => f.slice(0, -4))
      .sort();
  const hint = async () =>
    `Use one of: ${(await available()).join(", ") || "(none installed)"}, or give a path to a .csl file in the corpus folder in report.citationStyle.`;
  if (!isPath && !STYLE_ID.test(styleId))
    throw styleError(styleId, "is not a style id", await hint());
  const stylePath = isPath ? styleId : join(cslDir, `${styleId}.csl`);
  const styleXml = await readInputFile(dirname(stylePath), basename(stylePath), {
    maxBytes: CSL_MAX_BYTES,
    display: isPath ? styleId : `${styleId}.csl`,
    what: "the citation style",
  });
  if (styleXml === undefined) throw styleError(styleId, "not found", await hint());
  if (!isCslStyle(styleXml))
    throw styleError(styleId, "is not a CSL style (no <style> in the CSL namespace)", await hint());
  const readLocale = (tag: string) =>
    readInputFile(cslDir, `locales-${tag}.xml`, {
      maxBytes: CSL_MAX_BYTES,
      display: `locales-${tag}.xml`,
      what: "the CSL locale",
    });
  let locale = localeTag(lang);
  let localeXml = (await readLocale(locale)) ?? "";
  if (!localeXml) {
    locale = "en-US";
    localeXml = (await readLocale(locale)) ?? "";
  }
  return { id: basename(stylePath, ".csl"), styleXml, localeXml, locale };
}
