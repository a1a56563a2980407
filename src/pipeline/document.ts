/**
 * The document every writer consumes, made once from the analysed model and the compiled tree.
 * Its metadata is the `Briefing`'s: brief.yaml's choices were applied when the brief was
 * resolved (`brief/resolve.ts`) and the engine filled what the brief leaves open.
 */
import type { Root } from "mdast";
import type { Briefing } from "../model/briefing.js";
import type { BriefingDocument, DocumentMeta } from "../model/document.js";

export function documentMeta(briefing: Briefing): DocumentMeta {
  const { title, subtitle, date, author, language, sourceCount } = briefing.meta;
  return {
    title,
    ...(subtitle !== undefined ? { subtitle } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(author !== undefined ? { author } : {}),
    language: language || "en",
    subjects: briefing.subjects.map((s) => s.name),
    dimensions: briefing.dimensions.map((d) => d.name),
    sourceCount,
  };
}

export function makeDocument(briefing: Briefing, tree: Root): BriefingDocument {
  return { meta: documentMeta(briefing), sources: briefing.sources, tree, briefing };
}
