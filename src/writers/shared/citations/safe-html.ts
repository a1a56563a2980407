/**
 * citeproc's HTML is inserted into the report after the report's sanitiser has run, so it is
 * made safe here: parsed into hast with an allow-list of citeproc's own tags and attributes, then
 * serialised again with every text and attribute value escaped (as citeproc escapes text, with
 * numeric references, so a clean note reads byte for byte as citeproc wrote it). A link survives
 * only as an http(s) URL; anything else a source's `url` could smuggle in (quotes, attributes,
 * `javascript:`) is dropped.
 */
import type { Element, ElementContent, Root } from "hast";

/** `url` when it is an absolute http(s) URL, normalised (quotes, `<`, `>` and spaces escaped). */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
  if (parsed.username || parsed.password) return undefined;
  const href = parsed.href;
  // WHATWG URL serialisation percent-encodes these everywhere but in the host, which refuses them.
  return /["<>\s`]/.test(href) ? undefined : href;
}

/** The elements citeproc's `html` format writes. */
const TAGS = new Set(["i", "em", "b", "strong", "sup", "sub", "span", "a", "div", "br"]);

/** The inline styles citeproc's `html` format writes (nothing else is kept). */
const STYLES = new Set([
  "font-style:normal;",
  "font-variant:small-caps;",
  "font-variant:normal;",
  "font-weight:normal;",
  "text-decoration:none;",
  "text-decoration:underline;",
]);

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00A0",
};

function decode(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code =
        body[1] === "x" || body[1] === "X"
          ? Number.parseInt(body.slice(2), 16)
          : Number.parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : "\uFFFD";
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

const TAG =
  /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

function attributes(source: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of source.matchAll(ATTR)) {
    const name = m[1]!.toLowerCase();
    if (!out.has(name)) out.set(name, decode(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return out;
}

/** The element an allowed tag becomes, or undefined when it is dropped (its content kept). */
function allowed(tag: string, attrs: Map<string, string>): Element | undefined {
  if (!TAGS.has(tag)) return undefined;
  const properties: Element["properties"] = {};
  if (tag === "a") {
    const href = safeHttpUrl(attrs.get("href"));
    if (!href) return undefined;
    properties.href = href;
  }
  if (tag === "span" || tag === "div") {
    const style = attrs.get("style")?.replace(/\s+/g, "");
    if (style && STYLES.has(style)) properties.style = style;
    const classes = (attrs.get("class") ?? "")
      .split(/\s+/)
      .filter((c) => /^(csl-[a-z-]+|nocase)$/.test(c));
    if (classes.length) properties.className = classes;
  }
  return { type: "element", tagName: tag, properties, children: [] };
}

/** citeproc's HTML, rebuilt from an allow-list (see the module comment). */
export function sanitiseCiteprocHtml(html: string): string {
  const root: Root = { type: "root", children: [] };
  // Open elements; a dropped tag is a frame without an element (its children go to the parent).
  const stack: { tag: string; element?: Element }[] = [];
  const parent = (): Root | Element => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const element = stack[i]!.element;
      if (element) return element;
    }
    return root;
  };
  const append = (node: ElementContent) => (parent().children as ElementContent[]).push(node);
  const text = (value: string) => {
    if (value) append({ type: "text", value: decode(value) });
  };
  let at = 0;
  for (const m of html.matchAll(TAG)) {
    text(html.slice(at, m.index));
    at = m.index + m[0].length;
    const tag = m[2]!.toLowerCase();
    if (m[1]) {
      const open = stack.findLastIndex((f) => f.tag === tag);
      if (open >= 0) stack.length = open;
      continue;
    }
    const element = allowed(tag, attributes(m[3] ?? ""));
    if (tag === "br") {
      if (element) append(element);
      continue;
    }
    if (element) append(element);
    stack.push(element ? { tag, element } : { tag });
  }
  text(html.slice(at));
  return serialise(root.children);
}

function escapeText(value: string): string {
  return value.replace(/&/g, "&#38;").replace(/</g, "&#60;").replace(/>/g, "&#62;");
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, "&#34;");
}

function serialise(nodes: readonly (ElementContent | Root["children"][number])[]): string {
  let out = "";
  for (const node of nodes) {
    if (node.type === "text") out += escapeText(node.value);
    else if (node.type === "element") {
      const p = node.properties;
      let attrs = "";
      if (typeof p.href === "string") attrs += ` href="${escapeAttribute(p.href)}"`;
      if (Array.isArray(p.className)) attrs += ` class="${escapeAttribute(p.className.join(" "))}"`;
      if (typeof p.style === "string") attrs += ` style="${escapeAttribute(p.style)}"`;
      out +=
        node.tagName === "br"
          ? "<br>"
          : `<${node.tagName}${attrs}>${serialise(node.children)}</${node.tagName}>`;
    }
  }
  return out;
}
