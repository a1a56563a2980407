/** Small formatters shared by the outline and the writers. */

/** The sentence that says how many sources are not listed (empty when none). */
export function omittedSentence(omitted: number): string {
  if (omitted === 0) return "";
  return `${omitted} further ${omitted === 1 ? "source was" : "sources were"} read but ${omitted === 1 ? "is" : "are"} not cited in this briefing and not listed; briefing.json lists every source.`;
}
