/**
 * remark plugin: the word limit, enforced: an error (`briefing-too-long`) when the briefing's
 * body (running text, cites excluded) has more words than allowed: `maxWords`, else the front
 * matter's `maxWords`, else brief.yaml's (2500 by default). As a journal's word limit leaves out
 * the reference list and appendices (and as Quarto's word count reports them apart), the body
 * leaves out the back matter: the sources list (`::sources`, one entry per source however many
 * there are) and the method note (`::method`). The engine keeps its own text within the limit;
 * what passes it is the outline's (the author's prose, or the same sections asked for again).
 */
import type { Root, RootContent } from "mdast";
import type { VFile } from "vfile";
import { error } from "../../diagnostics/vfile.js";
import { countWords } from "../../util/text.js";

export interface LengthOptions {
  /** Longest main text in words (default: the front matter's `maxWords`, else 2500). */
  maxWords?: number | undefined;
  /** The limit when neither `maxWords` nor the front matter sets one (brief.yaml's). */
  fallbackMaxWords?: number | undefined;
}

/** Section kinds that are back matter, not counted against the word limit. */
export const BACK_MATTER: ReadonlySet<string> = new Set(["sources", "method"]);

/** `nodes` without the back matter: a back-matter heading and all under it, to the next heading as high. */
export function bodyOf(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  let skipBelow = 0; // depth of the back-matter heading being skipped (0: none)
  for (const node of nodes) {
    if (node.type === "heading") {
      if (skipBelow && node.depth <= skipBelow) skipBelow = 0;
      const kind = (node.data as { briefwright?: { kind?: string } } | undefined)?.briefwright
        ?.kind;
      if (!skipBelow && kind && BACK_MATTER.has(kind)) skipBelow = node.depth;
    }
    if (!skipBelow) out.push(node);
  }
  return out;
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

export function remarkBriefwrightLength(options: LengthOptions = {}) {
  return (tree: Root, file: VFile): undefined => {
    const fm = tree.data?.briefwright?.frontmatter ?? {};
    const limit =
      options.maxWords ??
      (typeof fm.maxWords === "number" ? fm.maxWords : (options.fallbackMaxWords ?? 2500));
    const words = wordsIn(bodyOf(tree.children));
    if (words <= limit) return;
    error(file, `the briefing's body has ${words} words, more than the ${limit} allowed`, {
      ruleId: "briefing-too-long",
      hint: "shorten the outline's own text or drop a section from it, lower evidencePerCell in brief.yaml, or raise maxWords (the sources list and the method note are not counted)",
    });
  };
}
