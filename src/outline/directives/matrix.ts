/**
 * `::matrix`: dimensions × subjects, each cell the first claim not yet shown (the dimension
 * sections show the rest), or the statement that no source addresses it.
 */
import type { PhrasingContent, Table } from "mdast";
import { claimPhrasing, gapStatement, gapText, row, text } from "../nodes.js";
import { type Directive, open, take, takeGap } from "./context.js";

export const matrix: Directive = {
  title: "Evidence matrix",
  expand(call, ctx) {
    const b = ctx.briefing;
    const header = row([[text("")], ...b.subjects.map((s) => [text(s.name)])]);
    const rows = b.dimensions.map((d) => {
      const cells: PhrasingContent[][] = [[{ type: "strong", children: [text(d.name)] }]];
      for (const s of b.subjects) {
        const mc = b.matrix.find((c) => c.dimension === d.name && c.subject === s.name);
        const first = mc?.claims.find((c) => !ctx.shown.has(c.id));
        if (first) {
          take(ctx, first);
          cells.push(claimPhrasing(first, b.meta.language, ctx.casing));
        } else if (mc && !mc.gap && mc.claims[0]) {
          // Every claim of the cell was shown before (an outline can ask for them twice): the
          // cell repeats its first, as saying no source addresses it would be false.
          cells.push(claimPhrasing(mc.claims[0], b.meta.language, ctx.casing));
        } else {
          takeGap(ctx, d.name, s.name); // the matrix states its gaps whatever was shown before
          cells.push([gapStatement(gapText(b.meta.language, d.name, s.name))]);
        }
      }
      return row(cells);
    });
    const table: Table = {
      type: "table",
      align: [null, ...b.subjects.map(() => null)],
      children: [header, ...rows],
    };
    return [...open(call, "matrix"), table];
  },
};
