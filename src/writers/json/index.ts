/** `out/briefing.json`: the briefing as stable, pretty JSON with a trailing newline. */
import type { Briefing } from "../../model/briefing.js";

export function briefingToJson(b: Briefing): string {
  return `${JSON.stringify(b, null, 2)}\n`;
}
