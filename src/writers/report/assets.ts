/** The files the report HTML loads, copied next to it (fonts, Paged.js, report.js). */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { copyFonts, copyIfChanged, fontFiles } from "../shared/fonts.js";

const require = createRequire(import.meta.url);

/** `pagedjs/dist/paged.polyfill.min.js` (the package's exports map hides the path). */
export function pagedPolyfillPath(): string {
  return join(dirname(require.resolve("pagedjs")), "..", "dist", "paged.polyfill.min.js");
}

export async function copyReportAssets(templatesDir: string, assetsDir: string): Promise<void> {
  await copyFonts(await fontFiles(), join(assetsDir, "fonts"));
  await copyIfChanged(pagedPolyfillPath(), join(assetsDir, "paged.polyfill.min.js"));
  await copyIfChanged(join(templatesDir, "report.js"), join(assetsDir, "report.js"));
}
