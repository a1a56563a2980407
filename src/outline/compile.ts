/**
 * `compileOutline`: the outline template (Markdown + front matter + `::directives` + the
 * author's cited prose) → one mdast tree with `cite` nodes, plus its Markdown serialisation.
 * Template mistakes (unknown directive, unknown source key, quote not in the source) throw a
 * BriefwrightError('input') pointing at the template's line:column; the finished tree is
 * re-verified against the sources before it is returned.
 */
import type { Parent, Root, RootContent } from "mdast";
import type { ContainerDirective, LeafDirective, TextDirective } from "mdast-util-directive";
import remarkDirective from "remark-directive";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { parse as parseYaml } from "yaml";
import { BriefwrightError, type Diagnostic } from "../diagnostics/types.js";
import type { Briefing } from "../model/briefing.js";
import { EXHIBIT_KINDS } from "../model/exhibits.js";
import type { Source } from "../model/source.js";
import { type CiteContext, parseCitations } from "./citations.js";
import { attachClaims } from "./claims-of.js";
import {
  DIRECTIVES,
  type DirectiveName,
  type ExpandContext,
  expandDirective,
  wordsIn,
} from "./directives.js";
import type { Outline } from "./load.js";
import { verifyTree } from "./verify.js";

export interface CompileInput {
  briefing: Briefing;
  sources: Source[];
  outline: Outline;
  /** Longest main text in words (default: the outline's front matter `maxWords`, else 2500). */
  maxWords?: number;
}

export interface CompileResult {
  tree: Root;
  diagnostics: Diagnostic[];
}

type Directive = ContainerDirective | LeafDirective | TextDirective;

function isDirective(node: { type: string }): node is Directive {
  return (
    node.type === "leafDirective" ||
    node.type === "containerDirective" ||
    node.type === "textDirective"
  );
}

function at(d: Directive): { line?: number; column?: number } {
  const p = d.position?.start;
  return p ? { line: p.line, column: p.column } : {};
}

function parseTemplate(text: string): Root {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ["yaml"])
    .use(remarkDirective)
    .parse(text);
}

export function compileOutline(input: CompileInput): CompileResult {
  const { briefing, sources, outline } = input;
  const file = outline.path;
  const errors: Diagnostic[] = [];
  const diagnostics: Diagnostic[] = [];
  const tree = parseTemplate(outline.text);

  let frontmatter: Record<string, unknown> = {};
  const first = tree.children[0];
  if (first?.type === "yaml") {
    try {
      const data: unknown = parseYaml(first.value);
      if (data && typeof data === "object" && !Array.isArray(data))
        frontmatter = data as Record<string, unknown>;
    } catch (error) {
      const p = first.position?.start;
      errors.push({
        severity: "error",
        ruleId: "outline-frontmatter",
        message: `front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}`,
        file,
        ...(p ? { line: p.line, column: p.column } : {}),
      });
    }
    tree.children.shift();
  }

  // Author prose: citations first, while positions still refer to the template.
  const citeCtx: CiteContext = { sources, file, text: outline.text, diagnostics: errors };
  parseCitations(tree, citeCtx);

  const ctx: ExpandContext = { briefing, shown: new Set(), exhibits: 0 };
  const expandIn = (parent: Parent) => {
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i]!;
      if (child.type === "heading" && !child.data?.briefwright) {
        child.data = { ...child.data, briefwright: { kind: "prose" } };
      }
      if (isDirective(child)) {
        const name = child.name as DirectiveName;
        if (!DIRECTIVES.includes(name)) {
          errors.push({
            severity: "error",
            ruleId: "outline-unknown-directive",
            message: `unknown directive “${child.name}”`,
            hint: `known directives: ${DIRECTIVES.map((d) => `::${d}`).join(", ")}`,
            file,
            ...at(child),
          });
          parent.children.splice(i, 1);
          i--;
          continue;
        }
        if (child.type !== "leafDirective") {
          errors.push({
            severity: "error",
            ruleId: "outline-directive-form",
            message: `write ::${child.name} on a line of its own`,
            file,
            ...at(child),
          });
          parent.children.splice(i, 1);
          i--;
          continue;
        }
        const attributes: Record<string, string> = {};
        for (const [k, v] of Object.entries(child.attributes ?? {}))
          if (v != null) attributes[k] = v;
        if (name === "dimension" && !briefing.dimensions.some((d) => d.name === attributes.name)) {
          errors.push({
            severity: "error",
            ruleId: "outline-unknown-dimension",
            message: `::dimension needs name= one of: ${briefing.dimensions.map((d) => `“${d.name}”`).join(", ")}`,
            file,
            ...at(child),
          });
          parent.children.splice(i, 1);
          i--;
          continue;
        }
        if (
          name === "chart" &&
          !(EXHIBIT_KINDS as readonly string[]).includes(attributes.type ?? "")
        ) {
          errors.push({
            severity: "error",
            ruleId: "outline-unknown-chart",
            message: `::chart needs type= one of: ${EXHIBIT_KINDS.map((k) => `“${k}”`).join(", ")}`,
            hint: 'for example ::chart{type="timeline"}',
            file,
            ...at(child),
          });
          parent.children.splice(i, 1);
          i--;
          continue;
        }
        const nodes = expandDirective({ name, attributes }, ctx) as RootContent[];
        (parent.children as RootContent[]).splice(i, 1, ...nodes);
        i += nodes.length - 1;
        continue;
      }
      if ("children" in child) expandIn(child as Parent);
    }
  };
  expandIn(tree);

  if (errors.length > 0) {
    const firstError = errors[0]!;
    throw new BriefwrightError(
      "input",
      `${file}:${firstError.line ?? 1}:${firstError.column ?? 1}: ${firstError.message}`,
      errors,
    );
  }

  tree.data = { ...tree.data, briefwright: { file, frontmatter } };
  attachClaims(tree, briefing);

  const unverified = verifyTree(tree, sources, file);
  if (unverified.length > 0) {
    throw new BriefwrightError(
      "input",
      `${unverified.length} citation(s) could not be verified`,
      unverified,
    );
  }

  const limit =
    input.maxWords ?? (typeof frontmatter.maxWords === "number" ? frontmatter.maxWords : 2500);
  const words = wordsIn(tree.children);
  if (words > limit) {
    diagnostics.push({
      severity: "warning",
      ruleId: "briefing-too-long",
      message: `the briefing's text has ${words} words, more than the ${limit} allowed`,
      file,
      hint: "lower evidencePerCell in brief.yaml or drop a section from the outline",
    });
  }
  return { tree, diagnostics };
}
