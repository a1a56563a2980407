/**
 * Assertion headlines: every content slide is headed by a statement, one of its claims shortened
 * by marked deletion (shorten.ts), not by its section's name (that becomes the kicker above it).
 * The claim chosen leaves the bullets (its superscript goes on the headline, its sentence and
 * citation to the notes) unless the slide would be left without evidence under it.
 */
import { headlineOf } from "./shorten.js";
import type { DeckPlan, Slide, SlideItem } from "./slides.js";

/**
 * Longest headline in characters: two lines at the deck's title size (44 px bold over a 1136 px
 * measure holds about 48 characters a line). The browser measures the real lines; the build
 * fails on a third.
 */
export const HEADLINE_CHARS = 92;
/** An exhibit's takeaway: one line. */
export const TAKEAWAY_CHARS = 46;

/** Layouts that get an assertion headline (the others are looked up, not argued). */
const ARGUED = new Set(["list", "columns", "table"]);

const isClaim = (i: SlideItem) => (i.kind === "claim" || i.kind === "cited") && Boolean(i.full);

/** The headline text for `item` within `chars`, led by its date or value when the text lacks it. */
export function headlineFor(item: SlideItem, chars: number): string | undefined {
  const lead = item.lead?.replace(/^\d+\.\s*/u, "");
  const prefix = lead && !item.full!.includes(lead) ? `${lead}: ` : "";
  const text = headlineOf(item.full!, chars - prefix.length, item.clauses);
  return text ? `${prefix}${text}` : undefined;
}

function chooseHeadline(slide: Slide): void {
  if (!ARGUED.has(slide.layout) || slide.headline || slide.kind === "sources") return;
  const where = slide.groups.flatMap((g, gi) => g.items.map((item, ii) => ({ item, gi, ii })));
  for (const at of where) {
    if (!isClaim(at.item)) continue;
    // A matrix row keeps both cells side by side (so does a column that would be left empty);
    // elsewhere the claim leaves the bullets when one or more remain under the headline.
    const keep =
      slide.layout === "table" ||
      where.length < 2 ||
      (slide.layout === "columns" && slide.groups[at.gi]!.items.length < 2);
    // Shown twice, the headline is kept to one line.
    const text = keep
      ? (headlineFor(at.item, TAKEAWAY_CHARS) ?? headlineFor(at.item, HEADLINE_CHARS))
      : headlineFor(at.item, HEADLINE_CHARS);
    if (!text) continue;
    slide.headline = { text, item: at.item, inBody: keep };
    if (!keep) {
      const group = slide.groups[at.gi]!;
      group.items.splice(at.ii, 1);
      slide.groups = slide.groups.filter((g) => g.items.length > 0);
    }
    return;
  }
}

/** Gives every content slide without one its assertion headline. Mutates `plan`. */
export function assignHeadlines(plan: DeckPlan): DeckPlan {
  for (const slide of plan.columns.flat()) chooseHeadline(slide);
  return plan;
}
