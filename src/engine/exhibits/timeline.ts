/**
 * The timeline exhibit: every dated event of the briefing, numbered in date order, in one lane
 * per subject (events naming several subjects, or none, get lanes of their own).
 */
import type { Briefing, TimelineEvent } from "../../model/briefing.js";
import {
  type Exhibit,
  OTHER_LANE,
  SEVERAL_LANE,
  type TimelineChart,
  type TimelineMark,
} from "../../model/exhibits.js";
import { chromeFor } from "../../util/locale.js";

/** 2022 → 2022.0, 2022-07 → 2022.5, 2022-05-16 → 2022 + (4 + 15/31)/12. */
export function yearFraction(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  if (!y) return Number.NaN;
  const month = m ? m - 1 : 0;
  const day = d ? (d - 1) / 31 : 0;
  return y + (month + day) / 12;
}

/**
 * "target: 2005-03" for what did not (yet) happen; the date alone for what did. The kind is
 * named in `language` ("Ziel: 2005-03"), English by default.
 */
export function eventLabel(event: TimelineEvent, language?: string): string {
  const kind = event.kind ?? "happened";
  if (kind === "happened") return event.date;
  const kinds = chromeFor(language).kinds as Record<string, string>;
  return `${kinds[kind] ?? kind}: ${event.date}`;
}

function laneOf(event: TimelineEvent): string {
  if (event.subjects.length === 1) return event.subjects[0]!;
  return event.subjects.length > 1 ? SEVERAL_LANE : OTHER_LANE;
}

/** Undefined when the briefing has no dated event. */
export function timelineExhibit(
  briefing: Briefing,
  n: number,
  events: TimelineEvent[],
): Exhibit | undefined {
  const dated = events.filter((e) => Number.isFinite(yearFraction(e.date)));
  if (dated.length === 0) return undefined;
  const marks: TimelineMark[] = dated.map((e, i) => ({
    n: i + 1,
    date: e.date,
    at: yearFraction(e.date),
    lane: laneOf(e),
  }));
  const used = new Set(marks.map((m) => m.lane));
  const lanes = [
    ...briefing.subjects.map((s) => s.name).filter((s) => used.has(s)),
    ...[SEVERAL_LANE, OTHER_LANE].filter((l) => used.has(l)),
  ];
  // The shared lanes keep their keys (the writers colour by them); their names are the locale's.
  const language = briefing.meta.language;
  const chrome = chromeFor(language);
  const names = new Map([
    [SEVERAL_LANE, chrome.exhibitText("laneSeveral")],
    [OTHER_LANE, chrome.exhibitText("laneOther")],
  ]);
  const name = (lane: string) => names.get(lane) ?? lane;
  const laneLabels = lanes.map(name);
  const chart: TimelineChart = {
    kind: "timeline",
    lanes,
    ...(laneLabels.some((l, i) => l !== lanes[i]) ? { laneLabels } : {}),
    marks,
  };
  const first = dated[0]!.date.slice(0, 4);
  const last = dated[dated.length - 1]!.date.slice(0, 4);
  const span =
    first === last ? first : chrome.exhibitText("timelineSpan", { from: first, to: last });
  const alt = [
    chrome.exhibitText(dated.length === 1 ? "timelineAltOne" : "timelineAlt", {
      n: dated.length,
      span,
      lanes: laneLabels.join(", "),
    }),
    ...marks.map((m, i) =>
      chrome.exhibitText("timelineAltEvent", {
        n: m.n,
        date: eventLabel(dated[i]!, language),
        lane: name(m.lane),
      }),
    ),
  ].join(" ");
  return {
    n,
    id: `exhibit-${n}`,
    kind: "timeline",
    title: chrome.exhibitText("timelineTitle"),
    alt,
    source: chrome.exhibitText("timelineSource"),
    chart,
    entries: dated.map((e, i) => ({
      n: i + 1,
      label: eventLabel(e, language),
      citations: e.claim.citations,
      claimId: e.claim.id,
    })),
  };
}
