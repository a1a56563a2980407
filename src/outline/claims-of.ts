/**
 * Every claim of a briefing, in a stable order (findings, matrix, timeline, figures,
 * disagreements, theses), and the pass that hangs each generated claim on its cite node.
 */
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import type { Briefing, Claim } from "../model/briefing.js";
import type { ClaimData } from "../model/document.js";

export function* claimsOf(b: Briefing, options: { theses?: boolean } = {}): Generator<Claim> {
  for (const f of b.findings) yield f.claim;
  for (const cell of b.matrix) yield* cell.claims;
  for (const e of b.timeline) yield e.claim;
  for (const f of b.figures) yield f.claim;
  for (const d of b.disagreements) yield* d.sides;
  if (options.theses ?? true) for (const s of b.sources) if (s.thesis) yield s.thesis;
}

/**
 * Gives every generated claim's `cite` node the claim itself (text, edits, citations) and, for
 * timeline events and figures, the date or value a deck leads with: the document then carries
 * all a writer needs, with no look-up in the `Briefing`.
 */
export function attachClaims(tree: Root, briefing: Briefing): void {
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
    };
  };
  visit(tree, (node) => {
    if (node.type === "cite") {
      const data = dataOf(node.claimId);
      if (data) node.claim = data;
    } else if (node.type === "exhibit") {
      node.claims = node.exhibit.entries.map((e) => dataOf(e.claimId));
    }
  });
}
