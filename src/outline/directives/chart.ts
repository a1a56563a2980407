/**
 * `::chart{type="timeline"|"figures"|"coverage"}`: the engine's exhibit of that kind, numbered
 * where the outline places it, with its source line; a timeline is followed by its key.
 */
import type { ListItem, PhrasingContent, RootContent } from "mdast";
import type { ExhibitNode } from "../../model/document.js";
import { EXHIBIT_KINDS, type Exhibit, type ExhibitKind } from "../../model/exhibits.js";
import { chromeFor } from "../../util/locale.js";
import { cite, datedPhrasing, none, text } from "../nodes.js";
import { type Directive, open, take } from "./context.js";

/** The exhibit as an mdast node, its source line (with the marks' citations where cited) as child. */
function exhibitNode(exhibit: Exhibit, lang: string): ExhibitNode {
  const line: PhrasingContent[] = [];
  const c = chromeFor(lang);
  if (exhibit.kind === "figures") {
    line.push(text(`${c.sourcesBar} ${c.bar} ${exhibit.entries[0]?.n ?? ""}`));
    exhibit.entries.forEach((e, i) => {
      if (i > 0) line.push(text(`; ${c.bar} ${e.n}`));
      line.push(cite(e.citations, e.claimId));
    });
    line.push(text("."));
  } else line.push(text(exhibit.source));
  return { type: "exhibit", exhibit, children: [{ type: "paragraph", children: line }] };
}

/** What an exhibit's section says when there is nothing to draw. */
const NO_CHART: Readonly<Record<ExhibitKind, "noTimeline" | "noFigures" | "noCoverage">> = {
  timeline: "noTimeline",
  figures: "noFigures",
  coverage: "noCoverage",
};

/** Heading kind of a chart section (the deck lays a timeline key out as a timeline). */
const CHART_SECTION: Readonly<Record<ExhibitKind, "timeline" | "figures" | "chart">> = {
  timeline: "timeline",
  figures: "figures",
  coverage: "chart",
};

export const chart: Directive = {
  title: "",
  check(attributes) {
    if ((EXHIBIT_KINDS as readonly string[]).includes(attributes.type ?? "")) return undefined;
    return {
      ruleId: "outline-unknown-chart",
      reason: `::chart needs type= one of: ${EXHIBIT_KINDS.map((k) => `“${k}”`).join(", ")}`,
      hint: 'for example ::chart{type="timeline"}',
    };
  },
  expand(call, ctx) {
    const kind = call.attributes.type as ExhibitKind;
    const heading = open(call, CHART_SECTION[kind]);
    const b = ctx.briefing;
    const n = ctx.exhibits + 1;
    const data = b.exhibits.find((e) => e.kind === kind);
    if (!data)
      return [...heading, ...(call.title ? none(chromeFor(b.meta.language)[NO_CHART[kind]]) : [])];
    const exhibit: Exhibit = { n, id: `exhibit-${n}`, ...data };
    ctx.exhibits = n;
    const out: RootContent[] = [...heading, exhibitNode(exhibit, b.meta.language)];
    if (kind !== "timeline") return out;
    // The key: the briefing's dated events that are marks, numbered, with their citations.
    const marked = new Set(exhibit.entries.map((e) => e.claimId));
    const events = b.timeline.filter((e) => marked.has(e.claim.id));
    for (const e of events) take(ctx, e.claim);
    const items = events.map(
      (e): ListItem => ({
        type: "listItem",
        spread: false,
        children: [
          {
            type: "paragraph",
            children: datedPhrasing(
              e.date,
              e.claim,
              ctx.briefing.meta.language,
              e.kind,
              e.dateText,
            ),
          },
        ],
      }),
    );
    out.push({ type: "list", ordered: true, start: 1, spread: false, children: items });
    return out;
  },
};
