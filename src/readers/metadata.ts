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
  "for",
  "at",
  "by",
  "its",
  "it",
  "up",
  "new",
  "why",
  "what",
  "how",
  "is",
  "are",
  "be",
  "can",
  "who",
  "will",
  "vs",
  "der",
  "die",
  "das",
  "und",
  "ein",
  "eine",
  "im",
  "am",
  "ab",
  "für",
  "fur",
  "von",
  "mit",
]);

/** The words of a title that can name it in a key: letters (not numbers), not stop words. */
export function titleWords(title: string): string[] {
  return title
    .split(/[\s/:;,.!?()[\]"“”‘’«»–—-]+/u)
    .map((w) => slug(w, { ascii: true }))
    .filter((w) => /[a-z]/.test(w) && !/^\d/.test(w) && !TITLE_STOP.has(w));
}

/** The citation key's stem: author family name, else publisher, else a title word. */
export function keyStem(meta: { authors: string[]; publisher?: string; title: string }): string {
  const first = meta.authors[0];
  if (first) {
    const s = slug(familyName(first), { ascii: true });
    if (s) return s;
  }
  if (meta.publisher) {
    const s = slug(meta.publisher.replace(/^the\s+/i, ""), { ascii: true });
    if (s && /[a-z]/.test(s)) return s;
  }
  return titleWords(meta.title)[0] ?? "source";
}

/**
 * Sources whose key stems clash (five articles by one publisher) each get a word of their own
 * title that the others' titles lack, the last such word (a headline's object: "touch", "debut").
 * Depends only on the clashing titles, not on the order of files, so keys stay stable.
 */
export function distinctWord(title: string, others: readonly string[]): string | undefined {
  const theirs = new Set(others.flatMap(titleWords));
  const own = titleWords(title).filter((w) => !theirs.has(w) && w.length > 2);
  return own[own.length - 1];
}

const SEPARATOR = /\s+(?:\||–|—|-|::|»|·)\s+/u;

/** A site's name as titles carry it: a few words, each starting with a capital, digit or sign. */
function looksLikeSiteName(part: string): boolean {
  const words = part.trim().split(/\s+/u);
  return (
    words.length <= 3 &&
    part.length <= 40 &&
    words.every((w) => /^[\p{Lu}\p{N}&@]/u.test(w) || /\.[a-z]{2,}$/u.test(w))
  );
}

/**
 * Splits the site's name off a page title: "Review | Tom's Hardware", "GamesFirst! - PSP breaks
 * UK launch record", "Sony trash talks NDS - NSIDR". A known publisher (og:site_name, the brief)
 * is split off wherever it stands; without one, the part after a `|` is the site, and a short
 * capitalised part at either end after a dash is.
 */
export function splitSiteName(
  title: string,
  publisher?: string,
): { title: string; publisher?: string } {
  const parts = title.split(SEPARATOR);
  if (parts.length < 2) return { title, ...(publisher ? { publisher } : {}) };
  const norm = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  if (publisher) {
    const known = norm(publisher);
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    if (norm(last) === known) return { title: title.slice(0, cutAfterLast(title)), publisher };
    if (norm(first) === known)
      return { title: title.slice(title.search(SEPARATOR)).replace(SEPARATOR, ""), publisher };
    return { title, publisher };
  }
  const pipe = title.lastIndexOf(" | ");
  if (pipe > 0) {
    const site = title.slice(pipe + 3).trim();
    if (site.split(/\s+/u).length <= 5)
      return { title: title.slice(0, pipe).trim(), publisher: site };
  }
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const rest = (part: string) => title.length - part.length;
  if (looksLikeSiteName(last) && rest(last) > last.length + 10)
    return { title: title.slice(0, cutAfterLast(title)), publisher: last.trim() };
  if (looksLikeSiteName(first) && rest(first) > first.length + 10)
    return {
      title: title.slice(title.search(SEPARATOR)).replace(SEPARATOR, "").trim(),
      publisher: first.trim(),
    };
  return { title };
}

/** Index where the last separator of `title` starts. */
function cutAfterLast(title: string): number {
  let at = -1;
  for (const m of title.matchAll(new RegExp(SEPARATOR.source, "gu"))) at = m.index;
  return at;
}

/**
 * The date a Jekyll or Hugo file name states: `2005-09-06-psp-launch.markdown`,
 * `posts/2005-09-06_psp.md`. Only a real calendar date counts.
 */
export function fileNameDate(path: string): string | undefined {
  const name = path.split("/").pop() ?? path;
  const m = /^((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[-_.]|$)/u.exec(name);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/**
 * A title for a file that states none: its first heading, else its first sentence (cut to 12
 * words with "…"), never its file name.
 */
export function fallbackTitle(
  blocks: readonly { kind: string; text: string; sentences?: readonly { text: string }[] }[],
): string | undefined {
  const heading = blocks.find((b) => b.kind === "heading")?.text;
  if (heading) return heading;
  const first = blocks.find((b) => b.kind !== "heading" && b.text.trim());
  if (!first) return undefined;
  const sentence = (first.sentences?.[0]?.text ?? first.text).replace(/[.:;]$/u, "");
  const words = sentence.split(/\s+/u);
  return words.length <= 16 ? sentence : `${words.slice(0, 12).join(" ")} …`;
}
