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
}

const key = (c: Citation) => `${c.sourceId}\u0000${c.block}`;

export function shortCitation(c: Citation, sources: ReadonlyMap<string, SourceProfile>): string {
  const label = sources.get(c.sourceId)?.shortLabel ?? c.sourceId;
  return `${label}, ¶${c.block}`;
}

export function numberCitations(
  slide: Slide,
  sources: ReadonlyMap<string, SourceProfile>,
): SlideCitations {
  const numbers = new Map<string, number>();
  const entries: SlideCitation[] = [];
  const marks = slide.groups.map((g) =>
    g.items.map((item) => {
      const ns: number[] = [];
      for (const c of item.citations) {
        const k = key(c);
        let n = numbers.get(k);
        if (n === undefined) {
          n = entries.length + 1;
          numbers.set(k, n);
          entries.push({ n, label: shortCitation(c, sources) });
        }
        if (!ns.includes(n)) ns.push(n);
      }
      return ns;
    }),
  );
  return { entries, marks };
}
