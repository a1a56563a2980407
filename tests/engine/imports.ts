/** The public surface the tests use: engine, outline, model, the text writers, the error class. */

export { BriefwrightError } from "../../src/diagnostics/types.js";
export * from "../../src/engine/index.js";
export * from "../../src/model/index.js";
export * from "../../src/outline/index.js";
export { briefingToJson } from "../../src/writers/json/index.js";
export { citeToPandoc, treeToMarkdown } from "../../src/writers/markdown/serialise.js";
