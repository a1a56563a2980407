/**
 * What each outline directive expands to. Every directive opens with a heading carrying
 * `data.briefwright` (title and depth can be set: `::timeline{title="Chronology" depth=3}`).
 * A claim is shown once: the matrix shows each cell's first claim, the dimension sections the
 * rest.
 */
import type {
  Emphasis,
  List,
  ListItem,
  PhrasingContent,
  RootContent,
  Table,
  TableRow,
} from "mdast";
import type { Briefing, Claim, MatrixCell } from "../model/briefing.js";
import type { ExhibitNode, SectionData, SectionKind } from "../model/document.js";
import type { Exhibit, ExhibitKind } from "../model/exhibits.js";
import { signedScore } from "../util/format.js";
import { countWords } from "../util/text.js";
import { listedSources, omittedSentence } from "./listed.js";
import { cell, cite, claimParagraph, claimPhrasing, heading, text } from "./nodes.js";

export const DIRECTIVES = [
  "findings",
  "matrix",
  "dimensions",
  "dimension",
  "timeline",
  "figures",
  "disagreements",
  "sources",
  "method",
  "chart",
] as const;
export type DirectiveName = (typeof DIRECTIVES)[number];

export interface ExpandContext {
  briefing: Briefing;
  /** Ids of claims already shown. */
  shown: Set<string>;
  /** Exhibits numbered so far. */
  exhibits: number;
}

export interface DirectiveCall {
  name: DirectiveName;
  attributes: Record<string, string>;
}

const TITLES: Record<DirectiveName, string> = {
  findings: "Key findings",
  matrix: "Evidence matrix",
  dimensions: "",
  dimension: "",
  timeline: "Timeline",
  figures: "Figures",
  disagreements: "Where the sources disagree",
  sources: "Sources",
  method: "Method",
  chart: "",
};

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  if (!m) return y ?? iso;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** What an empty section says instead of nothing (tool-authored, no citation). */
function none(message: string): RootContent[] {
  return [{ type: "paragraph", children: [{ type: "emphasis", children: [text(message)] }] }];
}

function bulletList(items: PhrasingContent[][]): List {
  return {
    type: "list",
    ordered: false,
    spread: false,
    children: items.map(
      (children): ListItem => ({
        type: "listItem",
        spread: false,
        children: [{ type: "paragraph", children }],
      }),
    ),
  };
}

function take(ctx: ExpandContext, claim: Claim): boolean {
  if (ctx.shown.has(claim.id)) return false;
  ctx.shown.add(claim.id);
  return true;
}

function row(cells: PhrasingContent[][]): TableRow {
  return { type: "tableRow", children: cells.map(cell) };
}

function findings(ctx: ExpandContext): RootContent[] {
  const items = ctx.briefing.findings
    .filter((f) => take(ctx, f.claim))
    .map((f) => claimPhrasing(f.claim));
  return items.length ? [bulletList(items)] : none("No statement made it into the key findings.");
}

function matrix(ctx: ExpandContext): RootContent[] {
  const b = ctx.briefing;
  const header = row([[text("")], ...b.subjects.map((s) => [text(s.name)])]);
  const rows = b.dimensions.map((d) => {
    const cells: PhrasingContent[][] = [[{ type: "strong", children: [text(d.name)] }]];
    for (const s of b.subjects) {
      const mc = b.matrix.find((c) => c.dimension === d.name && c.subject === s.name);
      const first = mc?.claims.find((c) => !ctx.shown.has(c.id));
      if (first) {
        take(ctx, first);
        cells.push(claimPhrasing(first));
      } else {
        cells.push([gapStatement(mc?.gap ?? "Not addressed by the sources.")]);
      }
    }
    return row(cells);
  });
  const table: Table = {
    type: "table",
    align: [null, ...b.subjects.map(() => null)],
    children: [header, ...rows],
  };
  return [table];
}

function dimensionBody(ctx: ExpandContext, name: string, depth: number): RootContent[] {
  const out: RootContent[] = [heading(depth, name, { kind: "dimension", dimension: name })];
  for (const s of ctx.briefing.subjects) {
    const mc: MatrixCell | undefined = ctx.briefing.matrix.find(
      (c) => c.dimension === name && c.subject === s.name,
    );
    if (!mc) continue;
    const claims = mc.claims.filter((c) => take(ctx, c));
    if (claims.length === 0 && !mc.gap) continue;
    out.push(
      heading(depth + 1, s.name, { kind: "dimension-subject", dimension: name, subject: s.name }),
    );
    if (mc.gap) out.push({ type: "paragraph", children: [gapStatement(mc.gap)] });
    else out.push(...claims.map(claimParagraph));
  }
  return out;
}

/** The statement that no source addresses a cell, marked as such for the writers. */
function gapStatement(value: string): Emphasis {
  return { type: "emphasis", children: [text(value)], data: { briefwright: { gap: true } } };
}

function timeline(ctx: ExpandContext): RootContent[] {
  const items = ctx.briefing.timeline
    .filter((e) => take(ctx, e.claim))
    .map((e): PhrasingContent[] => [
      { type: "strong", children: [text(formatDate(e.date))] },
      text(" — "),
      ...claimPhrasing(e.claim),
    ]);
  return items.length ? [bulletList(items)] : none("The sources report no dated events.");
}

function figures(ctx: ExpandContext): RootContent[] {
  const figs = ctx.briefing.figures;
  if (figs.length === 0) return none("The sources give no figures that count something.");
  const header = row([[text("Figure")], [text("What it counts")], [text("Subject")]]);
  const rows = figs.map((f) =>
    row([
      [{ type: "strong", children: [text(f.valueText)] }],
      [text(f.counts), cite(f.claim.citations, f.claim.id)],
      [text(f.subject ?? "")],
    ]),
  );
  return [{ type: "table", align: [null, null, null], children: [header, ...rows] }];
}

function disagreements(ctx: ExpandContext, depth: number): RootContent[] {
  const out: RootContent[] = [];
  for (const d of ctx.briefing.disagreements) {
    const sides = d.sides.filter((s) => take(ctx, s));
    if (sides.length < 2) continue;
    out.push({ type: "paragraph", children: [{ type: "strong", children: [text(d.topic)] }] });
    out.push(bulletList(sides.map(claimPhrasing)));
  }
  if (out.length === 0) out.push(...none("No disagreement between the sources was found."));
  const b = ctx.briefing;
  if (b.stances.length > 0) {
    out.push(heading(depth + 1, "Stance of each source", { kind: "disagreements" }));
    const header = row([[text("Source")], ...b.subjects.map((s) => [text(s.name)])]);
    const rows = listedSources(b).listed.map((src) =>
      row([
        [text(src.shortLabel)],
        ...b.subjects.map((s): PhrasingContent[] => {
          const st = b.stances.find((x) => x.sourceId === src.id && x.subject === s.name);
          if (!st) return [text("—")];
          const words = st.words
            .slice(0, 4)
            .map((w) => `${w.word} ${w.weight > 0 ? "+" : "−"}${Math.abs(w.weight)}`)
            .join(", ");
          const score = signedScore(st.score);
          return [text(`${st.label} (${score})${words ? `: ${words}` : ""}`)];
        }),
      ]),
    );
    out.push({
      type: "table",
      align: [null, ...b.subjects.map(() => null)],
      children: [header, ...rows],
    });
  }
  return out;
}

function sources(ctx: ExpandContext): RootContent[] {
  const { listed, omitted } = listedSources(ctx.briefing);
  const items = listed.map((s): PhrasingContent[] => {
    const who = s.authors.length ? s.authors.join(", ") : (s.publisher ?? "");
    const bits = [
      who,
      `“${s.title}”`,
      s.authors.length && s.publisher ? s.publisher : "",
      s.date ? formatDate(s.date) : "n.d.",
    ]
      .filter(Boolean)
      .join(", ")
      .replace(/\.$/u, "");
    const out: PhrasingContent[] = [
      { type: "strong", children: [text(s.shortLabel)] },
      text(` — ${bits}. ${s.words} words; covers ${s.subjects.join(" and ") || "no subject"}.`),
    ];
    if (s.thesis && take(ctx, s.thesis)) {
      out.push(text(" Thesis: "), ...claimPhrasing(s.thesis));
    }
    return out;
  });
  const rest = omittedSentence(omitted);
  return [
    bulletList(items),
    ...(rest ? [{ type: "paragraph", children: [text(rest)] } as RootContent] : []),
  ];
}

function method(ctx: ExpandContext): RootContent[] {
  return ctx.briefing.method.map((p) => ({ type: "paragraph", children: [text(p)] }));
}

/** The exhibit as an mdast node, its source line (with the marks' citations where cited) as child. */
function exhibitNode(exhibit: Exhibit): ExhibitNode {
  const line: PhrasingContent[] = [];
  if (exhibit.kind === "figures") {
    line.push(text(`Sources: bar ${exhibit.entries[0]?.n ?? ""}`));
    exhibit.entries.forEach((e, i) => {
      if (i > 0) line.push(text(`; bar ${e.n}`));
      line.push(cite(e.citations, e.claimId));
    });
    line.push(text("."));
  } else line.push(text(exhibit.source));
  return { type: "exhibit", exhibit, children: [{ type: "paragraph", children: line }] };
}

/** What an exhibit's section says when there is nothing to draw. */
const NO_CHART: Record<ExhibitKind, string> = {
  timeline: "The sources report no dated events.",
  figures: "The sources give no figures of the same kind for two or more subjects.",
  coverage: "There are no sources or dimensions to map.",
};

function chart(ctx: ExpandContext, kind: ExhibitKind, titled: boolean): RootContent[] {
  const b = ctx.briefing;
  const n = ctx.exhibits + 1;
  const data = b.exhibits.find((e) => e.kind === kind);
  if (!data) return titled ? none(NO_CHART[kind]) : [];
  const exhibit: Exhibit = { n, id: `exhibit-${n}`, ...data };
  // The timeline's marks are the briefing's dated events, in order.
  const marked = new Set(exhibit.entries.map((e) => e.claimId));
  const events = kind === "timeline" ? b.timeline.filter((e) => marked.has(e.claim.id)) : [];
  ctx.exhibits = n;
  const out: RootContent[] = [exhibitNode(exhibit)];
  if (kind === "timeline") {
    // The key: the numbered events, full sentences with their citations.
    for (const e of events) take(ctx, e.claim);
    out.push({
      type: "list",
      ordered: true,
      start: 1,
      spread: false,
      children: events.map(
        (e): ListItem => ({
          type: "listItem",
          spread: false,
          children: [
            {
              type: "paragraph",
              children: [
                { type: "strong", children: [text(formatDate(e.date))] },
                text(" — "),
                ...claimPhrasing(e.claim),
              ],
            },
          ],
        }),
      ),
    });
  }
  return out;
}

/** Heading kind of a chart section (the deck lays a timeline key out as a timeline). */
const CHART_SECTION: Record<ExhibitKind, "timeline" | "figures" | "chart"> = {
  timeline: "timeline",
  figures: "figures",
  coverage: "chart",
};

/** The nodes a directive expands to, heading first. */
export function expandDirective(call: DirectiveCall, ctx: ExpandContext): RootContent[] {
  const depth = Number(call.attributes.depth ?? 2) || 2;
  const title = call.attributes.title ?? TITLES[call.name];
  const open = (kind: SectionKind, extra: Omit<SectionData, "kind"> = {}) =>
    title ? [heading(depth, title, { kind, ...extra })] : ([] as RootContent[]);
  switch (call.name) {
    case "findings":
      return [...open("findings"), ...findings(ctx)];
    case "matrix":
      return [...open("matrix"), ...matrix(ctx)];
    case "dimensions":
      return [
        ...open("dimensions"),
        ...ctx.briefing.dimensions.flatMap((d) =>
          dimensionBody(ctx, d.name, title ? depth + 1 : depth),
        ),
      ];
    case "dimension":
      return dimensionBody(ctx, call.attributes.name ?? "", depth);
    case "timeline":
      return [...open("timeline"), ...timeline(ctx)];
    case "figures":
      return [...open("figures"), ...figures(ctx)];
    case "disagreements":
      return [...open("disagreements"), ...disagreements(ctx, depth)];
    case "sources": {
      // The heading says which sources the section lists, so a writer need not work it out.
      const { listed, omitted } = listedSources(ctx.briefing);
      return [...open("sources", { listed: listed.map((s) => s.id), omitted }), ...sources(ctx)];
    }
    case "method":
      return [...open("method"), ...method(ctx)];
    case "chart": {
      const kind = call.attributes.type as ExhibitKind;
      return [...open(CHART_SECTION[kind]), ...chart(ctx, kind, Boolean(title))];
    }
  }
}

/** Words of running text in `nodes` (cites excluded). */
export function wordsIn(nodes: RootContent[]): number {
  let n = 0;
  const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
    if (node.type === "text" && node.value) n += countWords(node.value);
    if (node.children) for (const c of node.children) walk(c as typeof node);
  };
  for (const node of nodes) walk(node as never);
  return n;
}
