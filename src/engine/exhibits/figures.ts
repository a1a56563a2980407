/**
 * The figures exhibit: only numbers that may honestly be set side by side. Only counts are
 * drawn (never a difference, a target, a forecast, a share or a range), and only figures stated
 * of a brief subject. Figures are grouped by the kind of thing they count (people under arms,
 * member states, weapons, consoles, or else the counted noun itself), by unit (prices in two
 * currencies never share an axis) and by scope ("UK, launch week" is not "Japan, since
 * launch"; no scope stated matches only no scope stated); a group becomes a panel when it holds
 * figures for two or more subjects. Everything else stays in the figures table only.
 */
import type { Briefing, Figure } from "../../model/briefing.js";
import type { Exhibit, ExhibitEntry, FigureBar, FigurePanel } from "../../model/exhibits.js";
import { chromeFor } from "../../util/locale.js";

/**
 * Kinds of counted things whose nouns differ but that are the same kind of thing, each with the
 * key of its name in the locale's `exhibitNote` (the English name is the group's key).
 */
const KINDS: readonly [RegExp, string, string][] = [
  [
    /^(?:troops|soldiers|servicem[ae]n|personnel|forces|peacekeepers|officers|servicepeople|people|men|staff)$/iu,
    "Personnel",
    "kindPersonnel",
  ],
  [/^(?:members?|countries|states|nations|allies)$/iu, "Member states", "kindMemberStates"],
  [
    /^(?:missiles|tanks|aircraft|jets|warships|ships|drones|artillery)$/iu,
    "Weapons and equipment",
    "kindWeapons",
  ],
  [/^(?:units|consoles|handhelds|machines|devices)$/iu, "Consoles", "kindConsoles"],
];
const KIND_KEYS = new Map(KINDS.map(([, name, key]) => [name, key]));

/** Units that describe time spans or ordinals, not amounts to compare. */
const NOT_COMPARABLE_UNITS = new Set(["years", "year"]);

const PHRASE_END =
  /^(?:of|in|on|at|to|for|from|with|by|and|or|that|which|who|than|as|is|are|was|were|has|have|had|will|would|under|across|during)$/iu;

/** The noun a phrase counts: its last word before a preposition or verb ("people in the group" → "people"). */
export function headNoun(counts: string): string {
  const words = counts.toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  const end = words.findIndex((w) => PHRASE_END.test(w));
  const phrase = end > 0 ? words.slice(0, end) : words;
  return phrase[phrase.length - 1] ?? "";
}

/** The kind of thing a figure counts, from its head noun: a known kind, else the noun itself (singular). */
export function countedKind(counts: string): string {
  const head = headNoun(counts);
  for (const [re, kind] of KINDS) if (re.test(head)) return kind;
  const singular = head.replace(/(?<=\p{L}{3})s$/u, "");
  return singular ? singular[0]!.toUpperCase() + singular.slice(1) : "";
}

interface Group {
  title: string;
  unit?: string;
  scope?: string;
  figures: Figure[];
}

/** Whether a figure may be drawn as a bar at all: a single counted amount of a subject. */
export function drawable(f: Figure): boolean {
  if (!f.subject || !Number.isFinite(f.value) || f.value <= 0) return false;
  if ((f.kind ?? "count") !== "count") return false;
  if (f.low !== undefined || f.high !== undefined) return false;
  if (f.entity && f.entity !== f.subject) return false;
  if (f.unit && NOT_COMPARABLE_UNITS.has(f.unit)) return false;
  return true;
}

/** Figures grouped by kind, unit and scope; only groups with figures for two or more subjects. */
export function comparableGroups(figures: readonly Figure[]): Group[] {
  const groups = new Map<string, Group>();
  for (const f of figures) {
    if (!drawable(f)) continue;
    const title = countedKind(f.counts);
    if (!title) continue;
    const key = `${title}\u0000${f.unit ?? ""}\u0000${f.scope ?? ""}`;
    const g = groups.get(key) ?? {
      title,
      ...(f.unit ? { unit: f.unit } : {}),
      ...(f.scope ? { scope: f.scope } : {}),
      figures: [],
    };
    g.figures.push(f);
    groups.set(key, g);
  }
  return [...groups.values()].filter((g) => new Set(g.figures.map((f) => f.subject)).size >= 2);
}

/** Undefined when no two subjects have figures of the same kind and unit. */
export function figuresExhibit(briefing: Briefing, n: number): Exhibit | undefined {
  const groups = comparableGroups(briefing.figures);
  if (groups.length === 0) return undefined;
  const chrome = chromeFor(briefing.meta.language);
  // A known kind is named in the briefing's language; a counted noun stays as the source has it.
  const kindName = (title: string) => {
    const key = KIND_KEYS.get(title);
    return key ? chrome.exhibitText(key) : title;
  };
  // Bars are numbered in the order they are drawn: panel by panel, subject order, larger first.
  const order = briefing.subjects.map((s) => s.name);
  const rank = (s: string | undefined) => order.indexOf(s ?? "");
  const entries: ExhibitEntry[] = [];
  const panels: FigurePanel[] = groups.map((g) => {
    const sorted = [...g.figures].sort(
      (a, b) => rank(a.subject) - rank(b.subject) || b.value - a.value,
    );
    const bars: FigureBar[] = sorted.map((f) => {
      const bar = {
        n: entries.length + 1,
        value: f.value,
        valueText: f.valueText,
        counts: f.counts,
        subject: f.subject!,
      };
      entries.push({
        n: bar.n,
        label: `${bar.subject}: ${bar.valueText} ${bar.counts}`,
        citations: f.claim.citations,
        claimId: f.claim.id,
      });
      return bar;
    });
    return {
      title: g.scope ? `${kindName(g.title)} (${g.scope})` : kindName(g.title),
      ...(g.unit ? { unit: g.unit } : {}),
      bars,
    };
  });
  const alt =
    `${chrome.exhibitText(panels.length === 1 ? "figuresAltOnePanel" : "figuresAlt", {
      n: entries.length,
      panels: panels.length,
    })} ` +
    panels
      .map(
        (p) =>
          `${p.title}${p.unit ? ` (${p.unit})` : ""}: ` +
          p.bars.map((b) => `${b.n}. ${b.subject}, ${b.valueText} ${b.counts}`).join("; ") +
          ".",
      )
      .join(" ");
  return {
    n,
    id: `exhibit-${n}`,
    kind: "figures",
    title: chrome.exhibitText("figuresTitle"),
    alt,
    source: chrome.exhibitText("figuresSource"),
    chart: { kind: "figures", panels },
    entries,
  };
}
