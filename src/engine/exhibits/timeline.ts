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

/** "target: 2005-03" for what did not (yet) happen; the date alone for what did. */
export function eventLabel(event: TimelineEvent): string {
  const kind = event.kind ?? "happened";
  return kind === "happened" ? event.date : `${kind}: ${event.date}`;
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
  const chart: TimelineChart = { kind: "timeline", lanes, marks };
  const first = dated[0]!.date.slice(0, 4);
  const last = dated[dated.length - 1]!.date.slice(0, 4);
  const span = first === last ? first : `${first} to ${last}`;
  const alt =
    `Timeline chart of ${dated.length} dated ${dated.length === 1 ? "event" : "events"}, ${span}, ` +
    `in lanes for ${lanes.join(", ")}. ` +
    marks.map((m, i) => `Event ${m.n}: ${eventLabel(dated[i]!)}, ${m.lane}.`).join(" ");
  return {
    n,
    id: `exhibit-${n}`,
    kind: "timeline",
    title: chromeFor(briefing.meta.language).exhibitText("timelineTitle"),
    alt,
    source: chromeFor(briefing.meta.language).exhibitText("timelineSource"),
    chart,
    entries: dated.map((e, i) => ({
      n: i + 1,
      label: eventLabel(e),
      citations: e.claim.citations,
      claimId: e.claim.id,
    })),
  };
}
