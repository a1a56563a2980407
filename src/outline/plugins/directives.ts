/**
 * remark plugin: every `::directive` of the outline is expanded from the registry
 * (`../directives/index.ts`) into the part of the briefing it names, heading first; the
 * author's own headings are marked `prose`. An unknown directive, one not on a line of its own,
 * or one whose attributes do not fit the briefing is an error at the directive, and is dropped.
 */

import type { Root, RootContent } from "mdast";
import type { ContainerDirective, LeafDirective, TextDirective } from "mdast-util-directive";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { error } from "../../diagnostics/vfile.js";
import type { Briefing } from "../../model/briefing.js";
import { chromeFor, TITLE_KEYS } from "../../util/locale.js";
import type { CaseEvidence } from "../casing.js";
import { DIRECTIVES, type ExpandContext } from "../directives/index.js";
import { BACK_MATTER } from "./length.js";

export interface DirectivesOptions {
  /** The analysed briefing the directives are filled from. */
  briefing: Briefing;
  /** How the corpus writes words mid-sentence (see casing.ts). */
  casing?: CaseEvidence;
}

type Directive = ContainerDirective | LeafDirective | TextDirective;

function isDirective(node: { type: string }): node is Directive {
  return (
    node.type === "leafDirective" ||
    node.type === "containerDirective" ||
    node.type === "textDirective"
  );
}

/** The nodes `node` expands to; none (after an error on `file`) when it cannot be expanded. */
function expand(node: Directive, ctx: ExpandContext, file: VFile): RootContent[] {
  const place = node.position;
  const directive = DIRECTIVES.get(node.name);
  if (!directive) {
    error(file, `unknown directive “${node.name}”`, {
      ruleId: "outline-unknown-directive",
      place,
      hint: `known directives: ${[...DIRECTIVES.keys()].map((d) => `::${d}`).join(", ")}`,
    });
    return [];
  }
  if (node.type !== "leafDirective") {
    error(file, `write ::${node.name} on a line of its own`, {
      ruleId: "outline-directive-form",
      place,
    });
    return [];
  }
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(node.attributes ?? {})) if (v != null) attributes[k] = v;
  const problem = directive.check?.(attributes, ctx.briefing);
  if (problem) {
    const { reason, ...rest } = problem;
    error(file, reason, { ...rest, place });
    return [];
  }
  const depth = Number(attributes.depth ?? 2) || 2;
  // A default English title (the directive's, or the stock template's) in the brief's language.
  const given = attributes.title ?? directive.title;
  const key = TITLE_KEYS[given];
  const title = key ? String(chromeFor(ctx.briefing.meta.language)[key]) : given;
  return directive.expand({ attributes, depth, title }, ctx);
}

/**
 * Most directives an outline may hold, and most charts: a briefing of 2,500 words has a dozen
 * sections; an outline of 10,000 charts once ran for more than ten minutes.
 */
export const MAX_DIRECTIVES = 100;
export const MAX_CHARTS = 12;

export function remarkBriefwrightDirectives(options: DirectivesOptions) {
  const { briefing, casing } = options;
  return (tree: Root, file: VFile): undefined => {
    const ctx: ExpandContext = {
      briefing,
      shown: new Set(),
      exhibits: 0,
      ...(casing ? { casing } : {}),
    };
    let directives = 0;
    let charts = 0;
    let capped = false;
    /** One error at the first directive past a cap; it and every later directive are dropped. */
    const overCap = (node: Directive): boolean => {
      if (capped) return true;
      directives++;
      if (node.name === "chart") charts++;
      const [ruleId, what, max] =
        directives > MAX_DIRECTIVES
          ? ["outline-too-many-directives", "directives", MAX_DIRECTIVES]
          : charts > MAX_CHARTS
            ? ["outline-too-many-charts", "charts", MAX_CHARTS]
            : [];
      if (!ruleId) return false;
      capped = true;
      error(
        file,
        `the outline has more than ${max} ${what}; this one and those after it are dropped`,
        {
          ruleId,
          place: node.position,
          hint: `an outline may hold at most ${MAX_DIRECTIVES} directives, ${MAX_CHARTS} of them charts`,
        },
      );
      return true;
    };
    visit(tree, (node, index, parent) => {
      if (node.type === "heading" && !node.data?.briefwright) {
        node.data = { ...node.data, briefwright: { kind: "prose" } };
      }
      if (!isDirective(node) || !parent || index === undefined) return;
      const nodes = overCap(node) ? [] : expand(node, ctx, file);
      // What a back-matter directive writes (the sources list, the method note) is marked so that
      // the word limit leaves it out, and only it (not the author's prose after it).
      if (BACK_MATTER.has(node.name))
        for (const n of nodes)
          (n as { data?: Record<string, unknown> }).data = { ...n.data, backMatter: true };
      (parent.children as RootContent[]).splice(index, 1, ...nodes);
      return [SKIP, index + nodes.length];
    });
  };
}
