/**
 * The outline: the template (`templates/briefing.md` or the corpus's own `briefing.md`) compiled
 * against a `Briefing` into the document every writer consumes; every citation verified against
 * the sources. May import the model (and diagnostics, util) only.
 */
export { type CompileInput, type CompileResult, compileOutline } from "./compile.js";
export {
  citedSourceIds,
  type ListedSources,
  listedSources,
  MAX_LISTED_SOURCES,
  omittedSentence,
} from "./listed.js";
export { loadOutline, OUTLINE_FILE, type Outline } from "./load.js";
export { verifyTree } from "./plugins/verify.js";
export { verifyCitation } from "./verify.js";
