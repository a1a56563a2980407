/**
 * The Markdown writer: the compiled document as Pandoc Markdown (`briefing.md`), citations in
 * Pandoc syntax, exhibits as fenced divs — for review and diff.
 */
export { citeToPandoc, treeToMarkdown } from "./serialise.js";
