/** Unit tests of the engine's parts: alias matching, claims and edits, dates, figures. */
import { describe, expect, it } from "vitest";
import { applyEdits, computeEdits, makeClaim, quoteSelector } from "../../src/engine/claims.js";
import { eventDate } from "../../src/engine/dates.js";
import { quantitiesIn } from "../../src/engine/figures.js";
import { shortLabel } from "../../src/engine/profiles.js";
import { buildMatchers, subjectsNamed } from "../../src/engine/subjects.js";
import { buildUnits, MAX_UNITS_PER_SOURCE } from "../../src/engine/units.js";
import { verifyCitation } from "../../src/outline/verify.js";
import { makeSource } from "./helpers.js";

const matchers = buildMatchers([
  {
    name: "NATO",
    aliases: ["North Atlantic Treaty Organization", "the Alliance", "North Atlantic Alliance"],
  },
  { name: "CSTO", aliases: ["Collective Security Treaty Organization"] },
]);

describe("subject aliases", () => {
  it("matches capitalised aliases case-sensitively and acronyms as whole words", () => {
    expect(subjectsNamed("The Alliance needs to adjust.", matchers)).toEqual(["NATO"]);
    expect(subjectsNamed("It is an alliance of convenience.", matchers)).toEqual([]);
    expect(subjectsNamed("the transatlantic alliance grew", matchers)).toEqual([]);
    expect(subjectsNamed("NATO’s reset and the CSTO's summit", matchers)).toEqual(["NATO", "CSTO"]);
    expect(subjectsNamed("NATOISH and PRECSTO are not names", matchers)).toEqual([]);
    expect(subjectsNamed("the Collective Security Treaty Organization (CSTO)", matchers)).toEqual([
      "CSTO",
    ]);
  });
});

describe("claims", () => {
  it("deletes a leading connective only when a capital follows, and records it", () => {
    const edits = computeEdits("However, Russia did not intervene.");
    expect(edits).toEqual([
      { kind: "delete", text: "However, ", at: 0, reason: "leading-connective" },
    ]);
    expect(applyEdits("However, Russia did not intervene.", edits)).toBe(
      "Russia did not intervene.",
    );
    expect(computeEdits("However, there are speculations.")).toEqual([]);
  });

  it("drops reader-directed filler and long asides, keeping the fact", () => {
    const s =
      "The reality, guys, has been far more nuanced (as everyone who has followed the long story of the alliance knows by now) than expected.";
    expect(applyEdits(s, computeEdits(s))).toBe(
      "The reality has been far more nuanced than expected.",
    );
  });

  it("anchors repeated quotes with prefix and suffix", () => {
    const block = "NATO grew. Then it grew again. NATO grew.";
    expect(quoteSelector(block, 0, 10)).toMatchObject({
      exact: "NATO grew.",
      suffix: " Then it grew again. NATO grew.",
    });
    expect(quoteSelector(block, 11, 30)).toEqual({
      type: "TextQuoteSelector",
      exact: "Then it grew again.",
    });
  });

  it("builds a claim whose quote is the exact source text", () => {
    const src = makeSource("a-2022", ["Moreover, NATO has 32 members. It grew in 2024."]);
    const block = src.blocks[0]!;
    const s = block.sentences[0]!;
    const claim = makeClaim({
      sourceId: "a-2022",
      block,
      first: 1,
      last: 1,
      start: s.start,
      end: s.end,
    });
    expect(claim).toMatchObject({ id: "c-a-2022-1-1", text: "NATO has 32 members." });
    expect(claim.citations[0]).toMatchObject({
      sourceId: "a-2022",
      block: 1,
      sentence: 1,
      quote: { exact: "Moreover, NATO has 32 members." },
    });
  });
});

describe("statement candidates", () => {
  it("skips questions, reader address and headings, and merges pointing-back sentences", () => {
    const src = makeSource("b", [
      "# NATO in numbers",
      "Why did Ukraine choose NATO? Alright, guys, let's dive in. You know the CSTO is small.",
      "Belarus voted against the resolution in March. The rest of the CSTO states abstained.",
      "This is why nobody cares.",
    ]);
    const units = buildUnits([src], { matchers });
    expect(units.map((u) => u.text)).toEqual([
      "Belarus voted against the resolution in March.",
      "Belarus voted against the resolution in March. The rest of the CSTO states abstained.",
    ]);
    expect(units[1]!.sentenceKeys).toEqual(["b:3:1", "b:3:2"]);
  });
});

describe("dates", () => {
  it("keeps partial dates partial and resolves relative ones against the source date", () => {
    expect(eventDate("The CSTO deployed in January 2022 to Kazakhstan.", undefined)?.iso).toBe(
      "2022-01",
    );
    expect(eventDate("In 2014 Russia annexed Crimea.", undefined)?.iso).toBe("2014");
    expect(eventDate("In February, officials complained.", "2022-08-03")).toMatchObject({
      iso: "2022-02",
      relative: true,
    });
    expect(eventDate("In February, officials complained.", undefined)).toBeUndefined();
    expect(eventDate("Last year, clashes occurred.", "2022-05-01")?.iso).toBe("2021");
  });

  it("ignores birth years, 'as of' and boundaries", () => {
    expect(eventDate("He was born in Ukraine in 1964.", undefined)).toBeUndefined();
    expect(eventDate("She is a fellow as of 2022.", undefined)).toBeUndefined();
    expect(eventDate("Prior to 2014 Ukraine was neutral.", undefined)).toBeUndefined();
  });
});

const numbersIn = (text: string) => quantitiesIn(text).quantities;

describe("figures", () => {
  it("finds counted numbers with what they count", () => {
    const found = numbersIn(
      "The CSTO has a rapid reaction group of 20,000 people, while NATO has 40,000 soldiers.",
    );
    expect(found.map((f) => [f.value, f.counts])).toEqual([
      [20000, "people in the rapid reaction group"],
      [40000, "soldiers"],
    ]);
    expect(
      numbersIn("Leaders pledged to bring defense spending up to 2 percent of GDP.")[0],
    ).toMatchObject({ value: 2, unit: "%", counts: "defense spending (% of GDP)" });
    expect(numbersIn("On 16 May 2022, in 1992 and under Article 5.")).toEqual([]);
  });
});

describe("short labels", () => {
  it("uses surname and year, publisher without author, n.d. without date", () => {
    expect(
      shortLabel(makeSource("putz", [], { authors: ["Catherine Putz"], date: "2022-03-01" })),
    ).toBe("Putz 2022");
    expect(shortLabel(makeSource("hb", [], { publisher: "Handelsblatt" }))).toBe(
      "Handelsblatt n.d.",
    );
  });
});

describe("verifyCitation", () => {
  const src = makeSource("v", ["NATO has 32 members — all of them “allies”. It grew in 2024."]);
  const quote = (exact: string, extra: object = {}) => ({
    type: "TextQuoteSelector" as const,
    exact,
    ...extra,
  });

  it("accepts the exact text and differences of quotes, dashes and spacing only", () => {
    expect(
      verifyCitation(
        { sourceId: "v", block: 1, sentence: 1, quote: quote("NATO has 32 members — all") },
        [src],
      ),
    ).toBeUndefined();
    expect(
      verifyCitation({ sourceId: "v", block: 1, quote: quote('members -  all of them "allies"') }, [
        src,
      ]),
    ).toBeUndefined();
  });

  it("rejects changed words, wrong ¶, wrong sentence and unknown sources", () => {
    expect(
      verifyCitation({ sourceId: "v", block: 1, quote: quote("NATO has 33 members") }, [src]),
    ).toMatch(/quote not found/u);
    expect(verifyCitation({ sourceId: "v", block: 2, quote: quote("NATO") }, [src])).toMatch(
      /no ¶2/u,
    );
    expect(
      verifyCitation({ sourceId: "v", block: 1, sentence: 2, quote: quote("NATO has 32") }, [src]),
    ).toMatch(/not in sentence 2/u);
    expect(verifyCitation({ sourceId: "w", block: 1, quote: quote("NATO") }, [src])).toMatch(
      /unknown source/u,
    );
  });
});

describe("huge inputs", () => {
  it("counts a repeated sentence once and caps the statements taken from one source", () => {
    const same = makeSource("same", [
      "NATO and the CSTO were discussed again in a long line. ".repeat(2000),
    ]);
    expect(buildUnits([same], { matchers })).toHaveLength(1);
    const many = Array.from(
      { length: 1000 },
      (_, i) => `NATO met for the ${i + 1}th time in a long series.`,
    );
    const truncated: string[] = [];
    const units = buildUnits([makeSource("many", [many.join(" ")])], { matchers, truncated });
    expect(units).toHaveLength(MAX_UNITS_PER_SOURCE);
    expect(truncated).toEqual(["many"]);
  });
});

describe("first person and the reader", () => {
  it("tells the US from 'us', and knows German first person", () => {
    const m = buildMatchers([{ name: "Sony PSP", aliases: ["PSP"] }]);
    const texts = (p: string) =>
      buildUnits([makeSource("s", [p])], { matchers: m }).map((u) => u.text);
    expect(texts("The PSP goes on sale in the US on Thursday for $249.")).toHaveLength(1);
    expect(texts("We think the PSP is the best handheld of the year.")).toHaveLength(0);
    expect(texts("Zum Umfang kopiere ich aus dem offiziellen Text der PSP-Meldung.")).toHaveLength(
      0,
    );
  });
});
