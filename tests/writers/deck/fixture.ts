/** Loads a slides fixture folder: briefing.json, tree.json, brief.yaml. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Root } from "mdast";
import { parse } from "yaml";
import { type BriefSpec, BriefSpecSchema } from "../../../src/brief/schema.js";
import { claimClauses } from "../../../src/engine/claims.js";
import type { Briefing } from "../../../src/model/briefing.js";
import type { BriefingDocument } from "../../../src/model/document.js";
import type { DeckOptions } from "../../../src/model/options.js";
import { claimsOf } from "../../../src/outline/claims-of.js";
import type { SlideItem } from "../../../src/writers/deck/slides.js";
import { deckOptionsOf, documentOf } from "../document.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const TEMPLATES = join(ROOT, "templates");

export interface SlidesFixture {
  briefing: Briefing;
  tree: Root;
  spec: BriefSpec;
  /** What the deck writer takes: the document and its options. */
  document: BriefingDocument;
  options: DeckOptions;
}

export function loadFixture(name = "slides-sample"): SlidesFixture {
  const dir = join(ROOT, "tests", "fixtures", name);
  const briefing = JSON.parse(readFileSync(join(dir, "briefing.json"), "utf8")) as Briefing;
  // A stored briefing may predate the claims' parse: add it as the engine's makeClaim does.
  for (const claim of claimsOf(briefing)) {
    const clauses = claim.clauses ?? claimClauses(claim.text);
    if (clauses) claim.clauses = clauses;
  }
  const tree = JSON.parse(readFileSync(join(dir, "tree.json"), "utf8")) as Root;
  const spec = BriefSpecSchema.parse(parse(readFileSync(join(dir, "brief.yaml"), "utf8")));
  return {
    briefing,
    tree,
    spec,
    document: documentOf(briefing, tree, spec),
    options: deckOptionsOf(spec),
  };
}

/** A claim item as the planner makes one: its text in full, one citation. */
export const claim = (text: string, claimId: string): SlideItem => ({
  kind: "claim",
  text,
  full: text,
  claimId,
  citations: [{ sourceId: "s", block: 1 }] as SlideItem["citations"],
  level: 0,
});
