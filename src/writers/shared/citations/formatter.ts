/**
 * Formats citation clusters and the bibliography with citeproc-js (a real CSL engine): the
 * report's notes in document order (full first note, short later ones in Chicago), or the deck's
 * one cluster at a time (always the full note); locator `¶ n`.
 *
 * Results are memoised by their whole input (style and locale text, the CSL items, the clusters,
 * the format): building an engine parses the style, and watch mode formats the same citations
 * after every change. Every miss is computed exactly as without the cache.
 */
import { createHash } from "node:crypto";
import CSL from "citeproc";
import { BriefwrightError } from "../../../diagnostics/types.js";
import type { Citation, SourceProfile } from "../../../model/briefing.js";
import { Recent } from "../../../util/recent.js";
import { type CslItem, toCslItem } from "./csl-item.js";
import { sanitiseCiteprocHtml } from "./safe-html.js";
import { type CitationStyle, withPilcrowLocator } from "./style.js";

export type CitationFormat = "html" | "text";

export interface FormattedCitations {
  /** One formatted note per cluster, in the order given. */
  notes: string[];
  /** Bibliography entries (the works cited), in the style's order. */
  bibliography: { id: string; entry: string }[];
}

/** What an engine's output depends on: the style, its locale, the items, the format. */
function engineKey(
  items: ReadonlyMap<string, CslItem>,
  style: CitationStyle,
  format: CitationFormat,
): string {
  return createHash("sha256")
    .update(JSON.stringify([style.id, style.locale, style.styleXml, style.localeXml, format]))
    .update(JSON.stringify([...items]))
    .digest("hex");
}

/** A cluster as the engine sees it: sources and paragraphs, in order. */
const clusterKey = (cluster: readonly Citation[]) =>
  JSON.stringify(cluster.map((c) => [c.sourceId, c.block]));

const formatted = new Recent<FormattedCitations>(8);
const formatters = new Recent<CitationFormatter>(8);

const copy = (f: FormattedCitations): FormattedCitations => ({
  notes: [...f.notes],
  bibliography: f.bibliography.map((b) => ({ ...b })),
});

function cslItems(sources: readonly SourceProfile[]): Map<string, CslItem> {
  return new Map(sources.map((s) => [s.id, toCslItem(s)]));
}

function createEngine(
  sources: readonly SourceProfile[],
  style: CitationStyle,
): {
  engine: InstanceType<typeof CSL.Engine>;
  items: Map<string, CslItem>;
} {
  const items = cslItems(sources);
  let engine: InstanceType<typeof CSL.Engine>;
  try {
    engine = new CSL.Engine(
      {
        retrieveLocale: () => style.localeXml,
        retrieveItem: (id: string) => items.get(id),
      },
      withPilcrowLocator(style.styleXml),
      style.locale,
      true,
    );
  } catch {
    // citeproc's own message may quote the file: name the style, not its bytes.
    throw new BriefwrightError("input", `Citation style "${style.id}" cannot be used`, [
      {
        severity: "error",
        ruleId: "report-citation-style",
        message: `Citation style "${style.id}" is not a style the CSL engine can read`,
        hint: "check that the file is a valid CSL 1.0 style",
      },
    ]);
  }
  engine.opt.development_extensions.wrap_url_and_doi = true;
  return { engine, items };
}

/** One citation as citeproc takes it: the source and its paragraph (`¶ n`). */
function citationItem(
  c: Citation,
  items: ReadonlyMap<string, CslItem>,
): { id: string; locator: string; label: string } {
  if (!items.has(c.sourceId)) {
    throw new BriefwrightError("internal", `Citation to unknown source "${c.sourceId}"`);
  }
  return { id: c.sourceId, locator: String(c.block), label: "paragraph" };
}

/**
 * One note or entry as the writers insert it. HTML is rebuilt from an allow-list (the report
 * inserts it after sanitising the body), so nothing in a source's metadata reaches the page raw.
 */
function tidy(entry: string, format: CitationFormat): string {
  const trimmed = entry.trim();
  if (format === "text") return trimmed;
  // citeproc wraps bibliography entries in <div class="csl-entry">; keep only the inside.
  const inner = trimmed.replace(/^<div class="csl-entry">([\s\S]*)<\/div>$/, "$1").trim();
  return sanitiseCiteprocHtml(inner);
}

/** Formats every cluster (in document order) and the bibliography. */
export function formatCitations(
  sources: readonly SourceProfile[],
  clusters: readonly Citation[][],
  style: CitationStyle,
  format: CitationFormat = "html",
): FormattedCitations {
  const key = `${engineKey(cslItems(sources), style, format)} ${JSON.stringify(clusters.map(clusterKey))}`;
  const known = formatted.get(key);
  if (known) return copy(known);
  // New clusters get a new engine: a reused one (`rebuildProcessorState`) keeps citeproc's
  // registry from the list before (disambiguation, the order of items that sort alike), and two
  // sources described alike then came out otherwise than a fresh engine makes them.
  return copy(formatted.set(key, formatUncached(createEngine(sources, style), clusters, format)));
}

function formatUncached(
  { engine, items }: ReturnType<typeof createEngine>,
  clusters: readonly Citation[][],
  format: CitationFormat,
): FormattedCitations {
  engine.setOutputFormat(format);
  const citations = clusters.map((cluster, index) => ({
    citationID: `note-${index + 1}`,
    citationItems: cluster.map((c) => citationItem(c, items)),
    properties: { noteIndex: index + 1 },
  }));
  // The bibliography lists the works cited (as Pandoc and Chicago do), not every source read.
  const ids = [...new Set(clusters.flat().map((c) => c.sourceId))].sort();
  const rendered = engine.rebuildProcessorState(citations, format, ids);
  const byId = new Map(rendered.map(([id, , text]) => [id, text]));
  const notes = citations.map((c) => tidy(byId.get(c.citationID) ?? "", format));
  return { notes, bibliography: bibliographyOf(engine, format) };
}

function bibliographyOf(
  engine: InstanceType<typeof CSL.Engine>,
  format: CitationFormat,
): { id: string; entry: string }[] {
  const made = engine.makeBibliography();
  if (!made) return [];
  const [params, entries] = made;
  return entries.map((entry, i) => ({
    id: params.entry_ids[i]?.[0] ?? "",
    entry: tidy(entry, format),
  }));
}

/**
 * Citations one at a time, for a writer with no running note sequence (the deck: every slide
 * stands alone, so there is no "ibid." and no short later note).
 */
export interface CitationFormatter {
  /** The style's full note for one cluster (locator `¶ n`), as the report's first note for it reads. */
  note(cluster: readonly Citation[]): string;
  /** Bibliography entries for these sources (cited or not), in the style's order. */
  bibliography(sourceIds: readonly string[]): { id: string; entry: string }[];
}

export function citationFormatter(
  sources: readonly SourceProfile[],
  style: CitationStyle,
  format: CitationFormat = "html",
): CitationFormatter {
  const key = engineKey(cslItems(sources), style, format);
  return formatters.get(key) ?? formatters.set(key, formatterUncached(sources, style, format));
}

/**
 * The formatter for one input, its results remembered: a note depends only on its cluster (the
 * engine records no position), a bibliography only on the sources it lists.
 */
function formatterUncached(
  sources: readonly SourceProfile[],
  style: CitationStyle,
  format: CitationFormat,
): CitationFormatter {
  // The engine is made on the first note: a formatter asked only for bibliographies needs none.
  let made: ReturnType<typeof createEngine> | undefined;
  const engine = () => {
    if (!made) {
      made = createEngine(sources, style);
      made.engine.setOutputFormat(format);
      made.engine.updateItems([...made.items.keys()].sort());
    }
    return made;
  };
  const ids = new Set(sources.map((s) => s.id));
  const notes = new Map<string, string>();
  const bibliographies = new Map<string, { id: string; entry: string }[]>();
  return {
    note(cluster) {
      if (cluster.length === 0) return "";
      const key = clusterKey(cluster);
      let note = notes.get(key);
      if (note === undefined) {
        const { engine: e, items } = engine();
        // makeCitationCluster renders without recording a position: always the full (first) note.
        note = tidy(e.makeCitationCluster(cluster.map((c) => citationItem(c, items))), format);
        notes.set(key, note);
      }
      return note;
    },
    bibliography(sourceIds) {
      const listedIds = [...new Set(sourceIds)].filter((id) => ids.has(id)).sort();
      const key = JSON.stringify(listedIds);
      let entries = bibliographies.get(key);
      if (!entries) {
        // An engine of its own: the entries (and Chicago's "———" for a repeated author) depend
        // on which sources are listed.
        const listed = createEngine(sources, style).engine;
        listed.setOutputFormat(format);
        listed.updateItems(listedIds);
        entries = bibliographyOf(listed, format);
        bibliographies.set(key, entries);
      }
      return entries.map((b) => ({ ...b }));
    },
  };
}
