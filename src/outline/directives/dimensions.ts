/**
 * `::dimension{name="…"}` (one dimension) and `::dimensions` (every one): per subject, the
 * claims the matrix did not show, or the cell's gap statement.
 */
import type { RootContent } from "mdast";
import type { MatrixCell } from "../../model/briefing.js";
import { claimParagraph, gapStatement, gapText, heading } from "../nodes.js";
import { type Directive, type ExpandContext, open, take, takeGap } from "./context.js";

function dimensionBody(ctx: ExpandContext, name: string, depth: number): RootContent[] {
  const out: RootContent[] = [];
  for (const s of ctx.briefing.subjects) {
    const mc: MatrixCell | undefined = ctx.briefing.matrix.find(
      (c) => c.dimension === name && c.subject === s.name,
    );
    if (!mc) continue;
    const claims = mc.claims.filter((c) => take(ctx, c));
    if (claims.length === 0 && !mc.gap) continue;
    // A gap the matrix already stated is not stated again.
    if (mc.gap && !takeGap(ctx, name, s.name)) continue;
    out.push(
      heading(depth + 1, s.name, { kind: "dimension-subject", dimension: name, subject: s.name }),
    );
    if (mc.gap)
      out.push({
        type: "paragraph",
        children: [gapStatement(gapText(ctx.briefing.meta.language, name, s.name))],
      });
    else out.push(...claims.map((c) => claimParagraph(c, ctx.briefing.meta.language, ctx.casing)));
  }
  // A dimension whose every claim the matrix already showed gets no heading of its own (an empty
  // section, listed in the contents, would promise text that is not there).
  if (out.length === 0) return [];
  return [heading(depth, name, { kind: "dimension", dimension: name }), ...out];
}

export const dimension: Directive = {
  title: "",
  check(attributes, briefing) {
    if (briefing.dimensions.some((d) => d.name === attributes.name)) return undefined;
    return {
      ruleId: "outline-unknown-dimension",
      reason: `::dimension needs name= one of: ${briefing.dimensions.map((d) => `“${d.name}”`).join(", ")}`,
    };
  },
  expand: (call, ctx) => dimensionBody(ctx, call.attributes.name ?? "", call.depth),
};

export const dimensions: Directive = {
  title: "",
  expand: (call, ctx) => {
    const body = ctx.briefing.dimensions.flatMap((d) =>
      dimensionBody(ctx, d.name, call.title ? call.depth + 1 : call.depth),
    );
    // Nothing the matrix did not already show: no section at all.
    return body.length ? [...open(call, "dimensions"), ...body] : [];
  },
};
