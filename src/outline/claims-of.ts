/**
 * Every claim of a briefing, in a stable order (findings, matrix, timeline, figures,
 * disagreements, framings, theses).
 */
import type { Briefing, Claim } from "../model/briefing.js";

export function* claimsOf(
  b: Briefing,
  options: { theses?: boolean; framings?: boolean } = {},
): Generator<Claim> {
  for (const f of b.findings) yield f.claim;
  for (const cell of b.matrix) yield* cell.claims;
  for (const e of b.timeline) yield e.claim;
  for (const f of b.figures) yield f.claim;
  for (const d of b.disagreements) yield* d.sides;
  if (options.framings ?? true) for (const s of b.stances) if (s.framing) yield s.framing;
  if (options.theses ?? true) for (const s of b.sources) if (s.thesis) yield s.thesis;
}
