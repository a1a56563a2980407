/**
 * Splits slides that overflow into continuation slides, from what the browser measured: how
 * many leading units (bullets, matrix rows) of each group fit above the footer. A slide whose
 * first unit alone does not fit gets that unit shortened further (deletion only), then denser
 * type (still ≥ 24 px); if even that fails the slide is reported as stuck.
 */

import { softenHeadline } from "./headline.js";
import { MAX_LEVEL, shortenSafe, softForms } from "./shorten.js";
import type { DeckPlan, Slide, SlideGroup, SlideItem } from "./slides.js";
import { countWords, partition, renumber } from "./words.js";

/** Where a slide's units sit, so the rest can be packed into continuation slides in one go. */
export interface UnitGeometry {
  /** Per group (matrix: one group of rows): the height each unit takes in the flow, CSS px. */
  heights: number[][];
  /** Per group: the height of its label above the first unit. */
  labels: number[];
  /** Space between stacked groups. */
  gap: number;
  /** Height available to units on a slide of this layout (body top to footer). */
  capacity: number;
}

export interface SlideMeasure {
  id: string;
  /** Content taller (or wider) than the slide. */
  overflow: boolean;
  /** Height of the slide's content in CSS px. */
  height: number;
  /** Per group (per row for the matrix: one entry): how many leading units fit. */
  fits: number[];
  units?: UnitGeometry;
  /** Words a viewer reads on the slide: headline and body, not the citation footer nor the notes. */
  words?: number;
  /** Lines the headline (`h2`) takes at the deck's title size (0: none). */
  headlineLines?: number;
}

export interface SplitResult {
  plan: DeckPlan;
  /** Slides nothing more can be done for. */
  stuck: string[];
}

function reshorten(item: SlideItem): boolean {
  if (item.kind !== "claim" || !item.full) return false;
  // Go up the levels until the text actually gets shorter.
  while (item.level < MAX_LEVEL) {
    item.level += 1;
    const text = shortenSafe(item.full, item.level, item.clauses, item.lead, item.scoped);
    if (text !== item.text) {
      item.text = text;
      return true;
    }
  }
  return false;
}

/** Makes the first unit smaller; false when nothing is left to try. */
function shrinkFirst(slide: Slide): boolean {
  const items =
    slide.layout === "table"
      ? (slide.groups[0]?.items ?? [])
      : slide.layout === "columns"
        ? slide.groups.map((g) => g.items[0]).filter((i): i is SlideItem => i !== undefined)
        : [slide.groups.find((g) => g.items.length > 0)?.items[0]].filter(
            (i): i is SlideItem => i !== undefined,
          );
  let changed = false;
  for (const item of items) changed = reshorten(item) || changed;
  if (changed) return true;
  if (!slide.dense) {
    slide.dense = true;
    return true;
  }
  return false;
}

const total = (groups: SlideGroup[]) => groups.reduce((n, g) => n + g.items.length, 0);

/** [fitting part, rest] or null when not even one unit fits. */
function cut(slide: Slide, fits: number[]): [SlideGroup[], SlideGroup[]] | null {
  const groups = slide.groups;
  if (slide.layout === "table") {
    let rows = Math.min(fits[0] ?? 0, groups.length);
    if (rows >= groups.length) rows = groups.length - 1;
    if (rows <= 0) return null;
    return [groups.slice(0, rows), groups.slice(rows)];
  }
  if (slide.layout === "columns") {
    const head: SlideGroup[] = [];
    const rest: SlideGroup[] = [];
    groups.forEach((g, i) => {
      const n = Math.min(fits[i] ?? 0, g.items.length);
      head.push({ label: g.label, items: g.items.slice(0, n) });
      if (n < g.items.length) rest.push({ label: g.label, items: g.items.slice(n) });
    });
    if (total(head) === 0) return null;
    if (rest.length === 0) {
      // Measured as overflowing although every unit fits (margins): move the longest column's last unit.
      const longest = head.reduce((a, b) => (b.items.length > a.items.length ? b : a));
      if (longest.items.length <= 1) return null;
      rest.push({ label: longest.label, items: [longest.items.pop()!] });
    }
    return [head.filter((g) => g.items.length > 0), rest];
  }
  // Stacked groups: take whole groups, then the fitting prefix of the first one that does not fit.
  const head: SlideGroup[] = [];
  const rest: SlideGroup[] = [];
  let full = false;
  groups.forEach((g, i) => {
    if (full) {
      rest.push(g);
      return;
    }
    const n = Math.min(fits[i] ?? 0, g.items.length);
    if (n === g.items.length) {
      head.push(g);
      return;
    }
    full = true;
    if (n > 0) head.push({ label: g.label, items: g.items.slice(0, n) });
    rest.push({ label: g.label, items: g.items.slice(n) });
  });
  if (rest.length === 0) {
    const last = head[head.length - 1];
    if (!last || total(head) <= 1) return null;
    const moved = last.items.pop()!;
    if (last.items.length === 0) head.pop();
    rest.push({ label: last.label, items: [moved] });
  }
  if (total(head) === 0) return null;
  return [head, rest];
}

/** Fills continuation slides greedily with measured unit heights (a little slack for rounding). */
function pack(rest: SlideGroup[], slide: Slide, geo: UnitGeometry | undefined): SlideGroup[][] {
  if (!geo || geo.capacity <= 0) return [rest];
  const capacity = geo.capacity * 0.98;
  if (slide.layout === "table") {
    const rowIndex = new Map(slide.groups.map((g, i) => [g, i]));
    const parts: SlideGroup[][] = [];
    let current: SlideGroup[] = [];
    let used = 0;
    for (const row of rest) {
      const h = geo.heights[0]?.[rowIndex.get(row) ?? -1];
      if (h === undefined) return [rest];
      if (current.length > 0 && used + h > capacity) {
        parts.push(current);
        current = [];
        used = 0;
      }
      current.push(row);
      used += h;
    }
    if (current.length > 0) parts.push(current);
    return parts;
  }
  const where = new Map<SlideItem, [number, number]>();
  slide.groups.forEach((g, gi) => {
    g.items.forEach((item, ii) => {
      where.set(item, [gi, ii]);
    });
  });
  const height = (item: SlideItem) => {
    const w = where.get(item);
    return w ? geo.heights[w[0]]?.[w[1]] : undefined;
  };
  const label = (group: SlideGroup) => {
    const w = group.items[0] ? where.get(group.items[0]) : undefined;
    return group.label && w ? (geo.labels[w[0]] ?? 0) : 0;
  };
  if (rest.some((g) => g.items.some((i) => height(i) === undefined))) return [rest];

  if (slide.layout === "columns") {
    // Each column packs on its own; part k shows every column's k-th chunk.
    const chunks = rest.map((g) => {
      const out: SlideItem[][] = [];
      let current: SlideItem[] = [];
      let used = label(g);
      for (const item of g.items) {
        const h = height(item)!;
        if (current.length > 0 && used + h > capacity) {
          out.push(current);
          current = [];
          used = label(g);
        }
        current.push(item);
        used += h;
      }
      if (current.length > 0) out.push(current);
      return out;
    });
    const count = Math.max(...chunks.map((c) => c.length));
    return Array.from({ length: count }, (_, k) =>
      rest
        .map((g, c) => ({ label: g.label, items: chunks[c]![k] ?? [] }))
        .filter((g) => g.items.length > 0),
    );
  }

  const parts: SlideGroup[][] = [];
  let current: SlideGroup[] = [];
  let used = 0;
  for (const group of rest) {
    let open: SlideGroup | undefined;
    for (const item of group.items) {
      const h = height(item)!;
      const opening = open ? 0 : (current.length > 0 ? geo.gap : 0) + label(group);
      if (current.length > 0 && used + opening + h > capacity) {
        parts.push(current);
        current = [];
        used = 0;
        open = undefined;
      }
      if (!open) {
        open = { label: group.label, items: [] };
        used += (current.length > 0 ? geo.gap : 0) + label(group);
        current.push(open);
      }
      open.items.push(item);
      used += h;
    }
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** Applies one round of splitting to every overflowing slide. Mutates nothing it was given. */
export function splitOverflowing(plan: DeckPlan, measures: readonly SlideMeasure[]): SplitResult {
  const byId = new Map(measures.map((m) => [m.id, m]));
  const next: DeckPlan = structuredClone(plan);
  const stuck: string[] = [];
  const columns: Slide[][] = [];
  for (const column of next.columns) {
    const out: Slide[] = [];
    const extraColumns: Slide[][] = [];
    for (const slide of column) {
      const m = byId.get(slide.id);
      if (!m?.overflow || slide.layout === "title") {
        if (m?.overflow) stuck.push(slide.id);
        out.push(slide);
        continue;
      }
      // Geometry is looked up by item (rows: by group) identity, before `cut` moves anything.
      const measured: Slide = {
        ...slide,
        groups:
          slide.layout === "table"
            ? [...slide.groups]
            : slide.groups.map((g) => ({ ...g, items: [...g.items] })),
      };
      const parts = cut(slide, m.fits);
      if (!parts) {
        if (!shrinkFirst(slide)) stuck.push(slide.id);
        out.push(slide);
        continue;
      }
      const origin = slide.origin ?? slide.id;
      const first: Slide = { ...slide, origin, groups: parts[0] };
      const rest: Slide[] = pack(parts[1], measured, m.units).map((groups) => ({
        ...structuredClone(slide),
        origin,
        id: `${origin}--next`,
        groups: structuredClone(groups),
        notes: [],
        // A continuation states its own claim (assignHeadlines gives it one).
        headline: undefined,
      }));
      if (column.length > 1) out.push(first, ...rest);
      else {
        out.push(first);
        for (const s of rest) extraColumns.push([s]);
      }
    }
    columns.push(out, ...extraColumns);
  }
  next.columns = columns;
  renumber(next);
  return { plan: next, stuck };
}

/** The slide's claims one level harder where that makes a text shorter (deletion only); false: none can be. */
function shortenAll(slide: Slide): boolean {
  let changed = false;
  for (const item of slide.groups.flatMap((g) => g.items)) changed = reshorten(item) || changed;
  return changed;
}

/** A stack's units (every item with its group's label) cut into two runs of even weight. */
function halves(slide: Slide): [SlideGroup[], SlideGroup[]] | null {
  const units = slide.groups.flatMap((g) => g.items.map((item) => ({ label: g.label, item })));
  if (units.length < 2) return null;
  const weight = (u: (typeof units)[number]) => countWords(u.item.lead) + countWords(u.item.text);
  const costs = units.map(weight);
  const sizes = partition(costs, 2, 1);
  if (!sizes) return null;
  const group = (run: typeof units): SlideGroup[] => {
    const out: SlideGroup[] = [];
    for (const u of run) {
      const last = out[out.length - 1];
      if (last && last.label === u.label) last.items.push(u.item);
      else out.push({ label: u.label, items: [u.item] });
    }
    return out;
  };
  return [group(units.slice(0, sizes[0])), group(units.slice(sizes[0]))];
}

/**
 * Slides the browser counted more than `limit` words on, made lighter, so that the deck never
 * shows a slide its own check rejects: a headline that repeats a cell goes (the slide is headed by
 * its section's name); a row of columns too wordy for one slide is shown in two (its subjects
 * split in order); a disagreement's sides (`pair`) are shortened harder, and only when no
 * deletion helps shown on two slides under its topic; a stack of bullets in two parts of even
 * weight, the second under a headline of its own; a slide of one bullet has it shortened harder (deletion only), and failing that its headline's
 * claim moves to a slide of its own. Returns null when nothing could be done. Mutates nothing it
 * was given.
 */
export function lightenWordy(
  plan: DeckPlan,
  measures: readonly SlideMeasure[],
  limit: number,
): DeckPlan | null {
  const wordy = new Set(measures.filter((m) => (m.words ?? 0) > limit).map((m) => m.id));
  if (wordy.size === 0) return null;
  const next: DeckPlan = structuredClone(plan);
  let changed = false;
  const columns: Slide[][] = [];
  for (const column of next.columns) {
    const out: Slide[] = [];
    const extra: Slide[][] = [];
    const place = (first: Slide, second: Slide) => {
      changed = true;
      if (column.length > 1) out.push(first, second);
      else {
        out.push(first);
        extra.push([second]);
      }
    };
    for (const slide of column) {
      if (!wordy.has(slide.id) || slide.layout === "exhibit" || slide.layout === "title") {
        out.push(slide);
        continue;
      }
      if (slide.headline?.inBody) {
        slide.headline = undefined;
        slide.noHeadline = true;
        changed = true;
        out.push(slide);
        continue;
      }
      const origin = slide.origin ?? slide.id;
      const continuation = (groups: SlideGroup[]): Slide => ({
        ...structuredClone(slide),
        origin,
        id: `${origin}--next`,
        groups: structuredClone(groups),
        notes: [],
        headline: undefined,
        // (A disagreement's side stays under its topic.)
        noHeadline: slide.pair || undefined,
      });
      const groups = slide.groups;
      // A disagreement's sides stay on one slide, shorter by deletion, while they can be
      // (failing that they go on two slides under the topic: never a slide the check rejects).
      if (slide.pair && shortenAll(slide)) {
        changed = true;
        out.push(slide);
        continue;
      }
      if (slide.layout === "columns" || slide.layout === "table") {
        if (groups.length < 2) {
          if (shortenAll(slide)) changed = true;
          out.push(slide);
          continue;
        }
        const half = Math.ceil(groups.length / 2);
        place(
          { ...slide, origin, groups: groups.slice(0, half) },
          continuation(groups.slice(half)),
        );
        continue;
      }
      const cut = halves(slide);
      if (cut) {
        place({ ...slide, origin, groups: cut[0] }, continuation(cut[1]));
        continue;
      }
      // One bullet: shorter by deletion, else the headline's claim on a slide of its own.
      if (shortenAll(slide)) {
        changed = true;
        out.push(slide);
        continue;
      }
      const h = slide.headline;
      if (h && groups.length > 0) {
        const alone: Slide = { ...continuation([{ label: h.group, items: [h.item] }]) };
        place({ ...slide, origin, headline: undefined, noHeadline: true }, alone);
        alone.noHeadline = true;
        continue;
      }
      out.push(slide);
    }
    columns.push(out, ...extra);
  }
  if (!changed) return null;
  next.columns = columns;
  renumber(next);
  return next;
}

/** Layouts whose claims a soft budget shortens (a chart, the sources and the title are not argued). */
const SHORTENED = new Set(["list", "columns", "table"]);

/**
 * Slides the browser counted more than `budget` words on (the median goal, an aim and not a
 * limit), each made lighter by deleting side matter inside its sentences: asides in brackets or
 * dashes, fillers, side clauses set off by punctuation (`softForms`), each deletion marked. A
 * sentence's tail is never cut, nor a name, a number, what scopes it or a negation dropped, for
 * the headline as for its bullets and cells. Nothing is split, moved or reworded; a claim with no
 * side matter stays as it is. Returns null when no slide changed. Mutates nothing it was given.
 */
export function shortenOverBudget(
  plan: DeckPlan,
  measures: readonly SlideMeasure[],
  budget: number,
): DeckPlan | null {
  const over = new Set(measures.filter((m) => (m.words ?? 0) > budget).map((m) => m.id));
  if (over.size === 0) return null;
  const next: DeckPlan = structuredClone(plan);
  let changed = false;
  for (const slide of next.columns.flat()) {
    if (!over.has(slide.id) || !SHORTENED.has(slide.layout)) continue;
    const h = slide.headline;
    if (h && !h.inBody && softenHeadline(h)) changed = true;
    for (const item of slide.groups.flatMap((g) => g.items)) {
      if (item.kind !== "claim" || !item.full) continue;
      const [shortest] = softForms(item.full, item.clauses, item.lead, item.scoped);
      if (shortest && countWords(shortest) < countWords(item.text)) {
        item.text = shortest;
        changed = true;
      }
    }
  }
  return changed ? next : null;
}
