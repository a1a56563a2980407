/**
 * remark plugin: the word limit, enforced: an error (`briefing-too-long`) when the briefing's
 * running text (cites excluded) has more words than allowed: `maxWords`, else the front matter's
 * `maxWords`, else 2500. The engine keeps its own text within the limit; what passes it is the
 * outline's (the author's prose, or the same sections asked for again and again).
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
    const words = wordsIn(tree.children);
    if (words <= limit) return;
    error(file, `the briefing's text has ${words} words, more than the ${limit} allowed`, {
      ruleId: "briefing-too-long",
      hint: "shorten the outline's own text or drop a section from it, lower evidencePerCell in brief.yaml, or raise maxWords",
    });
  };
}
