/**
 * Which sources a briefing lists by name (sources section, stance table, the deck's sources
 * slide). A small corpus is listed whole; past `MAX_LISTED_SOURCES` only the sources that the
 * briefing cites are, so that the briefing's length stays bounded however large the corpus
 * (the rest are counted, and `briefing.json` keeps every one).
 */
import type { Briefing, SourceProfile } from "../model/briefing.js";
import { claimsOf } from "./claims-of.js";

export const MAX_LISTED_SOURCES = 30;

export interface ListedSources {
  listed: SourceProfile[];
  /** Sources read but not listed. */
  omitted: number;
}

/** Ids of the sources cited outside the sources section (findings, matrix, timeline, figures, disagreements). */
export function citedSourceIds(b: Briefing): Set<string> {
  const ids = new Set<string>();
  // (Framings are shown only for listed sources: they do not make a source listed.)
  for (const c of claimsOf(b, { theses: false, framings: false }))
    for (const x of c.citations) ids.add(x.sourceId);
  return ids;
}

export function listedSources(b: Briefing): ListedSources {
  if (b.sources.length <= MAX_LISTED_SOURCES) return { listed: b.sources, omitted: 0 };
  const cited = citedSourceIds(b);
  const listed = b.sources.filter((s) => cited.has(s.id));
  return { listed, omitted: b.sources.length - listed.length };
}

export { omittedSentence } from "../util/format.js";
