/** The document every writer consumes, made once from the analysed model and the compiled tree. */
import type { Root } from "mdast";
import type { BriefSpec } from "../brief/index.js";
import type { Briefing } from "../model/briefing.js";
import type { BriefingDocument, DocumentMeta } from "../model/document.js";
import type { WriterOptions } from "../model/options.js";

/** brief.yaml over what the engine inferred: the one place this precedence is applied. */
export function documentMeta(briefing: Briefing, spec: BriefSpec): DocumentMeta {
  const meta = briefing.meta;
  const subtitle = spec.subtitle ?? meta.subtitle;
  const date = spec.date ?? meta.date;
  const author = spec.author ?? meta.author;
  return {
    title: spec.title ?? meta.title,
    ...(subtitle !== undefined ? { subtitle } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(author !== undefined ? { author } : {}),
    language: spec.language || meta.language || "en",
    subjects: briefing.subjects.map((s) => s.name),
    dimensions: briefing.dimensions.map((d) => d.name),
    sourceCount: meta.sourceCount,
  };
}

export function makeDocument(briefing: Briefing, tree: Root, spec: BriefSpec): BriefingDocument {
  return { meta: documentMeta(briefing, spec), sources: briefing.sources, tree, briefing };
}

/** Each writer's part of brief.yaml. */
export function writerOptions(spec: BriefSpec): WriterOptions {
  return { report: spec.report, deck: spec.slides };
}
