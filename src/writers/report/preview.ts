/** The report's quick preview for watch mode: `briefing.html` only, no browser, no PDF. */
import { join } from "node:path";
import { writeFileAtomic } from "../../runtime/atomic.js";
import type { WriteFn } from "../shared/writer.js";
import { renderReportHtml } from "./html.js";

export const preview: WriteFn = async (document, context) => {
  const html = await renderReportHtml({
    document,
    options: context.options.report,
    assetsDir: "assets",
    templatesDir: join(context.templatesDir, "report"),
  });
  await writeFileAtomic(join(context.outDir, "briefing.html"), html);
  return { outputs: ["briefing.html"], blocked: [], diagnostics: [] };
};
