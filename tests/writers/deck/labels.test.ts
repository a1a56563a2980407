import { describe, expect, it } from "vitest";
import { chromeFor } from "../../../src/util/locale.js";
import { assignHeadlines, headlineFor } from "../../../src/writers/deck/headline.js";
import { deckDocument } from "../../../src/writers/deck/html.js";
import { planDeck } from "../../../src/writers/deck/index.js";
import {
  groupLabel,
  headerText,
  partMarkers,
  shownLead,
} from "../../../src/writers/deck/labels.js";
import { mergeThinSections } from "../../../src/writers/deck/merge.js";
import { headlineOf } from "../../../src/writers/deck/shorten.js";
import type { DeckPlan, Slide, SlideItem } from "../../../src/writers/deck/slides.js";
import { packByWords, slideWords } from "../../../src/writers/deck/words.js";
import { deckCitationsOf } from "../document.js";
import { claim, loadFixture } from "./fixture.js";

/** A dimension's slide of one claim per subject: thin, so it joins its neighbours. */
const dimension = (title: string, ds: string, psp: string): Slide => ({
  id: title.toLowerCase(),
  kind: "dimension",
  layout: "columns",
  title,
  kicker: "Comparison by dimension",
  groups: [
    { label: "Nintendo DS", items: [claim(ds, `${title}-ds`)] },
    { label: "Sony PSP", items: [claim(psp, `${title}-psp`)] },
  ],
  notes: [],
});

const plan = (...slides: Slide[]): DeckPlan => ({
  lang: "en",
  title: "t",
  columns: slides.map((s) => [s]),
});

/** Two thin sections of comparison by dimension, joined on one slide as the deck joins them. */
const priceAndSales = (): Slide =>
  (
    mergeThinSections([
      [
        dimension(
          "Price",
          "Games for the DS cost £19 to £29.",
          "The PSP sells for $250 in the US.",
        ),
      ],
      [dimension("Sales", "The DS sold 500,000 units in a week.", "Sony shipped 3 million PSPs.")],
    ]) as [[Slide]]
  )[0][0];

const words = (s: string) => s.split(/\s+/u).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;

describe("a slide of joined thin sections", () => {
  it("says the section and the headline's subject once, above it; the other item by its subject", () => {
    const price = priceAndSales();
    // One slide of both sections, split as the packer would: one section per part here.
    const first: Slide = { ...price!, groups: price!.groups.slice(0, 2) };
    const [slide] = assignHeadlines(plan(first)).columns.flat();
    expect(slide!.headline?.group).toBe("Price · Nintendo DS");
    expect(headerText(slide!)).toBe("Price · Nintendo DS");
    expect(slide!.groups.map((g: Slide["groups"][number]) => groupLabel(slide!, g))).toEqual([
      "Sony PSP",
    ]);
    // The joined sections' parent is not repeated above the headline.
    const html = deckDocument(plan(slide!), new Map(), {
      transition: "none",
      theme: "briefwright",
      slideNumber: false,
    });
    expect(html).toContain('<p class="bw-kicker">Price · Nintendo DS</p>');
    expect(html).toContain("<h3>Sony PSP</h3>");
    expect(html).not.toContain("Comparison by dimension");
    expect(html).not.toContain("Price · Sony PSP");
  });

  it("keeps a section's name on a group from another section, and drops the joined slide's part marker", () => {
    const both = priceAndSales();
    const mixed: Slide = {
      ...both!,
      groups: [both!.groups[0]!, both!.groups[3]!, both!.groups[2]!],
      part: { index: 2, total: 3 },
      origin: both!.id,
    };
    const [slide] = assignHeadlines(plan(mixed)).columns.flat();
    expect(headerText(slide!)).toBe("Price · Nintendo DS");
    expect(slide!.groups.map((g: Slide["groups"][number]) => groupLabel(slide!, g))).toEqual([
      "Sales · Sony PSP",
      "Sales · Nintendo DS",
    ]);
    const html = deckDocument(plan(slide!), new Map(), {
      transition: "none",
      theme: "briefwright",
      slideNumber: false,
    });
    expect(html).not.toContain('class="bw-part"');
  });

  it("is headed by the one section its groups share when it has no headline", () => {
    const bare: Slide = {
      id: "price",
      kind: "dimension",
      layout: "list",
      title: "Comparison by dimension",
      merged: ["Price", "Sales"],
      groups: [
        { label: "Price · Nintendo DS", items: [claim("Games for the DS cost £19 to £29.", "a")] },
        { label: "Price · Sony PSP", items: [claim("The PSP sells for $250 in the US.", "b")] },
      ],
      notes: [],
      noHeadline: true,
    };
    expect(headerText(bare)).toBe("Price");
    expect(bare.groups.map((g) => groupLabel(bare, g))).toEqual(["Nintendo DS", "Sony PSP"]);
    // The estimate counts what is shown: 1 heading word and 4 label words, not 3 + 6.
    expect(slideWords(bare)).toBe(slideWords({ ...bare, merged: undefined }) - 4);
  });

  it("does not label the headline's own group again right under it", () => {
    const both = priceAndSales();
    const ds = both!.groups[0]!;
    const slide: Slide = {
      ...both!,
      groups: [
        {
          label: ds.label,
          items: [...ds.items, claim("The DS has two screens and a stylus.", "x")],
        },
        both!.groups[3]!,
      ],
    };
    const [headed] = assignHeadlines(plan(slide)).columns.flat();
    expect(headed!.headline?.group).toBe("Price · Nintendo DS");
    expect(headerText(headed!)).toBe("Price · Nintendo DS");
    expect(headed!.groups.map((g) => groupLabel(headed!, g))).toEqual([
      undefined,
      "Sales · Sony PSP",
    ]);
  });

  it("keeps a host section's header when a lone thin section joins it", () => {
    const host: Slide = {
      id: "timeline",
      kind: "timeline",
      layout: "list",
      title: "Timeline",
      groups: [
        {
          items: [
            claim("The DS went on sale in Japan in December 2004.", "t1"),
            claim("The PSP went on sale in the US in March 2005.", "t2"),
            claim("Nintendogs was released in the UK in October 2005.", "t3"),
          ],
        },
      ],
      notes: [],
    };
    const lone: Slide = {
      id: "figures",
      kind: "figures",
      layout: "list",
      title: "Figures",
      groups: [{ items: [claim("The DS sold 87,000 units in a week.", "f1")] }],
      notes: [],
    };
    const [[slide]] = mergeThinSections([[host], [lone]]) as [[Slide]];
    expect(slide!.merged).toEqual(["Figures"]);
    expect(headerText(slide!)).toBe("Timeline");
    expect(slide!.groups.map((g: Slide["groups"][number]) => groupLabel(slide!, g))).toEqual([
      undefined,
      "Figures",
    ]);
  });
});

/** A matrix of two rows, NATO and CSTO. */
const matrixOfTwo = (): Slide => ({
  id: "evidence-matrix",
  kind: "matrix",
  layout: "table",
  title: "Evidence matrix",
  columns: ["", "NATO", "CSTO"],
  groups: [
    {
      label: "Cohesion",
      items: [claim("NATO voted as one.", "a"), claim("The CSTO split.", "b")],
    },
    {
      label: "Capabilities",
      items: [claim("NATO has 40,000 troops.", "c"), claim("The CSTO has 20,000.", "d")],
    },
  ],
  notes: [],
});

describe("a matrix row's slide", () => {
  it("is headed by its row's name, not the matrix's name as well", () => {
    const rows = packByWords(plan(matrixOfTwo())).columns.flat();
    expect(rows.map((s) => s.title)).toEqual(["Cohesion", "Capabilities"]);
    expect(rows.map((s) => s.part)).toEqual([
      { index: 1, total: 2 },
      { index: 2, total: 2 },
    ]);
    expect(rows[0]!.groups.map((g) => g.label)).toEqual(["NATO", "CSTO"]);
  });

  it("shows no part marker: its own name tells it from the next row, unlike a split section's parts", () => {
    const rows = packByWords(plan(matrixOfTwo())).columns.flat();
    const html = deckDocument(plan(...rows), new Map(), {
      transition: "none",
      theme: "briefwright",
      slideNumber: false,
    });
    expect(html).toContain("<h2>Cohesion</h2>");
    expect(html).not.toContain('class="bw-part"');
    // Where two parts would read alike, every part is numbered, in order (one whose header
    // names its headline's group too: "Key findings · CSTO").
    const [a, b] = rows;
    const alike = [
      { ...a!, title: "Key findings" },
      { ...b!, title: "Key findings" },
    ];
    expect([...partMarkers(alike).values()]).toEqual([
      { index: 1, total: 2 },
      { index: 2, total: 2 },
    ]);
    const own = { ...b!, id: "x--3", title: "Key findings · CSTO" };
    const markers = partMarkers([alike[0]!, own, alike[1]!]);
    expect([markers.get(alike[0]!), markers.get(own), markers.get(alike[1]!)]).toEqual([
      { index: 1, total: 3 },
      { index: 2, total: 3 },
      { index: 3, total: 3 },
    ]);
  });

  it("points to its headline from the headline's cell with an arrow, the mark said once, on the headline", () => {
    const row: Slide = {
      ...packByWords(plan(matrixOfTwo())).columns.flat()[0]!,
    };
    const [slide] = assignHeadlines(plan(row)).columns.flat();
    expect(slide!.headline).toBeDefined();
    const html = deckDocument(plan(slide!), new Map(), {
      transition: "none",
      theme: "briefwright",
      slideNumber: false,
    });
    const above = html.match(/<li class="[^"]*bw-above[^"]*"[^>]*>(.*?)<\/li>/su);
    expect(above?.[1]).toContain("↑");
    expect(above?.[1]).not.toContain("bw-mark");
    expect(html.match(/<h2 class="bw-assertion".*?<\/h2>/su)?.[0]).toContain("bw-mark");
  });
});

describe("a matrix cell no source addresses", () => {
  it("says so without naming its row and column (the slide shows them); the notes say it in full", async () => {
    const fx = loadFixture();
    const plan = planDeck(fx.document, await deckCitationsOf(fx.document));
    const matrix = plan.columns.flat().find((s) => s.kind === "matrix")!;
    // (A cell whose statement went to the notes for length shows "–".)
    const gaps = matrix.groups
      .flatMap((g) => g.items)
      .filter((i) => i.kind === "gap" && i.text !== "–");
    expect(gaps.length).toBeGreaterThan(0);
    for (const g of gaps) expect(g.text).toBe(chromeFor("en").gapOnSlide);
    // Its scope kept: no source of this corpus, not none at all.
    expect({ en: chromeFor("en").gapOnSlide, de: chromeFor("de").gapOnSlide }).toEqual({
      en: "No source here addresses this.",
      de: "Keine Quelle hier behandelt dies.",
    });
    expect(gaps.map((g) => g.full)).toContain("No source addresses cohesion for Kazakhstan.");
    const html = deckDocument(plan, new Map(), {
      transition: "none",
      theme: "briefwright",
      slideNumber: false,
    });
    expect(html).toContain("<p>No source addresses cohesion for Kazakhstan.</p>");
  });
});

describe("a timeline item's lead", () => {
  it("is its number alone where its sentence states its date", () => {
    expect(
      shownLead(
        "3. target: March 2005",
        "Nintendo's goal is to ship 5 million of its new Nintendo DS handheld consoles by March 2005.",
      ),
    ).toBe("3.");
    expect(
      shownLead(
        "4. scheduled: October 7, 2005",
        "Nintendogs is scheduled for a UK release October 7th, 2005.",
      ),
    ).toBe("4.");
    expect(
      shownLead(
        "1. geplant: 2. Dezember 2004",
        "Nachdem Nintendo den Erscheinungstermin auf den 2. Dezember 2004 datiert haben …",
      ),
    ).toBe("1.");
    expect(shownLead("2. 1989", "Nintendo first launched its GameBoy console in 1989.")).toBe("2.");
    // Day and month in either order; the verb "may" is no month.
    expect(
      shownLead(
        "4. scheduled: 7 October 2005",
        "Nintendogs may ship in the UK on October 7th, 2005.",
      ),
    ).toBe("4.");
  });

  it("keeps its date where the sentence does not state it, or states only part of it", () => {
    expect(shownLead("2. 2014", "Russia annexed Crimea.")).toBe("2. 2014");
    expect(shownLead("3. target: March 2005", "The goal is 5 million by 2005.")).toBe(
      "3. target: March 2005",
    );
    expect(shownLead("January 2022", "The CSTO deployed in January 2022.")).toBe("January 2022");
    // Part of the date, not the phrase: "December 2004" is not "2 December 2004".
    expect(
      shownLead(
        "1. reported: 2 December 2004",
        "Nintendo shipped 2.8 million DS units between its launch and December 2004.",
      ),
    ).toBe("1. reported: 2 December 2004");
    // Its words apart ("2005" … "March's"): the sentence does not state "March 2005".
    expect(
      shownLead(
        "3. target: March 2005",
        "Nintendo expects to ship 6 million units by 2005, up from March's forecast of 5 million.",
      ),
    ).toBe("3. target: March 2005");
    // Two dates in the sentence: the lead says which one the item is.
    expect(
      shownLead(
        "5. scheduled: 2006",
        "Sony launched the PSP in 2004 and plans its successor for 2006.",
      ),
    ).toBe("5. scheduled: 2006");
    expect(
      shownLead(
        "4. scheduled: 7 October 2005",
        "Nintendogs is scheduled for March or October 7th, 2005.",
      ),
    ).toBe("4. scheduled: 7 October 2005");
    expect(shownLead(undefined, "text")).toBeUndefined();
  });

  it("shows the date once on the slide, the number kept", () => {
    const item: SlideItem = {
      ...claim("Nintendogs is scheduled for a UK release October 7th, 2005.", "n"),
      lead: "4. scheduled: October 7, 2005",
    };
    const other: SlideItem = {
      ...claim("Sony released the PSP in Japan.", "p"),
      lead: "5. 2004",
    };
    const slide: Slide = {
      id: "timeline",
      kind: "timeline",
      layout: "list",
      title: "Timeline",
      groups: [{ items: [item, other] }],
      notes: [],
      noHeadline: true,
    };
    const html = deckDocument(plan(slide), new Map(), {
      transition: "none",
      theme: "briefwright",
      slideNumber: false,
    });
    expect(html).toContain('<span class="bw-lead">4.</span>');
    expect(html).toContain('<span class="bw-lead">5. 2004</span>');
    expect(html).not.toContain("scheduled: October 7, 2005");
  });
});

describe("a timeline item as a headline", () => {
  it("is not led by a date its sentence states", () => {
    const item: SlideItem = {
      ...claim("Nintendogs is scheduled for a UK release October 7th, 2005.", "n"),
      lead: "4. scheduled: October 7, 2005",
    };
    expect(headlineFor(item, 92)).toBe(
      "Nintendogs is scheduled for a UK release October 7th, 2005",
    );
    const undated: SlideItem = {
      ...claim("Russia annexed Crimea and started a war in Donbas.", "c"),
      lead: "3. 2014",
    };
    expect(headlineFor(undated, 92)).toBe(
      "2014: Russia annexed Crimea and started a war in Donbas",
    );
  });
});

describe("a headline's length", () => {
  it("is measured without the full stop it drops", () => {
    const text =
      "The DS spearheads Nintendo's attempt to continue its dominance of the handheld gaming market.";
    expect(text.length).toBe(93);
    expect(headlineOf(text, 92)).toBe(text.slice(0, -1));
    expect(words(headlineOf(text, 92)!)).toBe(14);
  });
});
