/**
 * What a slide's header and its group labels show. Thin sections joined on one slide (merge.ts)
 * label their groups "Price · Nintendo DS", "Price · Sony PSP": the section is said once, above
 * the headline, and each group under it is labelled by what tells it apart (its subject); a
 * group from another section keeps its section's name. The slide's data keeps the full labels
 * (they tell its groups apart when it is split and evened out); only what is shown is shorter.
 */
import type { Slide, SlideGroup } from "./slides.js";

const SEP = " · ";

/** A label of a joined slide: its section's name and its own label (if any). */
export interface SectionLabel {
  section: string;
  own?: string;
}

/** `label` as one of `slide.merged`'s sections and its own part, the longest section name first. */
export function sectionLabel(slide: Slide, label: string | undefined): SectionLabel | undefined {
  if (!label || !slide.merged) return undefined;
  let best: SectionLabel | undefined;
  for (const section of slide.merged) {
    if (best && best.section.length >= section.length) continue;
    if (label === section) best = { section };
    else if (label.startsWith(`${section}${SEP}`))
      best = { section, own: label.slice(section.length + SEP.length) };
  }
  return best;
}

/**
 * The section every group of a joined slide (and its headline's group) comes from: said once in
 * its header. Undefined when the slide is not a join of thin sections alone, or its groups come
 * from more than one of them and its headline from none.
 */
function headerSection(slide: Slide): SectionLabel | undefined {
  if (!slide.merged) return undefined;
  const labels = slide.groups.map((g) => sectionLabel(slide, g.label));
  // A host section's own groups (unlabelled by a merged section) keep the host's header.
  if (labels.some((l) => l === undefined)) return undefined;
  const h = slide.headline;
  if (h && !h.inBody) return sectionLabel(slide, h.group);
  const sections = new Set(labels.map((l) => l!.section));
  return sections.size === 1 ? { section: labels[0]!.section } : undefined;
}

/**
 * The header's text: the kicker above an assertion headline, or the heading of a slide without
 * one. On a joined slide, the section (and the headline group's own label) its groups share,
 * instead of the joined sections' common parent; elsewhere the slide's title.
 */
export function headerText(slide: Slide): string {
  const shared = headerSection(slide);
  if (!shared) return slide.title;
  return shared.own && slide.headline ? `${shared.section}${SEP}${shared.own}` : shared.section;
}

/**
 * True when the header names one of the joined sections: its part marker ("2/3", counting the
 * parts of the joined slide) would read as that section's, so it is not shown.
 */
export function namesJoinedSection(slide: Slide): boolean {
  return headerSection(slide) !== undefined;
}

/** A part marker as shown: "2/3". */
export interface PartMarker {
  index: number;
  total: number;
}

/**
 * The part marker ("2/3") each slide shows: the parts of a split slide are numbered where two of
 * them would read alike ("Key findings 1/4", "Key findings 2/4"), all of them in their order, so
 * the parts of a slide each headed by a name of its own (a matrix row's slide: "Price",
 * "Cohesion") show none. A joined slide whose header names one of its sections shows none
 * either, and is not counted (`namesJoinedSection`).
 */
export function partMarkers(slides: readonly Slide[]): Map<Slide, PartMarker> {
  const parts = new Map<string, Slide[]>();
  for (const s of slides) {
    if (!s.part || !s.origin || namesJoinedSection(s)) continue;
    parts.set(s.origin, [...(parts.get(s.origin) ?? []), s]);
  }
  const out = new Map<Slide, PartMarker>();
  for (const group of parts.values()) {
    const headers = group.map(headerText);
    if (new Set(headers).size === headers.length) continue;
    for (const [i, s] of group.entries()) out.set(s, { index: i + 1, total: group.length });
  }
  return out;
}

/** What a group's label shows: without the section its header names already. */
export function groupLabel(slide: Slide, group: SlideGroup): string | undefined {
  const shared = headerSection(slide);
  if (!shared) return group.label;
  const own = sectionLabel(slide, group.label);
  if (!own || own.section !== shared.section) return group.label;
  // The headline's own group, first under it: the kicker names it already.
  if (slide.headline && group === slide.groups[0] && group.label === slide.headline.group)
    return undefined;
  return own.own;
}

/** Tokens a date is compared by: letters and digits, an ordinal's ending dropped ("7th", "2."). */
const dateTokens = (text: string): string[] =>
  (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((t) =>
    t.replace(/^(\d+)(?:st|nd|rd|th)$/u, "$1"),
  );

/** Month names (English, German; lower-case tokens): a token naming a date. */
const MONTHS = new Set(
  (
    "january february march april may june july august september october november december " +
    "januar jänner februar märz mai juni juli oktober dezember"
  ).split(" "),
);
/** A year ("2004") or a month's name, capitalised (not the verb "may"): a token stating a date. */
const isDateToken = (t: string) =>
  /^(?:1[5-9]|20)\d{2}$/u.test(t) || (/^\p{Lu}/u.test(t) && MONTHS.has(t.toLowerCase()));

/** `date`'s tokens, and the same with day and month swapped ("7 October" for "October 7"). */
function dateOrders(date: string[]): string[][] {
  const orders = [date];
  const [a, b] = date;
  if (a !== undefined && b !== undefined) {
    const dayMonth = /^\d{1,2}$/u.test(a) && MONTHS.has(b);
    const monthDay = MONTHS.has(a) && /^\d{1,2}$/u.test(b);
    if (dayMonth || monthDay) orders.push([b, a, ...date.slice(2)]);
  }
  return orders;
}

/**
 * A numbered item's lead as shown before `text`: "3. target: March 2005" keys the item to its
 * chart and says its date; where the text itself states that date as one phrase ("… by March
 * 2005"; day and month in either order, "7th" as "7", commas aside) and no other date, the
 * number alone leads it ("3."), so the date is read once. Where the sentence states only part of
 * it ("December 2004" for "2 December 2004"), states it in pieces, or names another date or year
 * (the item would be dated ambiguously), the lead is kept. Other leads show as they are.
 */
export function shownLead(lead: string | undefined, text: string): string | undefined {
  const m = lead ? /^(\d+\.)\s+(.+)$/u.exec(lead) : null;
  if (!m) return lead;
  // The date after its kind ("target: ", "geplant: "), which the sentence says in its own words.
  const date = m[2]!.replace(/^[^:]*:\s*/u, "");
  const wanted = dateTokens(date);
  if (wanted.length === 0 || !wanted.some((t) => /\d/u.test(t))) return lead;
  const have = dateTokens(text);
  const raw = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const order of dateOrders(wanted)) {
    for (let i = 0; i + order.length <= have.length; i++) {
      if (!order.every((t, k) => have[i + k] === t)) continue;
      const rest = [...raw.slice(0, i), ...raw.slice(i + order.length)];
      // "… in 2004 and plans its successor for 2006": two dates, the lead says which is the item's.
      if (rest.some(isDateToken)) return lead;
      return m[1];
    }
  }
  return lead;
}
