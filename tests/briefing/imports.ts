/** The public surface the tests use: the engine's index plus the error class. */

export * from "../../src/briefing/index.js";
export { BriefwrightError } from "../../src/diagnostics/types.js";
