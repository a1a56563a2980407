import { join } from "node:path";
import type { Heading } from "mdast";
import { describe, expect, it } from "vitest";
import { claimClauses } from "../../../src/engine/claims.js";
import { claimsOf } from "../../../src/outline/claims-of.js";
import { isDeletionOf, planDeck, renderDeckHtml } from "../../../src/writers/deck/index.js";
import type { DeckPlan, Slide } from "../../../src/writers/deck/slides.js";
import { lightenWordy, splitOverflowing } from "../../../src/writers/deck/split.js";
import { formatCitations, loadCitationStyle } from "../../../src/writers/shared/citations/index.js";
import { deckCitationsOf, documentOf } from "../document.js";
import { loadFixture, TEMPLATES } from "./fixture.js";

const slides = (plan: DeckPlan): Slide[] => plan.columns.flat();

describe("planDeck", () => {
  it("has a title, an agenda, then the outline's sections in the outline's order", async () => {
    const fx = loadFixture();
    const plan = planDeck(fx.document, await deckCitationsOf(fx.document));
    const kinds = plan.columns.map((c) => c[0]!.kind);
    expect(kinds).toEqual([
      "title",
      "agenda",
      "findings",
      "matrix",
      "dimension", // Membership: four subjects, labelled groups of one list
      "dimension",
      "dimension",
      "timeline", // Figures (two items) joins the Timeline slide as a labelled group
      "disagreements", // each disagreement a slide of its own: its two sides under its topic
      "disagreements",
      "sources",
    ]);
    const timeline = plan.columns.find((c) => c[0]!.kind === "timeline")![0]!;
    expect(timeline.groups.map((g) => g.label)).toContain("Figures");
    const agenda = plan.columns[1]![0]!.groups[0]!.items.map((i) => i.text);
    expect(agenda).toEqual([
      "Key findings",
      "The comparison at a glance",
      "By dimension",
      "Timeline",
      "Figures",
      "Where the sources disagree",
      "Sources",
    ]);
  });

  it("follows an edited outline: renamed and reordered headings", async () => {
    const fx = loadFixture();
    const tree = fx.document.tree;
    const headings = tree.children.filter(
      (n): n is Heading => n.type === "heading" && n.depth === 2,
    );
    const timeline = headings.find((h) => h.data?.briefwright?.kind === "timeline")!;
    timeline.children = [{ type: "text", value: "How it unfolded" }];
    // Move the timeline section (heading + list) to the front.
    const at = tree.children.indexOf(timeline);
    const moved = tree.children.splice(at, 2);
    tree.children.splice(1, 0, ...moved);
    const plan = planDeck(fx.document, await deckCitationsOf(fx.document));
    expect(plan.columns[2]![0]!.title).toBe("How it unfolded");
    expect(plan.columns[1]![0]!.groups[0]!.items[0]!.text).toBe("How it unfolded");
  });

  it("gives one column per subject up to three, labelled subject groups beyond", async () => {
    const fx = loadFixture();
    const plan = planDeck(fx.document, await deckCitationsOf(fx.document));
    const membership = plan.columns.find((c) => c[0]!.title === "Membership")!;
    expect(membership).toHaveLength(1);
    expect(membership[0]!.layout).toBe("list");
    expect(membership[0]!.groups.map((g) => g.label)).toEqual([
      "NATO",
      "CSTO",
      "Russia",
      "Kazakhstan",
    ]);
    const cohesion = plan.columns.find((c) => c[0]!.title === "Cohesion")!;
    expect(cohesion).toHaveLength(1);
    expect(cohesion[0]!.layout).toBe("columns");
    expect(cohesion[0]!.groups.map((g) => g.label)).toEqual(["NATO", "CSTO", "Russia"]);
  });

  it("shows claims shortened by deletion only, each with its citations", async () => {
    const fx = loadFixture();
    const claims = new Map([...claimsOf(fx.briefing)].map((c) => [c.id, c]));
    for (const slide of slides(planDeck(fx.document, await deckCitationsOf(fx.document)))) {
      for (const item of slide.groups.flatMap((g) => g.items)) {
        if (item.kind !== "claim") continue;
        const claim = claims.get(item.claimId!)!;
        expect(item.full).toBe(claim.text);
        expect(isDeletionOf(item.text, claim.text), item.text).toBe(true);
        expect(item.citations.length).toBeGreaterThan(0);
      }
    }
  });

  it("keeps the matrix's gap statements as such", async () => {
    const fx = loadFixture();
    const matrix = slides(planDeck(fx.document, await deckCitationsOf(fx.document))).find(
      (s) => s.kind === "matrix",
    )!;
    const gaps = matrix.groups.flatMap((g) => g.items).filter((i) => i.kind === "gap");
    // Shown shorter (its row and column are on the slide), in full in the notes.
    expect(gaps.map((g) => g.full ?? g.text)).toContain(
      "No source addresses cohesion for Kazakhstan.",
    );
  });
});

describe("renderDeckHtml", () => {
  it("marks a bullet quoting a source in another language with that source's lang", async () => {
    const fx = loadFixture();
    const english = await renderDeckHtml(fx);
    expect(english).not.toMatch(/<li[^>]* lang=/u);
    expect(english).not.toContain("bw-quote-source");
    const mixed = loadFixture();
    for (const s of mixed.document.sources) if (s.id === "putz-2022") s.language = "ru";
    const html = await renderDeckHtml(mixed);
    expect(html).toMatch(/<li[^>]*data-claim="c-putz-2022[^"]*"[^>]* lang="ru"/u);
    expect(html).not.toMatch(/<li[^>]*data-claim="c-fischer[^"]*"[^>]* lang=/u);
  });

  it("is deterministic and puts the full sentence and citation into the notes", async () => {
    const fx = loadFixture();
    const a = await renderDeckHtml(fx);
    expect(await renderDeckHtml(loadFixture())).toBe(a);
    expect(a).toContain('<aside class="notes">');
    expect(a).toContain(
      "<p>The CSTO deployed forces for the very first time in its 20-year existence in January 2022 in response to a request from Kazakhstan’s President Kassym-Jomart Tokayev.</p>",
    );
    expect(a).toContain('"transition":"fade"');
  });

  it("cites a source in the notes as the report's note does, and lists its bibliography entry", async () => {
    const fx = loadFixture();
    const html = await renderDeckHtml({ ...fx, templatesDir: TEMPLATES });
    // The report's formatter, as text: its first note for Putz ¶ 15, its bibliography entry.
    const style = await loadCitationStyle(
      join(TEMPLATES, "report", "csl"),
      "chicago-fullnote-bibliography",
      "en",
    );
    const putz15 = {
      sourceId: "putz-2022",
      block: 15,
      quote: { type: "TextQuoteSelector" as const, exact: "x" },
    };
    const report = formatCitations(fx.document.sources, [[putz15]], style, "text");
    const note = report.notes[0]!;
    expect(note).toBe(
      "Catherine Putz, “What Is the Value of the CSTO Now?,” The Diplomat, March 2022, ¶ 15.",
    );
    expect(html).toContain(`<p class="bw-note-cite">— ${note}</p>`);
    // No "ibid." or short later note in the deck: every slide's notes stand alone.
    expect(html.split(`— ${note}</p>`).length - 1).toBeGreaterThan(1);
    const entry = report.bibliography[0]!.entry;
    expect(entry).toBe(
      "Putz, Catherine. “What Is the Value of the CSTO Now?” The Diplomat, March 2022.",
    );
    // The sources slide shows the short label and the title; the notes hold the style's entry.
    expect(html).toContain(
      `<span class="bw-lead">Putz 2022</span> <span class="bw-text">What Is the Value of the CSTO Now?</span>`,
    );
    expect(html).toContain(`<p>${entry}</p>`);
  });

  it("lists the sources slide in the style's order, each led by its short label", async () => {
    const fx = loadFixture();
    const plan = planDeck(fx.document, await deckCitationsOf(fx.document));
    const sources = slides(plan).find((s) => s.kind === "sources")!;
    const items = sources.groups[0]!.items;
    expect(items.map((i) => i.lead)).toEqual([
      "Fischer 2022",
      "Karelska 2022",
      "Lennon n.d.",
      "Medium n.d.",
      "Putz 2022",
    ]);
    // The style's full entry goes to the notes, in the style's order.
    expect(items.map((i) => i.full?.split(".")[0])).toEqual([
      "Fischer, Eva",
      "Karelska, Christine",
      "Lennon, Jhon",
      "Medium",
      "Putz, Catherine",
    ]);
  });

  it("escapes corpus text", async () => {
    const fx = loadFixture();
    fx.briefing.findings[0]!.claim.text =
      '<img src=x onerror="alert(1)"> </script><script>alert(2)</script>';
    const html = await renderDeckHtml(fx);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script>alert");
  });
});

describe("splitOverflowing", () => {
  const item = (text: string) => ({
    kind: "claim" as const,
    text,
    full: text,
    citations: [],
    level: 0,
  });
  const plan = (slide: Partial<Slide>): DeckPlan => ({
    lang: "en",
    title: "t",
    columns: [
      [{ id: "s", kind: "findings", layout: "list", title: "S", groups: [], notes: [], ...slide }],
    ],
  });

  it("moves what does not fit to a numbered continuation slide", () => {
    const p = plan({ groups: [{ items: [item("a"), item("b"), item("c")] }] });
    const { plan: next } = splitOverflowing(p, [
      { id: "s", overflow: true, height: 900, fits: [2] },
    ]);
    expect(
      next.columns.map((c) => c.map((s) => [s.id, s.part, s.groups[0]!.items.map((i) => i.text)])),
    ).toEqual([
      [["s", { index: 1, total: 2 }, ["a", "b"]]],
      [["s--2", { index: 2, total: 2 }, ["c"]]],
    ]);
  });

  it("packs the rest into as many continuation slides as the measured heights need, in one round", () => {
    const p = plan({ groups: [{ items: ["a", "b", "c", "d", "e"].map(item) }] });
    const units = { heights: [[100, 100, 100, 100, 100]], labels: [0], gap: 0, capacity: 250 };
    const { plan: next } = splitOverflowing(p, [
      { id: "s", overflow: true, height: 900, fits: [2], units },
    ]);
    expect(next.columns.map((c) => c[0]!.groups[0]!.items.map((i) => i.text))).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e"],
    ]);
    expect(next.columns.map((c) => c[0]!.part)).toEqual([
      { index: 1, total: 3 },
      { index: 2, total: 3 },
      { index: 3, total: 3 },
    ]);
  });

  it("keeps continuations of a vertical slide in its stack, and splits columns per column", () => {
    const p = plan({
      layout: "columns",
      groups: [
        { label: "A", items: [item("a1"), item("a2")] },
        { label: "B", items: [item("b1")] },
      ],
    });
    p.columns[0]!.push({ ...p.columns[0]![0]!, id: "t" });
    const { plan: next } = splitOverflowing(p, [
      { id: "s", overflow: true, height: 900, fits: [1, 1] },
    ]);
    expect(next.columns).toHaveLength(1);
    expect(next.columns[0]!.map((s) => s.id)).toEqual(["s", "s--2", "t"]);
    expect(next.columns[0]![1]!.groups).toEqual([{ label: "A", items: [item("a2")] }]);
  });

  it("shortens a unit that does not fit alone, then uses denser type", () => {
    const long =
      "The CSTO (a military alliance led by Moscow and joined by the Central Asian states and Armenia) deployed forces in response to a request from Kazakhstan’s President.";
    const p = plan({ groups: [{ items: [item(long)] }] });
    const m = [{ id: "s", overflow: true, height: 900, fits: [0] }];
    let next = splitOverflowing(p, m).plan;
    const shortened = next.columns[0]![0]!.groups[0]!.items[0]!;
    expect(shortened.level).toBeGreaterThan(0);
    expect(shortened.text.length).toBeLessThan(long.length);
    for (let i = 0; i < 4; i++) next = splitOverflowing(next, m).plan;
    expect(next.columns[0]![0]!.dense).toBe(true);
    expect(splitOverflowing(next, m).stuck).toEqual(["s"]);
  });
});

describe("a statement no deletion brings to 25 words", () => {
  it("is shown on no slide, matrix cell or bullet, and is in the notes with its citation", async () => {
    const fx = loadFixture();
    const long =
      "All 30 NATO countries, 12 of them founders, voted in favor of the United Nations General Assembly resolution condemning Russian actions, which 141 states backed in March 2022 and 5 opposed outright.";
    const claim = [...claimsOf(fx.briefing)].find((c) => c.id === "c-putz-2022-9-1")!;
    claim.text = long;
    const clauses = claimClauses(long);
    if (clauses) claim.clauses = clauses;
    const document = documentOf(fx.briefing, fx.tree, fx.spec);
    const plan = planDeck(document, await deckCitationsOf(document));
    const all = slides(plan);
    const shown = all.flatMap((s) => s.groups.flatMap((g) => g.items));
    expect(shown.filter((i) => i.claimId === claim.id)).toEqual([]);
    // Its matrix row still shows the other subjects' cells; its own cell is a dash.
    const matrix = all.find((s) => s.kind === "matrix")!;
    const row = matrix.groups.find((g) => g.label === "Membership")!;
    expect(row.items[0]).toMatchObject({ kind: "gap", text: "–" });
    const notes = all.flatMap((s) => s.notes);
    expect(notes).toContain(long);
    expect(notes[notes.indexOf(long) + 1]).toMatch(/^— .*Putz/u);
  });
});

describe("lightenWordy", () => {
  const item = (text: string) => ({
    kind: "claim" as const,
    text,
    full: text,
    citations: [],
    level: 0,
  });
  const words = (n: number, w = "word") => Array.from({ length: n }, () => w).join(" ");
  const plan = (slide: Partial<Slide>): DeckPlan => ({
    lang: "en",
    title: "t",
    columns: [
      [
        {
          id: "s",
          kind: "disagreements",
          layout: "list",
          title: "S",
          groups: [],
          notes: [],
          ...slide,
        },
      ],
    ],
  });

  it("cuts one group's two sides over the limit onto two slides, each under the group's label", () => {
    const p = plan({
      groups: [{ label: "Topic", items: [item(words(33, "a")), item(words(25, "b"))] }],
    });
    const next = lightenWordy(
      p,
      [{ id: "s", overflow: false, height: 600, fits: [], words: 61 }],
      60,
    );
    expect(next).not.toBeNull();
    const parts = next!.columns.flat();
    expect(parts.map((s) => s.groups.map((g) => [g.label, g.items.length]))).toEqual([
      [["Topic", 1]],
      [["Topic", 1]],
    ]);
    expect(parts.map((s) => s.part)).toEqual([
      { index: 1, total: 2 },
      { index: 2, total: 2 },
    ]);
  });

  it("puts a disagreement's sides on two slides under its topic only when no deletion makes them fit", () => {
    const p = plan({
      layout: "columns",
      title: "Topic: a or b",
      pair: true,
      noHeadline: true,
      groups: [{ items: [item(words(33, "a"))] }, { items: [item(words(25, "b"))] }],
    });
    const next = lightenWordy(
      p,
      [{ id: "s", overflow: false, height: 600, fits: [], words: 61 }],
      60,
    );
    const parts = next!.columns.flat();
    expect(parts.map((s) => [s.title, s.noHeadline, s.groups.length])).toEqual([
      ["Topic: a or b", true, 1],
      ["Topic: a or b", true, 1],
    ]);
  });

  it("moves a headline's claim to a slide of its own when one bullet cannot be shortened", () => {
    const p = plan({
      groups: [{ items: [item(words(40, "a"))] }],
      headline: { text: words(22, "h"), item: item(words(22, "h")), inBody: false },
    });
    const next = lightenWordy(
      p,
      [{ id: "s", overflow: false, height: 600, fits: [], words: 64 }],
      60,
    );
    const parts = next!.columns.flat();
    expect(parts).toHaveLength(2);
    expect(parts.every((s) => !s.headline)).toBe(true);
    expect(parts.flatMap((s) => s.groups.flatMap((g) => g.items.map((i) => i.text[0])))).toEqual([
      "a",
      "h",
    ]);
  });

  it("leaves a plan with no slide over the limit alone", () => {
    const p = plan({ groups: [{ items: [item("a b c")] }] });
    expect(
      lightenWordy(p, [{ id: "s", overflow: false, height: 100, fits: [], words: 5 }], 60),
    ).toBeNull();
  });
});
