/** The exhibits of a briefing: what each chart shows and the passages behind each mark. */
import type { Briefing } from "../../model/briefing.js";
import type { Exhibit, ExhibitData } from "../../model/exhibits.js";
import { coverageExhibit } from "./coverage.js";
import { figuresExhibit } from "./figures.js";
import { timelineExhibit, yearFraction } from "./timeline.js";

export { coverageExhibit } from "./coverage.js";
export { comparableGroups, countedKind, drawable, figuresExhibit } from "./figures.js";
export { eventLabel, timelineExhibit, yearFraction } from "./timeline.js";

const unnumbered = ({ n: _n, id: _id, ...data }: Exhibit): ExhibitData => data;

/**
 * Every chart the briefing supports, in kind order (timeline, figures, coverage); a kind with
 * nothing to draw is absent. The outline numbers each where it places it.
 */
export function buildExhibits(briefing: Briefing): ExhibitData[] {
  const events = briefing.timeline.filter((e) => Number.isFinite(yearFraction(e.date)));
  return [
    timelineExhibit(briefing, 0, events),
    figuresExhibit(briefing, 0),
    coverageExhibit(briefing, 0),
  ].flatMap((e) => (e ? [unnumbered(e)] : []));
}
