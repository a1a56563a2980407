/** The JSON writer: `briefing.json`, the analysed model as stable, pretty JSON. */
import { join } from "node:path";
import type { Briefing } from "../../model/briefing.js";
import { writeFileAtomic } from "../../runtime/atomic.js";
import type { WriteFn } from "../shared/writer.js";

export function briefingToJson(b: Briefing): string {
  return `${JSON.stringify(b, null, 2)}\n`;
}

export const write: WriteFn = async (document, context) => {
  await writeFileAtomic(join(context.outDir, "briefing.json"), briefingToJson(document.briefing));
  return { outputs: ["briefing.json"], blocked: [], diagnostics: [] };
};
