/**
 * Plans the deck from the compiled outline: slide titles and order come from the tree's
 * headings (so editing the outline template changes the deck as it changes the report), and
 * `data.briefwright` on a heading decides the slide's layout.
 */

import type { Heading, RootContent, Table } from "mdast";
import { toString as mdastToString } from "mdast-util-to-string";
import type { SourceProfile } from "../../model/briefing.js";
import type {
  BriefingDocument,
  DocumentMeta,
  ExhibitNode,
  SectionData,
} from "../../model/document.js";
import { formatDate } from "../../util/dates.js";
import { omittedSentence } from "../../util/format.js";
import { chromeFor } from "../../util/locale.js";
import { slug } from "../../util/slug.js";
import type { CitationFormatter } from "../shared/citations/index.js";
import { takeaway } from "./headline.js";
import { groupsFromContent, type ItemContext, itemsFromPhrasing } from "./items.js";
import { mergeThinSections } from "./merge.js";
import { shortenWithin } from "./shorten.js";
import type { DeckColumn, DeckPlan, Slide, SlideGroup, SlideItem, SlideKind } from "./slides.js";
import { AIM_BULLET_WORDS, countWords, MAX_BULLET_WORDS } from "./words.js";

/** More subjects than this in one dimension: one list of labelled subject groups instead of columns. */
export const MAX_COLUMNS = 3;

/** Bullets start at the standard trims; a claim over 20 words is shortened harder (items.ts). */
const LIST_LEVEL = 0;

/** Matrix cells show their first claim shortened harder (a glance, not a paragraph; the notes hold it whole). */
const matrixLevel = (_subjects: number) => 2;

interface Section {
  heading: Heading;
  content: RootContent[];
}

const sectionData = (h: Heading): SectionData | undefined => h.data?.briefwright;
const clean = (s: string) => s.replace(/\s+/gu, " ").trim();
const headingText = (h: Heading) => clean(mdastToString(h));

class Ids {
  private readonly used = new Set<string>();
  take(text: string): string {
    const base = slug(text) || "slide";
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

/** Splits `nodes` at headings of depth ≤ `depth`. Content before the first one is returned apart. */
function splitAt(nodes: readonly RootContent[], depth: number, only?: (h: Heading) => boolean) {
  const sections: Section[] = [];
  const before: RootContent[] = [];
  for (const node of nodes) {
    if (node.type === "heading" && node.depth <= depth && (!only || only(node))) {
      sections.push({ heading: node, content: [] });
    } else if (sections.length > 0) sections[sections.length - 1]!.content.push(node);
    else before.push(node);
  }
  return { before, sections };
}

function titleSlide(meta: DocumentMeta, title: string, ids: Ids): Slide {
  const date = meta.date ? formatDate(meta.date, meta.language) : undefined;
  const byline = [meta.author, date].filter(Boolean).join(" · ");
  const lines = [meta.subtitle, byline].filter((l): l is string => Boolean(l));
  return {
    id: ids.take("title"),
    kind: "title",
    layout: "title",
    title,
    lines,
    groups: [],
    notes: [],
  };
}

const ZERO_STANCE = /^(?:\p{L}+ \([+−-]?0(?:\.0+)?\)|[–—-])?$/u;

/** A table as a slide: header row → column heads, each row → a unit (label + one item per cell). */
function tableSlide(
  title: string,
  table: Table,
  ctx: ItemContext,
  ids: Ids,
  kind: SlideKind,
  kicker?: string,
  shortGap?: string,
): Slide {
  const [head, ...all] = table.children;
  // A row whose every cell is a zero score with nothing behind it ("neutral (0.00)") shows nothing.
  const rows =
    kind === "disagreements"
      ? all.filter((row) =>
          row.children.slice(1).some((c) => !ZERO_STANCE.test(clean(mdastToString(c)))),
        )
      : all;
  const columns = (head?.children ?? []).map((c) => clean(mdastToString(c)));
  const groups: SlideGroup[] = rows.map((row) => {
    const [labelCell, ...cells] = row.children;
    const items: SlideItem[] = cells.map((cell) => {
      const found = itemsFromPhrasing(cell.children, ctx);
      const first = found.find((i) => i.kind === "claim" || i.kind === "cited") ?? found[0];
      if (!first) return { kind: "gap", text: "–", citations: [], level: 0 };
      // In the matrix an uncited cell is the statement that no source addresses it; the
      // outline's own statement shows shorter (its row and column are on the slide).
      if (kind === "matrix" && first.kind === "gap" && shortGap)
        return { ...first, text: shortGap, full: first.text };
      return kind === "matrix" && first.kind === "prose" ? { ...first, kind: "gap" } : first;
    });
    return { label: labelCell ? clean(mdastToString(labelCell)) : undefined, items };
  });
  // A matrix row no source addresses shows nothing: its gap statements go to the notes.
  const notes: string[] = [];
  const shown = groups.filter((g) => {
    const empty = kind === "matrix" && g.items.every((i) => i.kind === "gap");
    if (empty) notes.push(...g.items.map((i) => i.full ?? i.text).filter((t) => t !== "–"));
    return !empty;
  });
  return {
    id: ids.take(title),
    kind,
    layout: "table",
    title,
    kicker,
    columns,
    groups: shown,
    notes,
  };
}

/** A disagreement's sides: a topic's group of two or three claims, none led by a label. */
const isSides = (g: SlideGroup) =>
  g.label !== undefined &&
  g.items.length >= 2 &&
  g.items.length <= 3 &&
  g.items.every((i) => i.kind === "claim" && i.full && !i.lead);

/**
 * The disagreements section as slides: each disagreement on one slide, its topic (what the
 * sources differ on) as the heading and its sides side by side, each shortened by marked
 * deletion to what it says on the topic (the sentence in full in the notes); then the rest of
 * the section (how each source frames each subject) as a list.
 */
function disagreementSlides(slide: Slide, ids: Ids): Slide[] {
  if (slide.layout !== "list") return [slide];
  const out: Slide[] = [];
  const rest = slide.groups.filter((g) => !isSides(g));
  for (const g of slide.groups.filter(isSides)) {
    const topic = g.label!;
    const sides = g.items.map((item): SlideItem => {
      const short = shortenWithin(
        item.full!,
        LIST_LEVEL,
        AIM_BULLET_WORDS,
        0,
        MAX_BULLET_WORDS,
        item.clauses,
        undefined,
        topic,
      );
      return { ...item, text: short.text, level: short.level, scoped: topic };
    });
    out.push({
      id: ids.take(topic),
      kind: "disagreements",
      layout: "columns",
      title: topic,
      kicker: slide.title,
      groups: sides.map((item) => ({ items: [item] })),
      notes: [],
      pair: true,
      noHeadline: true,
    });
  }
  if (out.length === 0) return [slide];
  if (rest.length === 0) out[out.length - 1]!.notes.push(...slide.notes);
  // The framings under their own heading ("How each source frames each subject"): its name the
  // slide's, not repeated above the bullets.
  const [only] = rest;
  if (rest.length === 1 && only!.label)
    out.push({
      ...slide,
      title: only!.label,
      kicker: slide.title,
      groups: [{ items: only!.items }],
    });
  else if (rest.length > 0) out.push({ ...slide, groups: rest });
  return out;
}

/** A section as a list slide, followed by a table slide for each uncited table in it. */
function listSlides(section: Section, ctx: ItemContext, ids: Ids, kicker?: string): Slide[] {
  const title = headingText(section.heading);
  const data = sectionData(section.heading);
  const tables: { table: Table; label?: string }[] = [];
  const groups = groupsFromContent(section.content, ctx, {
    onTable: (table, label) => tables.push({ table, label }),
  });
  const out: Slide[] = [];
  if (groups.length > 0) {
    out.push({
      id: ids.take(title),
      kind: data?.kind ?? "prose",
      layout: "list",
      title,
      kicker,
      groups,
      notes: [],
    });
  }
  for (const t of tables) {
    const slide = tableSlide(
      t.label ?? title,
      t.table,
      ctx,
      ids,
      data?.kind ?? "prose",
      t.label ? title : kicker,
    );
    if (slide.groups.length > 0) out.push(slide);
  }
  return out;
}

/** One dimension: columns per subject, or labelled subject groups when there are too many subjects. */
function dimensionColumn(
  section: Section,
  ctx: ItemContext,
  ids: Ids,
  kicker?: string,
): DeckColumn {
  const title = headingText(section.heading);
  const bySubject = splitAt(
    section.content,
    6,
    (h) => sectionData(h)?.kind === "dimension-subject",
  );
  const intro = groupsFromContent(bySubject.before, ctx);
  const groups: SlideGroup[] = bySubject.sections
    .map((s) => ({
      label: sectionData(s.heading)?.subject ?? headingText(s.heading),
      items: groupsFromContent(s.content, ctx).flatMap((g) => g.items),
    }))
    .filter((g) => g.items.length > 0);
  if (intro.length === 0 && groups.length === 0) return []; // everything was shown in the matrix
  // Only "no source addresses it" statements: the matrix already says so.
  if ([...intro, ...groups].every((g) => g.items.every((i) => i.kind === "gap"))) return [];
  const base = {
    kind: "dimension" as const,
    title,
    kicker,
    notes: [] as string[],
  };
  if (groups.length <= MAX_COLUMNS) {
    return [
      {
        ...base,
        id: ids.take(title),
        layout: groups.length > 1 ? "columns" : "list",
        groups: [...intro, ...groups],
      },
    ];
  }
  // Too many subjects for columns: one list, a labelled group per subject, which the deck
  // then packs into parts of even weight (never a subject's lone bullet on a slide of its own).
  return [{ ...base, id: ids.take(title), layout: "list", groups: [...intro, ...groups] }];
}

/**
 * One slide per exhibit: the chart, its source line, and its numbered marks with their
 * citations in the footer; the notes hold the alt text and each mark's full sentence.
 */
function exhibitSlide(node: ExhibitNode, ids: Ids, kicker?: string): Slide {
  const e = node.exhibit;
  const items: SlideItem[] = e.entries.map((entry, i) => {
    const claim = node.claims?.[i];
    return {
      kind: "claim",
      text: entry.label,
      lead: String(entry.n),
      full: claim ? `${entry.n}. ${claim.text}` : undefined,
      citations: entry.citations,
      claimId: entry.claimId,
      level: 0,
    };
  });
  const slide: Slide = {
    id: ids.take(e.id),
    kind: "chart",
    layout: "exhibit",
    title: `Exhibit ${e.n}. ${e.title}`,
    kicker,
    groups: items.length > 0 ? [{ items }] : [],
    notes: [e.alt],
    exhibit: e,
  };
  slide.takeaways = takeawayClaims(node);
  const headline = takeaway(slide.takeaways);
  if (headline) slide.headline = headline;
  return slide;
}

/** An exhibit's marks' claims as items a takeaway may state, those stating a number first. */
function takeawayClaims(node: ExhibitNode): SlideItem[] {
  const marks = node.exhibit.entries.flatMap((entry, i) => {
    const claim = node.claims?.[i];
    if (!claim) return [];
    const item: SlideItem = {
      kind: "claim",
      text: claim.text,
      full: claim.text,
      lead: String(entry.n),
      citations: entry.citations,
      claimId: entry.claimId,
      level: 0,
      ...(claim.clauses ? { clauses: claim.clauses } : {}),
    };
    return [item];
  });
  const numbered = (i: SlideItem) => (/\p{N}/u.test(i.full ?? "") ? 0 : 1);
  return [...marks].sort((a, b) => numbered(a) - numbered(b));
}

/** The section's exhibits as slides of their own, and the rest of its content. */
function takeExhibits(
  content: readonly RootContent[],
  ids: Ids,
  kicker?: string,
): { slides: Slide[]; rest: RootContent[] } {
  const slides: Slide[] = [];
  const rest: RootContent[] = [];
  for (const node of content) {
    if (node.type === "exhibit") slides.push(exhibitSlide(node, ids, kicker));
    else rest.push(node);
  }
  return { slides, rest };
}

/**
 * The sources slide: the style's bibliography entry for each listed source, in the style's order
 * (as the report's bibliography; Chicago's "———" for a repeated author needs it), led by its short label.
 */
function sourcesSlide(
  section: Section,
  sources: readonly SourceProfile[],
  cite: CitationFormatter,
  ids: Ids,
  extraNotes: string[],
): Slide {
  const title = headingText(section.heading);
  // The outline says which sources the section lists (all of them when it does not say).
  const data = sectionData(section.heading);
  const byId = new Map(sources.map((s) => [s.id, s]));
  const listed = data?.listed
    ? data.listed.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))
    : sources;
  const omitted = data?.omitted ?? 0;
  const rest = omittedSentence(omitted);
  // On the slide the short label and the title; the style's full entry in the notes.
  const items: SlideItem[] = cite.bibliography(listed.map((s) => s.id)).map((b) => {
    const label = byId.get(b.id)?.shortLabel ?? b.id;
    const title = clean(byId.get(b.id)?.title ?? "");
    return {
      kind: "source" as const,
      lead: labelWithoutTitle(label, title),
      text: title || b.entry,
      full: b.entry,
      citations: [],
      level: 0,
    };
  });
  return {
    id: ids.take(title),
    kind: "sources",
    layout: "sources",
    title,
    groups: [{ items }],
    notes: rest ? [rest, ...extraNotes] : extraNotes,
  };
}

/**
 * A source's short label as the lead before its title, without the title it may quote
 * ("BBC News, ‘Nintendo DS aims…’" → "BBC News"; "‘185,000 PSP Owners…’" → none): the title
 * follows in full, so the slide does not say it twice.
 */
export function labelWithoutTitle(label: string, title: string): string | undefined {
  const m = /^(.*?)[,\s]*[‘“"']([^’”"']+)[’”"']$/u.exec(label);
  if (!m || !title) return label;
  const quoted = m[2]!.replace(/\s*…$/u, "").trim();
  if (quoted.length === 0 || !title.startsWith(quoted)) return label;
  return m[1]!.trim() || undefined;
}

function agendaSlide(titles: string[], ids: Ids, title: string): Slide {
  return {
    id: ids.take("agenda"),
    kind: "agenda",
    layout: "agenda",
    title,
    groups: [{ items: titles.map((t) => ({ kind: "prose", text: t, citations: [], level: 0 })) }],
    notes: [],
  };
}

/**
 * True when `item` fits a bullet (at most MAX_BULLET_WORDS with its lead), shortened harder by
 * deletion where that brings it there (mutated). False: a statement no deletion brings there
 * without losing a number, a negation, a listed name or its main verb (a numbered item keyed to
 * a chart excepted: it stays as it is).
 */
function fitsBullet(item: SlideItem): boolean {
  if ((item.kind !== "claim" && item.kind !== "cited") || !item.full) return true;
  // A numbered item (the timeline's, keyed to its chart's markers) stays, whatever its length:
  // a marker must find its statement on the slides.
  const keyed = /^\d+\./u.test(item.lead ?? "");
  const leadWords = countWords(item.lead);
  if (countWords(item.text) + leadWords <= MAX_BULLET_WORDS) return true;
  if (item.kind !== "claim") return keyed;
  const short = shortenWithin(
    item.full,
    item.level,
    MAX_BULLET_WORDS,
    leadWords,
    MAX_BULLET_WORDS,
    item.clauses,
    item.lead,
    item.scoped,
  );
  if (countWords(short.text) + leadWords > MAX_BULLET_WORDS) return keyed;
  item.text = short.text;
  item.level = short.level;
  return true;
}

/**
 * A statement that does not fit a bullet is not shown: it goes to the speaker notes with its
 * full citation (the report shows it). So does a statement of the figures section that an
 * earlier slide already shows (a key finding, a matrix cell, an exhibit's takeaway): a listener
 * has heard it (the figures chart, where there is one, still draws its value), unless that would
 * leave the slide one new statement: it then keeps the first repeat that fits; other sections
 * keep their repeats, a timeline's numbered entries answering its chart's marks. In a list a
 * statement leaves the slide; in a table (the matrix) its cell shows "–", and a row left with no
 * statement goes. A slide left with nothing hands its notes to the slide before it (the first
 * one: after it) and goes. Disagreements' sides stay (a side alone would say nothing). Shortens
 * items in place.
 */
function longToNotes(columns: readonly DeckColumn[], cite: CitationFormatter): DeckColumn[] {
  const out: DeckColumn[] = [];
  let last: Slide | undefined;
  let pending: string[] = [];
  /** Claims a slide before this one shows, in deck order. */
  const seen = new Set<string>();
  const see = (slide: Slide) => {
    for (const item of slide.groups.flatMap((g) => g.items))
      if (item.kind === "claim" && item.claimId) seen.add(item.claimId);
  };
  for (const column of columns) {
    const kept: Slide[] = [];
    for (const slide of column) {
      const shown = ["list", "columns", "table"].includes(slide.layout) && !slide.pair;
      if (!shown) {
        kept.push(slide);
        see(slide);
        last = slide;
        continue;
      }
      const repeats = (item: SlideItem) =>
        slide.kind === "figures" && item.claimId !== undefined && seen.has(item.claimId);
      // A figures slide left with one new statement keeps the first repeat that fits, so it is
      // not a slide of one bullet (a slide left with none goes, below).
      const fitting =
        slide.kind === "figures"
          ? slide.groups.flatMap((g) => g.items).filter((item) => fitsBullet(item))
          : [];
      const oneNew = fitting.filter((item) => !repeats(item)).length === 1;
      const keptRepeat = oneNew ? fitting.find(repeats) : undefined;
      const repeated = (item: SlideItem) => item !== keptRepeat && repeats(item);
      const notes: string[] = [];
      const toNotes = (item: SlideItem) => {
        notes.push(`${item.lead ? `${item.lead} ` : ""}${item.full}`);
        if (item.citations.length > 0) notes.push(`— ${cite.note(item.citations)}`);
      };
      const groups =
        slide.layout === "table"
          ? slide.groups.flatMap((g) => {
              let moved = false;
              const items = g.items.map((item): SlideItem => {
                if (fitsBullet(item)) return item;
                toNotes(item);
                moved = true;
                return { kind: "gap", text: "–", citations: [], level: 0 };
              });
              return moved && items.every((i) => i.kind === "gap") ? [] : [{ ...g, items }];
            })
          : slide.groups
              .map((g) => ({
                ...g,
                items: g.items.filter((item) => {
                  if (fitsBullet(item) && !repeated(item)) return true;
                  toNotes(item);
                  return false;
                }),
              }))
              .filter((g) => g.items.length > 0);
      const next: Slide = { ...slide, groups, notes: [...pending, ...slide.notes, ...notes] };
      pending = [];
      if (groups.length > 0) {
        kept.push(next);
        see(next);
        last = next;
      } else if (last) last.notes.push(...next.notes);
      else pending = next.notes;
    }
    if (kept.length > 0) out.push(kept);
  }
  return out;
}

/** Each cited sentence's citations for the speaker notes: the style's full note. */
function addNotes(columns: readonly DeckColumn[], cite: CitationFormatter): void {
  for (const slide of columns.flat()) {
    const head = slide.headline ? [slide.headline.item] : [];
    for (const item of [...head, ...slide.groups.flatMap((g) => g.items)]) {
      if (item.full && item.citations.length > 0) item.note = cite.note(item.citations);
    }
  }
}

/**
 * Plans the deck. Pure: no file system, no clock; `cite` formats the speaker notes' citations
 * and the sources slide (the writer loads the citation style).
 */
export function planDeck(document: BriefingDocument, cite: CitationFormatter): DeckPlan {
  const { meta, tree } = document;
  const ids = new Ids();
  // A claim's lead on a slide: the event's date in a timeline, the value in figures.
  const ctxFor = (kind: string | undefined): ItemContext => ({
    lead: kind === "timeline" ? "date" : kind === "figures" ? "value" : undefined,
    level: LIST_LEVEL,
    generated: kind !== undefined && kind !== "prose",
    scoped: kind === "disagreements",
  });

  // Slide-level headings: the shallowest depth that carries briefwright data (default 2).
  const nodes = tree.children;
  const depths = nodes
    .filter((n): n is Heading => n.type === "heading" && sectionData(n) !== undefined)
    .map((h) => h.depth);
  const level = depths.length > 0 ? Math.min(...depths) : 2;
  const { before, sections } = splitAt(nodes, level);
  const docHeading = before.find((n): n is Heading => n.type === "heading");
  const title = docHeading ? headingText(docHeading) : meta.title;

  const columns: DeckColumn[] = [];
  const titles: string[] = [];
  // A section is named once in the agenda, however many slides it has.
  const agenda = { push: (t: string) => titles[titles.length - 1] !== t && titles.push(t) };
  // Author text before the first section: cited statements get a slide under the deck's title.
  const introCharts = takeExhibits(
    before.filter((n) => n !== docHeading),
    ids,
  );
  const intro = groupsFromContent(introCharts.rest, ctxFor(undefined));
  const titleNotes: string[] = [];
  if (intro.some((g) => g.items.some((i) => i.citations.length > 0))) {
    columns.push([
      {
        id: ids.take(`${title} intro`),
        kind: "prose",
        layout: "list",
        title,
        groups: intro,
        notes: [],
      },
    ]);
  } else titleNotes.push(...intro.flatMap((g) => g.items.map((i) => i.text)));
  for (const slide of introCharts.slides) columns.push([slide]);
  const methodNotes: string[] = [];
  let sourcesAt = -1;
  for (const section of sections) {
    const data = sectionData(section.heading);
    const kind = data?.kind;
    const ctx = ctxFor(kind);
    const sectionTitle = headingText(section.heading);
    // Exhibits first (the chart, then its key and the rest of the section), except that the
    // sources slide comes before a chart about the sources. Every exhibit of the outline gets a
    // slide, wherever it stands, so the deck's exhibit numbers match the report's.
    const charts = takeExhibits(section.content, ids, sectionTitle);
    section.content = charts.rest;
    if (kind === "method") {
      for (const slide of charts.slides) columns.push([slide]);
      methodNotes.push(
        ...section.content.map((n) => clean(mdastToString(n))).filter((t) => t.length > 0),
      );
      continue;
    }
    if (kind === "sources") {
      agenda.push(sectionTitle);
      sourcesAt = columns.length;
      columns.push([sourcesSlide(section, document.sources, cite, ids, [])]);
      for (const slide of charts.slides) columns.push([slide]);
      continue;
    }
    if (charts.slides.length > 0) {
      agenda.push(sectionTitle);
      for (const slide of charts.slides) columns.push([slide]);
    }
    const table = section.content.find((n): n is Table => n.type === "table");
    if (kind === "matrix" && table) {
      agenda.push(sectionTitle);
      columns.push([
        tableSlide(
          sectionTitle,
          table,
          { ...ctx, level: matrixLevel(meta.subjects.length) },
          ids,
          "matrix",
          undefined,
          chromeFor(meta.language).gapOnSlide,
        ),
      ]);
      continue;
    }
    const dims = splitAt(section.content, 6, (h) => sectionData(h)?.kind === "dimension");
    if (kind === "dimension" || dims.sections.length > 0) {
      const before = columns.length;
      if (kind === "dimension") {
        const column = dimensionColumn(section, ctx, ids);
        if (column.length > 0) {
          agenda.push(sectionTitle);
          columns.push(column);
        }
        continue;
      }
      const intro = groupsFromContent(dims.before, ctx);
      if (intro.length > 0) {
        columns.push([
          {
            id: ids.take(sectionTitle),
            kind: "prose",
            layout: "list",
            title: sectionTitle,
            groups: intro,
            notes: [],
          },
        ]);
      }
      for (const dim of dims.sections) {
        const column = dimensionColumn(dim, ctx, ids, sectionTitle);
        if (column.length > 0) columns.push(column);
      }
      if (columns.length > before) agenda.push(sectionTitle);
      continue;
    }
    const listed = listSlides(section, ctx, ids);
    const made =
      kind === "disagreements" ? listed.flatMap((s) => disagreementSlides(s, ids)) : listed;
    if (made.length === 0) continue; // an empty section has nothing to present
    agenda.push(sectionTitle);
    for (const slide of made) columns.push([slide]);
  }
  if (methodNotes.length > 0) {
    const target = sourcesAt >= 0 ? columns[sourcesAt]![0]! : columns[columns.length - 1]?.[0];
    target?.notes.push(...methodNotes);
  }

  const kept = longToNotes(columns, cite);
  // A section all of whose statements went to the notes has no slide, nor an agenda entry.
  const named = new Set(kept.flat().flatMap((s) => [s.title, s.kicker]));
  for (let i = titles.length - 1; i >= 0; i--) if (!named.has(titles[i])) titles.splice(i, 1);
  const merged = mergeThinSections(kept);
  addNotes(merged, cite);

  const lang = meta.language || "en";
  const agendaTitle = chromeFor(lang).agenda;
  return {
    lang,
    title,
    columns: [[titleSlide(meta, title, ids)], [agendaSlide(titles, ids, agendaTitle)], ...merged],
  };
}
