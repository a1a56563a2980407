/**
 * Placement in the evidence matrix by sentence structure: a passage goes under a subject only when
 * the subject is what a main clause is about, and under a dimension by its main clause's words.
 */
import { describe, expect, it } from "vitest";
import { cellScore, placementFocus } from "../../src/engine/matrix.js";
import { type Analysis, createAnalysis } from "../../src/engine/state.js";
import { analyseStructure } from "../../src/engine/syntax.js";
import { makeSource } from "./helpers.js";

const subjects = [
  { name: "NATO", aliases: ["the Alliance"] },
  { name: "CSTO", aliases: [] },
];
const dimensions = [
  { name: "Military weight", terms: ["forces", "soldiers", "troops"] },
  { name: "Origins and membership", terms: ["member", "membership", "join"] },
];

function analysis(
  paragraphs: string[],
  s = subjects,
  d: { name: string; terms: string[] }[] = dimensions,
): Analysis {
  return createAnalysis([makeSource("src", paragraphs)], s, d, new Map(), {
    evidencePerCell: 2,
    maxWords: 2000,
  });
}

function unitOf(a: Analysis, start: string): number {
  const u = a.units.findIndex((x) => x.text.startsWith(start));
  expect(u).toBeGreaterThanOrEqual(0);
  return u;
}

describe("subject placement", () => {
  it("places a possessor of the subject noun phrase under that subject", () => {
    const a = analysis(["NATO's rapid reaction force has 40,000 soldiers on standby in 2023."]);
    const u = unitOf(a, "NATO's");
    expect(a.topics[u]).toEqual(["NATO"]);
    expect(cellScore(a, 0, "NATO", u)).toBeGreaterThan(0);
  });

  it("does not place a side-clause or object mention under that subject", () => {
    const a = analysis([
      "Russia attacked Ukraine, so entering NATO was a logical wish for Ukraine in 2014.",
      "When Kazakhstan asked the CSTO for help, Russia sent 2,000 troops to Almaty.",
    ]);
    for (const start of ["Russia attacked", "When Kazakhstan"]) {
      const u = unitOf(a, start);
      expect(a.topics[u]).toEqual([]);
      for (const s of ["NATO", "CSTO"])
        for (let d = 0; d < dimensions.length; d++) expect(cellScore(a, d, s, u)).toBe(0);
    }
  });

  it("does not take an alias that ends another name for the subject", () => {
    const s = [{ name: "Nintendo DS", aliases: ["DS", "Nintendo"] }];
    const d = [{ name: "Games", terms: ["game", "games", "levels"] }];
    const a = analysis(
      [
        "Super Mario 64 DS is a faithful re-creation of the classic with new levels and games.",
        "The DS plays the new Mario games on two screens with new levels in 2004.",
      ],
      s,
      d,
    );
    expect(a.topics[unitOf(a, "Super Mario 64 DS")]).toEqual([]);
    expect(a.topics[unitOf(a, "The DS plays")]).toEqual(["Nintendo DS"]);
  });

  it("does not place a sentence about a third party", () => {
    const a = analysis([
      "The CSTO has six member states in Central Asia and the Caucasus.",
      "Prior to 2014 Ukraine was a neutral country with 200,000 troops.",
    ]);
    const u = unitOf(a, "Prior to 2014");
    expect(a.topics[u]).toEqual([]);
    expect(cellScore(a, 0, "CSTO", u)).toBe(0);
  });

  it("places a comparison naming both subjects as subjects under both", () => {
    const a = analysis(["The CSTO has 20,000 troops while NATO has 40,000 soldiers on call."]);
    const u = unitOf(a, "The CSTO");
    expect([...(a.topics[u] ?? [])].sort()).toEqual(["CSTO", "NATO"]);
    expect(cellScore(a, 0, "NATO", u)).toBeGreaterThan(0);
    expect(cellScore(a, 0, "CSTO", u)).toBeGreaterThan(0);
  });
});

describe("dimension placement", () => {
  const parsers = [
    { name: "html5lib", aliases: [] },
    { name: "lxml", aliases: [] },
  ];
  const dims = [
    { name: "Limits and scale", terms: ["size", "gigabytes", "large documents", "memory"] },
    { name: "Community", terms: ["community", "contributors", "users"] },
  ];
  it("reads relevance on the main clause's head words, not a measure noun", () => {
    const a = analysis(
      [
        "The size of the html5lib user community has doubled since 2019.",
        "lxml reads documents of several gigabytes in size with little memory.",
      ],
      parsers,
      dims,
    );
    const community = unitOf(a, "The size");
    const limits = unitOf(a, "lxml reads");
    expect(a.topics[community]).toEqual(["html5lib"]);
    expect(a.relevance[0]![community]).toBe(0);
    expect(cellScore(a, 0, "html5lib", community)).toBe(0);
    expect(cellScore(a, 1, "html5lib", community)).toBeGreaterThan(0);
    expect(cellScore(a, 0, "lxml", limits)).toBeGreaterThan(0);
  });

  it("expands a dimension's terms by their lemmas", () => {
    const a = analysis(
      ["The CSTO sold weapons to Armenia in 2021 for 400 million dollars."],
      subjects,
      [{ name: "Sales", terms: ["sells"] }],
    );
    expect(a.relevance[0]![unitOf(a, "The CSTO")]).toBeGreaterThan(0);
  });

  it("expands a dimension's terms by their derivational family, not by a short shared stem", () => {
    const a = analysis(
      [
        "NATO did not expand its borders by force in the decade after 1999.",
        "The CSTO intervened in Kazakhstan in January 2022 at the request of its president.",
        "The UN General Assembly voted on the resolution in March 2022.",
      ],
      subjects,
      [
        { name: "Origins", terms: ["expansion", "intervention"] },
        // Lancaster stems "unity" to "un": too short to be a family, so "UN" is no match.
        { name: "Cohesion", terms: ["unity"] },
      ],
    );
    expect(a.relevance[0]![unitOf(a, "NATO did not")]).toBeGreaterThan(0);
    expect(a.relevance[0]![unitOf(a, "The CSTO intervened")]).toBeGreaterThan(0);
    expect(a.relevance[1]![unitOf(a, "The UN")]).toBe(0);
  });

  it("matches a verb with its nominalisation only, not words of another sense", () => {
    const a = analysis(
      [
        "NATO's budget remained solid in 2022 despite the war in Ukraine.",
        "NATO held air-policing exercises at regular intervals in 2022 over the Baltic states.",
      ],
      subjects,
      [
        { name: "Cohesion", terms: ["solidarity"] },
        { name: "Defence", terms: ["intervene"] },
      ],
    );
    expect(a.relevance[0]![unitOf(a, "NATO's budget")]).toBe(0);
    expect(a.relevance[1]![unitOf(a, "NATO held")]).toBe(0);
  });
});

describe("dimension terms in a non-finite adjunct", () => {
  const dims = [
    { name: "Collective defence", terms: ["Article", "attack", "troops"] },
    { name: "Cohesion", terms: ["unity", "vote"] },
  ];
  it("places by the predicate's terms, not by a participle or gerund adjunct's", () => {
    const a = analysis(
      [
        "NATO sent troops to Estonia in 2023.",
        "The CSTO sent troops to Almaty in January 2022.",
        "The NATO allies voted in Vilnius in 2023.",
        "NATO is slowly coming back to life in unity, holding the key to stopping Russia without triggering Article Five.",
      ],
      subjects,
      dims,
    );
    const u = unitOf(a, "NATO is slowly");
    // Before, ", holding …" and "without triggering Article Five" counted as much as the
    // predicate's "in unity", and the sentence was filed under collective defence too.
    expect(a.relevance[0]![u]).toBeGreaterThan(0);
    expect(a.relevance[0]![u]).toBeLessThan(a.relevance[1]![u]! * 0.75);
    expect(cellScore(a, 0, "NATO", u)).toBe(0);
    expect(cellScore(a, 1, "NATO", u)).toBeGreaterThan(0);
  });

  it("marks the adjunct in the sentence structure, not an 'of' gerund or the predicate", () => {
    const s = analyseStructure(
      "The DS went on sale in Japan in December, selling 500,000 units without cutting its price.",
    )!;
    const adjunct = s.clauses[0]!.adjuncts!.map((t) => s.words[t]!.text);
    expect(adjunct[0]).toBe(",");
    expect(adjunct).toContain("selling");
    expect(adjunct).toContain("price");
    expect(adjunct).not.toContain("sale");
    const without = analyseStructure("NATO defends its members without triggering Article Five.")!;
    expect(without.clauses[0]!.adjuncts!.map((t) => without.words[t]!.text)).toEqual([
      "without",
      "triggering",
      "Article",
      "Five",
      ".",
    ]);
    // A gerund the verb or noun asks for is its complement, not an adjunct.
    for (const text of [
      "Sony took the risk of putting a disc drive in a handheld.",
      "NATO committed to supporting Ukraine for as long as it takes.",
    ])
      expect(analyseStructure(text)!.clauses[0]!.adjuncts).toBeUndefined();
  });
});

describe("a clause stated after 'that'", () => {
  it("reads 'It is possible that X would …' and 'Y says that X …' as stating X's clause", () => {
    const a = analysis(
      [
        "NATO sent troops to Estonia in 2023.",
        "So it’s possible that NATO would intervene if Estonia was indeed attacked.",
        "Russian officials said that the CSTO would deploy troops to Almaty within days.",
      ],
      subjects,
      [{ name: "Collective defence", terms: ["intervene", "deploy", "troops"] }],
    );
    const possible = unitOf(a, "It’s possible");
    // Before, the clause after "that" was cut from the main clause and never read: no topic,
    // no relevance, and the sentence could not be placed.
    expect(a.topics[possible]).toEqual(["NATO"]);
    expect(a.relevance[0]![possible]).toBeGreaterThan(0.3);
    expect(cellScore(a, 0, "NATO", possible)).toBeGreaterThan(0);
    const said = unitOf(a, "Russian officials");
    expect(a.topics[said]).toEqual(["CSTO"]);
    expect(cellScore(a, 0, "CSTO", said)).toBeGreaterThan(0);
    const s = analyseStructure("It is likely that the CSTO will deploy troops to Almaty.")!;
    const stated = s.clauses.find((c) => c.subject.some((t) => s.words[t]!.text === "CSTO"))!;
    expect(stated.words.map((t) => s.words[t]!.text)).toContain("deploy");
  });
});

describe("dimension relevance on one scale", () => {
  it("does not lift a dimension the corpus barely addresses to full strength on its one weak hit", () => {
    const a = analysis([
      "NATO moved soldiers, troops and forces to its eastern flank in 2022.",
      "The CSTO sent troops and forces to Almaty in January 2022.",
      "NATO has 40,000 soldiers and forces in its rapid reaction unit.",
      "The CSTO keeps 20,000 troops and forces on standby in Central Asia.",
      "NATO trained soldiers and troops of Ukraine in Poland during 2023.",
      "The CSTO held a summit in Moscow for the leaders of its member states in 2021.",
    ]);
    const strong = unitOf(a, "NATO moved");
    const weak = unitOf(a, "The CSTO held");
    expect(a.relevance[0]![strong]).toBe(1);
    // Before, each dimension was scaled to its own best passages: the summit sentence, the only
    // one touching membership (in a side phrase), was relevance 1 and filled the cell.
    expect(a.relevance[1]![weak]).toBeGreaterThan(0);
    expect(a.relevance[1]![weak]).toBeLessThan(0.7);
  });
});

describe("dimension terms in the plural", () => {
  it("reads a plural term in its plural sense: 'forces' is not 'by force'", () => {
    const a = analysis(
      [
        "NATO did not expand its borders by force in the decade after 1999.",
        "NATO moved forces to Poland and the Baltic states in 2022.",
      ],
      subjects,
      [{ name: "Military weight", terms: ["forces"] }],
    );
    expect(a.relevance[0]![unitOf(a, "NATO did not")]).toBe(0);
    expect(a.relevance[0]![unitOf(a, "NATO moved")]).toBeGreaterThan(0);
  });
});

describe("placement in German", () => {
  it("stems a German passage and the brief's German terms alike, and finds the subject of a V2 clause", () => {
    const a = createAnalysis(
      [
        makeSource(
          "heise",
          [
            "Nach der Einführung in den USA hatte Sony dort Hunderttausende Einheiten verkauft.",
            "Der Preis der Konsole liegt in Europa bei rund 249 Euro für alle Käufer.",
          ],
          { language: "de" },
        ),
      ],
      [{ name: "Sony PSP", aliases: ["Sony", "PSP"] }],
      [{ name: "Verkaufszahlen", terms: ["verkauft", "Einheit"] }],
      new Map(),
      { evidencePerCell: 2, maxWords: 2000, language: "de" },
    );
    const sales = unitOf(a, "Nach der Einführung");
    expect(a.relevance[0]![sales]).toBeGreaterThan(0);
    expect(placementFocus(a, "Sony PSP", sales)).toBe(1);
    expect(a.relevance[0]![unitOf(a, "Der Preis")]).toBe(0);
  });
});

describe("sentence structure", () => {
  it("never throws on hostile text and skips what it cannot read", () => {
    for (const t of ["", "\u0000\u0001", "((((((", "— — —", "x".repeat(5000), "\uFFFF\uD800 a b"])
      expect(() => analyseStructure(t)).not.toThrow();
    expect(analyseStructure("x".repeat(5000))).toBeNull();
  });
});
