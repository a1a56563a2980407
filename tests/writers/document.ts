/**
 * A hand-made fixture (briefing.json + tree.json + brief) as the `BriefingDocument` writers
 * consume: claims hung on their cites and gap statements marked, as the outline does.
 */
import type { Root } from "mdast";
import { toString as mdastToString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { type BriefSpec, BriefSpecSchema } from "../../src/brief/schema.js";
import type { Briefing } from "../../src/model/briefing.js";
import type { BriefingDocument } from "../../src/model/document.js";
import type { DeckOptions } from "../../src/model/options.js";
import { remarkBriefwrightClaims } from "../../src/outline/plugins/claims.js";
import { makeDocument } from "../../src/pipeline/document.js";
import { deckCitations } from "../../src/writers/deck/index.js";
import type { CitationFormatter } from "../../src/writers/shared/citations/index.js";

export function documentOf(
  briefing: Briefing,
  tree: Root,
  spec: BriefSpec = BriefSpecSchema.parse({}),
): BriefingDocument {
  const copy = structuredClone(tree);
  remarkBriefwrightClaims({ briefing })(copy);
  const gaps = new Set(briefing.matrix.flatMap((c) => (c.gap ? [c.gap] : [])));
  visit(copy, "emphasis", (node) => {
    if (gaps.has(mdastToString(node).trim()))
      node.data = { ...node.data, briefwright: { gap: true } };
  });
  // A hand-made briefing.json may predate its brief: the brief's metadata wins, as it does when
  // the engine analyses with the resolved brief.
  const meta = { ...briefing.meta };
  for (const key of ["title", "subtitle", "date", "author", "language"] as const)
    if (spec[key] !== undefined) meta[key] = spec[key];
  return makeDocument({ ...briefing, meta }, copy);
}

/** The deck's options as `brief/` resolves them from a brief (the report's citation style included). */
export function deckOptionsOf(spec: BriefSpec = BriefSpecSchema.parse({})): DeckOptions {
  return { ...spec.slides, citationStyle: spec.report.citationStyle };
}

/** The deck's citation formatter for a document (the package's styles), as the deck writer loads it. */
export function deckCitationsOf(
  document: BriefingDocument,
  spec: BriefSpec = BriefSpecSchema.parse({}),
): Promise<CitationFormatter> {
  return deckCitations({ document, options: deckOptionsOf(spec) });
}
