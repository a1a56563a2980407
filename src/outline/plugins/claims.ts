/**
 * remark plugin: every generated claim's `cite` node is given the claim itself (text, edits,
 * citations) and, for timeline events and figures, the date or value a deck leads with: the
 * document then carries all a writer needs, with no look-up in the `Briefing`.
 */
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import type { Briefing, Claim } from "../../model/briefing.js";
import type { ClaimData } from "../../model/document.js";
import { claimsOf } from "../claims-of.js";

export interface ClaimsOptions {
  /** The briefing whose claims the directives placed. */
  briefing: Briefing;
}

export function remarkBriefwrightClaims(options: ClaimsOptions) {
  const { briefing } = options;
  return (tree: Root): undefined => {
    const claims = new Map<string, Claim>();
    for (const c of claimsOf(briefing)) if (!claims.has(c.id)) claims.set(c.id, c);
    const dates = new Map(briefing.timeline.map((e) => [e.claim.id, e.date]));
    const values = new Map(briefing.figures.map((f) => [f.claim.id, f.valueText]));
    visit(tree, "cite", (node) => {
      const claim = node.claimId ? claims.get(node.claimId) : undefined;
      if (!claim) return;
      const date = dates.get(claim.id);
      const value = values.get(claim.id);
      const data: ClaimData = {
        id: claim.id,
        text: claim.text,
        edits: claim.edits,
        citations: claim.citations,
        ...(claim.attribution ? { attribution: claim.attribution } : {}),
        ...(date !== undefined ? { date } : {}),
        ...(value !== undefined ? { value } : {}),
      };
      node.claim = data;
    });
  };
}
