/** `::figures`: the figures that count something, as a table (value, what it counts, subject). */
import { cite, none, row, text } from "../nodes.js";
import { type Directive, open } from "./context.js";

export const figures: Directive = {
  title: "Figures",
  expand(call, ctx) {
    const figs = ctx.briefing.figures;
    if (figs.length === 0)
      return [
        ...open(call, "figures"),
        ...none("The sources give no figures that count something."),
      ];
    const header = row([[text("Figure")], [text("What it counts")], [text("Subject")]]);
    const rows = figs.map((f) =>
      row([
        [{ type: "strong", children: [text(f.valueText)] }],
        [text(f.counts), cite(f.claim.citations, f.claim.id)],
        [text(f.subject ?? "")],
      ]),
    );
    return [
      ...open(call, "figures"),
      { type: "table", align: [null, null, null], children: [header, ...rows] },
    ];
  },
};
