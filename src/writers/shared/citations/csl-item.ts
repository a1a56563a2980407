/**
 * CSL-JSON items from the Briefing's source profiles: the only place that decides how a
 * source is described to the citation engine.
 */
import type { SourceProfile } from "../../../model/briefing.js";
import { safeHttpUrl } from "./safe-html.js";

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: "article-newspaper" | "webpage" | "document";
  title: string;
  "title-short"?: string;
  author?: CslName[];
  "container-title"?: string;
  publisher?: string;
  issued?: { "date-parts": number[][] };
  URL?: string;
  language?: string;
}

const ORGANISATION =
  /\b(staff|team|editors|editorial|agency|press|news|organi[sz]ation|ministry|office|institute|council|committee|reuters|bbc)\b/i;

/** "Catherine Putz" → {given, family}; "Putz, Catherine" too; organisations stay literal. */
export function toCslName(name: string): CslName {
  const trimmed = name.trim().replace(/\s+/g, " ");
  const comma = trimmed.indexOf(",");
  if (comma > 0) {
    return { family: trimmed.slice(0, comma).trim(), given: trimmed.slice(comma + 1).trim() };
  }
  const words = trimmed.split(" ");
  if (words.length < 2 || ORGANISATION.test(trimmed)) return { literal: trimmed };
  // Lower-case particles (von, van der, de) belong to the family name.
  let split = words.length - 1;
  while (split > 1 && /^\p{Ll}/u.test(words[split - 1] ?? "")) split--;
  return { given: words.slice(0, split).join(" "), family: words.slice(split).join(" ") };
}

/** ISO 8601 date, partial allowed (`2022`, `2022-08`, `2022-08-03`) → CSL date-parts. */
export function toDateParts(date: string): { "date-parts": number[][] } | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!match) return undefined;
  const parts = match
    .slice(1)
    .filter((p): p is string => p !== undefined)
    .map(Number);
  return { "date-parts": [parts] };
}

/**
 * "Title: Subtitle", or "Title? Subtitle" when the title ends in its own punctuation. A
 * "subtitle" of several sentences or many words is a standfirst, not part of the title.
 */
function joinTitle(title: string, subtitle?: string): string {
  const main = title.trim();
  const sub = subtitle?.trim();
  if (!sub || /[.!?]\s+\S/.test(sub) || sub.split(/\s+/).length > 15) return main;
  return /[?!.:]$/.test(main) ? `${main} ${sub}` : `${main}: ${sub}`;
}

export function toCslItem(source: SourceProfile): CslItem {
  // Only an absolute http(s) URL is cited (normalised: no quote or bracket survives). citeproc
  // links whatever it is given, and prefixes `https://doi.org/` to anything not http(s).
  const url = safeHttpUrl(source.url);
  const item: CslItem = {
    id: source.id,
    type: source.publisher ? "article-newspaper" : url ? "webpage" : "document",
    title: joinTitle(source.title, source.subtitle),
  };
  if (item.title !== source.title.trim()) item["title-short"] = source.title.trim();
  if (source.authors.length > 0) item.author = source.authors.map(toCslName);
  if (source.publisher) {
    item["container-title"] = source.publisher;
    item.publisher = source.publisher;
  }
  const issued = source.date ? toDateParts(source.date) : undefined;
  if (issued) item.issued = issued;
  if (url) item.URL = url;
  if (source.language) item.language = source.language;
  return item;
}
