/**
 * Marked edits of a quoted sentence, shown the way quotations show them: an insertion and a
 * changed letter in brackets ("[The CSTO] triggered …", "[T]he DS …"), a deletion at the start
 * silently, one inside with an ellipsis ("…"), a note number ("[3]") silently. Pure: the engine
 * renders claim texts with it and verification renders them again to compare.
 */

/** The shape of `Edit` (model/briefing.ts) this module needs; util imports nothing of the project. */
export interface MarkedEdit {
  kind: "delete" | "insert" | "case";
  text: string;
  at: number;
  to?: string;
  reason: string;
}

/** What a deletion may never remove: a number or a negation. */
export const PROTECTED =
  /\d|\b(?:not|no|never|nor|neither|none|nothing|without|cannot)\b|n['’]t\b/iu;

/** A note number ("[3]"): the one deletion that may hold a digit. */
export const NOTE_NUMBER = /^\s?\[\d{1,3}\]$/u;

/** Deletions that show nothing where they were (the bracket next to them, or a note number). */
const SILENT = new Set(["referent", "reference-marker"]);

/** Edits in the order they apply: by offset; at one offset deletions first, then insertions. */
export function orderEdits<E extends MarkedEdit>(edits: E[]): E[] {
  const rank = (e: MarkedEdit) => (e.kind === "delete" ? 0 : e.kind === "insert" ? 1 : 2);
  return [...edits].sort((a, b) => a.at - b.at || rank(a) - rank(b));
}

/**
 * `original` with `edits` applied, as a quotation shows it; with `marks: false` plainly (the
 * insertion and the changed letter without brackets, no ellipsis), for measuring the text.
 */
export function renderEdits(
  original: string,
  edits: MarkedEdit[],
  options: { marks?: boolean } = {},
): string {
  const marks = options.marks ?? true;
  let out = "";
  let pos = 0;
  let started = false;
  for (const e of orderEdits(edits)) {
    if (e.at > pos) {
      const between = original.slice(pos, e.at);
      out += between;
      if (between.trim()) started = true;
      pos = e.at;
    }
    if (e.kind === "delete") {
      if (marks && started && !SILENT.has(e.reason)) {
        const tail = original.slice(e.at + e.text.length);
        out += /^\s*[.!?]*\s*$/u.test(tail) ? " …" : " … ";
      }
      pos = e.at + e.text.length;
    } else if (e.kind === "insert") {
      out += marks ? `[${e.text}]` : e.text;
      started = true;
    } else {
      out += marks ? `[${e.to ?? e.text}]` : (e.to ?? e.text);
      pos = e.at + e.text.length;
      started = true;
    }
  }
  out += original.slice(pos);
  return out
    .replace(/\s{2,}/gu, " ")
    .replace(/…\s+([.,;:!?])/gu, "…$1")
    .replace(/\]\s+(?=[,;:])/gu, "]")
    .trim();
}

/**
 * Undefined when `edits` are a faithful marking of `original`: each deleted or case-changed
 * text is there at its offset, edits do not overlap, and rendering them gives `shown`.
 * Else the reason they are not.
 */
export function checkEdits(
  original: string,
  edits: MarkedEdit[],
  shown: string,
): string | undefined {
  let end = 0;
  let start = -1;
  for (const e of orderEdits(edits)) {
    if (e.at < 0 || e.at > original.length) return `an edit at ${e.at} is outside the sentence`;
    if (e.kind === "insert") {
      // An insertion goes where a deletion starts (a replacement) or outside every edit.
      if (e.at < end && e.at !== start)
        return `the insertion “${e.text}” falls inside another edit`;
      if (!e.text.trim()) return "an empty insertion";
      continue;
    }
    if (e.at < end) return `the edit at ${e.at} overlaps another`;
    if (original.slice(e.at, e.at + e.text.length) !== e.text) {
      return `the ${e.kind === "delete" ? "deleted" : "changed"} text “${e.text}” is not in the source at ${e.at}`;
    }
    if (e.kind === "case" && (e.to ?? "").toLowerCase() !== e.text.toLowerCase()) {
      return `the case change “${e.text}” → “${e.to}” changes the letter`;
    }
    start = e.at;
    end = e.at + e.text.length;
  }
  const rendered = renderEdits(original, edits);
  if (normaliseSpace(rendered) !== normaliseSpace(shown)) {
    return `undoing the edits does not give the source sentence (“${shown.slice(0, 60)}”)`;
  }
  return undefined;
}

function normaliseSpace(s: string): string {
  return s.replace(/\s+/gu, " ").trim();
}
