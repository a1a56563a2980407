/**
 * Assertion headlines: every content slide is headed by a statement, one of its claims shortened
 * by marked deletion (shorten.ts), not by its section's name (that becomes the kicker above it).
 * The claim chosen leaves the bullets (its superscript goes on the headline, its sentence and
 * citation to the notes) unless the slide would be left without evidence under it.
 */
import { sectionLabel, shownLead } from "./labels.js";
import { bodyText, SHOWN_ABOVE } from "./repeat.js";
import { headlineOf, leadPrefix } from "./shorten.js";
import type { DeckPlan, Headline, Slide, SlideGroup, SlideItem } from "./slides.js";
import { countWords, MAX_SLIDE_WORDS, slideWords } from "./words.js";

/**
 * Longest headline in characters: two lines at the deck's title size (44 px bold over a 1136 px
 * measure holds about 48 characters a line). The browser measures the real lines; the build
 * fails on a third.
 */
export const HEADLINE_CHARS = 92;
/**
 * A headline past that estimate, tried only on a slide where no claim fits it: two lines hold
 * more than 92 characters of most text (measured: 110 and more), so the browser decides, and a
 * headline it sets on a third line is taken back (`takeBackLongHeadlines`).
 */
export const LONG_HEADLINE_CHARS = 118;
/** An exhibit's takeaway: one line. */
export const TAKEAWAY_CHARS = 46;

/** Words kept free under the limit when a headline repeats a cell (the estimate is not the browser's count). */
const SPARE_WORDS = 6;

/** Layouts that get an assertion headline (the others are looked up, not argued). */
const ARGUED = new Set(["list", "columns", "table"]);

const isClaim = (i: SlideItem) => (i.kind === "claim" || i.kind === "cited") && Boolean(i.full);

/**
 * The headline text for `item` within `chars`, led by its date or value when the text lacks it;
 * `soft`: with side matter deleted from inside its sentence only (`softForms`).
 */
export function headlineFor(item: SlideItem, chars: number, soft = false): string | undefined {
  const lead = item.lead?.replace(/^\d+\.\s*/u, "");
  // (A date the sentence states in its own words, "October 7th, 2005", is not said twice.)
  const stated =
    /^\d+\.\s/u.test(item.lead ?? "") && shownLead(item.lead, item.full!) !== item.lead;
  const shown = lead && !item.full!.includes(lead) && !stated ? lead : undefined;
  const prefix = shown ? leadPrefix(shown) : "";
  const text = headlineOf(
    item.full!,
    chars - prefix.length,
    item.clauses,
    shown,
    item.scoped,
    0,
    soft,
  );
  return text ? `${prefix}${text}` : undefined;
}

/**
 * The headline with side matter deleted from inside its sentence (the median goal, an aim:
 * `softForms`), where that shows fewer words (mutated). False when no such form does.
 */
export function softenHeadline(h: Headline): boolean {
  if (!h.item.full) return false;
  const text = headlineFor(h.item, HEADLINE_CHARS, true);
  if (!text || countWords(text) >= countWords(h.text)) return false;
  h.text = text;
  return true;
}

/** What tells two claims apart across the deck (a claim heads one slide at most). */
const claimKey = (item: SlideItem) => item.claimId ?? item.full ?? item.text;

function chooseHeadline(slide: Slide, used: Set<string>): void {
  if (!ARGUED.has(slide.layout) || slide.headline || slide.noHeadline || slide.kind === "sources")
    return;
  if (chooseWithin(slide, used, HEADLINE_CHARS)) return;
  // No claim fits two lines' estimate: a longer one, which the browser then measures (not one
  // it has set on a third line already).
  const before = { title: slide.title, groups: structuredClone(slide.groups) };
  const long = chooseWithin(slide, used, LONG_HEADLINE_CHARS, new Set(slide.tallClaims));
  if (long) Object.assign(long, { long: true, before });
}

/**
 * `chooseHeadline` with headlines of at most `chars` characters, claims in `skip` left out: the
 * headline set, if any.
 */
function chooseWithin(
  slide: Slide,
  used: Set<string>,
  chars: number,
  skip: ReadonlySet<string> = new Set(),
): Headline | undefined {
  const where = slide.groups.flatMap((g, gi) => g.items.map((item, ii) => ({ item, gi, ii })));
  // A claim already heading another slide comes last: another section may state it again (the
  // figures repeat a fact of the matrix) where none of its own claims makes a headline.
  const fresh = (at: (typeof where)[number]) => (used.has(claimKey(at.item)) ? 1 : 0);
  const claims = where
    .filter((at) => isClaim(at.item) && !skip.has(claimKey(at.item)))
    .sort((a, b) => fresh(a) - fresh(b));
  // First choice: a claim that can leave the body, leaving evidence under the headline (and,
  // in columns, its own column not empty).
  // A numbered list (the timeline's, keyed to its chart) keeps its order: only its first item
  // may move up into the headline.
  const first = where.find((at) => isClaim(at.item));
  const numbered = /^\d+\./u.test(first?.item.lead ?? "");
  const leaves = (at: (typeof where)[number]) =>
    (!numbered || at === first) &&
    slide.layout !== "table" &&
    where.length >= 2 &&
    (slide.layout !== "columns" || slide.groups[at.gi]!.items.length >= 2);
  for (const at of claims.filter(leaves)) {
    const text = headlineFor(at.item, chars);
    if (!text) continue;
    const group = slide.groups[at.gi]!;
    slide.headline = { text, item: at.item, inBody: false, group: group.label };
    group.items.splice(at.ii, 1);
    // A group left empty still says what the headline is about, above it (on a slide of joined
    // sections its label is the kicker already: labels.ts).
    const joined = slide.groups.every((g) => sectionLabel(slide, g.label));
    if (group.items.length === 0 && group.label && !joined)
      slide.title = `${slide.title} · ${group.label}`;
    slide.groups = slide.groups.filter((g) => g.items.length > 0);
    return slide.headline;
  }
  // Else a claim that stays in the body too (a matrix row's cell): one line, and only where the
  // slide has the words to spare.
  for (const at of claims) {
    const text = headlineFor(at.item, TAKEAWAY_CHARS) ?? headlineFor(at.item, chars);
    if (!text) continue;
    const candidate: Slide = { ...slide, headline: { text, item: at.item, inBody: true } };
    // A bullet staying under its own headline must say more than it (a matrix cell that would
    // repeat it points up to it instead, repeat.ts; a list has no such pointer).
    if (slide.layout === "list" && bodyText(candidate, at.item) === SHOWN_ABOVE) continue;
    if (slideWords(candidate) > MAX_SLIDE_WORDS - SPARE_WORDS) return undefined;
    slide.headline = candidate.headline;
    return slide.headline;
  }
  return undefined;
}

/**
 * Puts the claims that `origin`'s parts state in their headlines back at the head of their
 * bodies (before the parts are evened out, so no claim is lost with a dropped part). Mutates.
 */
export function clearHeadlines(plan: DeckPlan, origin: string): DeckPlan {
  for (const slide of plan.columns.flat()) if (slide.origin === origin) takeBack(slide);
  return plan;
}

/** Puts the claim `slide`'s headline states back at the head of its body. Mutates. */
function takeBack(slide: Slide): void {
  const h = slide.headline;
  if (!h) return;
  slide.headline = undefined;
  if (h.inBody) return;
  const first = slide.groups[0];
  if (first && first.label === h.group) first.items.unshift(h.item);
  else slide.groups.unshift({ label: h.group, items: [h.item] });
  if (h.group && slide.title.endsWith(` · ${h.group}`))
    slide.title = slide.title.slice(0, -` · ${h.group}`.length);
}

/**
 * The plan with each slide in `ids` whose long headline the browser set on more than two lines
 * headed again as before (its claim back in the body), and headed by another claim where one fits;
 * that claim (with `everyClaim`, every claim on it) is never tried as a long headline on it
 * again. Null when no such slide has a long headline. Pure.
 */
export function takeBackLongHeadlines(
  plan: DeckPlan,
  ids: ReadonlySet<string>,
  everyClaim = false,
): DeckPlan | null {
  const next: DeckPlan = structuredClone(plan);
  let changed = false;
  for (const slide of next.columns.flat()) {
    const h = slide.headline;
    if (!ids.has(slide.id) || !h?.long) continue;
    // The slide as it was, where it still holds the same claims (else, split since, the claim
    // goes back at the head of its body).
    if (
      h.before &&
      sameClaims(h.before.groups, [...bodyClaims(slide), ...(h.inBody ? [] : [h.item])])
    ) {
      slide.headline = undefined;
      slide.title = h.before.title;
      slide.groups = h.before.groups;
    } else takeBack(slide);
    // (`everyClaim`: the last take-back the build allows rules out every long headline on it.)
    slide.tallClaims = everyClaim
      ? bodyClaims(slide).map(claimKey)
      : [...(slide.tallClaims ?? []), claimKey(h.item)];
    changed = true;
  }
  return changed ? assignHeadlines(next) : null;
}

const bodyClaims = (slide: Slide): SlideItem[] => slide.groups.flatMap((g) => g.items);

/** True when `groups` hold the same claims as `items`, in any order. */
function sameClaims(groups: readonly SlideGroup[], items: readonly SlideItem[]): boolean {
  const keys = (xs: readonly SlideItem[]) => xs.map(claimKey).sort();
  return keys(groups.flatMap((g) => g.items)).join("\u0000") === keys(items).join("\u0000");
}

/**
 * An exhibit's takeaway: the first of its marks' claims whose short form fits one line at the
 * title size (failing that, two) and keeps the claim's essentials; a claim in `used` (heading
 * another slide) only when no other will do.
 */
export function takeaway(
  items: readonly SlideItem[],
  used: ReadonlySet<string> = new Set(),
): Headline | undefined {
  const fresh = items.filter((i) => !used.has(claimKey(i)));
  for (const pool of [fresh, items]) {
    for (const chars of [TAKEAWAY_CHARS, HEADLINE_CHARS]) {
      for (const item of pool) {
        const text = headlineOf(item.full!, chars, item.clauses, undefined, item.scoped);
        if (text) return { text, item, inBody: true };
      }
    }
  }
  return undefined;
}

/**
 * Gives every content slide without one its assertion headline, and each exhibit a takeaway that
 * no other slide states (where its marks allow). Mutates `plan`.
 */
export function assignHeadlines(plan: DeckPlan): DeckPlan {
  const slides = plan.columns.flat();
  const charts = slides.filter((s) => s.layout === "exhibit");
  const others = slides.filter((s) => s.layout !== "exhibit");
  const used = new Set(others.flatMap((s) => (s.headline ? [claimKey(s.headline.item)] : [])));
  for (const slide of others) {
    chooseHeadline(slide, used);
    if (slide.headline) used.add(claimKey(slide.headline.item));
  }
  for (const chart of charts) {
    const h = chart.headline;
    if (!chart.takeaways || (h && !used.has(claimKey(h.item)))) continue;
    chart.headline = takeaway(chart.takeaways, used) ?? h;
    if (chart.headline) used.add(claimKey(chart.headline.item));
  }
  return plan;
}
