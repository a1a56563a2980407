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
    const dataOf = (id: string | undefined): ClaimData | undefined => {
      const claim = id ? claims.get(id) : undefined;
      if (!claim) return undefined;
      const date = dates.get(claim.id);
      const value = values.get(claim.id);
      return {
        id: claim.id,
        text: claim.text,
        edits: claim.edits,
        citations: claim.citations,
        ...(claim.attribution ? { attribution: claim.attribution } : {}),
        ...(date !== undefined ? { date } : {}),
        ...(value !== undefined ? { value } : {}),
        ...(claim.clauses ? { clauses: claim.clauses } : {}),
      };
    };
    visit(tree, (node) => {
      if (node.type === "cite") {
        const data = dataOf(node.claimId);
        if (data) node.claim = data;
      } else if (node.type === "exhibit") {
        // The claim behind each numbered mark, for the notes of the exhibit's slide.
        node.claims = node.exhibit.entries.map((e) => dataOf(e.claimId));
      }
    });
  };
}
