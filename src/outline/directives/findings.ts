/** `::findings`: the key findings, one bullet each. */
import { chromeFor } from "../../util/locale.js";
import { bulletList, claimPhrasing, none } from "../nodes.js";
import { type Directive, open, take } from "./context.js";

export const findings: Directive = {
  title: "Key findings",
  expand(call, ctx) {
    const items = ctx.briefing.findings
      .filter((f) => take(ctx, f.claim))
      .map((f) => claimPhrasing(f.claim, ctx.briefing.meta.language, ctx.casing));
    return [
      ...open(call, "findings"),
      ...(items.length
        ? [bulletList(items)]
        : none(chromeFor(ctx.briefing.meta.language).noFindings)),
    ];
  },
};
