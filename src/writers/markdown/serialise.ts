/**
 * The compiled tree as Markdown (`out/briefing.md`): `cite` nodes become Pandoc citations
 * (`[@putz-2022, ¶12]`, with the quote for author quotes), tables become GFM pipe tables.
 */
import type { Root, Table, TableCell } from "mdast";
import { gfmFootnoteToMarkdown } from "mdast-util-gfm-footnote";
import type { Handle, State } from "mdast-util-to-markdown";
import remarkStringify from "remark-stringify";
import { type Processor, unified } from "unified";
import type { Citation } from "../../model/briefing.js";
import type { CiteNode, ExhibitNode } from "../../model/document.js";

function locator(c: Citation): string {
  return `¶${c.block}${c.sentence !== undefined ? `.${c.sentence}` : ""}`;
}

export function citeToPandoc(node: CiteNode): string {
  const items = node.citations.map((c) => {
    if (!node.generated && c.quote.exact.length <= 160 && !c.quote.exact.includes('"')) {
      return `@${c.sourceId}, ${locator(c)}: "${c.quote.exact}"`;
    }
    return `@${c.sourceId}, ${locator(c)}`;
  });
  return `[${items.join("; ")}]`;
}

const cite: Handle = (node: CiteNode) => ` ${citeToPandoc(node)}`;

function cellText(c: TableCell, state: State): string {
  const info = state.createTracker({ now: { line: 1, column: 1 }, lineShift: 0 });
  const exit = state.enter("phrasing");
  const value = state.containerPhrasing(c, { ...info.current(), before: "|", after: "|" });
  exit();
  return value.replace(/\|/gu, "\\|").replace(/\n/gu, " ").trim();
}

const table: Handle = (node: Table, _parent, state) => {
  const rows = node.children.map((r) => r.children.map((c) => cellText(c, state)));
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells: string[]) => {
    const padded = [...cells];
    while (padded.length < width) padded.push("");
    return `| ${padded.join(" | ")} |`;
  };
  const [head = [], ...body] = rows;
  const sep = `| ${Array.from({ length: width }, () => "---").join(" | ")} |`;
  return [line(head), sep, ...body.map(line)].join("\n");
};

/**
 * An exhibit as a Pandoc fenced div: the caption, what the chart shows in words (the chart
 * itself is drawn in the HTML, PDF and deck), and the source line with its citations.
 */
const exhibitIn =
  (label: string): Handle =>
  (node: ExhibitNode, _parent, state, info) => {
    const e = node.exhibit;
    // Caption and alt text go through the ordinary phrasing handlers, so corpus text in them
    // (source labels, what a figure counts) is escaped like any other text.
    const flow = {
      type: "root",
      children: [
        {
          type: "paragraph",
          children: [
            { type: "strong", children: [{ type: "text", value: `${label} ${e.n}. ${e.title}` }] },
          ],
        },
        {
          type: "paragraph",
          children: [{ type: "emphasis", children: [{ type: "text", value: e.alt }] }],
        },
        ...node.children,
      ],
    };
    const body = state.containerFlow(flow as never, info);
    return [`::: {#${e.id} .exhibit type="${e.kind}"}`, body, ":::"].join("\n");
  };

/** remark plugin: footnotes (`[^1]` and their definitions) in the Markdown written. */
function footnotes(this: Processor) {
  const data = this.data();
  data.toMarkdownExtensions ??= [];
  data.toMarkdownExtensions.push(gfmFootnoteToMarkdown());
}

/** `~~struck~~` (GFM and Pandoc). */
const strikethrough: Handle = (node, _parent, state, info) =>
  `~~${state.containerPhrasing(node as never, { ...info, before: "~", after: "~" })}~~`;

/** `exhibitLabel`: the word before an exhibit's number, in the briefing's language. */
export function treeToMarkdown(tree: Root, exhibitLabel = "Exhibit"): string {
  // Footnotes and strikethrough an author writes in the outline (GFM, also Pandoc syntax);
  // tables keep briefwright's own handler. A lone "~" in a source stays unescaped.
  const processor = unified()
    .use(footnotes)
    .use(remarkStringify, {
      bullet: "-",
      emphasis: "_",
      strong: "*",
      rule: "-",
      handlers: { cite, table, exhibit: exhibitIn(exhibitLabel), delete: strikethrough } as Record<
        string,
        Handle
      >,
    });
  return processor.stringify(tree);
}
