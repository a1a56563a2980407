/** `::method`: how the briefing was made, one paragraph per step. */
import type { Briefing } from "../../model/briefing.js";
import { chromeFor } from "../../util/locale.js";
import { text } from "../nodes.js";
import { type Directive, open } from "./context.js";

/**
 * The span of the sources' own dates, and how many state none: "Sources dated 2004–2006; 6
 * undated." The briefing's date is its own (brief.yaml or the build), not the newest source's.
 */
function datedSpan(b: Briefing) {
  const c = chromeFor(b.meta.language);
  const years = b.sources.flatMap((s) => (s.date ? [s.date.slice(0, 4)] : [])).sort();
  const undated = b.sources.length - years.length;
  if (b.sources.length === 0) return [];
  const sentence =
    years.length === 0
      ? c.sourcesUndated(b.sources.length)
      : c.sourcesDated(years[0]!, years[years.length - 1]!, undated);
  return [{ type: "paragraph" as const, children: [text(sentence)] }];
}

export const method: Directive = {
  title: "Method",
  expand: (call, ctx) => [
    ...open(call, "method"),
    ...ctx.briefing.method.map((p) => ({ type: "paragraph" as const, children: [text(p)] })),
    ...datedSpan(ctx.briefing),
  ],
};
