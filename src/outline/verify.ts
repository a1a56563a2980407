/**
 * The final check: every citation in the compiled tree must point at an existing source and ¶,
 * and its quote (with prefix/suffix when given) must occur in that block up to the allowed
 * normalisation (quotes, dashes, white space). `plugins/verify.ts` applies it to a whole tree.
 */
import type { Citation } from "../model/briefing.js";
import type { ClaimData } from "../model/document.js";
import type { Source } from "../model/source.js";
import { checkEdits, NOTE_NUMBER, PROTECTED } from "../util/edits.js";
import { findNormalised } from "./quote.js";

/** Undefined when the citation checks out, else the reason it does not. */
export function verifyCitation(citation: Citation, sources: Source[]): string | undefined {
  const source = sources.find((s) => s.id === citation.sourceId);
  if (!source) return `unknown source "${citation.sourceId}"`;
  const block = source.blocks.find((b) => b.index === citation.block);
  if (!block) return `${citation.sourceId} has no ¶${citation.block}`;
  const q = citation.quote;
  if (!q?.exact) return `citation of ${citation.sourceId} ¶${citation.block} has no quote`;
  const hits = findNormalised(block.text, `${q.prefix ?? ""}${q.exact}${q.suffix ?? ""}`);
  if (hits.length === 0) {
    return `quote not found in ${citation.sourceId} ¶${citation.block}: “${q.exact.slice(0, 80)}”`;
  }
  if (citation.sentence !== undefined) {
    const s = block.sentences.find((x) => x.index === citation.sentence);
    if (!s) return `${citation.sourceId} ¶${citation.block} has no sentence ${citation.sentence}`;
    const inSentence = findNormalised(block.text, q.exact).some(
      ([start]) => start >= s.start && start < s.end,
    );
    if (!inSentence) {
      return `quote is not in sentence ${citation.sentence} of ${citation.sourceId} ¶${citation.block}`;
    }
  }
  return undefined;
}

/**
 * Undefined when a generated claim's marked edits check out against its own citation (the
 * first): undoing them gives back the quoted source sentence, no deletion removes a number or
 * a negation, and each bracketed insertion is a name the same source uses before the sentence.
 */
export function verifyClaimEdits(claim: ClaimData, sources: Source[]): string | undefined {
  const edits = claim.edits ?? [];
  if (edits.length === 0) return undefined;
  const citation = claim.citations[0];
  if (!citation) return `claim ${claim.id} has edits but no citation`;
  const original = citation.quote?.exact ?? "";
  for (const e of edits) {
    if (e.kind === "delete" && PROTECTED.test(e.text) && !NOTE_NUMBER.test(e.text)) {
      return `claim ${claim.id}: a deletion removes a number or a negation (“${e.text.trim()}”)`;
    }
  }
  const problem = checkEdits(original, edits, claim.text);
  if (problem) return `claim ${claim.id}: ${problem}`;
  const inserts = edits.filter((e) => e.kind === "insert");
  if (inserts.length === 0) return undefined;
  const source = sources.find((s) => s.id === citation.sourceId);
  const block = source?.blocks.find((b) => b.index === citation.block);
  if (!source || !block) return `claim ${claim.id}: its source passage is missing`;
  const at = findNormalised(block.text, original)[0]?.[0] ?? 0;
  const before = [
    ...source.blocks.filter((b) => b.index < block.index).map((b) => b.text),
    block.text.slice(0, at),
  ].join("\n");
  for (const e of inserts) {
    const name = e.text.replace(/^the\s+/iu, "");
    if (!name || !before.includes(name)) {
      return `claim ${claim.id}: “[${e.text}]” is not a name ${citation.sourceId} uses before the sentence`;
    }
  }
  return undefined;
}
