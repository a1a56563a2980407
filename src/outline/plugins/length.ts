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

/** Directives whose output is back matter, not counted against the word limit. */
export const BACK_MATTER: ReadonlySet<string> = new Set(["sources", "method"]);

/** Words of running text in `nodes` (cites excluded); with `body`, back matter left out at any depth. */
export function wordsIn(nodes: RootContent[], body = false): number {
  let n = 0;
  const walk = (node: { type: string; value?: string; children?: unknown[]; data?: unknown }) => {
    if (body && (node.data as { backMatter?: boolean } | undefined)?.backMatter) return;
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
    const words = wordsIn(tree.children, true);
    if (words <= limit) return;
    error(file, `the briefing's body has ${words} words, more than the ${limit} allowed`, {
      ruleId: "briefing-too-long",
      hint: "shorten the outline's own text or drop a section from it, lower evidencePerCell in brief.yaml, or raise maxWords (the sources list and the method note are not counted)",
    });
  };
}
