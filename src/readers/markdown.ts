/** Markdown reader: YAML front matter for metadata, mdast for blocks with their lines. */
import type { Content, Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { Diagnostic } from "../diagnostics/types.js";
import { parseYaml } from "../diagnostics/yaml.js";
import type { DroppedText, SourceReference } from "../model/source.js";
import { matchAnywhere, splitTail, type Unit } from "./boilerplate.js";
import { decode } from "./decode.js";
import { normaliseDate } from "./metadata.js";
import { cleanText, parseReference, type RawBlock, type RawDoc, type RawMeta } from "./raw.js";
import type { ReadContext, Reader } from "./reader.js";

const parser = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]);

/** Deepest nesting walked; deeper content is flattened into its ancestor's text. */
const MAX_DEPTH = 64;

/**
 * The text of a node, like mdast-util-to-string but without recursion, so that a hostile file
 * with thousands of nested quotes or list levels cannot overflow the stack.
 */
function mdToString(node: Content, images?: string[]): string {
  const parts: string[] = [];
  const stack: unknown[] = [node];
  while (stack.length) {
    const n = stack.pop() as {
      value?: unknown;
      alt?: unknown;
      url?: unknown;
      children?: unknown[];
      type?: string;
    };
    // Images (badges, pictures) are not text: they are listed as dropped, not read.
    if (n.type === "image" || n.type === "imageReference") {
      images?.push(typeof n.alt === "string" && n.alt ? n.alt : String(n.url ?? "image"));
      continue;
    }
    if (typeof n.value === "string" && n.type !== "html") parts.push(n.value);
    if (n.type === "break") parts.push(" ");
    if (Array.isArray(n.children))
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return parts.join("");
}

function asStrings(value: unknown): string[] | undefined {
  if (typeof value === "string" && value.trim()) return [value.trim()];
  if (Array.isArray(value)) {
    const names = value
      .map((v) =>
        typeof v === "string"
          ? v
          : typeof v === "object" && v && "name" in v
            ? String((v as { name: unknown }).name)
            : "",
      )
      .map((v) => v.trim())
      .filter(Boolean);
    return names.length ? names : undefined;
  }
  return undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

/** A lower-case one-word platform name ("medium") is shown capitalised. */
function publisherName(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return /^[a-z][a-z0-9.-]*$/.test(value) ? value[0]!.toUpperCase() + value.slice(1) : value;
}

function frontMatterMeta(data: Record<string, unknown>): RawMeta {
  const meta: RawMeta = {};
  const title = asString(data.title);
  if (title) meta.title = title;
  const subtitle = asString(data.subtitle ?? data.description);
  if (subtitle) meta.subtitle = subtitle;
  const authors = asStrings(data.authors ?? data.author);
  if (authors) meta.authors = authors;
  const date = normaliseDate(data.date ?? data.published ?? data.issued);
  if (date) meta.date = date;
  const publisher = publisherName(
    asString(data.publisher ?? data.source ?? data.site ?? data.container),
  );
  if (publisher) meta.publisher = publisher;
  const url = asString(data.url ?? data.link ?? data.canonical);
  if (url) meta.url = url;
  const language = asString(data.language ?? data.lang);
  if (language) meta.language = language;
  return meta;
}

/** Deepest container nesting (quotes, list items) kept on one line before parsing. */
const MAX_LINE_NESTING = 32;
/**
 * Widest indentation kept, in columns: nesting by indentation (lists in lists) costs the parser
 * work per line for every open level, so a staircase of 1,000 levels (1 MB) took a minute.
 * 64 columns still hold 32 list levels; deeper lines join the deepest level kept.
 */
const MAX_INDENT = 64;

/** Columns of a line's leading spaces and tabs (tab stops every 4), and their length. */
function indentOf(line: string): { columns: number; length: number } {
  let columns = 0;
  let length = 0;
  for (; length < line.length; length++) {
    const c = line.charCodeAt(length);
    if (c === 32) columns++;
    else if (c === 9) columns += 4 - (columns % 4);
    else break;
  }
  return { columns, length };
}
const CONTAINER_MARKER = /^[ \t]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/;

/**
 * Flattens absurd nesting before the parser sees it: parsing cost grows with the square of the
 * depth (10,000 nested quotes take minutes), and no real document nests 32 levels deep.
 */
export function capNesting(
  text: string,
  max = MAX_LINE_NESTING,
): { text: string; capped: number[] } {
  const capped: number[] = [];
  const lines = text.split("\n").map((raw, i) => {
    let line = raw;
    const indent = indentOf(line);
    if (indent.columns > MAX_INDENT) {
      line = " ".repeat(MAX_INDENT) + line.slice(indent.length);
      capped.push(i + 1);
    }
    let rest = line;
    let kept = "";
    let depth = 0;
    for (;;) {
      const m = CONTAINER_MARKER.exec(rest);
      if (!m || m[0].length === 0) break;
      depth++;
      if (depth <= max) kept += m[0];
      rest = rest.slice(m[0].length);
    }
    if (depth <= max) return line;
    if (capped.at(-1) !== i + 1) capped.push(i + 1);
    return kept + rest;
  });
  // Long runs of markup characters make the parser's bracket and emphasis matching quadratic;
  // escaped, they read as the same characters at linear cost.
  const escaped = lines
    .join("\n")
    .replace(/([[\]*_~`])\1{31,}/g, (run) => run.replace(/./g, "\\$&"));
  return { text: escaped, capped };
}

/** Markdown text (already decoded) → what the reader found; `file` names it in messages. */
export function readMarkdownText(source: string, file: string): RawDoc {
  const { text, capped } = capNesting(source);
  const tree = parser.parse(text) as Root;
  const diagnostics: Diagnostic[] = capped.slice(0, 1).map((line) => ({
    severity: "warning",
    ruleId: "markdown-deep-nesting",
    file,
    line,
    column: 1,
    message: `nesting deeper than ${MAX_LINE_NESTING} levels flattened on ${capped.length} line(s)`,
  }));
  let declared: RawMeta = {};
  const blocks: RawBlock[] = [];
  const dropped: DroppedText[] = [];
  const references: SourceReference[] = [];
  const stated: RawMeta = {};

  const push = (kind: RawBlock["kind"], node: Content, depth?: number) => {
    const images: string[] = [];
    const value = cleanText(mdToString(node, images));
    const line = node.position?.start.line ?? 1;
    for (const image of images)
      dropped.push({ text: image, line, rule: "markdown-image", reason: "image (not read)" });
    if (!value) return;
    blocks.push(depth ? { kind, depth, text: value, line } : { kind, text: value, line });
  };

  const walk = (nodes: Content[], inQuote: boolean, level: number) => {
    for (const node of nodes) {
      const line = node.position?.start.line ?? 1;
      switch (node.type) {
        case "yaml": {
          const parsed = parseYaml(node.value, file, line);
          if (Array.isArray(parsed)) {
            diagnostics.push(...parsed.map((d) => ({ ...d, ruleId: "frontmatter-yaml" })));
          } else {
            let data: unknown;
            try {
              data = parsed.doc.toJS({ maxAliasCount: 100 });
            } catch {
              // yaml refuses aliases that expand past the limit (an "alias bomb").
              diagnostics.push({
                severity: "error",
                ruleId: "frontmatter-yaml",
                file,
                line: line + 1,
                column: 1,
                message: "front matter's YAML aliases (`*name`) expand past the limit of 100",
                hint: "write the values out instead of repeating anchors",
              });
              break;
            }
            if (data && typeof data === "object" && !Array.isArray(data)) {
              declared = frontMatterMeta(data as Record<string, unknown>);
            } else if (data !== null && data !== undefined) {
              diagnostics.push({
                severity: "error",
                ruleId: "frontmatter-schema",
                file,
                line: line + 1,
                column: 1,
                message: "front matter must be a mapping of fields (title: …, author: …)",
                hint: "write `key: value` lines between the --- fences",
              });
            }
          }
          break;
        }
        case "heading":
          if (node.depth === 1 && !stated.title && blocks.length === 0)
            stated.title = cleanText(mdToString(node, []));
          else push("heading", node, node.depth);
          break;
        case "paragraph":
          push(inQuote ? "quote" : "paragraph", node);
          break;
        case "blockquote":
          if (level < MAX_DEPTH) walk(node.children, true, level + 1);
          else push("quote", node);
          break;
        case "list":
          if (level < MAX_DEPTH) walk(node.children, inQuote, level + 1);
          else push("list-item", node);
          break;
        case "listItem": {
          const simple = node.children.every((c) => c.type === "paragraph");
          if (simple || level >= MAX_DEPTH) push("list-item", node);
          else walk(node.children, inQuote, level + 1);
          break;
        }
        case "code":
          dropped.push({ text: node.value, line, rule: "markdown-code", reason: "code block" });
          break;
        case "html":
          dropped.push({
            text: node.value,
            line,
            rule: "markdown-html",
            reason: "raw HTML (not read)",
          });
          break;
        case "table":
          for (const row of node.children) push("paragraph", row);
          break;
        case "thematicBreak":
        case "definition":
          break;
        default:
          if ("children" in node && level < MAX_DEPTH)
            walk(node.children as Content[], inQuote, level + 1);
      }
    }
  };
  walk(tree.children as Content[], false, 0);

  // The source's own numbered references, then furniture in the tail and teasers anywhere.
  const kept = blocks.filter((b) => {
    const ref = b.kind === "paragraph" ? parseReference(b.text, b.line) : undefined;
    if (ref) references.push(ref);
    return !ref;
  });
  const units: Unit[] = kept.map((b) => ({ text: b.text, line: b.line }));
  // The kind of the first block on each line, looked up once (a search per unit was quadratic).
  const kindAt = new Map<number, RawBlock["kind"]>();
  for (const b of kept) if (!kindAt.has(b.line)) kindAt.set(b.line, b.kind);
  const tail = splitTail(units, declared.authors ?? [], (u) => kindAt.get(u.line) !== "heading");
  dropped.push(...tail.dropped);
  const body = kept.slice(0, tail.end).filter((b) => {
    const teaser = matchAnywhere(b.text);
    if (teaser) dropped.push({ text: b.text, line: b.line, ...teaser });
    return !teaser;
  });
  dropped.sort((a, b) => a.line - b.line);
  return { format: "markdown", declared, stated, blocks: body, references, dropped, diagnostics };
}

/** Markdown (and any text file that opens with YAML front matter: see the text reader). */
export function readMarkdown(bytes: Uint8Array, context: ReadContext): RawDoc {
  return readMarkdownText(decode(bytes).text, context.display);
}

export const markdownReader: Reader = {
  name: "markdown",
  escapes: true,
  extensions: [".md", ".markdown", ".mdown"],
  read: readMarkdown,
};
