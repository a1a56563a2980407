/**
 * A headline that states a claim the body shows as well (a matrix row's cell): the body must add
 * something to it. A cell whose short form says little more than the headline points up to it
 * ("↑"; the headline carries its citation mark); its full sentence is in the speaker notes.
 */
import type { Slide, SlideItem } from "./slides.js";

/** Shown in a cell whose claim is the slide's headline, word for word. */
export const SHOWN_ABOVE = "↑";

/** Words a body text must add to a headline to be worth showing under it. */
export const ADDS_WORDS = 3;
/** …and at least this share of the cell's words ("… resolution condemning Russian actions" repeats it). */
export const ADDS_SHARE = 0.25;

const words = (text: string | undefined): number =>
  (text ?? "").split(/\s+/u).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;

/** True when `item` is the claim the slide's headline states, shown in the body too. */
export function isHeadlineClaim(slide: Slide, item: SlideItem): boolean {
  const h = slide.headline;
  if (!h?.inBody || !item.full) return false;
  return item.claimId ? item.claimId === h.item.claimId : item.full === h.item.full;
}

/** What a body item shows on `slide`: its text, or the pointer to the headline it repeats. */
export function bodyText(slide: Slide, item: SlideItem): string {
  if (slide.layout === "exhibit" || !isHeadlineClaim(slide, item)) return item.text;
  const own = words(item.text);
  const extra = own - words(slide.headline!.text);
  return extra >= ADDS_WORDS && extra >= ADDS_SHARE * own ? item.text : SHOWN_ABOVE;
}
