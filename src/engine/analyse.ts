/**
 * `analyse`: sources + the engine's options (resolved from the brief) → `Briefing`. Pure and
 * deterministic: no clock, no randomness, ties broken by corpus order. Sections are filled in an
 * order that lets the most constrained ones choose first (each matrix cell's first passage,
 * disagreements, timeline, findings), and no source sentence is shown in two places.
 */

import type { Diagnostic } from "../diagnostics/types.js";
import {
  BRIEFING_SCHEMA_VERSION,
  type Briefing,
  type Disagreement,
  type Finding,
  type TimelineEvent,
} from "../model/briefing.js";
import type { EngineOptions } from "../model/options.js";
import type { Source } from "../model/source.js";
import { findCopies } from "./copies.js";
import { vetSupport } from "./corroboration.js";
import { buildDisagreements } from "./disagreements.js";
import { buildExhibits } from "./exhibits/index.js";
import { buildFigures } from "./figures.js";
import { buildFindings } from "./findings.js";
import { inferDimensions, inferSubjects } from "./infer.js";
import { buildMatrix } from "./matrix.js";
import { methodNote } from "./method.js";
import { buildProfiles, sourceLabels } from "./profiles.js";
import { buildStances } from "./stance.js";
import { createAnalysis, type DimensionRef } from "./state.js";
import type { SubjectRef } from "./subjects.js";
import { buildTimeline } from "./timeline.js";
import { MAX_UNITS_PER_SOURCE } from "./units.js";

export interface AnalyseResult {
  briefing: Briefing;
  diagnostics: Diagnostic[];
}

export function analyse(sources: Source[], options: EngineOptions): AnalyseResult {
  const diagnostics: Diagnostic[] = [];
  const named = options.subjects?.length ? options.subjects : undefined;
  const inferredSubjects = !named;
  const subjects: SubjectRef[] = named
    ? named.map((s) => ({ name: s.name, aliases: [...s.aliases] }))
    : inferSubjects(sources);
  const namedDimensions = options.dimensions?.length ? options.dimensions : undefined;
  const inferredDimensions = !namedDimensions;
  const dimensions: DimensionRef[] = namedDimensions
    ? namedDimensions.map((d) => ({ name: d.name, terms: [...d.terms] }))
    : inferDimensions(sources, subjects);
  if (inferredSubjects) {
    diagnostics.push({
      severity: "info",
      ruleId: "briefing-subjects-inferred",
      message: `brief.yaml names no subjects; inferred ${subjects.map((s) => s.name).join(", ") || "none"}`,
      hint: "List the subjects to compare under `subjects:` in brief.yaml.",
    });
  }
  if (inferredDimensions) {
    diagnostics.push({
      severity: "info",
      ruleId: "briefing-dimensions-inferred",
      message: `brief.yaml names no dimensions; inferred ${dimensions.map((d) => d.name).join("; ") || "none"}`,
      hint: "List the dimensions to compare under `dimensions:` with their terms in brief.yaml.",
    });
  }

  const labels = sourceLabels(sources);
  const a = createAnalysis(sources, subjects, dimensions, labels, {
    evidencePerCell: options.evidencePerCell,
    maxWords: options.maxWords,
    language: options.language,
  });
  // Near-duplicate sources count as one for corroboration.
  const copies = findCopies(sources);
  for (const c of copies) a.copyOf.set(c.sourceId, c.copyOfId);

  // Disagreements first: they are few, and each needs both of its sides, which the matrix or
  // the findings would otherwise take one at a time.
  const disagreements: Disagreement[] = buildDisagreements(a);
  let findings: Finding[] = [];
  let timeline: TimelineEvent[] = [];
  const matrix = buildMatrix(a, () => {
    timeline = buildTimeline(a, diagnostics);
    // A merged timeline entry cites only the reports that state the same fact.
    for (const e of timeline) vetSupport(a, e.claim);
    findings = buildFindings(a);
  });
  const figures = buildFigures(a, diagnostics);
  const stances = buildStances(a);
  const profiles = buildProfiles(a);

  for (const id of a.truncated) {
    const source = sources.find((s) => s.id === id);
    diagnostics.push({
      severity: "info",
      ruleId: "briefing-source-truncated",
      ...(source ? { file: source.file } : {}),
      message: `only the first ${MAX_UNITS_PER_SOURCE} statements of ${id} were considered`,
    });
  }
  for (const cell of matrix) {
    if (cell.gap) {
      diagnostics.push({
        severity: "warning",
        ruleId: "briefing-matrix-gap",
        message: `No source addresses “${cell.dimension}” for ${cell.subject}`,
        hint: "Add a source that covers it, or add terms to the dimension in brief.yaml.",
      });
    }
  }
  const cited = new Set<string>();
  const cite = (ids: { sourceId: string }[]) => {
    for (const c of ids) cited.add(c.sourceId);
  };
  for (const f of findings) cite(f.claim.citations);
  for (const c of matrix) for (const cl of c.claims) cite(cl.citations);
  for (const e of timeline) cite(e.claim.citations);
  for (const d of disagreements) for (const s of d.sides) cite(s.citations);
  for (const p of profiles) if (p.thesis) cite(p.thesis.citations);
  const withStatements = new Set(a.units.map((u) => u.sourceId));
  for (const s of sources) {
    if (!withStatements.has(s.id)) {
      diagnostics.push({
        severity: "warning",
        ruleId: "briefing-source-no-statements",
        file: s.file,
        message: `${s.id} yields no usable statement: no sentence of it can stand alone as a claim`,
        hint: "check what the reader kept (`briefwright inspect`); headings, questions, first-person and reader-directed sentences are not statements",
      });
    } else if (!cited.has(s.id)) {
      diagnostics.push({
        severity: "warning",
        ruleId: "briefing-source-unused",
        file: s.file,
        message: `No statement from ${s.id} made it into the briefing`,
      });
    }
  }

  const date = options.date;
  const briefing: Briefing = {
    schemaVersion: BRIEFING_SCHEMA_VERSION,
    meta: {
      title:
        options.title ??
        `${subjects.map((s) => s.name).join(" and ") || "Sources"}: a comparative briefing`,
      ...(options.subtitle ? { subtitle: options.subtitle } : {}),
      ...(date ? { date } : {}),
      ...(options.author ? { author: options.author } : {}),
      language: options.language,
      sourceCount: sources.length,
      inferred: { subjects: inferredSubjects, dimensions: inferredDimensions },
    },
    subjects: subjects.map((s) => ({ name: s.name, aliases: s.aliases })),
    dimensions: dimensions.map((d) => ({ name: d.name, terms: d.terms })),
    sources: profiles,
    findings,
    matrix,
    timeline,
    figures,
    disagreements,
    stances,
    exhibits: [],
    method: [],
    ...(copies.length > 0
      ? { copies: copies.map((c) => ({ file: c.file, copyOf: c.copyOf })) }
      : {}),
  };
  briefing.method = methodNote(briefing, a.units.length);
  briefing.exhibits = buildExhibits(briefing);
  return { briefing, diagnostics };
}
