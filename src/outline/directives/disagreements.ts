/**
 * `::disagreements`: each topic on which sources take two or more sides, then the stance of
 * each listed source towards each subject.
 */
import type { PhrasingContent, RootContent } from "mdast";
import type { Briefing } from "../../model/briefing.js";
import { chromeFor } from "../../model/locale.js";
import { signedScore } from "../../util/format.js";
import { listedSources } from "../listed.js";
import { bulletList, claimPhrasing, heading, none, row, text } from "../nodes.js";
import { type Directive, open, take } from "./context.js";

function stanceTable(b: Briefing): RootContent {
  const header = row([
    [text(chromeFor(b.meta.language).source)],
    ...b.subjects.map((s) => [text(s.name)]),
  ]);
  const rows = listedSources(b).listed.map((src) =>
    row([
      [text(src.shortLabel)],
      ...b.subjects.map((s): PhrasingContent[] => {
        const st = b.stances.find((x) => x.sourceId === src.id && x.subject === s.name);
        if (!st) return [text("—")];
        const words = st.words
          .slice(0, 4)
          .map((w) => `${w.word} ${w.weight > 0 ? "+" : "−"}${Math.abs(w.weight)}`)
          .join(", ");
        const score = signedScore(st.score);
        return [text(`${st.label} (${score})${words ? `: ${words}` : ""}`)];
      }),
    ]),
  );
  return {
    type: "table",
    align: [null, ...b.subjects.map(() => null)],
    children: [header, ...rows],
  };
}

export const disagreements: Directive = {
  title: "Where the sources disagree",
  expand(call, ctx) {
    const out: RootContent[] = [];
    for (const d of ctx.briefing.disagreements) {
      const sides = d.sides.filter((s) => take(ctx, s));
      if (sides.length < 2) continue;
      out.push({ type: "paragraph", children: [{ type: "strong", children: [text(d.topic)] }] });
      out.push(bulletList(sides.map((c) => claimPhrasing(c, ctx.briefing.meta.language))));
    }
    if (out.length === 0) out.push(...none(chromeFor(ctx.briefing.meta.language).noDisagreement));
    if (ctx.briefing.stances.length > 0) {
      out.push(
        heading(call.depth + 1, chromeFor(ctx.briefing.meta.language).stanceOfEachSource, {
          kind: "disagreements",
        }),
      );
      out.push(stanceTable(ctx.briefing));
    }
    return [...open(call, "disagreements"), ...out];
  },
};
