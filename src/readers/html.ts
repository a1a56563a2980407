/**
 * HTML reader: metadata from <title>, <meta> and <html lang>; the main content picked by
 * Mozilla Readability; navigation, menus, scripts and styles dropped and listed.
 */
import type { Readability } from "@mozilla/readability";
import type { parseHTML } from "linkedom";
import type { DroppedText, SourceReference } from "../model/source.js";
import { matchAnywhere, splitTail, type Unit } from "./boilerplate.js";
import { decode } from "./decode.js";
import { normaliseDate, splitSiteName } from "./metadata.js";
import { cleanText, parseReference, type RawBlock, type RawDoc, type RawMeta } from "./raw.js";
import type { Reader } from "./reader.js";

type Doc = ReturnType<typeof parseHTML>["document"];

/** The modules the HTML reader needs (linkedom, Readability: ~0.1 s to load). */
interface HtmlModules {
  parseHTML: typeof parseHTML;
  Readability: typeof Readability;
}

function meta(doc: Doc, ...names: string[]): string | undefined {
  for (const name of names) {
    const el =
      doc.querySelector(`meta[name="${name}"]`) ?? doc.querySelector(`meta[property="${name}"]`);
    const content = el?.getAttribute("content")?.trim();
    if (content) return cleanText(content);
  }
  return undefined;
}

function declaredMeta(doc: Doc): RawMeta {
  const m: RawMeta = {};
  const title =
    meta(doc, "citation_title", "og:title", "twitter:title") ??
    cleanText(doc.querySelector("title")?.textContent ?? "");
  if (title) m.title = title;
  const authors = [
    ...doc.querySelectorAll(
      'meta[name="citation_author"], meta[name="author"], meta[property="article:author"]',
    ),
  ]
    .map((el) => cleanText(el.getAttribute("content") ?? ""))
    .filter((a) => a && !/^https?:/.test(a));
  if (authors.length) m.authors = [...new Set(authors)];
  const date = normaliseDate(
    meta(
      doc,
      "citation_publication_date",
      "article:published_time",
      "datePublished",
      "date",
      "dc.date",
      "DC.date.issued",
    ) ??
      doc.querySelector("time[datetime][itemprop=datePublished]")?.getAttribute("datetime") ??
      doc.querySelector("article time[datetime], time[datetime]")?.getAttribute("datetime"),
  );
  if (date) m.date = date;
  const publisher = meta(
    doc,
    "og:site_name",
    "citation_publisher",
    "publisher",
    "application-name",
  );
  if (publisher) m.publisher = publisher;
  const url =
    doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta(doc, "og:url");
  if (url && /^https?:\/\//.test(url)) m.url = url;
  // `<meta description>` is a summary for search engines, not the article's subtitle.
  const lang = doc.documentElement?.getAttribute("lang")?.trim();
  if (lang) m.language = lang;
  return m;
}

const BLOCK_SELECTOR = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td, th, dd, dt, figcaption";

/** Line of the first occurrence of `text` in the original file (1 when unknown). */
function lineFinder(source: string): (text: string) => number {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === "\n") starts.push(i + 1);
  return (text) => {
    const probe = text.slice(0, 40);
    const at = probe ? source.indexOf(probe) : -1;
    if (at < 0) return 1;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

function blocksOf(
  root: { querySelectorAll(s: string): Iterable<Element> },
  lineOf: (t: string) => number,
): RawBlock[] {
  const out: RawBlock[] = [];
  for (const el of root.querySelectorAll(BLOCK_SELECTOR)) {
    // Leaf blocks only: a <li> holding <p>s is read through its paragraphs.
    if (el.querySelector(BLOCK_SELECTOR.replace(/, (?:td|th|dd|dt|figcaption)/g, ""))) continue;
    const tag = el.tagName.toLowerCase();
    const text = cleanText(el.textContent ?? "");
    if (!text) continue;
    const inQuote = el.closest("blockquote") !== null;
    const line = lineOf(text);
    if (/^h[1-6]$/.test(tag)) out.push({ kind: "heading", depth: Number(tag[1]), text, line });
    else if (tag === "li") out.push({ kind: "list-item", text, line });
    else if (tag === "pre") continue;
    else out.push({ kind: inQuote || tag === "blockquote" ? "quote" : "paragraph", text, line });
  }
  return out;
}

/**
 * The per-file nesting budget: the DOM and Readability work grows with the square of the
 * nesting depth (100,000 nested <div>s took minutes). Real pages nest a few dozen levels.
 */
export const MAX_HTML_DEPTH = 1_000;

/** Elements that never hold others, or whose end tag may be left out (never counted). */
const UNCOUNTED = new Set(
  "area base br col embed hr img input link meta param source track wbr p li dt dd tr td th thead tbody tfoot colgroup caption option optgroup rt rp html head body".split(
    " ",
  ),
);

/**
 * The deepest element nesting of `source`, from a scan of its tags (comments, scripts and styles
 * skipped; elements with optional end tags not counted), stopping once past `limit`.
 */
export function htmlDepth(source: string, limit = MAX_HTML_DEPTH): number {
  const tag =
    /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g;
  let depth = 0;
  let deepest = 0;
  for (const m of source.matchAll(tag)) {
    const name = m[3]?.toLowerCase();
    if (!name || UNCOUNTED.has(name) || m[4]) continue;
    if (m[2]) depth = Math.max(0, depth - 1);
    else if (++depth > deepest) {
      deepest = depth;
      if (deepest > limit) break;
    }
  }
  return deepest;
}

function readHtml(source: string, { parseHTML, Readability }: HtmlModules, file = ""): RawDoc {
  if (htmlDepth(source) > MAX_HTML_DEPTH) {
    // Over the budget: skipped with a warning (the corpus reader then skips a file without text).
    return {
      format: "html",
      declared: {},
      stated: {},
      blocks: [],
      references: [],
      dropped: [],
      diagnostics: [
        {
          severity: "warning",
          ruleId: "html-too-deep",
          file,
          message: `elements nested more than ${MAX_HTML_DEPTH} levels deep: skipped unread (reading it would take minutes)`,
          hint: "save the page again from a browser, or as text",
        },
      ],
    };
  }
  const { document } = parseHTML(source);
  const declared = declaredMeta(document);
  const lineOf = lineFinder(source);
  const dropped: DroppedText[] = [];
  for (const el of document.querySelectorAll(
    "script, style, noscript, template, iframe, object, embed",
  )) {
    const tag = el.tagName.toLowerCase();
    const text = cleanText(el.textContent ?? "") || `<${tag}>`;
    dropped.push({
      text: text.slice(0, 200),
      line: lineOf(text),
      rule: `html-${tag}`,
      reason: `<${tag}> element (never run or shown)`,
    });
  }
  const everything = blocksOf(document, lineOf);
  let main: RawBlock[] = everything;
  try {
    const article = new Readability(document.cloneNode(true) as unknown as Document, {
      charThreshold: 200,
    }).parse();
    if (article?.content) {
      const { document: content } = parseHTML(
        `<!doctype html><html><body>${article.content}</body></html>`,
      );
      const picked = blocksOf(content, lineOf);
      if (picked.length) main = picked;
      if (!declared.authors && article.byline)
        declared.authors = [cleanText(article.byline).replace(/^by\s+/i, "")];
      if (!declared.publisher && article.siteName) declared.publisher = cleanText(article.siteName);
    }
  } catch {
    // Readability could not make sense of the page: keep every block.
  }
  const keptTexts = new Set(main.map((b) => b.text));
  for (const b of everything) {
    if (!keptTexts.has(b.text))
      dropped.push({
        text: b.text,
        line: b.line,
        rule: "html-outside-main",
        reason: "outside the main content (navigation, menu, sidebar or footer)",
      });
  }
  if (declared.title) {
    // "Review | Tom's Hardware": the site's name is the publisher, not part of the title.
    const split = splitSiteName(declared.title, declared.publisher);
    declared.title = split.title;
    if (split.publisher) declared.publisher = split.publisher;
  }
  const references: SourceReference[] = [];
  const stated: RawMeta = {};
  let blocks = main.filter((b) => {
    const ref = b.kind !== "heading" ? parseReference(b.text, b.line) : undefined;
    if (ref) references.push(ref);
    return !ref;
  });
  if (blocks[0]?.kind === "heading" && blocks[0].depth === 1) {
    stated.title = blocks[0].text;
    blocks = blocks.slice(1);
  }
  const units: Unit[] = blocks.map((b) => ({ text: b.text, line: b.line }));
  const tail = splitTail(units, declared.authors ?? []);
  dropped.push(...tail.dropped);
  blocks = blocks.slice(0, tail.end).filter((b) => {
    const teaser = matchAnywhere(b.text);
    if (teaser) dropped.push({ text: b.text, line: b.line, ...teaser });
    return !teaser;
  });
  dropped.sort((a, b) => a.line - b.line);
  return { format: "html", declared, stated, blocks, references, dropped, diagnostics: [] };
}

/** HTML: loaded only for a corpus with HTML, so its modules cost nothing otherwise. */
export const htmlReader: Reader = {
  name: "html",
  extensions: [".html", ".htm", ".xhtml"],
  load: async () => {
    const [{ parseHTML }, { Readability }] = await Promise.all([
      import("linkedom"),
      import("@mozilla/readability"),
    ]);
    return (bytes, context) =>
      readHtml(
        decode(bytes, { escapedApostrophes: true }).text,
        { parseHTML, Readability },
        context.display,
      );
  },
};
