/**
 * `compileOutline`: the outline template (Markdown + front matter + `::directives` + the
 * author's cited prose, GFM tables allowed) → one mdast tree with `cite` and `exhibit` nodes.
 * Two runs of remark plugins over one `VFile`: the template's (front matter, citations,
 * directives), whose errors throw a BriefwrightError('input') pointing at the template's
 * line:column; then the document's (claims on cites, verification, length), whose unverified
 * citations throw too. Messages become `Diagnostic`s here, at the edge.
 */
import type { Root } from "mdast";
import remarkDirective from "remark-directive";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";
import { VFile } from "vfile";
import { BriefwrightError, type Diagnostic } from "../diagnostics/types.js";
import { errorsOf, toDiagnostic, warning } from "../diagnostics/vfile.js";
import type { Briefing } from "../model/briefing.js";
import type { Source } from "../model/source.js";
import { caseEvidence } from "./casing.js";
import type { Outline } from "./load.js";
import { remarkBriefwrightCitations } from "./plugins/citations.js";
import { remarkBriefwrightClaims } from "./plugins/claims.js";
import { remarkBriefwrightDirectives } from "./plugins/directives.js";
import { remarkBriefwrightFrontmatter } from "./plugins/frontmatter.js";
import { remarkBriefwrightLength } from "./plugins/length.js";
import { remarkBriefwrightVerify } from "./plugins/verify.js";

export interface CompileInput {
  briefing: Briefing;
  sources: Source[];
  outline: Outline;
  /** Longest main text in words (default: the outline's front matter `maxWords`, else 2500). */
  maxWords?: number;
  /** The limit when neither `maxWords` nor the front matter sets one (brief.yaml's `maxWords`). */
  fallbackMaxWords?: number;
}

export interface CompileResult {
  tree: Root;
  diagnostics: Diagnostic[];
}

/**
 * The outline's raw HTML never reaches an output (`briefing.md` copied it as it was): comments
 * are dropped quietly, anything else with a warning at its place.
 */
function dropRawHtml(tree: Root, file: VFile): void {
  visit(tree, "html", (node, index, parent) => {
    if (!parent || index === undefined) return;
    parent.children.splice(index, 1);
    if (!/^\s*<!--[\s\S]*-->\s*$/.test(node.value))
      warning(file, "raw HTML in the outline is left out of every output", {
        ruleId: "outline-raw-html",
        place: node.position,
        hint: "write Markdown instead (**bold**, [link](https://…)); HTML comments are fine",
      });
    return [SKIP, index];
  });
}

export function compileOutline(input: CompileInput): CompileResult {
  const { briefing, sources, outline } = input;
  const file = new VFile({ value: outline.text, ...(outline.path ? { path: outline.path } : {}) });

  const template = unified()
    .use(remarkParse)
    // Strikethrough needs `~~`: a lone `~` ("~20,000") stays text, as it always did.
    .use(remarkGfm, { singleTilde: false })
    .use(remarkFrontmatter, ["yaml"])
    .use(remarkDirective)
    .use(remarkBriefwrightFrontmatter)
    // Citations first, while positions still refer to the template.
    .use(remarkBriefwrightCitations, { sources })
    .use(remarkBriefwrightDirectives, { briefing, casing: caseEvidence(sources) });
  const tree = template.parse(file);
  dropRawHtml(tree, file);
  template.runSync(tree, file);
  const errors = errorsOf(file);
  const first = errors[0];
  if (first) {
    throw new BriefwrightError(
      "input",
      `${outline.path}:${first.line ?? 1}:${first.column ?? 1}: ${first.reason}`,
      errors.map(toDiagnostic),
    );
  }

  unified()
    .use(remarkBriefwrightClaims, { briefing })
    .use(remarkBriefwrightVerify, { sources })
    .use(remarkBriefwrightLength, {
      maxWords: input.maxWords,
      fallbackMaxWords: input.fallbackMaxWords,
    })
    .runSync(tree, file);
  const unverified = errorsOf(file);
  if (unverified.length > 0) {
    const tooLong = unverified.filter((m) => m.ruleId === "briefing-too-long").length;
    throw new BriefwrightError(
      "input",
      tooLong === unverified.length
        ? "the briefing is longer than its word limit"
        : `${unverified.length - tooLong} citation(s) could not be verified`,
      unverified.map(toDiagnostic),
    );
  }
  return { tree, diagnostics: file.messages.map(toDiagnostic) };
}
