/**
 * remark plugin: a warning (`briefing-too-long`) when the briefing's running text (cites
 * excluded) has more words than allowed: `maxWords`, else the front matter's `maxWords`, else 2500.
 */
import type { Root, RootContent } from "mdast";
import type { VFile } from "vfile";
import { warning } from "../../diagnostics/vfile.js";
import { countWords } from "../../util/text.js";

export interface LengthOptions {
  /** Longest main text in words (default: the front matter's `maxWords`, else 2500). */
  maxWords?: number | undefined;
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
    const limit = options.maxWords ?? (typeof fm.maxWords === "number" ? fm.maxWords : 2500);
    const words = wordsIn(tree.children);
    if (words <= limit) return;
    warning(file, `the briefing's text has ${words} words, more than the ${limit} allowed`, {
      ruleId: "briefing-too-long",
      hint: "lower evidencePerCell in brief.yaml or drop a section from the outline",
    });
  };
}
