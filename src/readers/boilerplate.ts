/**
 * Boilerplate: page furniture that surrounds an article (subscription prompts, teasers, view
 * counters, photo credits, author bios, related-article lists). It is removed from the blocks
 * and listed in `dropped[]` with a reason, so nothing is lost silently.
 */
import type { DroppedText } from "../model/source.js";

export interface Unit {
  text: string;
  line: number;
}

interface Rule {
  rule: string;
  reason: string;
  test: RegExp;
}

/** Patterns that mark a unit as boilerplate wherever it stands. */
const ANYWHERE: Rule[] = [
  {
    rule: "boilerplate-teaser",
    reason: "teaser for another article",
    test: /^(?:editor[’']?s\s+picks?|read\s+also|also\s+read|related|see\s+also|recommended|more\s+from)\s*[:|–—-]/i,
  },
  {
    rule: "boilerplate-advert",
    reason: "advertisement",
    test: /^(?:advertisement|sponsored(?: content)?)$/i,
  },
  {
    rule: "boilerplate-views",
    reason: "view counter",
    test: /^\d[\d,.]*\s*[kKmM]?\s+(?:views?|reads?)$/,
  },
];

/** Patterns that mark a unit as boilerplate in the tail of an article. */
const TAIL: Rule[] = [
  ...ANYWHERE,
  {
    rule: "boilerplate-subscribe",
    reason: "subscription prompt",
    test: /\b(?:subscribe|subscriber|subscription|sign\s+up|newsletter|full\s+access|paywall|log\s+in\s+to)\b|^want\s+to\s+read\s+more\??$|\bweekly\s+updates\b|\blatest\s+articles\b/i,
  },
  {
    rule: "boilerplate-promo",
    reason: "promotion of the publisher",
    test: /\b(?:published\s+as\s+part\s+of|learn\s+more\s+about|consider\s+(?:contributing|donating|supporting)|support\s+our\s+(?:work|journalism)|share\s+this|follow\s+us|all\s+rights\s+reserved)\b|©/i,
  },
  {
    rule: "boilerplate-credit",
    reason: "photo or image credit",
    test: /^(?:picture|photo|image|photograph|illustration|cover|header\s+image|flag\s+of\b.*\btaken\s+from)\b.*|\bvia\s+(?:AP|Reuters|AFP|Getty(?:\s+Images)?)$|\((?:CC\s+BY[^)]*|public\s+domain)\)/i,
  },
  {
    rule: "boilerplate-bio",
    reason: "author bio",
    test: /^(?:the\s+authors?|about\s+the\s+authors?)$/i,
  },
];

/** A short line that is no sentence: navigation, section labels, headlines of other articles. */
export function isShortFurniture(text: string): boolean {
  const words = text.split(/\s+/).length;
  return words <= 12 && !/[.;]["”’)]?$/.test(text);
}

export function matchAnywhere(text: string): Omit<DroppedText, "text" | "line"> | undefined {
  const hit = ANYWHERE.find((r) => r.test.test(text.trim()));
  return hit && { rule: hit.rule, reason: hit.reason };
}

function matchTail(
  text: string,
  authors: string[],
): Omit<DroppedText, "text" | "line"> | undefined {
  const t = text.trim();
  for (const author of authors) {
    if (t === author || t.startsWith(`${author} is `) || t.startsWith(`${author} was `)) {
      return { rule: "boilerplate-bio", reason: "author bio" };
    }
  }
  const hit = TAIL.find((r) => r.test.test(t));
  return hit && { rule: hit.rule, reason: hit.reason };
}

/**
 * Finds the boilerplate tail of an article: scanning back from the end over boilerplate and
 * short furniture, then starting the tail at the first unit a rule recognises. Returns the index
 * where the tail starts (units.length when there is none) and what was dropped.
 */
export function splitTail(
  units: Unit[],
  authors: string[],
  isBody: (u: Unit) => boolean = () => true,
): { end: number; dropped: DroppedText[] } {
  let i = units.length;
  const verdicts: (Omit<DroppedText, "text" | "line"> | undefined)[] = [];
  while (i > 0) {
    const unit = units[i - 1]!;
    const hit = matchTail(unit.text, authors);
    if (!hit && !(isShortFurniture(unit.text) && isBody(unit))) break;
    // Collected back to front and turned round once: unshift in the loop is quadratic.
    verdicts.push(hit);
    i--;
  }
  verdicts.reverse();
  const firstHit = verdicts.findIndex((v) => v !== undefined);
  if (firstHit < 0) return { end: units.length, dropped: [] };
  const start = i + firstHit;
  const dropped: DroppedText[] = [];
  for (let k = start; k < units.length; k++) {
    const unit = units[k]!;
    // A short line right under the author's name is the author's role: part of the bio.
    const afterName = authors.includes(units[k - 1]?.text.trim() ?? "");
    const verdict =
      verdicts[k - i] ??
      (afterName
        ? { rule: "boilerplate-bio", reason: "author bio" }
        : {
            rule: "boilerplate-furniture",
            reason: "page furniture or related articles after the article",
          });
    dropped.push({ text: unit.text, line: unit.line, ...verdict });
  }
  return { end: start, dropped };
}

/** Photo credits and similar recognised one unit at a time (used for the head of a page). */
export function matchCredit(text: string): Omit<DroppedText, "text" | "line"> | undefined {
  const credit = TAIL.find((r) => r.rule === "boilerplate-credit");
  return credit?.test.test(text.trim()) ? { rule: credit.rule, reason: credit.reason } : undefined;
}
