/**
 * Pandoc-style citations in the author's prose: `[@putz-2022, ¶12]`, `[@putz-2022, ¶12.3]`,
 * `[@putz-2022: "only Russia and Belarus voted against"]`, clusters joined by `;`. Each becomes
 * a `cite` node; keys must name a source, ¶ must exist, quotes must occur in the source.
 * Problems are reported at the template's line:column.
 */
import type { Parent, PhrasingContent, Root, Text } from "mdast";
import type { Diagnostic } from "../diagnostics/types.js";
import { quoteSelector } from "../engine/claims.js";
import type { Citation } from "../model/briefing.js";
import type { CiteNode } from "../model/document.js";
import type { Source } from "../model/source.js";
import { locateQuote } from "./quote.js";

const CLUSTER = /\[((?:[^[\]"“”]|"[^"]*"|“[^”]*”)*?@(?:[^[\]"“”]|"[^"]*"|“[^”]*”)*)\]/gu;
const ITEM =
  /^\s*-?@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*?)\s*(?:,\s*(?:¶|para\.?|par\.?|p\.)\s*(\d+)(?:\.(\d+))?)?\s*(?::\s*(?:"([^"]*)"|“([^”]*)”))?\s*$/u;

export interface CiteContext {
  sources: Source[];
  file: string;
  /** The template text, for line/column. */
  text: string;
  diagnostics: Diagnostic[];
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

function splitItems(inner: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (quote) {
      if ((quote === '"' && ch === '"') || (quote === "“" && ch === "”")) quote = undefined;
    } else if (ch === '"' || ch === "“") quote = ch;
    else if (ch === ";") {
      out.push({ text: inner.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  out.push({ text: inner.slice(start), offset: start });
  return out;
}

function error(ctx: CiteContext, offset: number, ruleId: string, message: string, hint?: string) {
  const { line, column } = lineColumn(ctx.text, offset);
  ctx.diagnostics.push({
    severity: "error",
    ruleId,
    message,
    file: ctx.file,
    line,
    column,
    ...(hint ? { hint } : {}),
  });
}

/** Parses one cluster; `offset` is where `[` sits in the template. Undefined on error. */
function parseCluster(inner: string, offset: number, ctx: CiteContext): Citation[] | undefined {
  const citations: Citation[] = [];
  let ok = true;
  for (const item of splitItems(inner)) {
    const itemOffset = offset + 1 + item.offset;
    const m = ITEM.exec(item.text);
    if (!m) {
      error(
        ctx,
        itemOffset,
        "cite-syntax",
        `cannot read citation “${item.text.trim()}”`,
        'write [@key, ¶12] or [@key: "exact words"]',
      );
      ok = false;
      continue;
    }
    const [, key, blockText, sentenceText] = m;
    const quoteText = m[4] ?? m[5];
    const keyOffset = itemOffset + item.text.indexOf("@");
    const source = ctx.sources.find((s) => s.id === key);
    if (!source) {
      const known = ctx.sources.map((s) => s.id).join(", ");
      error(
        ctx,
        keyOffset,
        "cite-unknown-key",
        `unknown source key @${key}`,
        `known keys: ${known}`,
      );
      ok = false;
      continue;
    }
    const blockIndex = blockText ? Number(blockText) : undefined;
    if (blockIndex !== undefined && !source.blocks.some((b) => b.index === blockIndex)) {
      error(
        ctx,
        keyOffset,
        "cite-block-missing",
        `${key} has no ¶${blockIndex} (it has ${source.blocks.length})`,
      );
      ok = false;
      continue;
    }
    if (quoteText !== undefined) {
      const hits = locateQuote(source, quoteText, blockIndex);
      const quoteOffset = itemOffset + item.text.search(/["“]/u);
      if (hits.length === 0) {
        error(
          ctx,
          quoteOffset,
          "cite-quote-not-found",
          `quote not found in ${key}${blockIndex ? ` ¶${blockIndex}` : ""}: “${quoteText}”`,
          "quote the source's exact words (typographic quotes, dashes and spacing may differ)",
        );
        ok = false;
        continue;
      }
      const hit = hits[0]!;
      const block = source.blocks.find((b) => b.index === hit.block)!;
      citations.push({
        sourceId: source.id,
        block: hit.block,
        ...(hit.sentence !== undefined ? { sentence: hit.sentence } : {}),
        quote: quoteSelector(block.text, hit.start, hit.end),
      });
      continue;
    }
    if (blockIndex === undefined) {
      error(
        ctx,
        keyOffset,
        "cite-locator-missing",
        `citation of @${key} needs a ¶ or a quote`,
        'write [@key, ¶12] or [@key: "exact words"]',
      );
      ok = false;
      continue;
    }
    const block = source.blocks.find((b) => b.index === blockIndex)!;
    const sentence = sentenceText
      ? block.sentences.find((s) => s.index === Number(sentenceText))
      : undefined;
    if (sentenceText && !sentence) {
      error(
        ctx,
        keyOffset,
        "cite-block-missing",
        `${key} ¶${blockIndex} has no sentence ${sentenceText}`,
      );
      ok = false;
      continue;
    }
    const start = sentence ? sentence.start : 0;
    const end = sentence ? sentence.end : block.text.length;
    citations.push({
      sourceId: source.id,
      block: blockIndex,
      ...(sentence ? { sentence: sentence.index } : {}),
      quote: quoteSelector(block.text, start, end),
    });
  }
  return ok ? citations : undefined;
}

function splitText(node: Text, ctx: CiteContext): PhrasingContent[] | undefined {
  if (!node.value.includes("@")) return undefined;
  const base = node.position?.start.offset;
  const raw =
    base !== undefined && node.position?.end.offset !== undefined
      ? ctx.text.slice(base, node.position.end.offset)
      : node.value;
  const out: PhrasingContent[] = [];
  let pos = 0;
  let rawFrom = 0;
  let changed = false;
  for (const m of node.value.matchAll(CLUSTER)) {
    const inner = m[1]!;
    const rawAt = raw.indexOf(m[0], rawFrom);
    rawFrom = rawAt >= 0 ? rawAt + m[0].length : rawFrom;
    const offset = (base ?? 0) + (rawAt >= 0 ? rawAt : 0);
    const citations = parseCluster(inner, offset, ctx);
    changed = true;
    if (m.index > pos)
      out.push({ type: "text", value: node.value.slice(pos, m.index).replace(/\s+$/u, "") });
    if (citations) {
      const cite: CiteNode = { type: "cite", citations };
      if (base !== undefined) {
        const start = lineColumn(ctx.text, offset);
        const end = lineColumn(ctx.text, offset + m[0].length);
        cite.position = {
          start: { ...start, offset },
          end: { ...end, offset: offset + m[0].length },
        };
      }
      out.push(cite);
    }
    pos = m.index + m[0].length;
  }
  if (!changed) return undefined;
  if (pos < node.value.length) out.push({ type: "text", value: node.value.slice(pos) });
  return out.filter((n) => n.type !== "text" || n.value !== "");
}

/** Replaces citation clusters in every text node of `tree` with `cite` nodes. */
export function parseCitations(tree: Root, ctx: CiteContext): void {
  const walk = (parent: Parent) => {
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i]!;
      if (child.type === "text") {
        const parts = splitText(child, ctx);
        if (parts) {
          parent.children.splice(i, 1, ...(parts as typeof parent.children));
          i += parts.length - 1;
        }
      } else if ("children" in child) walk(child as Parent);
    }
  };
  walk(tree);
}
