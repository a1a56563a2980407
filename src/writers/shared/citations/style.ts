/**
 * CSL style and locale files: found in a folder (`templates/report/csl/` by default) or given
 * as a path to a `.csl` file. Pure text in, text out; no network.
 */
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
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

/** Loads `styleId` (a file in `cslDir`, or a path ending in `.csl`) and the locale for `lang`. */
export async function loadCitationStyle(
  cslDir: string = DEFAULT_CSL_DIR,
  styleId = "chicago-fullnote-bibliography",
  lang = "en",
): Promise<CitationStyle> {
  const stylePath = styleId.endsWith(".csl") ? styleId : join(cslDir, `${styleId}.csl`);
  let styleXml: string;
  try {
    styleXml = await readFile(stylePath, "utf8");
  } catch {
    const available = (await readdir(cslDir).catch(() => [] as string[]))
      .filter((f) => f.endsWith(".csl"))
      .map((f) => f.slice(0, -4))
      .sort();
    throw new BriefwrightError("input", `Citation style "${styleId}" not found`, [
      {
        severity: "error",
        ruleId: "report-citation-style",
        message: `Citation style "${styleId}" not found (looked for ${stylePath})`,
        hint: `Use one of: ${available.join(", ") || "(none installed)"}, or give a path to a .csl file in report.citationStyle.`,
      },
    ]);
  }
  let locale = localeTag(lang);
  let localeXml = await readFile(join(cslDir, `locales-${locale}.xml`), "utf8").catch(() => "");
  if (!localeXml) {
    locale = "en-US";
    localeXml = await readFile(join(cslDir, "locales-en-US.xml"), "utf8");
  }
  return { id: basename(stylePath, ".csl"), styleXml, localeXml, locale };
}
