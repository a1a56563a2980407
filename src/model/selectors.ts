/** Constructors of the model's selectors (no other logic lives in the model). */
import type { TextQuoteSelector } from "./briefing.js";

/**
 * The W3C TextQuoteSelector for `blockText[start, end)`: the exact words, with 32 characters of
 * prefix and suffix when the words occur more than once in the block.
 */
export function quoteSelector(blockText: string, start: number, end: number): TextQuoteSelector {
  const exact = blockText.slice(start, end);
  const first = blockText.indexOf(exact);
  const repeated = first !== start || blockText.indexOf(exact, start + 1) !== -1;
  if (!repeated) return { type: "TextQuoteSelector", exact };
  return {
    type: "TextQuoteSelector",
    exact,
    prefix: blockText.slice(Math.max(0, start - 32), start),
    suffix: blockText.slice(end, end + 32),
  };
}
