/**
 * The final check: every citation in the compiled tree must point at an existing source and ¶,
 * and its quote (with prefix/suffix when given) must occur in that block up to the allowed
 * normalisation (quotes, dashes, white space). `plugins/verify.ts` applies it to a whole tree.
 */
import type { Citation } from "../model/briefing.js";
import type { Source } from "../model/source.js";
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
