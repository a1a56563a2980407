/** The deck's quick preview for watch mode: `slides/index.html` before fitting, no browser. */
import { join } from "node:path";
import { writeFileAtomic } from "../../runtime/atomic.js";
import type { WriteFn } from "../shared/writer.js";
import { renderDeckHtml } from "./index.js";

export const preview: WriteFn = async (document, context) => {
  const html = await renderDeckHtml({
    document,
    options: context.options.deck,
    templatesDir: context.templatesDir,
  });
  await writeFileAtomic(join(context.outDir, "slides", "index.html"), html);
  return { outputs: ["slides/index.html"], blocked: [], diagnostics: [] };
};
