/**
 * Finding where a text names a subject. Aliases that carry capitals match case-sensitively
 * ("the Alliance" names NATO, "an alliance" names nothing; only a leading "the" may be "The"),
 * all-lower-case aliases match in any case, and every alias matches as whole words only.
 */

export interface SubjectRef {
  name: string;
  aliases: string[];
}

export interface SubjectMatcher {
  name: string;
  patterns: RegExp[];
  /**
   * Per pattern, a word each of its matches contains exactly as written (a case-sensitive
   * alias's first word), else undefined: a text without it is not searched with that pattern.
   */
  needles?: (string | undefined)[];
}

export interface Mention {
  subject: string;
  start: number;
  end: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function aliasPattern(alias: string): RegExp {
  const trimmed = alias.trim();
  const leadingThe = /^the\s+/i.exec(trimmed);
  const rest = leadingThe ? trimmed.slice(leadingThe[0].length) : trimmed;
  const caseSensitive = /\p{Lu}/u.test(rest);
  const body = rest.split(/\s+/u).map(escapeRegExp).join("\\s+");
  const the = leadingThe ? (caseSensitive ? "[Tt]he\\s+" : "the\\s+") : "";
  return new RegExp(
    `(?<![\\p{L}\\p{N}])${the}${body}(?![\\p{L}\\p{N}])`,
    caseSensitive ? "gu" : "giu",
  );
}

/** A word every match of `aliasPattern(alias)` contains as written, when it matches case-sensitively. */
function aliasNeedle(alias: string): string | undefined {
  const rest = alias.trim().replace(/^the\s+/iu, "");
  if (!/\p{Lu}/u.test(rest)) return undefined;
  return rest.split(/\s+/u)[0] || undefined;
}

export function buildMatchers(subjects: SubjectRef[]): SubjectMatcher[] {
  return subjects.map((s) => {
    const all = [s.name, ...s.aliases];
    // Longer aliases first so the longest match wins when two overlap.
    all.sort((a, b) => b.length - a.length);
    return { name: s.name, patterns: all.map(aliasPattern), needles: all.map(aliasNeedle) };
  });
}

/**
 * Mentions found, by text, per matcher list: the analysis looks for subjects in the same
 * sentences from several stages (about half the calls on the default corpus repeat a text).
 * Bounded, so a long watch session cannot grow it without end.
 */
const mentionMemo = new WeakMap<SubjectMatcher[], Map<string, Mention[]>>();
const MENTION_MEMO_MAX = 20_000;

/** All subject mentions in `text`, in reading order, overlaps resolved to the longest. */
export function findMentions(text: string, matchers: SubjectMatcher[]): Mention[] {
  let memo = mentionMemo.get(matchers);
  if (!memo) {
    memo = new Map();
    mentionMemo.set(matchers, memo);
  }
  let found = memo.get(text);
  if (!found) {
    found = mentionsIn(text, matchers);
    if (memo.size >= MENTION_MEMO_MAX) memo.clear();
    memo.set(text, found);
  }
  return found.map((m) => ({ ...m }));
}

function mentionsIn(text: string, matchers: SubjectMatcher[]): Mention[] {
  const found: Mention[] = [];
  for (const m of matchers) {
    for (const [i, p] of m.patterns.entries()) {
      const needle = m.needles?.[i];
      if (needle !== undefined && !text.includes(needle)) continue;
      p.lastIndex = 0;
      for (const hit of text.matchAll(p)) {
        found.push({ subject: m.name, start: hit.index, end: hit.index + hit[0].length });
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mention[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) continue;
    // A maker's name that begins another product's model name ("Sony PS2", "Nintendo GameCube",
    // "Nintendo 64") names that product, not the subject: the next word is a model name by its
    // shape (a digit, or a capital inside the word). A subject's own longer name ("Sony
    // PlayStation Portable") was taken first, as the longest mention.
    if (MODEL_NAME.test(text.slice(f.end))) continue;
    out.push(f);
  }
  return out;
}

/** What follows a name when a model name continues it: " PS2", " GameCube", " 64" (a year is none). */
const MODEL_NAME =
  /^\s(?:(?!(?:1[5-9]|20)\d\d(?![\p{L}\p{N}]))\p{N}[\p{L}\p{N}]*|\p{Lu}[\p{L}]*(?:\p{N}|\p{Ll}\p{Lu})[\p{L}\p{N}]*)(?![\p{L}\p{N}])/u;

/** Subjects named in `text`, in order of first mention. */
export function subjectsNamed(text: string, matchers: SubjectMatcher[]): string[] {
  const names: string[] = [];
  for (const m of findMentions(text, matchers))
    if (!names.includes(m.subject)) names.push(m.subject);
  return names;
}

/**
 * Where a sentence's first clause ends: at the first comma, semicolon or colon followed by a space
 * (a decimal comma, "149,99 $", ends nothing), else at its end. A language the English parser
 * cannot read is split there: a subject stands first or right after the finite verb.
 */
export function firstClauseEnd(text: string): number {
  const m = /[,;:](?:\s|$)/u.exec(text);
  return m ? m.index : text.length;
}

/** The brief subjects a sentence's first clause names. */
export function firstClauseSubjects(text: string, matchers: SubjectMatcher[]): Set<string> {
  return new Set(findMentions(text.slice(0, firstClauseEnd(text)), matchers).map((m) => m.subject));
}
