/**
 * `::figures`: the figures that count something, as a table (value, what it counts, subject).
 * What it counts says where and when when the source does, and what kind of figure it is when
 * it is not a plain count ("difference", "target", "forecast", "share").
 */
import type { Figure } from "../../model/briefing.js";
import { type Chrome, chromeFor } from "../../util/locale.js";
import { cite, none, row, text } from "../nodes.js";
import { type Directive, open } from "./context.js";

function countsText(f: Figure, c: Chrome): string {
  const scope = f.scope ? `, ${f.scope}` : "";
  const kind = f.kind && f.kind !== "count" ? ` (${c.figureWord(f.kind)})` : "";
  return `${c.figureWord(f.counts)}${scope}${kind}`;
}

export const figures: Directive = {
  title: "Figures",
  expand(call, ctx) {
    const figs = ctx.briefing.figures;
    const c = chromeFor(ctx.briefing.meta.language);
    if (figs.length === 0) return [...open(call, "figures"), ...none(c.noCountingFigures)];
    const header = row([[text(c.figure)], [text(c.whatItCounts)], [text(c.subject)]]);
    const rows = figs.map((f) =>
      row([
        [{ type: "strong", children: [text(f.valueText)] }],
        [text(countsText(f, c)), cite(f.claim.citations, f.claim.id)],
        [text(f.subject ?? (f.entity ? `(${f.entity})` : ""))],
      ]),
    );
    return [
      ...open(call, "figures"),
      { type: "table", align: [null, null, null], children: [header, ...rows] },
    ];
  },
};
