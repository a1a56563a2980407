/**
 * Writes the deck plan as a reveal.js document. Every piece of corpus text becomes a hast text
 * node, so hast-util-to-html escapes it; no raw HTML is ever inserted. Scripts are local files
 * only (a CSP says so); the reveal.js configuration travels as inert JSON.
 */
import type { Element, ElementContent, Root as HastRoot, Properties } from "hast";
import { toHtml } from "hast-util-to-html";
import type { SourceProfile } from "../../briefing/model.js";
import type { BriefSpec } from "../../spec/schema.js";
import { DECK_PATHS, speakerViewScriptHash } from "./assets.js";
import { fullCitation, numberCitations, shortCitation } from "./citations.js";
import type { DeckPlan, Slide, SlideItem } from "./model.js";

/** The slide size every layout is designed for (and measured against). */
export const SLIDE_WIDTH = 1280;
export const SLIDE_HEIGHT = 720;

export type SlidesOptions = BriefSpec["slides"];

function h(tag: string, props: Properties = {}, children: ElementContent[] = []): Element {
  return { type: "element", tagName: tag, properties: props, children };
}
const text = (value: string): ElementContent => ({ type: "text", value });

function itemContent(item: SlideItem, marks: number[]): ElementContent[] {
  const out: ElementContent[] = [];
  if (item.lead) out.push(h("span", { className: ["bw-lead"] }, [text(item.lead)]), text(" "));
  if (marks.length === 0) {
    out.push(h("span", { className: ["bw-text"] }, [text(item.text)]));
    return out;
  }
  // The marker stays on the line of the last word: never a lone "²" on a line of its own.
  const at = item.text.search(/\S+$/u);
  const head = at > 0 ? item.text.slice(0, at) : "";
  const tail = at >= 0 ? item.text.slice(at) : item.text;
  const mark = h("sup", { className: ["bw-mark"] }, [text(marks.join(","))]);
  out.push(
    h("span", { className: ["bw-text"] }, [
      ...(head ? [text(head)] : []),
      h("span", { className: ["bw-tail"] }, [text(tail), mark]),
    ]),
  );
  return out;
}

/** Classes of an item: its kind, and `bw-cap` where a shortened claim starts mid-sentence (capitalised by CSS only). */
function itemClasses(item: SlideItem): string[] {
  const classes = [`bw-${item.kind}`];
  if (item.kind === "claim" && !item.lead && /^\p{Ll}/u.test(item.text)) classes.push("bw-cap");
  return classes;
}

function itemElement(item: SlideItem, marks: number[]): Element {
  const props: Properties = { className: itemClasses(item) };
  if (item.claimId) props.dataClaim = item.claimId;
  return h("li", props, itemContent(item, marks));
}

function notesElement(slide: Slide, sources: ReadonlyMap<string, SourceProfile>): Element | null {
  const children: ElementContent[] = [];
  for (const group of slide.groups) {
    for (const item of group.items) {
      if (!item.full) continue;
      const cites = item.citations.map((c) => fullCitation(c, sources)).join("; ");
      children.push(
        h("p", {}, [text(item.full)]),
        h("p", { className: ["bw-note-cite"] }, [text(`— ${cites}`)]),
      );
    }
  }
  for (const note of slide.notes) children.push(h("p", {}, [text(note)]));
  return children.length > 0 ? h("aside", { className: ["notes"] }, children) : null;
}

function header(slide: Slide): Element {
  const title: ElementContent[] = [text(slide.title)];
  if (slide.part) {
    title.push(
      text(" "),
      h("span", { className: ["bw-part"] }, [text(`${slide.part.index}/${slide.part.total}`)]),
    );
  }
  const children: ElementContent[] = [];
  if (slide.kicker) children.push(h("p", { className: ["bw-kicker"] }, [text(slide.kicker)]));
  children.push(h("h2", {}, title));
  return h("header", { className: ["bw-head"] }, children);
}

/** An exhibit slide's body: the drawing (generated SVG) and the source line under it. */
function exhibitBody(slide: Slide, drawings: ReadonlyMap<number, string>): Element {
  const e = slide.exhibit!;
  const svg = drawings.get(e.n);
  return h("div", { className: ["bw-body", "bw-exhibit"] }, [
    h(
      "div",
      { className: ["bw-chart-box"] },
      svg ? [{ type: "raw", value: svg } as unknown as ElementContent] : [],
    ),
    h("p", { className: ["bw-exhibit-source"] }, [text(e.source)]),
  ]);
}

/** Footer of an exhibit slide: each numbered mark with the passages behind it. */
function exhibitFooter(slide: Slide, sources: ReadonlyMap<string, SourceProfile>): Element | null {
  const items = slide.groups.flatMap((g) => g.items);
  if (items.length === 0) return null;
  return h(
    "footer",
    { className: ["bw-cites"] },
    items.map((item) =>
      h("span", { className: ["bw-cite"] }, [
        h("span", { className: ["bw-cite-n"] }, [text(item.lead ?? "")]),
        text(` ${item.citations.map((c) => shortCitation(c, sources)).join("; ")}`),
      ]),
    ),
  );
}

function bodyElement(slide: Slide, marks: number[][][]): Element {
  const markOf = (g: number, i: number) => marks[g]?.[i] ?? [];
  if (slide.layout === "table") {
    const columns = slide.columns ?? [];
    const head = h(
      "tr",
      {},
      columns.map((c) => h("th", { scope: "col" }, [text(c)])),
    );
    const rows = slide.groups.map((group, g) =>
      h("tr", { className: ["bw-unit"] }, [
        h("th", { scope: "row" }, [text(group.label ?? "")]),
        ...group.items.map((item, i) =>
          h(
            "td",
            { className: itemClasses(item), dataClaim: item.claimId },
            itemContent(item, markOf(g, i)),
          ),
        ),
      ]),
    );
    return h("div", { className: ["bw-body"] }, [
      h("table", { className: ["bw-matrix"] }, [h("thead", {}, [head]), h("tbody", {}, rows)]),
    ]);
  }
  const groups = slide.groups.map((group, g) => {
    const children: ElementContent[] = [];
    if (group.label) children.push(h("h3", {}, [text(group.label)]));
    const list = slide.layout === "agenda" ? "ol" : "ul";
    children.push(
      h(
        list,
        {},
        group.items.map((item, i) => {
          const li = itemElement(item, markOf(g, i));
          (li.properties.className as string[]).push("bw-unit");
          return li;
        }),
      ),
    );
    return h("div", { className: ["bw-group"] }, children);
  });
  return h("div", { className: ["bw-body", `bw-${slide.layout}`] }, groups);
}

function slideSection(
  slide: Slide,
  sources: ReadonlyMap<string, SourceProfile>,
  drawings: ReadonlyMap<number, string>,
): Element {
  const classes = ["bw-frame", `bw-layout-${slide.layout}`];
  if (slide.dense) classes.push("bw-dense");
  const frame: ElementContent[] = [];
  if (slide.layout === "title") {
    frame.push(
      h("div", { className: ["bw-title"] }, [
        h("h1", {}, [text(slide.title)]),
        ...(slide.lines ?? []).map((l) => h("p", { className: ["bw-line"] }, [text(l)])),
      ]),
    );
  } else if (slide.layout === "exhibit" && slide.exhibit) {
    frame.push(header(slide), exhibitBody(slide, drawings));
    const footer = exhibitFooter(slide, sources);
    if (footer) frame.push(footer);
  } else {
    const { entries, marks } = numberCitations(slide, sources);
    frame.push(header(slide), bodyElement(slide, marks));
    if (entries.length > 0) {
      frame.push(
        h(
          "footer",
          { className: ["bw-cites"] },
          entries.map((e) =>
            h("span", { className: ["bw-cite"] }, [
              h("span", { className: ["bw-cite-n"] }, [text(String(e.n))]),
              text(` ${e.label}`),
            ]),
          ),
        ),
      );
    }
  }
  const children: ElementContent[] = [h("div", { className: classes }, frame)];
  const notes = notesElement(slide, sources);
  if (notes) children.push(notes);
  return h("section", { id: slide.id, dataKind: slide.kind, dataLayout: slide.layout }, children);
}

/** reveal.js options (see TOOLCHAIN.md: margin 0 so print pages are exactly the slide size). */
export function revealConfig(options: SlidesOptions): Record<string, unknown> {
  return {
    width: SLIDE_WIDTH,
    height: SLIDE_HEIGHT,
    margin: 0,
    minScale: 0.1,
    maxScale: 3,
    center: false,
    hash: true,
    controls: true,
    progress: true,
    transition: options.transition,
    backgroundTransition: "none",
    slideNumber: options.slideNumber ? "c/t" : false,
    showSlideNumber: "all",
    pdfSeparateFragments: false,
    display: "block",
  };
}

/** The Content-Security-Policy of the deck: local files only, no inline script but the speaker view's. */
export function deckCsp(): string {
  return [
    "default-src 'none'",
    `script-src 'self' ${speakerViewScriptHash()}`,
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    "frame-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** JSON safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026");
}

/**
 * The deck as HTML. `drawings` holds each exhibit's SVG by exhibit number (generated, never
 * corpus markup: the only raw HTML in the deck).
 */
export function deckDocument(
  plan: DeckPlan,
  sources: ReadonlyMap<string, SourceProfile>,
  options: SlidesOptions,
  drawings: ReadonlyMap<number, string> = new Map(),
): string {
  const link = (href: string) => h("link", { rel: ["stylesheet"], href });
  const head = h("head", {}, [
    h("meta", { charSet: "utf-8" }),
    h("meta", { httpEquiv: ["Content-Security-Policy"], content: deckCsp() }),
    h("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
    h("meta", { name: "generator", content: "briefwright" }),
    h("title", {}, [text(plan.title)]),
    link(DECK_PATHS.reset),
    link(DECK_PATHS.revealCss),
    link(DECK_PATHS.fontsCss),
    link(DECK_PATHS.theme(options.theme)),
    link(DECK_PATHS.layoutCss),
  ]);
  const sections = plan.columns.map((column) =>
    column.length === 1
      ? slideSection(column[0]!, sources, drawings)
      : h(
          "section",
          { className: ["bw-stack"] },
          column.map((s) => slideSection(s, sources, drawings)),
        ),
  );
  const body = h("body", {}, [
    h("div", { className: ["reveal"] }, [h("div", { className: ["slides"] }, sections)]),
    h("script", { type: "application/json", id: "bw-config" }, [
      text(scriptJson(revealConfig(options))),
    ]),
    h("script", { src: DECK_PATHS.revealJs }),
    h("script", { src: DECK_PATHS.notesJs }),
    h("script", { src: DECK_PATHS.deckJs }),
  ]);
  const root: HastRoot = {
    type: "root",
    children: [{ type: "doctype" }, h("html", { lang: plan.lang }, [head, body])],
  };
  return `${toHtml(root, { allowDangerousHtml: true })}\n`;
}
