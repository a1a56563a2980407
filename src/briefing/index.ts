/**
 * The briefing engine: `analyse` builds the `Briefing` model from sources and the brief;
 * `compileOutline` turns the outline template into the one mdast tree both writers consume;
 * `verifyTree` re-checks every citation against the sources.
 */
export { type AnalyseResult, analyse } from "./analyse.js";
export { briefingToJson } from "./json.js";
export {
  citedSourceIds,
  type ListedSources,
  listedSources,
  MAX_LISTED_SOURCES,
  omittedSentence,
} from "./listed.js";
export type * from "./mdast.js";
export * from "./model.js";
export { type CompileInput, type CompileResult, compileOutline } from "./outline/compile.js";
export { loadOutline, OUTLINE_FILE, type Outline } from "./outline/load.js";
export { citeToPandoc, treeToMarkdown } from "./outline/serialise.js";
export { verifyCitation, verifyTree } from "./verify.js";
