/**
 * Citations on a slide: each distinct (source, ¶) gets a number in order of first use; bullets
 * carry the numbers, the footer lists "n Short label, ¶b". Speaker notes get the full form.
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

/** "Catherine Putz, “What Is the Value of the CSTO Now?”, The Diplomat, 2022-03, ¶8, sentence 2". */
export function fullCitation(c: Citation, sources: ReadonlyMap<string, SourceProfile>): string {
  const s = sources.get(c.sourceId);
  const where = `¶${c.block}${c.sentence ? `, sentence ${c.sentence}` : ""}`;
  if (!s) return `${c.sourceId}, ${where}`;
  const who = s.authors.length > 0 ? s.authors.join(", ") : undefined;
  return [who, `“${s.title}”`, s.publisher, s.date ?? "n.d.", where].filter(Boolean).join(", ");
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
