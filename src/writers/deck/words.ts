/**
 * Words on a slide: what a viewer reads (headline, kicker, labels, leads, bullets, table heads),
 * not the citation footer nor a chart's drawing. The planner packs slides by these counts before
 * anything is measured (parts of even weight, none left with a single item); the browser counts
 * the same words on the rendered slide and the writer checks them (`slides-too-many-words`).
 */
import { groupLabel, headerText, shownLead } from "./labels.js";
import { bodyText } from "./repeat.js";
import { MAX_BULLET_WORDS, MAX_LEVEL, shortenSafe } from "./shorten.js";
import type { DeckPlan, Slide, SlideGroup, SlideItem } from "./slides.js";

/** A slide showing more words than this fails the build. */
export const MAX_SLIDE_WORDS = 60;
/**
 * The median goal: a slide the browser counts more words on has its claims (its headline
 * included) shortened harder by deletion, where a shorter form keeps their essentials (its
 * numbers, negations, listed names and main verb); the full sentences stay in the notes.
 */
export const SOFT_SLIDE_WORDS = 35;
/** What the packer aims at per slide (under the median goal, SOFT_SLIDE_WORDS). */
export const TARGET_SLIDE_WORDS = 28;
/** What the packer allows a part to reach to avoid a continuation with one item. */
export const PACK_LIMIT_WORDS = 38;
export { MAX_BULLET_WORDS };
/**
 * What a claim's bullet aims at: a claim longer than this is shortened one level (or more)
 * harder. A sentence of up to 20 words usually stays whole, with the fact it states.
 */
export const AIM_BULLET_WORDS = 14;

/** Words as a reader counts them: runs of characters holding a letter or a digit. */
export function countWords(text: string | undefined): number {
  if (!text) return 0;
  let n = 0;
  for (const token of text.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(token)) n++;
  return n;
}

export const itemWords = (item: SlideItem): number => countWords(item.lead) + countWords(item.text);

/**
 * Headline, kicker, part marker ("2/3") and table heads: what every part of a slide repeats (the
 * marker counted wherever it may show: `partMarkers` leaves it off parts headed by names of their
 * own, so this errs on the side of fewer words per part).
 */
function overhead(slide: Slide, parts: number): number {
  return (
    countWords(headerText(slide)) +
    countWords(slide.kicker) +
    (parts > 1 ? 1 : 0) +
    (slide.columns ?? []).reduce((n, c) => n + countWords(c), 0)
  );
}

/** Words a slide shows (the plan's estimate of what the browser counts). */
export function slideWords(slide: Slide): number {
  if (slide.layout === "title") return countWords(slide.title) + countWords(slide.lines?.join(" "));
  let n = overhead(slide, slide.part ? 2 : 1) + countWords(slide.headline?.text);
  for (const g of slide.groups)
    n +=
      countWords(groupLabel(slide, g)) +
      g.items.reduce((s, i) => {
        const text = bodyText(slide, i);
        return s + countWords(shownLead(i.lead, text)) + countWords(text);
      }, 0);
  if (slide.exhibit) n += countWords(slide.exhibit.source);
  return n;
}

/** Items a slide shows (a matrix row counts its cells). */
export const slideItems = (slide: Slide): number =>
  slide.groups.reduce((n, g) => n + g.items.length, 0);

/**
 * Cuts `costs` (in order) into `k` contiguous runs, minimising the heaviest run; each run holds
 * at least `least` units. Returns the run lengths, or null when impossible.
 */
export function partition(costs: readonly number[], k: number, least: number): number[] | null {
  const n = costs.length;
  if (k < 1 || n < k * least) return null;
  const prefix = [0];
  for (const c of costs) prefix.push(prefix[prefix.length - 1]! + c);
  const sum = (a: number, b: number) => prefix[b]! - prefix[a]!;
  // best[j][i]: the lightest heaviest run cutting the first i units into j runs.
  const best: number[][] = Array.from({ length: k + 1 }, () => Array(n + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: k + 1 }, () => Array(n + 1).fill(-1));
  best[0]![0] = 0;
  for (let j = 1; j <= k; j++) {
    for (let i = j * least; i <= n; i++) {
      for (let p = (j - 1) * least; p <= i - least; p++) {
        const cost = Math.max(best[j - 1]![p]!, sum(p, i));
        // Ties go to the later cut: earlier parts a little fuller, the last never the thinnest.
        if (cost <= best[j]![i]!) {
          best[j]![i] = cost;
          from[j]![i] = p;
        }
      }
    }
  }
  if (!Number.isFinite(best[k]![n]!)) return null;
  const sizes: number[] = [];
  for (let j = k, i = n; j > 0; j--) {
    const p = from[j]![i]!;
    sizes.unshift(i - p);
    i = p;
  }
  return sizes;
}

/** `list` cut into consecutive runs of the given sizes. */
function runsOf<T>(list: readonly T[], sizes: readonly number[]): T[][] {
  const out: T[][] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(list.slice(at, at + size));
    at += size;
  }
  return out;
}

/** A stacked slide's units: each item with its group, and what it costs where it opens a group. */
interface Unit {
  group: number;
  item: SlideItem;
  words: number;
}

function listUnits(slide: Slide): Unit[] {
  return slide.groups.flatMap((g, gi) =>
    g.items.map((item, ii) => ({
      group: gi,
      item,
      // A group's label is paid by its first item (a part starting mid-group repeats it: close enough).
      words: itemWords(item) + (ii === 0 ? countWords(g.label) : 0),
    })),
  );
}

function regroup(slide: Slide, units: readonly Unit[]): SlideGroup[] {
  const out: SlideGroup[] = [];
  let last = -1;
  for (const u of units) {
    if (u.group !== last) {
      out.push({ label: slide.groups[u.group]!.label, items: [] });
      last = u.group;
    }
    out[out.length - 1]!.items.push(u.item);
  }
  return out;
}

/**
 * How many parts, and their sizes: the fewest parts of at most TARGET words each (every part
 * holding two units or more); failing that the fewest of at most PACK_LIMIT words; failing that
 * (`byPairs`) a part per pair of units, under MAX_SLIDE_WORDS; failing that the fewest that keep
 * every part under MAX_SLIDE_WORDS, single units allowed.
 */
function chooseParts(
  costs: readonly number[],
  over: (k: number) => number,
  target = TARGET_SLIDE_WORDS,
  byPairs = true,
): number[] {
  const n = costs.length;
  const heaviest = (sizes: number[]) => {
    let at = 0;
    let max = 0;
    for (const size of sizes) {
      max = Math.max(
        max,
        costs.slice(at, at + size).reduce((a, b) => a + b, 0),
      );
      at += size;
    }
    return max;
  };
  // A unit too wordy for any slide (a sentence that cannot be shortened without losing a fact)
  // goes alone; the others are still packed together (its part pays a continuation's overhead).
  const widest = Math.max(0, ...costs) + over(Math.min(2, n));
  const attempts: [number, number][] = [
    [target, 2],
    [PACK_LIMIT_WORDS, 2],
    [Math.max(MAX_SLIDE_WORDS - 2, widest), 1],
  ];
  for (const [i, [limit, least]] of attempts.entries()) {
    // Before the last resort: as many parts as there are pairs of units, each under the limit.
    // One claim heads each, one or two bullets under it: shorter slides than three bullets on
    // fewer of them.
    const pairs = Math.floor(n / 2);
    if (i === attempts.length - 1 && byPairs && pairs >= 2) {
      const sizes = partition(costs, pairs, 2);
      if (sizes && heaviest(sizes) + over(pairs) <= MAX_SLIDE_WORDS - 2) return sizes;
    }
    for (let k = 1; k <= n; k++) {
      const sizes = partition(costs, k, k === 1 ? 1 : least);
      if (!sizes) break;
      if (heaviest(sizes) + over(k) <= limit) return sizes;
    }
  }
  return costs.map(() => 1);
}

/** The parts a slide is cut into by words (one part: it stays whole). */
export function packSlide(slide: Slide): SlideGroup[][] {
  if (slide.layout === "title" || slide.layout === "agenda" || slide.layout === "exhibit")
    return [slide.groups];
  const over = (k: number) => overhead(slide, k);
  // The evidence matrix: one row per slide, its subjects' cells side by side.
  if (slide.layout === "table" && slide.kind === "matrix") return slide.groups.map((g) => [g]);
  if (slide.layout === "table") {
    const costs = slide.groups.map(
      (g) => countWords(g.label) + g.items.reduce((s, i) => s + itemWords(i), 0),
    );
    return runsOf(slide.groups, chooseParts(costs, over));
  }
  // A disagreement's sides stay together (too wordy: shortened harder; lightenWordy's last resort
  // shows them on two slides).
  if (slide.pair) return [slide.groups];
  if (slide.layout === "columns") {
    // Part k shows every column's k-th run: cut each column into the same number of runs.
    const columns = slide.groups;
    const most = Math.max(...columns.map((g) => g.items.length));
    let fallback: SlideGroup[][] | undefined;
    for (let k = 1; k <= most; k++) {
      const runs = columns.map((g) => {
        const costs = g.items.map(itemWords);
        const k2 = Math.min(k, costs.length);
        return partition(costs, k2, k > 1 && costs.length >= 2 * k2 ? 2 : 1) ?? costs.map(() => 1);
      });
      const parts: SlideGroup[][] = Array.from({ length: k }, () => []);
      columns.forEach((g, c) => {
        runsOf(g.items, runs[c]!).forEach((items, j) => {
          parts[j]!.push({ label: g.label, items });
        });
      });
      const words = parts.map(
        (p) =>
          over(k) +
          p.reduce(
            (n, g) => n + countWords(g.label) + g.items.reduce((s, i) => s + itemWords(i), 0),
            0,
          ),
      );
      const shown = parts.filter((p) => p.length > 0);
      const full = shown.every((p) => p.reduce((n, g) => n + g.items.length, 0) >= 2);
      if (Math.max(...words) <= TARGET_SLIDE_WORDS + 6 && full) return shown;
      if (!fallback && Math.max(...words) <= MAX_SLIDE_WORDS - 2) fallback = shown;
    }
    if (fallback) return fallback;
    // Columns that cannot be cut evenly: the subjects one under the other, packed as a list.
    return packSlide({ ...slide, layout: "list" });
  }
  const units = listUnits(slide);
  if (units.length === 0) return [slide.groups];
  const blocks = blocksOf(slide, units);
  // A list of sources is looked up, not read: its parts may be fuller.
  const sizes = chooseParts(
    blocks.map((b) => b.reduce((n, u) => n + u.words, 0)),
    over,
    slide.layout === "sources" ? PACK_LIMIT_WORDS : TARGET_SLIDE_WORDS,
    slide.layout !== "sources",
  );
  return runsOf(blocks, sizes).map((run) => regroup(slide, run.flat()));
}

/**
 * What the packer keeps together: a disagreement's two sides (a labelled group of two) are one
 * block, so a slide shows both or, when both do not fit one slide, the two under its label on
 * consecutive slides (the measured split); never one side beside another topic. Every other
 * unit is a block of its own.
 */
function blocksOf(slide: Slide, units: readonly Unit[]): Unit[][] {
  const blocks: Unit[][] = [];
  for (const u of units) {
    const g = slide.groups[u.group]!;
    const sides = slide.kind === "disagreements" && g.label !== undefined && g.items.length === 2;
    const last = blocks[blocks.length - 1];
    if (sides && last && last[0]!.group === u.group) last.push(u);
    else blocks.push([u]);
  }
  return blocks;
}

/** Numbers each split slide's parts (`2/3`) and gives continuations their ids. */
export function renumber(plan: DeckPlan): void {
  const counts = new Map<string, number>();
  for (const column of plan.columns)
    for (const s of column) if (s.origin) counts.set(s.origin, (counts.get(s.origin) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const column of plan.columns) {
    for (const s of column) {
      if (!s.origin) continue;
      const totalParts = counts.get(s.origin)!;
      const index = (seen.get(s.origin) ?? 0) + 1;
      seen.set(s.origin, index);
      s.part = totalParts > 1 ? { index, total: totalParts } : undefined;
      s.id = index === 1 ? s.origin : `${s.origin}--${index}`;
    }
  }
}

const partWords = (slide: Slide, groups: SlideGroup[], parts: number) =>
  overhead(slide, parts) +
  groups.reduce(
    (n, g) => n + countWords(g.label) + g.items.reduce((s, i) => s + itemWords(i), 0),
    0,
  );

const thin = (groups: SlideGroup[]) => groups.reduce((n, g) => n + g.items.length, 0) < 2;

/** The slide with every claim shortened one level harder (null: none can be). */
function shortenHarder(slide: Slide): Slide | null {
  const next = structuredClone(slide);
  let changed = false;
  for (const item of next.groups.flatMap((g) => g.items)) {
    if (item.kind !== "claim" || !item.full || item.level >= MAX_LEVEL) continue;
    const text = shortenSafe(item.full, item.level + 1, item.clauses, item.lead, item.scoped);
    item.level += 1;
    if (text !== item.text) {
      item.text = text;
      changed = true;
    }
  }
  return changed ? next : null;
}

/**
 * Cuts every slide that shows too many words into parts of even weight, before measuring.
 * A slide alone in its column puts its parts in columns of their own; one in a vertical stack
 * keeps them in the stack. Pure.
 */
export function packByWords(plan: DeckPlan): DeckPlan {
  const next: DeckPlan = structuredClone(plan);
  const columns: Slide[][] = [];
  for (const column of next.columns) {
    const out: Slide[] = [];
    const extra: Slide[][] = [];
    for (const slide of column) {
      let parts = packSlide(slide);
      // A part left with one item, or one unit too wordy for any slide (a wide matrix row):
      // shorten the claims one level harder, while that helps.
      for (let tries = 0; tries < MAX_LEVEL; tries++) {
        const wordy = parts.some((p) => partWords(slide, p, parts.length) > MAX_SLIDE_WORDS - 2);
        const lonely = parts.length > 1 && parts.some(thin);
        if (!wordy && !lonely) break;
        const harder = shortenHarder(slide);
        if (!harder) break;
        const again = packSlide(harder);
        if (!wordy && again.some(thin) && again.length >= parts.length) break;
        slide.groups = harder.groups;
        parts = again;
      }
      if (parts.length <= 1) {
        out.push(slide);
        continue;
      }
      const origin = slide.origin ?? slide.id;
      const made = parts.map((groups, i) => ({
        ...structuredClone(slide),
        origin,
        groups,
        notes: i === 0 ? slide.notes : [],
      }));
      if (column.length > 1) out.push(...made);
      else {
        out.push(made[0]!);
        for (const s of made.slice(1)) extra.push([s]);
      }
    }
    columns.push(out, ...extra);
  }
  next.columns = columns.map((column) => column.map(matrixRow));
  renumber(next);
  // A table slide with nothing cited (the stance of each source) has no sentence for the notes:
  // its rows in full are what a speaker reads from.
  for (const slide of next.columns.flat()) {
    if (slide.layout !== "table" || slide.notes.length > 0) continue;
    if (slide.groups.some((g) => g.items.some((i) => i.full))) continue;
    const heads = (slide.columns ?? []).slice(1);
    slide.notes = slide.groups.map(
      (g) =>
        `${g.label ?? ""}: ${g.items.map((i, c) => (heads[c] ? `${heads[c]} ${i.text}` : i.text)).join("; ")}`,
    );
  }
  return next;
}

/**
 * A matrix slide of one row as that row's slide: the row's label joins the section's name above
 * the headline, each subject's cell is a column under its name.
 */
function matrixRow(slide: Slide): Slide {
  if (slide.kind !== "matrix" || slide.layout !== "table" || slide.groups.length !== 1)
    return slide;
  const row = slide.groups[0]!;
  const heads = (slide.columns ?? []).slice(1);
  return {
    ...slide,
    layout: "columns",
    // The row's name above its headline ("Price"; no part marker, the name tells the rows apart):
    // the matrix's own name is the agenda's, not repeated on each of its rows.
    title: row.label ?? slide.title,
    columns: undefined,
    part: undefined,
    groups: row.items.map((item, c) => ({ label: heads[c], items: [item] })),
  };
}

/** Origins (split slides) with a part showing fewer than two items. */
export function thinOrigins(plan: DeckPlan): string[] {
  const parts = new Map<string, Slide[]>();
  for (const s of plan.columns.flat()) {
    if (!s.origin) continue;
    parts.set(s.origin, [...(parts.get(s.origin) ?? []), s]);
  }
  return [...parts]
    .filter(
      ([, slides]) =>
        slides.length > 1 &&
        slides[0]!.layout !== "columns" &&
        slides.some((s) => slideItems(s) < 2),
    )
    .map(([origin]) => origin);
}

/**
 * The plan with `origin`'s parts evened out: the same number of parts of two items or more each
 * (5+1 → 3+3) when there are enough items, else one part fewer (the thin part joins the one
 * before). Whether it still fits is for the browser to say. Pure.
 */
export function rebalance(plan: DeckPlan, origin: string): DeckPlan {
  const next: DeckPlan = structuredClone(plan);
  const slides = next.columns.flat().filter((s) => s.origin === origin);
  const first = slides[0]!;
  // The units of all parts, in order (a group continued across parts is one group again).
  const groups: SlideGroup[] = [];
  for (const s of slides) {
    for (const g of s.groups) {
      const last = groups[groups.length - 1];
      if (first.layout !== "table" && last && last.label === g.label) last.items.push(...g.items);
      else groups.push({ label: g.label, items: [...g.items] });
    }
  }
  const whole: Slide = { ...first, groups };
  const units = first.layout === "table" ? [] : listUnits(whole);
  const costs =
    first.layout === "table"
      ? groups.map((g) => countWords(g.label) + g.items.reduce((s, i) => s + itemWords(i), 0))
      : units.map((u) => u.words);
  const k = slides.length;
  const sizes =
    (first.layout === "table" ? null : partition(costs, k, 2)) ??
    partition(costs, k - 1, 2) ??
    partition(costs, k - 1, 1);
  if (!sizes) return next;
  const newParts =
    first.layout === "table"
      ? runsOf(groups, sizes)
      : runsOf(units, sizes).map((run) => regroup(whole, run));
  const drop = new Set<Slide>();
  // A claim the browser set on three lines as a long headline stays ruled out on whichever part
  // it moves to.
  const tall = [...new Set(slides.flatMap((s) => s.tallClaims ?? []))];
  slides.forEach((s, i) => {
    if (i < newParts.length) s.groups = newParts[i]!;
    else drop.add(s);
    if (tall.length > 0) s.tallClaims = tall;
  });
  next.columns = next.columns
    .map((column) => column.filter((s) => !drop.has(s)))
    .filter((column) => column.length > 0);
  renumber(next);
  return next;
}
