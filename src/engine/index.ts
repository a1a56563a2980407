/**
 * The briefing engine: `analyse` builds the `Briefing` model from sources and the brief;
 * `compileOutline` turns the outline template into the one mdast tree both writers consume;
 * `verifyTree` re-checks every citation against the sources.
 */

export * from "../model/briefing.js";
export type * from "../model/document.js";
export { type CompileInput, type CompileResult, compileOutline } from "../outline/compile.js";
export {
  citedSourceIds,
  type ListedSources,
  listedSources,
  MAX_LISTED_SOURCES,
  omittedSentence,
} from "../outline/listed.js";
export { loadOutline, OUTLINE_FILE, type Outline } from "../outline/load.js";
export { verifyCitation, verifyTree } from "../outline/verify.js";
export { briefingToJson } from "../writers/json/index.js";
export { citeToPandoc, treeToMarkdown } from "../writers/markdown/serialise.js";
export { type AnalyseResult, analyse } from "./analyse.js";
