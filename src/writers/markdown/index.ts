/**
 * The Markdown writer: the compiled document as Pandoc Markdown (`briefing.md`), citations in
 * Pandoc syntax, exhibits as fenced divs — for review and diff.
 */
import { join } from "node:path";
import { writeFileAtomic } from "../../runtime/atomic.js";
import { chromeFor } from "../../util/locale.js";
import type { WriteFn } from "../shared/writer.js";
import { treeToMarkdown } from "./serialise.js";

export { citeToPandoc, treeToMarkdown } from "./serialise.js";

export const write: WriteFn = async (document, context) => {
  await writeFileAtomic(
    join(context.outDir, "briefing.md"),
    treeToMarkdown(document.tree, chromeFor(document.meta.language).exhibit),
  );
  return { outputs: ["briefing.md"], blocked: [], diagnostics: [] };
};
