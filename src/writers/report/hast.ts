/**
 * Compiled outline (mdast) → sanitised hast for the report body. Corpus-derived content goes
 * through a strict rehype-sanitize schema: no scripts, images, styles, ids or foreign URLs
 * survive. Citations leave an inert `bw-cite` placeholder that `notes.ts` replaces with
 * generated footnote markup after sanitising.
 */
import type { Element, ElementContent, Root as HastRoot } from "hast";
import type { Heading, Root as MdastRoot } from "mdast";
import rehypeSanitize, { type Options as SanitizeSchema } from "rehype-sanitize";
import remarkRehype, { defaultHandlers, type Options as ToHastOptions } from "remark-rehype";
import { unified } from "unified";
import type { Citation } from "../../model/briefing.js";
import type { CiteNode, ExhibitNode } from "../../model/document.js";
import type { Exhibit } from "../../model/exhibits.js";
import { quoteLanguage } from "../shared/html.js";

export const CITE_PLACEHOLDER = "bw-cite";
/** Where an exhibit's drawing goes (replaced by generated SVG after sanitising). */
export const EXHIBIT_PLACEHOLDER = "bw-exhibit";

const headingTags = ["h1", "h2", "h3", "h4", "h5", "h6"];

/** Everything corpus-derived content may become. Deliberately small. */
export const REPORT_SANITIZE_SCHEMA: SanitizeSchema = {
  strip: ["script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math"],
  tagNames: [
    ...headingTags,
    "p",
    "blockquote",
    "ul",
    "ol",
    "li",
    "em",
    "strong",
    "del",
    "code",
    "pre",
    "a",
    "br",
    "hr",
    "sup",
    "sub",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "figure",
    "figcaption",
    "span",
    CITE_PLACEHOLDER,
    EXHIBIT_PLACEHOLDER,
  ],
  attributes: {
    a: ["href"],
    ol: ["start"],
    th: [["align", "left", "right", "center"]],
    td: [["align", "left", "right", "center"]],
    ...Object.fromEntries(headingTags.map((tag) => [tag, ["dataSection"]])),
    [CITE_PLACEHOLDER]: ["dataCite"],
    [EXHIBIT_PLACEHOLDER]: ["dataExhibit"],
    // Only the classes briefwright gives its exhibits (corpus text never carries attributes).
    figure: ["id", ["className", "exhibit"], "dataExhibit", "dataKind"],
    figcaption: [["className", "exhibit-caption"]],
    span: [["className", "exhibit-label"]],
    p: [["className", "exhibit-source"]],
  },
  protocols: { href: ["http", "https", "mailto"] },
  required: {},
  clobber: [],
  clobberPrefix: "",
  allowComments: false,
  allowDoctypes: false,
};

export interface ReportHast {
  tree: HastRoot;
  /** The citation clusters, in document order; placeholder `data-cite` indexes into it. */
  clusters: Citation[][];
  /** The exhibits, in document order; placeholder `data-exhibit` indexes into it. */
  exhibits: Exhibit[];
}

const el = (
  tagName: string,
  properties: Element["properties"],
  children: ElementContent[],
): Element => ({
  type: "element",
  tagName,
  properties,
  children,
});

/** mdast → hast with cite placeholders and section kinds, then sanitised. */
export async function toSanitisedHast(
  tree: MdastRoot,
  exhibitLabel = "Exhibit",
  languages?: { document: string; of: (sourceId: string) => string | undefined },
): Promise<ReportHast> {
  const clusters: Citation[][] = [];
  const exhibits: Exhibit[] = [];
  const handlers = {
    exhibit(state: Parameters<typeof defaultHandlers.paragraph>[0], node: ExhibitNode): Element {
      const e = node.exhibit;
      exhibits.push(e);
      const source = state.all(node as never).map((c) => {
        if (c.type === "element" && c.tagName === "p") c.properties.className = ["exhibit-source"];
        return c;
      });
      return el(
        "figure",
        { id: e.id, className: ["exhibit"], dataExhibit: String(e.n), dataKind: e.kind },
        [
          el("figcaption", { className: ["exhibit-caption"] }, [
            el("span", { className: ["exhibit-label"] }, [
              { type: "text", value: `${exhibitLabel} ${e.n}.` },
            ]),
            { type: "text", value: ` ${e.title}` },
          ]),
          el(EXHIBIT_PLACEHOLDER, { dataExhibit: String(exhibits.length - 1) }, []),
          ...(source as ElementContent[]),
        ],
      );
    },
    cite(_state: unknown, node: CiteNode): Element {
      clusters.push(node.citations);
      return {
        type: "element",
        tagName: CITE_PLACEHOLDER,
        properties: { dataCite: String(clusters.length - 1) },
        children: [],
      };
    },
    heading(state: Parameters<typeof defaultHandlers.heading>[0], node: Heading) {
      const element = defaultHandlers.heading(state, node);
      const kind = node.data?.briefwright?.kind;
      if (kind) element.properties.dataSection = kind;
      return element;
    },
  } as unknown as NonNullable<ToHastOptions["handlers"]>;
  const processor = unified()
    .use(remarkRehype, { handlers })
    .use(rehypeSanitize, REPORT_SANITIZE_SCHEMA);
  const hast = (await processor.run(structuredClone(tree) as MdastRoot)) as HastRoot;
  if (languages) markQuoteLanguages(hast, clusters, languages);
  return { tree: hast, clusters, exhibits };
}

/**
 * A statement quoted from a source in another language than the brief's is marked with that
 * source's `lang` (its paragraph, list item or table cell), so hyphenation, PDF tagging and fonts
 * follow the quote's language; it is never translated. Set after sanitising, from the model's
 * source languages (checked as BCP 47 tags), never from corpus markup.
 */
function markQuoteLanguages(
  tree: HastRoot,
  clusters: Citation[][],
  languages: { document: string; of: (sourceId: string) => string | undefined },
): void {
  const visit = (node: HastRoot | Element): void => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      if (child.tagName === "p" || child.tagName === "li" || child.tagName === "td") {
        const cite = child.children.find(
          (c): c is Element => c.type === "element" && c.tagName === CITE_PLACEHOLDER,
        );
        const index = Number(cite?.properties.dataCite);
        const sourceId = Number.isInteger(index) ? clusters[index]?.[0]?.sourceId : undefined;
        const lang = sourceId ? languages.of(sourceId) : undefined;
        const quoted = quoteLanguage(lang, languages.document);
        if (quoted) child.properties.lang = quoted;
      }
      visit(child);
    }
  };
  visit(tree);
}
