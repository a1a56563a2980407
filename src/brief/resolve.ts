/**
 * `brief.yaml` → each stage's options, resolved once: defaults are filled by the schema, and
 * every choice between the brief and a default is made here, not in the stages.
 */
import type { Diagnostic } from "../diagnostics/types.js";
import type { EngineOptions, ReaderOptions, WriterOptions } from "../model/options.js";
import type { LoadedSpec } from "./index.js";
import { type BriefSpec, BriefSpecSchema } from "./schema.js";

export interface ResolvedOptions {
  reader: ReaderOptions;
  engine: EngineOptions;
  writers: WriterOptions;
}

/** The spec of a corpus with no `brief.yaml`: every default. */
export function defaultSpec(): BriefSpec {
  return BriefSpecSchema.parse({});
}

export function resolveOptions(spec: BriefSpec): ResolvedOptions {
  return {
    reader: {
      maxFileSize: spec.corpus.maxFileSize,
      language: spec.language,
      sources: spec.sources,
    },
    engine: {
      ...(spec.title !== undefined ? { title: spec.title } : {}),
      ...(spec.subtitle !== undefined ? { subtitle: spec.subtitle } : {}),
      ...(spec.date !== undefined ? { date: spec.date } : {}),
      ...(spec.author !== undefined ? { author: spec.author } : {}),
      language: spec.language,
      // An empty list names nothing: the engine infers them.
      ...(spec.subjects?.length
        ? { subjects: spec.subjects.map((s) => ({ name: s.name, aliases: [...s.aliases] })) }
        : {}),
      ...(spec.dimensions?.length
        ? { dimensions: spec.dimensions.map((d) => ({ name: d.name, terms: [...d.terms] })) }
        : {}),
      maxWords: spec.maxWords,
      evidencePerCell: spec.evidencePerCell,
    },
    writers: {
      report: { paper: spec.report.paper, citationStyle: spec.report.citationStyle },
      deck: {
        transition: spec.slides.transition,
        theme: spec.slides.theme,
        slideNumber: spec.slides.slideNumber,
        citationStyle: spec.report.citationStyle,
      },
    },
  };
}

/**
 * `sources:` keys in brief.yaml that name no file of the corpus (`files`: relative paths). Reported
 * at the brief's file, or at the corpus folder (`displayDir`) when the brief has none.
 */
export function unknownSources(
  loaded: LoadedSpec,
  files: readonly string[],
  displayDir: string,
): Diagnostic[] {
  const known = new Set(files);
  return Object.keys(loaded.spec.sources)
    .filter((key) => !known.has(key))
    .map((key) => ({
      severity: "warning",
      ruleId: "brief-unknown-source",
      file: loaded.path ?? displayDir,
      message: `sources: no file \`${key}\` in the corpus`,
    }));
}
