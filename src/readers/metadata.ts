/** Metadata helpers shared by the format readers: date lines, names, bylines, citation keys. */

import { slug } from "../util/slug.js";

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, "");
  const i = MONTHS.findIndex((m) => m === w || (w.length >= 3 && m.startsWith(w)));
  return i >= 0 ? i + 1 : undefined;
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Parses a line that is only a date ("3 August 2022", "August 3, 2022", "2022-08-03",
 * "August 2022") into ISO 8601, partial where the line is partial. Anything else → undefined.
 */
export function parseDateLine(line: string): string | undefined {
  const s = line
    .trim()
    .replace(/^(?:published|updated|posted|date)\s*:?\s*/i, "")
    .replace(/[.,]$/, "");
  let m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return m[3] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`;
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+\.?),?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = monthNumber(m[2]!);
    if (month) return `${m[3]}-${pad(month)}-${pad(Number(m[1]))}`;
  }
  m = /^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = monthNumber(m[1]!);
    if (month) return `${m[3]}-${pad(month)}-${pad(Number(m[2]))}`;
  }
  m = /^([A-Za-z]+\.?)\s+(\d{4})$/.exec(s);
  if (m) {
    const month = monthNumber(m[1]!);
    if (month) return `${m[2]}-${pad(month)}`;
  }
  return undefined;
}

/** Normalises a date value from front matter or HTML meta into ISO 8601 (partial allowed). */
export function normaliseDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === "number" && value > 999 && value < 10000) return String(value);
  if (typeof value !== "string") return undefined;
  const s = value.trim();
  if (/^\d{4}$/.test(s)) return s;
  return parseDateLine(s) ?? /^(\d{4}-\d{2}-\d{2})T/.exec(s)?.[1];
}

const NAME_WORD = /^(?:\p{Lu}[\p{Ll}’'-]+(?:-\p{Lu}[\p{Ll}’']+)?|\p{Lu}\.)$/u;
const NAME_PARTICLES = new Set(["de", "van", "von", "der", "da", "di", "le", "la", "bin", "al"]);

/** A line that is a personal name alone: "Christine Karelska", "Eva Fischer". */
export function looksLikeName(line: string): boolean {
  const words = line.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  const caps = words.filter((w) => NAME_WORD.test(w)).length;
  const particles = words.filter((w) => NAME_PARTICLES.has(w)).length;
  return caps >= 2 && caps + particles === words.length;
}

/** A byline: "By Catherine Putz", "by Jhon Lennon 54 views". Returns names and the leftover. */
export function parseByline(line: string): { authors: string[]; rest: string } | undefined {
  const m = /^by\s+(.+)$/i.exec(line.trim());
  if (!m) return undefined;
  let body = m[1]!;
  let rest = "";
  const views = /\s+(\d[\d,.]*\s*[kKmM]?\s+(?:views?|reads?))\s*$/.exec(body);
  if (views) {
    rest = views[1]!;
    body = body.slice(0, views.index);
  }
  const authors = body
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((a) => a.trim())
    .filter(Boolean);
  if (authors.length === 0 || !authors.every((a) => looksLikeName(a) || /^\p{Lu}\p{L}+$/u.test(a)))
    return undefined;
  return { authors, rest };
}

/** The family name of a personal name ("Catherine Putz" → "Putz"). */
export function familyName(name: string): string {
  const words = name.trim().split(/\s+/);
  return words[words.length - 1] ?? name;
}

const TITLE_STOP = new Set([
  "the",
  "a",
  "an",
  "of",
  "and",
  "or",
  "in",
  "on",
  "to",
  "why",
  "what",
  "how",
  "is",
  "are",
  "who",
  "will",
  "vs",
]);

/** The citation key's stem: author family name, else publisher, else a title word. */
export function keyStem(meta: { authors: string[]; publisher?: string; title: string }): string {
  const first = meta.authors[0];
  if (first) {
    const s = slug(familyName(first), { ascii: true });
    if (s) return s;
  }
  if (meta.publisher) {
    const s = slug(meta.publisher.replace(/^the\s+/i, ""), { ascii: true });
    if (s) return s;
  }
  const word = meta.title
    .split(/\s+/)
    .map((w) => slug(w, { ascii: true }))
    .find((w) => w && !TITLE_STOP.has(w));
  return word ?? "source";
}
