import { describe, expect, it } from "vitest";
import {
  assignHeadlines,
  HEADLINE_CHARS,
  LONG_HEADLINE_CHARS,
  takeBackLongHeadlines,
} from "../../../src/writers/deck/headline.js";
import { labelWithoutTitle } from "../../../src/writers/deck/plan.js";
import { bodyText, SHOWN_ABOVE } from "../../../src/writers/deck/repeat.js";
import type { DeckPlan, Slide, SlideItem } from "../../../src/writers/deck/slides.js";
import { shortenOverBudget } from "../../../src/writers/deck/split.js";
import { packByWords, slideWords } from "../../../src/writers/deck/words.js";
import { claim } from "./fixture.js";

/** A matrix row's slide: one cell per subject, side by side. */
const row = (nato: SlideItem, csto: SlideItem): Slide => ({
  id: "evidence-matrix",
  kind: "matrix",
  layout: "columns",
  title: "Evidence matrix · Cohesion and unity",
  groups: [
    { label: "NATO", items: [nato] },
    { label: "CSTO", items: [csto] },
  ],
  notes: [],
});

const plan = (...slides: Slide[]): DeckPlan => ({
  lang: "en",
  title: "t",
  columns: slides.map((s) => [s]),
});

describe("a headline and the body under it", () => {
  it("never repeats a cell word for word: the cell points up to the headline, which carries its citation", () => {
    const nato = claim("All 30 NATO countries voted in favor of the resolution.", "c1");
    const csto = claim("The CSTO lacks unity and experience.", "c2");
    const slide = assignHeadlines(plan(row(nato, csto))).columns[0]![0]!;
    expect(slide.headline?.inBody).toBe(true);
    const shown = slide.groups.map((g) => bodyText(slide, g.items[0]!));
    expect(shown.filter((t) => t === SHOWN_ABOVE)).toHaveLength(1);
    // The other cell is evidence of its own; the arrow costs no words.
    expect(shown).toContain(csto.text);
    expect(slideWords(slide)).toBeLessThan(
      slideWords({ ...slide, headline: undefined }) + slide.headline!.text.split(" ").length,
    );
  });

  it("points up from a cell that adds only a few words to a long headline", () => {
    const full =
      "All 30 NATO countries voted in favor of the United Nations General Assembly resolution condemning Russian actions.";
    const nato = claim(full, "c1");
    const slide: Slide = {
      ...row(nato, claim("The CSTO lacks unity and experience.", "c2")),
      headline: {
        text: "All 30 NATO countries voted in favor of the United Nations General Assembly resolution…",
        item: nato,
        inBody: true,
      },
    };
    expect(bodyText(slide, nato)).toBe(SHOWN_ABOVE);
  });

  it("keeps a cell that says more than the headline stating it", () => {
    const long =
      "During the Madrid Summit, NATO committed to support embattled Ukraine for as long as it takes.";
    const nato = { ...claim(long, "c1"), text: long };
    const slide: Slide = {
      ...row(nato, claim("The CSTO stayed out of the war.", "c2")),
      headline: { text: "NATO committed to support embattled Ukraine", item: nato, inBody: true },
    };
    expect(bodyText(slide, nato)).toBe(long);
  });

  it("does not head a list slide with its only bullet", () => {
    const only = claim("Nintendo first launched its GameBoy console in 1989.", "c1");
    const slide: Slide = {
      id: "timeline",
      kind: "timeline",
      layout: "list",
      title: "Timeline",
      groups: [{ items: [only] }],
      notes: [],
    };
    expect(assignHeadlines(plan(slide)).columns[0]![0]!.headline).toBeUndefined();
  });

  it("prefers a claim no other slide states", () => {
    const a = claim("The CSTO deployed forces in January 2022 for the first time.", "a");
    const b = claim("NATO pledged to strengthen deterrence across the Alliance.", "b");
    const c = claim("The CSTO rapid reaction group has 20,000 people in it.", "c");
    const list = (id: string, items: SlideItem[]): Slide => ({
      id,
      kind: "findings",
      layout: "list",
      title: id,
      groups: [{ items: structuredClone(items) }],
      notes: [],
    });
    const [first, second] = assignHeadlines(
      plan(list("one", [a, b]), list("two", [a, c])),
    ).columns.flat();
    expect(first!.headline?.item.claimId).toBe("a");
    expect(second!.headline?.item.claimId).toBe("c");
  });
});

describe("packing claims into slides", () => {
  it("makes a part per pair of long claims rather than fewer parts of three", () => {
    const items = Array.from({ length: 8 }, (_, i) =>
      claim(Array.from({ length: 18 }, (_, j) => `w${i}x${j}`).join(" "), `c${i}`),
    );
    const slide: Slide = {
      id: "kf",
      kind: "findings",
      layout: "list",
      title: "Key findings",
      groups: [{ items }],
      notes: [],
    };
    const parts = packByWords(plan(slide)).columns.flat();
    expect(parts.map((p) => p.groups[0]!.items.length)).toEqual([2, 2, 2, 2]);
  });
});

describe("the sources slide", () => {
  it("does not say a title twice: a label quoting it leads with the publisher only", () => {
    expect(
      labelWithoutTitle(
        "BBC News, ‘Nintendo DS aims to touch gamers’",
        "Nintendo DS aims to touch gamers",
      ),
    ).toBe("BBC News");
    expect(
      labelWithoutTitle(
        "‘The Sony Playstation Portable (PSP) …’",
        "The Sony Playstation Portable (PSP) is a portable video game device",
      ),
    ).toBeUndefined();
    expect(labelWithoutTitle("Putz 2022", "What Is the Value of the CSTO Now?")).toBe("Putz 2022");
  });
});

describe("a slide over the median goal", () => {
  const aside =
    "[The DS], which features touch-screen control, will retail for £99 in the UK (149 euros).";
  const place = "In Japan, on the other hand, the DS is outselling the PSP by almost 3.5 to 1.";
  const item = (text: string, id: string, clauses: SlideItem["clauses"]): SlideItem => ({
    ...claim(text, id),
    clauses,
  });
  const slideOf = (head: SlideItem, body: SlideItem): DeckPlan => ({
    lang: "en",
    title: "t",
    columns: [
      [
        {
          id: "figures",
          kind: "figures",
          layout: "list",
          title: "Figures",
          groups: [{ items: [body] }],
          notes: [],
          headline: { text: head.full!.slice(0, -1), item: head, inBody: false },
        },
      ],
    ],
  });
  const body = claim("Games for the DS are expected to cost between £19 and £29.", "b");

  it("has its headline shortened harder by marked deletion, its numbers kept", () => {
    const plan = slideOf(item(aside, "a", { spans: [[47, 89]], verbs: [[47, 51]] }), body);
    const next = shortenOverBudget(
      plan,
      [{ id: "figures", overflow: false, height: 0, fits: [], words: 40 }],
      35,
    );
    expect(next!.columns[0]![0]!.headline!.text).toBe(
      "[The DS] … will retail for £99 in the UK (149 euros)",
    );
    // A slide under the budget is left as it is.
    expect(
      shortenOverBudget(
        plan,
        [{ id: "figures", overflow: false, height: 0, fits: [], words: 30 }],
        35,
      ),
    ).toBeNull();
  });

  it("keeps where its claim holds: no form without the place its sentence names", () => {
    const plan = slideOf(
      item(place, "p", {
        spans: [[29, 77]],
        verbs: [
          [36, 38],
          [39, 49],
        ],
      }),
      body,
    );
    const next = shortenOverBudget(
      plan,
      [{ id: "figures", overflow: false, height: 0, fits: [], words: 40 }],
      35,
    );
    expect((next ?? plan).columns[0]?.[0]?.headline?.text).toContain("Japan");
  });
});

describe("a slide whose every claim is longer than two lines' estimate", () => {
  // 109 characters, no side matter to delete: over HEADLINE_CHARS, which the browser sets on two lines.
  const rapid =
    "The CSTO currently has a rapid reaction group of 20,000 people, while a similar NATO unit has 40,000 soldiers.";
  const slide = (): Slide => row(claim("NATO has a large budget.", "c1"), claim(rapid, "c2"));

  it("is headed by one of them all the same, marked long, for the browser to measure", () => {
    expect(rapid.length).toBeGreaterThan(HEADLINE_CHARS);
    expect(rapid.length).toBeLessThanOrEqual(LONG_HEADLINE_CHARS);
    const list: Slide = {
      id: "key-findings",
      kind: "findings",
      layout: "list",
      title: "Key findings",
      groups: [
        {
          items: [
            claim(
              "Of the CSTO's six members, only Russia and Belarus voted against the resolution, with Armenia, Kazakhstan, Kyrgyzstan and Tajikistan all abstaining.",
              "c3",
            ),
            claim(rapid, "c2"),
          ],
        },
      ],
      notes: [],
    };
    const [headed] = assignHeadlines(plan(list)).columns.flat();
    expect(headed!.headline?.text).toBe(rapid.slice(0, -1));
    expect(headed!.headline?.long).toBe(true);
    // The other claim stays under it as evidence.
    expect(headed!.groups.flatMap((g) => g.items.map((i) => i.claimId))).toEqual(["c3"]);
  });

  it("is headed by its title again when the browser sets that headline on a third line", () => {
    const cells: Slide = {
      ...slide(),
      groups: [{ label: "CSTO", items: [claim(rapid, "c2")] }],
    };
    const headed = assignHeadlines(plan(cells));
    const [first] = headed.columns.flat();
    expect(first!.headline?.long).toBe(true);
    const back = takeBackLongHeadlines(headed, new Set([first!.id]));
    const [again] = back!.columns.flat();
    expect(again!.headline).toBeUndefined();
    expect(again!.tallClaims).toEqual(["c2"]);
    // Its claim is in the body, as before the headline was tried.
    expect(again!.groups.flatMap((g) => g.items.map((i) => i.claimId))).toEqual(["c2"]);
    // A short headline is never taken back (the estimate holds for it).
    const short = assignHeadlines(plan(slide()));
    expect(short.columns[0]![0]!.headline?.long).toBeUndefined();
    expect(takeBackLongHeadlines(short, new Set([short.columns[0]![0]!.id]))).toBeNull();
  });
});

describe("a slide whose first long headline took three lines", () => {
  it("is headed by its next claim that fits the longer limit, the first back in its body", () => {
    const first =
      "[The DS] went on sale in the US in mid-November priced $150 and Nintendo says sales have exceeded expectations.";
    const second =
      "Since going on sale in Japan and the US at the end of 2004, Nintendo has sold almost 4m DS consoles.";
    const figures: Slide = {
      id: "figures",
      kind: "figures",
      layout: "list",
      title: "Figures",
      groups: [{ items: [claim(first, "f1"), claim(second, "f2")] }],
      notes: [],
    };
    expect(second.length).toBeGreaterThan(HEADLINE_CHARS);
    const headed = assignHeadlines(plan(figures));
    expect(headed.columns[0]![0]!.headline?.item.claimId).toBe("f1");
    const back = takeBackLongHeadlines(headed, new Set(["figures"]));
    const [again] = back!.columns.flat();
    expect(again!.headline?.item.claimId).toBe("f2");
    expect(again!.headline?.long).toBe(true);
    expect(again!.groups.flatMap((g) => g.items.map((i) => i.claimId))).toEqual(["f1"]);
    // That one too set on three lines: the slide is headed by its title, both claims under it.
    const last = takeBackLongHeadlines(back!, new Set(["figures"]));
    const [titled] = last!.columns.flat();
    expect(titled!.headline).toBeUndefined();
    expect(titled!.tallClaims).toEqual(["f1", "f2"]);
    expect(titled!.groups.flatMap((g) => g.items.map((i) => i.claimId))).toEqual(["f1", "f2"]);
    // The last take-back the build allows rules out every long headline on the slide at once.
    const last2 = takeBackLongHeadlines(headed, new Set(["figures"]), true);
    const [final] = last2!.columns.flat();
    expect(final!.headline).toBeUndefined();
    expect(final!.tallClaims).toEqual(["f1", "f2"]);
  });
});

describe("a long headline taken back", () => {
  it("leaves its slide as it was before the headline was chosen: same columns, same order", () => {
    const rapid =
      "The CSTO currently has a rapid reaction group of 20,000 people, while a similar NATO unit has 40,000 soldiers.";
    const tooLong = (who: string, id: string) =>
      claim(
        `${who} has a claim far too long to head any slide: it goes on about budgets, members, summits, exercises and the many treaties signed since the early nineties.`,
        id,
      );
    const columns: Slide = {
      id: "military-weight",
      kind: "dimension",
      layout: "columns",
      title: "Military weight",
      groups: [
        { label: "NATO", items: [tooLong("NATO", "a1"), tooLong("The Alliance", "a2")] },
        { label: "CSTO", items: [tooLong("The CSTO", "b1"), claim(rapid, "b2")] },
      ],
      notes: [],
    };
    const original = structuredClone(columns);
    const headed = assignHeadlines(plan(columns));
    const [slide] = headed.columns.flat();
    expect(slide!.headline?.item.claimId).toBe("b2");
    expect(slide!.headline?.long).toBe(true);
    const back = takeBackLongHeadlines(headed, new Set([slide!.id]));
    const [again] = back!.columns.flat();
    expect(again!.headline).toBeUndefined();
    expect(again!.title).toBe(original.title);
    expect(again!.groups.map((g) => [g.label, g.items.map((i) => i.claimId)])).toEqual([
      ["NATO", ["a1", "a2"]],
      ["CSTO", ["b1", "b2"]],
    ]);
  });
});
