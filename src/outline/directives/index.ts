/** The directives an outline may use, by name: the registry the directives plugin expands from. */
import { chart } from "./chart.js";
import type { Directive } from "./context.js";
import { dimension, dimensions } from "./dimensions.js";
import { disagreements } from "./disagreements.js";
import { figures } from "./figures.js";
import { findings } from "./findings.js";
import { matrix } from "./matrix.js";
import { method } from "./method.js";
import { sources } from "./sources.js";
import { timeline } from "./timeline.js";

export type { Directive, DirectiveCall, DirectiveProblem, ExpandContext } from "./context.js";

/** Name → directive, in the order the "known directives" hint lists them. */
export const DIRECTIVES: ReadonlyMap<string, Directive> = new Map(
  Object.entries({
    findings,
    matrix,
    dimensions,
    dimension,
    timeline,
    figures,
    disagreements,
    sources,
    method,
    chart,
  }),
);
