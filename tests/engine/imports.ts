/** The public surface the tests use: the engine's index plus the error class. */

export { BriefwrightError } from "../../src/diagnostics/types.js";
export * from "../../src/engine/index.js";
