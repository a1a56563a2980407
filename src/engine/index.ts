/**
 * The briefing engine: sources + options → `Briefing`, pure and deterministic. May import the
 * model (and diagnostics, util) only.
 */
export { type AnalyseResult, analyse } from "./analyse.js";
export { type Copy, findCopies } from "./copies.js";
export { startNlpThread } from "./nlp.js";
