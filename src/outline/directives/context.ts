/**
 * What every directive expander shares: the call (attributes, resolved depth and title), the
 * per-compile state (claims already shown, exhibits numbered) and the section heading it opens.
 */

import type { RootContent } from "mdast";
import type { Briefing, Claim } from "../../model/briefing.js";
import type { SectionData, SectionKind } from "../../model/document.js";
import type { CaseEvidence } from "../casing.js";
import { heading } from "../nodes.js";

export interface ExpandContext {
  briefing: Briefing;
  /** Ids of claims already shown (a claim is shown once). */
  shown: Set<string>;
  /** Exhibits numbered so far. */
  exhibits: number;
  /** How the corpus writes words mid-sentence (a sentence-initial word's case after "According to"). */
  casing?: CaseEvidence;
}

export interface DirectiveCall {
  attributes: Record<string, string>;
  /** Heading depth (`depth=`, default 2). */
  depth: number;
  /** Heading text (`title=`, else the directive's own; empty for no heading). */
  title: string;
}

/** Why a directive cannot be expanded (reported at the directive). */
export interface DirectiveProblem {
  ruleId: string;
  reason: string;
  hint?: string;
}

export interface Directive {
  /** The heading a section opens with unless `title=` says otherwise ("" for none). */
  title: string;
  /** A problem with the call's attributes, if any. */
  check?: (attributes: Record<string, string>, briefing: Briefing) => DirectiveProblem | undefined;
  /** The nodes the directive expands to, heading first. */
  expand: (call: DirectiveCall, ctx: ExpandContext) => RootContent[];
}

/** Marks `claim` shown; false when it already was. */
export function take(ctx: ExpandContext, claim: Claim): boolean {
  if (ctx.shown.has(claim.id)) return false;
  ctx.shown.add(claim.id);
  return true;
}

/** The section's heading (none when the title is empty). */
export function open(
  call: DirectiveCall,
  kind: SectionKind,
  extra: Omit<SectionData, "kind"> = {},
): RootContent[] {
  return call.title ? [heading(call.depth, call.title, { kind, ...extra })] : [];
}

/**
 * Marks the gap statement of a cell stated (a gap is stated once, like a claim); false when it
 * already was.
 */
export function takeGap(ctx: ExpandContext, dimension: string, subject: string): boolean {
  const key = `gap\u0000${dimension}\u0000${subject}`;
  if (ctx.shown.has(key)) return false;
  ctx.shown.add(key);
  return true;
}
