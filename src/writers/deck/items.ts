/**
 * Turns the content of an outline section (mdast blocks with `cite` nodes) into slide items:
 * each generated claim becomes a shortened, cited bullet; author prose with a citation stays as
 * written; uncited text is kept as prose (or as the matrix's explicit gap statement).
 */
import type { List, ListItem, Nodes, Paragraph, PhrasingContent, RootContent, Table } from "mdast";
import { toString as mdastToString } from "mdast-util-to-string";
import type { CiteNode } from "../../model/document.js";
import { shortenWithin, statesNumbersOf } from "./shorten.js";
import type { SlideGroup, SlideItem } from "./slides.js";
import { AIM_BULLET_WORDS, countWords, MAX_BULLET_WORDS } from "./words.js";

export interface ItemContext {
  /** What a claim is led by on the slide: its event date (timeline), its value (figures). */
  lead: "date" | "value" | undefined;
  /** Shortening level new claim items start at. */
  level: number;
  /**
   * A generated section: a paragraph that is only an uncited emphasised sentence is its
   * "nothing found" statement ("No disagreement between the sources was found."), not shown.
   */
  generated?: boolean;
  /** A disagreement's sides: their short forms keep the place and scope they hold for. */
  scoped?: boolean;
}

/** Mdast nodes including briefwright's `cite`. */
type AnyNode = Nodes | PhrasingContent;

type Token = { cite: CiteNode } | { text: string; strong: boolean; gap: boolean };

function flatten(nodes: readonly AnyNode[], out: Token[], strong: boolean, gap = false): void {
  for (const node of nodes) {
    if (node.type === "cite") out.push({ cite: node });
    else if (node.type === "text" || node.type === "inlineCode")
      out.push({ text: node.value, strong, gap });
    else if (node.type === "break") out.push({ text: " ", strong, gap });
    else if (node.type === "html")
      continue; // never raw HTML on a slide
    else if ("children" in node) {
      const isGap = gap || (node.type === "emphasis" && node.data?.briefwright?.gap === true);
      flatten(node.children as AnyNode[], out, strong || node.type === "strong", isGap);
    } else if ("value" in node && typeof node.value === "string") {
      out.push({ text: node.value, strong, gap });
    }
  }
}

const clean = (s: string) => s.replace(/\s+/gu, " ").trim();
const meaningful = (s: string) => /[\p{L}\p{N}]/u.test(s);

/** Items from a run of phrasing content: one per `cite`, plus any uncited remainder. */
export function itemsFromPhrasing(nodes: readonly AnyNode[], ctx: ItemContext): SlideItem[] {
  const tokens: Token[] = [];
  flatten(nodes, tokens, false);
  const items: SlideItem[] = [];
  let text = "";
  let lead: string | undefined;
  let atStart = true;
  // True while the uncited text so far is all a matrix gap statement.
  let gapOnly = true;
  for (const token of tokens) {
    if ("cite" in token) {
      const cite = token.cite;
      const claim = cite.claim;
      if (claim) {
        const citations = cite.citations.length > 0 ? cite.citations : claim.citations;
        // The outline's emphasised lead (a date, a figure) first, else the briefing's.
        const shownLead = lead ?? (ctx.lead ? claim[ctx.lead] : undefined);
        // A bullet aims at AIM_BULLET_WORDS words (never more than MAX_BULLET_WORDS): a longer
        // claim is shortened harder.
        const short = shortenWithin(
          claim.text,
          ctx.level,
          AIM_BULLET_WORDS,
          countWords(shownLead),
          MAX_BULLET_WORDS,
          claim.clauses,
          shownLead,
          ctx.scoped,
        );
        items.push({
          kind: "claim",
          text: short.text,
          full: claim.text,
          // A value the text states ("More than 2.8 million DS consoles …", "… of 20,000 people,
          // while … 40,000 soldiers") is not led by itself as well.
          lead:
            shownLead &&
            (short.text.startsWith(shownLead) ||
              (ctx.lead === "value" && statesNumbersOf(short.text, shownLead)))
              ? undefined
              : shownLead,
          citations,
          claimId: claim.id,
          level: short.level,
          ...(claim.clauses ? { clauses: claim.clauses } : {}),
          ...(ctx.scoped ? { scoped: true } : {}),
        });
      } else if (meaningful(text)) {
        const t = clean(text);
        // Author prose too: a long cited sentence shows shortened (by deletion), whole in the notes.
        const shown =
          countWords(t) + countWords(lead) > MAX_BULLET_WORDS
            ? shortenWithin(t, 0, MAX_BULLET_WORDS, countWords(lead)).text
            : t;
        items.push({
          kind: "cited",
          text: shown,
          full: t,
          lead,
          citations: cite.citations,
          level: 0,
        });
      } else if (items.length > 0) {
        // A second cite right after a claim: more sources for the same statement.
        items[items.length - 1]!.citations = [
          ...items[items.length - 1]!.citations,
          ...cite.citations,
        ];
      }
      text = "";
      lead = undefined;
      atStart = true;
      gapOnly = true;
      continue;
    }
    if (atStart && token.strong && meaningful(token.text)) {
      lead = clean(`${lead ?? ""} ${token.text}`);
      continue;
    }
    let value = token.text;
    const last = items[items.length - 1];
    if (atStart && text.trim() === "" && last?.kind === "cited") {
      // Pandoc style puts the sentence's full stop after the citation: "… resolution [@putz, ¶9]."
      const punct = /^\s*([.,;:!?…]+)/u.exec(value);
      if (punct) {
        last.full = `${last.full ?? last.text}${punct[1]}`;
        if (!last.text.endsWith("…")) last.text += punct[1];
        value = value.slice(punct[0].length);
      }
    }
    if (meaningful(value)) {
      atStart = false;
      if (!token.gap) gapOnly = false;
    }
    text += value;
  }
  const rest = clean(text);
  if (meaningful(rest) || lead) {
    const t = clean(`${lead && !meaningful(rest) ? lead : rest}`);
    const kind = gapOnly && meaningful(rest) ? "gap" : "prose";
    items.push({
      kind,
      text: t,
      lead: meaningful(rest) ? lead : undefined,
      citations: [],
      level: 0,
    });
  }
  return items;
}

function listItemPhrasing(item: ListItem): Nodes[] {
  return item.children.filter((c) => c.type !== "list") as Nodes[];
}

function groupsFromList(list: List, ctx: ItemContext, current: SlideGroup, groups: SlideGroup[]) {
  list.children.forEach((li, i) => {
    const nested = li.children.find((c): c is List => c.type === "list");
    const own = listItemPhrasing(li);
    const ownItems = itemsFromPhrasing(own, ctx);
    // An ordered list keeps its numbers on the slide (a chart's key refers to them).
    if (list.ordered && ownItems[0]) {
      const n = `${(list.start ?? 1) + i}.`;
      ownItems[0].lead = ownItems[0].lead ? `${n} ${ownItems[0].lead}` : n;
    }
    if (nested && ownItems.every((i) => i.kind === "prose")) {
      // A topic with its sides: a labelled group.
      const label = clean(own.map((n) => mdastToString(n)).join(" "));
      const group: SlideGroup = { label: label || undefined, items: [] };
      groups.push(group);
      groupsFromList(nested, ctx, group, groups);
    } else {
      current.items.push(...ownItems);
      if (nested) groupsFromList(nested, ctx, current, groups);
    }
  });
}

/** True when `node` holds a `cite` anywhere. */
export function hasCite(node: AnyNode): boolean {
  if (node.type === "cite") return true;
  return "children" in node && (node.children as AnyNode[]).some(hasCite);
}

/** A generated section's statement that it has nothing to show: one emphasised, uncited sentence. */
function isNoneStatement(node: Paragraph): boolean {
  const parts = node.children.filter((c) => !(c.type === "text" && !meaningful(c.value)));
  const only = parts[0];
  return (
    parts.length === 1 &&
    only!.type === "emphasis" &&
    only!.data?.briefwright?.gap !== true &&
    !hasCite(node)
  );
}

/** A paragraph that is only emphasised text, e.g. a disagreement's **topic**: a group label. */
function labelOf(node: Paragraph): string | undefined {
  const parts = node.children.filter((c) => !(c.type === "text" && !meaningful(c.value)));
  if (parts.length !== 1 || (parts[0]!.type !== "strong" && parts[0]!.type !== "emphasis"))
    return undefined;
  if (hasCite(node)) return undefined;
  const label = clean(mdastToString(node));
  return label && !label.endsWith(".") ? label : undefined;
}

function mergeSameClaim(items: SlideItem[]): SlideItem[] {
  const out: SlideItem[] = [];
  for (const item of items) {
    const same = item.claimId ? out.find((o) => o.claimId === item.claimId) : undefined;
    if (!same) out.push(item);
    else if (item.lead && same.lead !== item.lead)
      same.lead = same.lead ? `${same.lead} · ${item.lead}` : item.lead;
  }
  return out;
}

export interface ContentOptions {
  /** Called for a table without citations (shown as a table slide of its own); `label` is the latest sub-heading. */
  onTable?: (table: Table, label: string | undefined) => void;
}

/**
 * Groups of items from section content. Sub-headings and emphasised one-line paragraphs start
 * labelled groups; so does a list item whose own text is uncited and that holds a nested list
 * (a topic and its sides). Tables with citations become items row by row (header row skipped).
 */
export function groupsFromContent(
  nodes: readonly RootContent[],
  ctx: ItemContext,
  options: ContentOptions = {},
): SlideGroup[] {
  let current: SlideGroup = { items: [] };
  const groups: SlideGroup[] = [current];
  const visit = (node: RootContent) => {
    switch (node.type) {
      case "heading":
        current = { label: clean(mdastToString(node)) || undefined, items: [] };
        groups.push(current);
        break;
      case "list": {
        const before = groups.length;
        groupsFromList(node, ctx, current, groups);
        if (groups.length > before) {
          // Items after a labelled group belong to a fresh unlabelled group.
          current = { items: [] };
          groups.push(current);
        }
        break;
      }
      case "paragraph": {
        if (ctx.generated && isNoneStatement(node)) break;
        const label = labelOf(node);
        if (label) {
          current = { label, items: [] };
          groups.push(current);
        } else current.items.push(...itemsFromPhrasing(node.children, ctx));
        break;
      }
      case "blockquote":
        for (const c of node.children) visit(c as RootContent);
        break;
      case "table":
        if (!hasCite(node) && options.onTable) {
          options.onTable(node, current.label);
          break;
        }
        for (const row of node.children.slice(1)) {
          const items = itemsFromPhrasing(
            row.children.flatMap((c) => c.children),
            ctx,
          );
          // A cited row (a figure: value, what it counts, cite, subject) is its claim; the rest is labels.
          const cited = items.filter((i) => i.citations.length > 0);
          current.items.push(...(cited.length > 0 ? cited : items));
        }
        break;
      case "code":
        if (meaningful(node.value)) {
          current.items.push({ kind: "prose", text: clean(node.value), citations: [], level: 0 });
        }
        break;
      default:
        // html, thematic breaks, definitions, directives: nothing to show
        break;
    }
  };
  for (const node of nodes) visit(node);
  // One claim giving two figures ("20,000 … while … 40,000") is one bullet led by both values.
  if (ctx.lead === "value") for (const g of groups) g.items = mergeSameClaim(g.items);
  return groups.filter((g) => g.items.length > 0);
}
