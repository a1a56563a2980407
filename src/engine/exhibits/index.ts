/** The exhibits of a briefing: what each chart shows and the passages behind each mark. */

export * from "../../model/exhibits.js";
export { coverageExhibit, signedScore } from "./coverage.js";
export { comparableGroups, countedKind, figuresExhibit } from "./figures.js";
export { OTHER_LANE, SEVERAL_LANE, timelineExhibit, yearFraction } from "./timeline.js";
