/**
 * Disagreements between sources: different numbers for the same count, different years for the
 * same event, and opposite judgements of the same subject (strong vs weak, united vs divided).
 * Each side is a passage from a different source; both are cited.
 */

import type { Claim, Disagreement } from "../model/briefing.js";
import { STOP_WORDS, stemWord } from "../util/text.js";
import { makeClaim } from "./claims.js";
import { eventDate } from "./dates.js";
import { numbersIn } from "./figures.js";
import { type Axis, JUDGEMENT, lexiconHits } from "./lexicon.js";
import { type Analysis, isFree, markUsed, similarity } from "./state.js";
import { findMentions } from "./subjects.js";

const MAX_DISAGREEMENTS = 4;
const SAME_EVENT = 0.3;

interface Found {
  topic: string;
  kind: Disagreement["kind"];
  sides: [number, number];
  strength: number;
}

function credit(a: Analysis, u: number): string {
  const id = a.units[u]!.sourceId;
  return `According to ${a.labels.get(id)?.credit ?? id}`;
}

/**
 * Judgement scores of a passage about `subject`: only evaluative words within a few words of a
 * mention of the subject count ("the CSTO is demonstrably weak"), so a word about something
 * else in the sentence ("this perception is strong") does not.
 */
function judgementOf(a: Analysis, u: number, subject: string): Map<Axis, number> {
  const unit = a.units[u]!;
  const mentions = findMentions(unit.text, a.matchers).filter((m) => m.subject === subject);
  const out = new Map<Axis, number>();
  if (mentions.length === 0) return out;
  const tokens = unit.tokens;
  /** 1 when the word sits right by a mention, 0.6 a few words off, 0 farther or across a clause. */
  const closeness = (start: number): number => {
    let best = 0;
    for (const m of mentions) {
      const between = unit.text.slice(Math.min(m.end, start), Math.max(m.start, start));
      if (/[;:.]|\bbut\b|\bwhile\b/u.test(between)) continue;
      const gap = between.split(/\s+/u).filter(Boolean).length;
      best = Math.max(best, gap <= 3 ? 1 : gap <= 6 ? 0.6 : 0);
    }
    return best;
  };
  for (const hit of lexiconHits(tokens, JUDGEMENT, (e) => e.weight)) {
    const t = tokens.find((x) => x.raw.toLowerCase() === hit.word);
    const c = t ? closeness(t.start) : 0;
    if (c === 0) continue;
    out.set(hit.entry.axis, (out.get(hit.entry.axis) ?? 0) + hit.weight * c);
  }
  return out;
}

const AXIS_TOPIC: Record<Axis, (s: string) => string> = {
  strength: (s) => `Whether ${s} is strong or weak`,
  unity: (s) => `Whether ${s} is united or divided`,
};

function judgements(a: Analysis): Found[] {
  const out: Found[] = [];
  for (const subject of a.subjects) {
    const scored = a.units
      .map((unit, u) => ({ u, unit, j: judgementOf(a, u, subject.name) }))
      .filter((x) => x.unit.named[0] === subject.name && !x.unit.quoted && isFree(a, x.unit));
    for (const axis of ["strength", "unity"] as Axis[]) {
      const pos = scored.filter((x) => (x.j.get(axis) ?? 0) >= 0.6);
      const neg = scored.filter((x) => (x.j.get(axis) ?? 0) <= -0.6);
      let best: Found | undefined;
      for (const p of pos) {
        for (const n of neg) {
          if (p.unit.sourceId === n.unit.sourceId) continue;
          const strength =
            Math.min(p.j.get(axis)!, -n.j.get(axis)!) +
            similarity(a, p.u, n.u) -
            (p.unit.words + n.unit.words) / 100;
          if (!best || strength > best.strength) {
            best = {
              topic: AXIS_TOPIC[axis](subject.name),
              kind: "judgement",
              sides: [p.u, n.u],
              strength,
            };
          }
        }
      }
      if (best) out.push(best);
    }
  }
  return out;
}

function years(a: Analysis): Found[] {
  const dated = a.units
    .map((unit, u) => ({ u, unit, date: eventDate(unit.text, a.sources[unit.sourceIndex]!.date) }))
    .filter((x) => x.date && !x.unit.quoted && isFree(a, x.unit));
  const out: Found[] = [];
  for (let i = 0; i < dated.length; i++) {
    for (let j = i + 1; j < dated.length; j++) {
      const x = dated[i]!;
      const y = dated[j]!;
      if (x.unit.sourceId === y.unit.sourceId) continue;
      if (x.date!.iso.slice(0, 4) === y.date!.iso.slice(0, 4)) continue;
      const sim = similarity(a, x.u, y.u);
      if (sim < SAME_EVENT) continue;
      const ys = new Set(y.unit.stems);
      const shared = x.unit.tokens.filter(
        (t) => ys.has(t.stem) && !STOP_WORDS.has(t.norm) && !/\p{N}/u.test(t.norm),
      );
      const words = [...new Set(shared.map((t) => t.raw))];
      if (words.length < 3) continue;
      out.push({
        topic: `When it happened (${words.slice(0, 5).join(", ")}): ${x.date!.iso.slice(0, 4)} or ${y.date!.iso.slice(0, 4)}`,
        kind: "year",
        sides: [x.u, y.u],
        strength: sim + 0.5,
      });
    }
  }
  return out;
}

function numbers(a: Analysis): Found[] {
  const counted = a.units.flatMap((unit, u) =>
    unit.quoted || !isFree(a, unit)
      ? []
      : numbersIn(unit.text).map((n) => ({
          u,
          unit,
          n,
          head: stemWord(n.counts.split(" ").pop() ?? ""),
        })),
  );
  const out: Found[] = [];
  for (let i = 0; i < counted.length; i++) {
    for (let j = i + 1; j < counted.length; j++) {
      const x = counted[i]!;
      const y = counted[j]!;
      if (x.unit.sourceId === y.unit.sourceId || x.head !== y.head || x.n.value === y.n.value)
        continue;
      if ((x.n.unit ?? "") !== (y.n.unit ?? "")) continue;
      if (x.unit.named[0] !== y.unit.named[0]) continue;
      const sim = similarity(a, x.u, y.u);
      if (sim < SAME_EVENT) continue;
      out.push({
        topic: `How many ${x.n.counts}${x.unit.named[0] ? ` (${x.unit.named[0]})` : ""}`,
        kind: "number",
        sides: [x.u, y.u],
        strength: sim + 0.6,
      });
    }
  }
  return out;
}

const MEMBERSHIP_CUE =
  /\b(?:members?|membership|comprising|comprises|made up of|consisting of|consists of|includes?|including)\b/u;

/** The names a passage enumerates (four or more, comma/and-separated), subject names aside. */
export function enumeratedNames(text: string, exclude: Set<string>): string[] {
  const out: string[] = [];
  let run: string[] = [];
  let end = -1;
  const flush = () => {
    if (run.length >= 4 && run.length > out.length) out.splice(0, out.length, ...run);
    run = [];
  };
  for (const m of text.matchAll(/(\p{Lu}[\p{L}’'-]+)(?=\s*(?:,|and\b|as well as\b|\.|\)|$))/gu)) {
    const name = m[1]!;
    const between = end < 0 ? "" : text.slice(end, m.index);
    const joined =
      end >= 0 &&
      /^\s*(?:,\s*)?(?:and\s+|as well as\s+)?(?:the\s+(?:\p{L}+\s+){0,4})?$/u.test(between);
    if (!joined) flush();
    end = m.index + m[0].length;
    if (!exclude.has(name)) run.push(name);
  }
  flush();
  return [...new Set(out)];
}

/** The subject named closest before the list in `text` that the other passage also names. */
function listSubject(
  a: Analysis,
  text: string,
  firstName: string,
  otherNamed: string[],
): string | undefined {
  const at = text.indexOf(firstName);
  const before = findMentions(text.slice(0, at < 0 ? text.length : at), a.matchers);
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i]!;
    if (otherNamed.includes(m.subject)) return m.subject;
  }
  return undefined;
}

/** Sources that list a subject's members differently: "…, Uzbekistan and Russia" vs "six members". */
function memberships(a: Analysis): Found[] {
  const names = new Set(a.subjects.flatMap((s) => [s.name, ...s.aliases]));
  const lists = a.units
    .map((unit, u) => ({ u, unit, list: enumeratedNames(unit.text, names) }))
    .filter(
      (x) =>
        x.list.length >= 4 &&
        x.unit.named.length > 0 &&
        MEMBERSHIP_CUE.test(x.unit.text) &&
        !x.unit.quoted &&
        isFree(a, x.unit),
    );
  const out: Found[] = [];
  for (let i = 0; i < lists.length; i++) {
    for (let j = i + 1; j < lists.length; j++) {
      const x = lists[i]!;
      const y = lists[j]!;
      if (x.unit.sourceId === y.unit.sourceId) continue;
      const subject = listSubject(a, x.unit.text, x.list[0]!, y.unit.named);
      if (!subject) continue;
      // A name is disputed when one source lists it and the other's passage never mentions it.
      const onlyX = x.list.filter((n) => !new RegExp(`\\b${n}\\b`, "u").test(y.unit.text));
      const onlyY = y.list.filter((n) => !new RegExp(`\\b${n}\\b`, "u").test(x.unit.text));
      const common = x.list.length - onlyX.length;
      if (common < 3 || onlyX.length + onlyY.length === 0) continue;
      const extra = [...onlyX, ...onlyY].join(", ");
      out.push({
        topic: `Which countries belong to ${subject}: the sources' lists differ on ${extra}`,
        kind: "number",
        sides: [x.u, y.u],
        strength: 1.5 + common / 10 - (onlyX.length + onlyY.length) / 10,
      });
    }
  }
  return out;
}

export function buildDisagreements(a: Analysis): Disagreement[] {
  const all = [...memberships(a), ...numbers(a), ...years(a), ...judgements(a)];
  all.sort((x, y) => y.strength - x.strength || x.sides[0] - y.sides[0] || x.sides[1] - y.sides[1]);
  const out: Disagreement[] = [];
  for (const f of all) {
    if (out.length >= MAX_DISAGREEMENTS) break;
    const units = f.sides.map((u) => a.units[u]!);
    if (!units.every((u) => isFree(a, u))) continue;
    for (const u of units) markUsed(a, u);
    const sides: Claim[] = f.sides.map((u) => makeClaim(a.units[u]!, [], credit(a, u)));
    out.push({ topic: f.topic, kind: f.kind, sides });
  }
  return out;
}
