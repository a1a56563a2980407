/**
 * Citations on a slide: each distinct (source, ¶) gets a number in order of first use; bullets
 * carry the numbers, the footer lists "n Short label, ¶b". Speaker notes get the style's full note
 * (the plan sets `SlideItem.note` with the shared citation formatter).
 */
import type { Citation, SourceProfile } from "../../model/briefing.js";
import type { Slide } from "./slides.js";

export interface SlideCitation {
  n: number;
  label: string;
}

export interface SlideCitations {
  /** Footer entries in number order. */
  entries: SlideCitation[];
  /** Numbers per item, `[group][item]`. */
  marks: number[][][];
  /** Numbers of the headline's claim (empty without one). */
  headline: number[];
}

const key = (c: Citation) => `${c.sourceId}\u0000${c.block}`;

/** Each source's label on slides, by id. */
export type SourceLabels = ReadonlyMap<string, string>;

/** A title's first words, for telling apart two sources with one short label. */
function shortTitle(title: string): string {
  const words = title.replace(/\s+/gu, " ").trim().split(" ");
  const head = words
    .slice(0, 4)
    .join(" ")
    .replace(/[\s,;:.–—-]+$/u, "");
  return words.length > 4 ? `${head}…` : head;
}

/**
 * The label each source goes by on the slides: its short label ("Putz 2022"), and where two
 * sources share one (one publisher, no dates) the first words of the title as well
 * ("BBC News n.d., “Sony PSP sells out…”"), so a listener can tell them apart.
 */
export function sourceLabels(sources: Iterable<SourceProfile>): Map<string, string> {
  const all = [...sources];
  const count = new Map<string, number>();
  for (const s of all) count.set(s.shortLabel, (count.get(s.shortLabel) ?? 0) + 1);
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const s of all) {
    let label = s.shortLabel;
    if ((count.get(s.shortLabel) ?? 0) > 1) {
      const title = shortTitle(s.title || s.file);
      label = title ? `${s.shortLabel}, “${title}”` : s.shortLabel;
    }
    for (let n = 2; used.has(label); n++) label = `${s.shortLabel} (${n})`;
    used.add(label);
    out.set(s.id, label);
  }
  return out;
}

export function shortCitation(c: Citation, labels: SourceLabels): string {
  return `${labels.get(c.sourceId) ?? c.sourceId}, ¶${c.block}`;
}

/** Numbers the headline's citations first, then the body's, in order of first use. */
export function numberCitations(slide: Slide, labels: SourceLabels): SlideCitations {
  const numbers = new Map<string, number>();
  const entries: SlideCitation[] = [];
  const numbered = (citations: readonly Citation[]) => {
    const ns: number[] = [];
    for (const c of citations) {
      const k = key(c);
      let n = numbers.get(k);
      if (n === undefined) {
        n = entries.length + 1;
        numbers.set(k, n);
        entries.push({ n, label: shortCitation(c, labels) });
      }
      if (!ns.includes(n)) ns.push(n);
    }
    return ns;
  };
  const headline = slide.headline ? numbered(slide.headline.item.citations) : [];
  const marks = slide.groups.map((g) => g.items.map((item) => numbered(item.citations)));
  return { entries, marks, headline };
}
