/** Finding the outline template: `<corpus>/briefing.md` wins over `<templates>/briefing.md`. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { BriefwrightError } from "../diagnostics/types.js";

export interface Outline {
  path: string;
  text: string;
}

export const OUTLINE_FILE = "briefing.md";

export async function loadOutline(corpusDir: string, templatesDir: string): Promise<Outline> {
  for (const dir of [corpusDir, templatesDir]) {
    const path = join(dir, OUTLINE_FILE);
    try {
      const text = await readFile(path, "utf8");
      return { path, text: text.replace(/^\uFEFF/u, "") };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  throw new BriefwrightError("input", `no outline template found (${OUTLINE_FILE})`, [
    {
      severity: "error",
      ruleId: "outline-missing",
      message: `neither ${join(corpusDir, OUTLINE_FILE)} nor ${join(templatesDir, OUTLINE_FILE)} exists`,
      hint: "add a briefing.md outline to the corpus folder",
    },
  ]);
}
