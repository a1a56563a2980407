/** `::timeline`: the dated events, in order, as a list. */
import type { PhrasingContent } from "mdast";
import { bulletList, datedPhrasing, none } from "../nodes.js";
import { type Directive, open, take } from "./context.js";

export const timeline: Directive = {
  title: "Timeline",
  expand(call, ctx) {
    const items = ctx.briefing.timeline
      .filter((e) => take(ctx, e.claim))
      .map((e): PhrasingContent[] =>
        datedPhrasing(e.date, e.claim, ctx.briefing.meta.language, e.kind, e.dateText),
      );
    return [
      ...open(call, "timeline"),
      ...(items.length ? [bulletList(items)] : none("The sources report no dated events.")),
    ];
  },
};
