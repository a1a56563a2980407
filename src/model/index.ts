/**
 * The contract: the types every stage shares, and nothing else (no logic but constructors and
 * type guards). Readers make `Source`s, the engine a `Briefing`, the outline a
 * `BriefingDocument`; writers consume the document. May import nothing of the project.
 */
export * from "./briefing.js";
export type * from "./document.js";
export * from "./exhibits.js";
export type * from "./options.js";
export * from "./selectors.js";
export type * from "./source.js";
