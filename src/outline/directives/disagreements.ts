/**
 * `::disagreements`: each topic on which sources take two or more sides, then how each listed
 * source frames each subject (its most evaluative statement, quoted).
 */
import type { PhrasingContent, RootContent } from "mdast";
import { chromeFor } from "../../util/locale.js";
import { listedSources } from "../listed.js";
import { bulletList, claimPhrasing, heading, none, text } from "../nodes.js";
import { type Directive, type ExpandContext, open, take } from "./context.js";

/**
 * How each listed source frames each subject: its most evaluative statement about the subject,
 * quoted and cited (no score: a number nobody can check against the text is not shown). Sources
 * with none are named in one line; a quote already shown elsewhere is not repeated.
 */
function framings(ctx: ExpandContext): {
  items: PhrasingContent[][];
  without: string[];
  leftOut: number;
} {
  const b = ctx.briefing;
  const chrome = chromeFor(b.meta.language);
  const items: PhrasingContent[][] = [];
  const without: string[] = [];
  let leftOut = 0;
  for (const src of listedSources(b).listed) {
    let any = false;
    for (const s of b.subjects) {
      const st = b.stances.find((x) => x.sourceId === src.id && x.subject === s.name);
      // Left out for length is not "no evaluation": counted, and the source not named as without.
      if (st?.framingLeftOut) leftOut++;
      // A framing shown elsewhere in the briefing is not repeated, but the source has one.
      if (st?.framingLeftOut || st?.framing) any = true;
      if (!st?.framing || !take(ctx, st.framing)) continue;
      items.push([
        { type: "strong", children: [text(chrome.framingOn(src.shortLabel, s.name))] },
        text(" "),
        ...claimPhrasing(st.framing, b.meta.language, ctx.casing),
      ]);
    }
    if (!any) without.push(src.shortLabel);
  }
  return { items, without, leftOut };
}

export const disagreements: Directive = {
  title: "Where the sources disagree",
  expand(call, ctx) {
    const out: RootContent[] = [];
    for (const d of ctx.briefing.disagreements) {
      const sides = d.sides.filter((s) => take(ctx, s));
      if (sides.length < 2) continue;
      out.push({ type: "paragraph", children: [{ type: "strong", children: [text(d.topic)] }] });
      out.push(
        bulletList(sides.map((c) => claimPhrasing(c, ctx.briefing.meta.language, ctx.casing))),
      );
    }
    const chrome = chromeFor(ctx.briefing.meta.language);
    if (out.length === 0) out.push(...none(chrome.noDisagreement));
    const { items, without, leftOut } = framings(ctx);
    if (items.length > 0) {
      out.push(heading(call.depth + 1, chrome.stanceOfEachSource, { kind: "disagreements" }));
      out.push(bulletList(items));
      if (leftOut > 0) out.push(...none(chrome.framingsLeftOut(leftOut)));
      if (without.length > 0) out.push(...none(chrome.noEvaluation(without.join("; "))));
    }
    return [...open(call, "disagreements"), ...out];
  },
};
