/** Finding the outline template: `<corpus>/briefing.md` wins over `<templates>/briefing.md`. */
import { join } from "node:path";
import { readInputFile } from "../diagnostics/input.js";
import { BriefwrightError } from "../diagnostics/types.js";

export interface Outline {
  path: string;
  text: string;
}

export const OUTLINE_FILE = "briefing.md";

/** Largest outline read, in bytes (an outline is a page or two of Markdown). */
export const OUTLINE_MAX_BYTES = 1024 * 1024;

/**
 * The outline, read like a source is: a `briefing.md` that is a link out of its folder, not a
 * regular file or over {@link OUTLINE_MAX_BYTES} is refused with an input error, not read.
 */
export async function loadOutline(corpusDir: string, templatesDir: string): Promise<Outline> {
  for (const dir of [corpusDir, templatesDir]) {
    const path = join(dir, OUTLINE_FILE);
    const text = await readInputFile(dir, OUTLINE_FILE, {
      maxBytes: OUTLINE_MAX_BYTES,
      display: path,
      what: "the outline",
    });
    if (text !== undefined) return { path, text: text.replace(/^\uFEFF/u, "") };
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
