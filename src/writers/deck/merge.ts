/**
 * No thin slides: a section showing one or two items does not get a slide of its own. A run of
 * such sections becomes one slide, each a labelled group; a lone one joins the list slide before
 * it (or after it), labelled with its section's name.
 */
import type { DeckColumn, Slide, SlideGroup } from "./slides.js";

/** A section this small joins a neighbour. */
export const THIN_ITEMS = 2;

const items = (slide: Slide) => slide.groups.reduce((n, g) => n + g.items.length, 0);

const mergeable = (slide: Slide) =>
  (slide.layout === "list" || slide.layout === "columns") &&
  slide.kind !== "sources" &&
  slide.kind !== "chart" &&
  !slide.exhibit &&
  // A disagreement's two sides are a slide of their own, under its topic.
  !slide.pair;

const thin = (column: DeckColumn) =>
  column.length === 1 && mergeable(column[0]!) && items(column[0]!) <= THIN_ITEMS;

/** The slide's groups labelled with its section's name (and the group's own label). */
function labelled(slide: Slide): SlideGroup[] {
  return slide.groups.map((g) => ({
    label: g.label ? `${slide.title} · ${g.label}` : slide.title,
    items: g.items,
  }));
}

/** One list slide of several thin sections, under their common parent's name. */
function joined(run: Slide[]): Slide {
  const first = run[0]!;
  const parent = run.every((s) => s.kicker && s.kicker === first.kicker) ? first.kicker : undefined;
  return {
    ...first,
    layout: "list",
    title: parent ?? run.map((s) => s.title).join(" · "),
    kicker: undefined,
    merged: run.map((s) => s.title),
    groups: run.flatMap(labelled),
    notes: run.flatMap((s) => s.notes),
  };
}

/** Merges thin sections with their neighbours. Pure; the slides' ids stay unique (the first's). */
export function mergeThinSections(columns: readonly DeckColumn[]): DeckColumn[] {
  const out: DeckColumn[] = [];
  for (let i = 0; i < columns.length; ) {
    if (!thin(columns[i]!)) {
      out.push(columns[i]!);
      i++;
      continue;
    }
    let j = i;
    while (j < columns.length && thin(columns[j]!)) j++;
    const run = columns.slice(i, j).map((c) => c[0]!);
    if (run.length > 1) out.push([joined(run)]);
    else {
      const lone = run[0]!;
      const before = out[out.length - 1];
      const after = columns[j];
      const host =
        before?.length === 1 && before[0]!.layout === "list" && mergeable(before[0]!)
          ? before[0]!
          : after?.length === 1 && after[0]!.layout === "list" && mergeable(after[0]!)
            ? after[0]!
            : undefined;
      if (!host) out.push([lone]);
      else if (host === before?.[0]) {
        out[out.length - 1] = [
          {
            ...host,
            merged: [...(host.merged ?? []), lone.title],
            groups: [...host.groups, ...labelled(lone)],
            notes: [...host.notes, ...lone.notes],
          },
        ];
      } else {
        out.push([
          {
            ...host,
            merged: [...(host.merged ?? []), lone.title],
            groups: [...labelled(lone), ...host.groups],
            notes: [...lone.notes, ...host.notes],
          },
        ]);
        j++; // the host is taken
      }
    }
    i = j;
  }
  return out;
}
