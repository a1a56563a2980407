/**
 * remark plugin: Pandoc-style citations in the author's prose — `[@putz-2022, ¶12]`,
 * `[@putz-2022, ¶12.3]`, `[@putz-2022: "only Russia and Belarus voted against"]`, clusters
 * joined by `;` — become `cite` nodes (white space before a cluster goes with it). Keys must
 * name a source, ¶ must exist, quotes must occur in the source; problems are errors on the file
 * at the template's line:column. Run it before directives are expanded, while positions still
 * refer to the template.
 */
import type { Root, Text } from "mdast";
import { findAndReplace } from "mdast-util-find-and-replace";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { error } from "../../diagnostics/vfile.js";
import type { CiteNode } from "../../model/document.js";
import type { Source } from "../../model/source.js";
import { lineColumn, readCluster } from "../cluster.js";

export interface CitationsOptions {
  /** The sources keys may name. */
  sources: Source[];
}

/** White space, then `[…@…]` with quoted stretches allowed to hold brackets. */
const cluster = () =>
  /(\s*)(\[((?:[^[\]"“”]|"[^"]*"|“[^”]*”)*?@(?:[^[\]"“”]|"[^"]*"|“[^”]*”)*)\])/gu;

/**
 * Where a text node's match sits in the template: the node's own source text (escapes and
 * all) is searched for the cluster, left to right.
 */
function locator(file: VFile) {
  const text = String(file.value);
  const searched = new Map<Text, number>();
  return (node: Text, bracketed: string): { offset: number; placed: boolean } => {
    const base = node.position?.start.offset;
    const end = node.position?.end.offset;
    const raw = base !== undefined && end !== undefined ? text.slice(base, end) : node.value;
    const from = searched.get(node) ?? 0;
    const at = raw.indexOf(bracketed, from);
    if (at >= 0) searched.set(node, at + bracketed.length);
    return { offset: (base ?? 0) + Math.max(at, 0), placed: base !== undefined };
  };
}

export function remarkBriefwrightCitations(options: CitationsOptions) {
  const { sources } = options;
  return (tree: Root, file: VFile): undefined => {
    const text = String(file.value);
    const locate = locator(file);
    findAndReplace(tree, [
      cluster(),
      (_match: string, _space: string, bracketed: string, inner: string, info) => {
        const node = info.stack.at(-1) as Text;
        const { offset: at, placed } = locate(node, bracketed);
        const citations = readCluster(inner, at, sources, file);
        if (!citations) return [];
        const cite: CiteNode = { type: "cite", citations };
        if (placed) {
          const end = at + bracketed.length;
          cite.position = {
            start: { ...lineColumn(text, at), offset: at },
            end: { ...lineColumn(text, end), offset: end },
          };
        }
        return cite;
      },
    ]);
    // What is left of a `[@` was split by Markdown (`[@__proto__, ¶1]` reads `__proto__` as
    // bold; a quote holding inline HTML is cut by the tag): an error, not text that looks cited.
    visit(tree, "text", (node) => {
      if (!node.value.includes("[@")) return;
      error(
        file,
        "a citation that Markdown splits apart (emphasis, a link or HTML inside it) is not read",
        {
          ruleId: "outline-citation-split",
          place: node.position,
          hint: "write the key and the quote without `_`, `*`, backticks or tags, or escape them with `\\`",
        },
      );
    });
  };
}
