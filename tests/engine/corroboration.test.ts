// Corroboration: support means the same fact (who, what, numbers and dates), not shared words;
// near-duplicate sources count as one.
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../../src/brief/resolve.js";
import { BriefSpecSchema } from "../../src/brief/schema.js";
import { findCopies } from "../../src/engine/copies.js";
import { numbersIn, relate } from "../../src/engine/corroboration.js";
import { supportDetail } from "../../src/engine/findings.js";
import { createAnalysis } from "../../src/engine/state.js";
import { makeSource } from "./helpers.js";
import { analyse } from "./imports.js";

const subjects = [
  { name: "NATO", aliases: ["the Alliance"] },
  { name: "CSTO", aliases: [] },
];

function analysisOf(texts: Record<string, string[]>) {
  const sources = Object.entries(texts).map(([id, paragraphs]) =>
    makeSource(id, paragraphs, { date: "2022-06-01" }),
  );
  const a = createAnalysis(sources, subjects, [], new Map(), {
    evidencePerCell: 2,
    maxWords: 2000,
  });
  const unit = (id: string, text: string) => {
    const u = a.units.findIndex((x) => x.sourceId === id && x.text.startsWith(text));
    expect(u, `${id}: ${text}`).toBeGreaterThanOrEqual(0);
    return u;
  };
  return { a, unit };
}

describe("numbers are normalised", () => {
  it("reads 20,000 as 20000, leaves years and days out, scales millions", () => {
    expect([...numbersIn("a rapid reaction group of 20,000 people")]).toEqual(["20000"]);
    expect([...numbersIn("of 20000 people in January 2022")]).toEqual(["20000"]);
    expect([...numbersIn("on 11 March it shipped 2.8 million units")]).toEqual(["2800000"]);
    expect([...numbersIn("support rose to 83%")]).toEqual(["83%"]);
    expect([...numbersIn("three million consoles")]).toEqual(["3000000"]);
  });
});

describe("support is the same fact", () => {
  it("two sentences sharing words but with different subjects are not support", () => {
    const { a, unit } = analysisOf({
      one: [
        "When the United Nations General Assembly condemned Russia's actions, Belarus voted against.",
      ],
      two: [
        "All 30 NATO countries, for example, voted in favour of the United Nations General Assembly resolution condemning Russian actions.",
      ],
    });
    const u = unit("one", "When");
    const j = unit("two", "All 30");
    expect(relate(a, u, j)).toEqual({ kind: "unrelated", why: "who" });
    expect(supportDetail(a, u, 0)).toEqual([]);
  });

  it("the same fact with a different number is not support but a candidate disagreement", () => {
    const { a, unit } = analysisOf({
      one: ["The CSTO deployed 3,000 troops to Kazakhstan during the unrest."],
      two: ["The CSTO deployed 2,030 troops to Kazakhstan during the unrest."],
    });
    const u = unit("one", "The CSTO");
    const j = unit("two", "The CSTO");
    expect(relate(a, u, j)).toEqual({ kind: "conflict", on: "number" });
    expect(supportDetail(a, u, 0)).toEqual([]);
    expect(a.conflicts).toEqual([{ a: Math.min(u, j), b: Math.max(u, j), kind: "number" }]);
  });

  it("the same fact written the same way is `same`; with more detail it is `detail`", () => {
    const { a, unit } = analysisOf({
      one: ["The CSTO deployed troops to Kazakhstan during the unrest."],
      two: ["The CSTO deployed troops to Kazakhstan during the unrest."],
      three: [
        "The CSTO deployed 2,030 troops to Kazakhstan during the unrest in January 2022 at the request of President Tokayev.",
      ],
    });
    const u = unit("one", "The CSTO");
    expect(relate(a, u, unit("two", "The CSTO"))).toEqual({ kind: "support", relation: "same" });
    expect(relate(a, u, unit("three", "The CSTO"))).toEqual({
      kind: "support",
      relation: "detail",
    });
    expect(supportDetail(a, u, 0).map((s) => s.relation)).toEqual(["same", "detail"]);
  });

  it("a negated statement does not support its affirmative", () => {
    const { a, unit } = analysisOf({
      one: ["Russia intervened in the Karabakh conflict over the Armenian border."],
      two: ["Russia did not intervene in the Karabakh conflict over the Armenian border."],
    });
    expect(relate(a, unit("one", "Russia"), unit("two", "Russia")).kind).toBe("unrelated");
  });
});

describe("near-duplicate sources", () => {
  const article = [
    "The CSTO deployed forces for the very first time in its existence in January 2022 in response to a request from Kazakhstan's president.",
    "Of the CSTO's six members, only Russia and Belarus voted against the measure, with the other members abstaining.",
    "The alliance has a rapid reaction force of 20,000 soldiers that trains every year in Central Asia.",
  ];

  it("finds the same article saved twice under two headlines", () => {
    const sources = [
      makeSource("a", ["# Russia's alliance is quiet", ...article]),
      makeSource("b", ["# A quiet alliance in Central Asia", ...article]),
      makeSource("c", [
        "NATO members raised defence spending after 2014 and Finland joined NATO in 2023.",
      ]),
    ];
    expect(findCopies(sources)).toMatchObject([{ file: "b.txt", copyOf: "a.txt" }]);
  });

  it("a duplicated article does not corroborate itself", () => {
    const sources = [
      makeSource("a", ["# Russia's alliance is quiet", ...article], { date: "2022-03-01" }),
      makeSource("b", ["# A quiet alliance in Central Asia", ...article], { date: "2022-03-01" }),
    ];
    const options = resolveOptions(BriefSpecSchema.parse({ subjects })).engine;
    const { briefing } = analyse(sources, options);
    expect(briefing.copies).toEqual([{ file: "b.txt", copyOf: "a.txt" }]);
    for (const f of briefing.findings) {
      expect(f.corroborated).toBe(false);
      expect(f.support).toBe(1);
    }
    for (const e of briefing.timeline) expect(e.claim.citations).toHaveLength(1);
    expect(briefing.method.join(" ")).toContain("b.txt of a.txt");
  });

  it("different articles on one event are not copies", () => {
    const sources = [
      makeSource("a", article),
      makeSource("b", [
        "In January 2022 the CSTO sent troops to Kazakhstan, its first deployment, after President Tokayev asked for help.",
        "Only Belarus sided with Russia at the United Nations vote; Armenia, Kazakhstan, Kyrgyzstan and Tajikistan abstained.",
      ]),
    ];
    expect(findCopies(sources)).toEqual([]);
  });
});

// A copula says nothing about the event, and shared words do not tell opposite qualities apart:
// two copular statements never support each other on their words alone. (A first version of a
// rule that let them did call "strong and united" the same fact as "weak and divided".)
const first = (a: ReturnType<typeof analysisOf>["a"], id: string) =>
  a.units.findIndex((x) => x.sourceId === id);

describe("copular statements", () => {
  it("with opposite qualities are not support", () => {
    const { a } = analysisOf({
      one: [
        "The CSTO is a strong and united military alliance of former Soviet states in Central Asia and the Caucasus.",
      ],
      two: [
        "The CSTO is a weak and divided military alliance of former Soviet states in Central Asia and the Caucasus.",
      ],
    });
    expect(relate(a, first(a, "one"), first(a, "two"))).toEqual({ kind: "unrelated", why: "what" });
  });

  it("sharing only place names are not support", () => {
    const { a } = analysisOf({
      one: [
        "Currently, in addition to Russia and Belarus, the CSTO members are the Central Asian states of Kazakhstan, Kyrgyzstan and Tajikistan, as well as the South Caucasus Republic of Armenia.",
      ],
      two: [
        "The CSTO has changed in the war. One of the most significant implications is the re-evaluation of Russia's security guarantees among its allies, particularly in Central Asia and the South Caucasus.",
      ],
    });
    const j = a.units.findIndex((x) => x.sourceId === "two" && x.text.startsWith("One of"));
    expect(j).toBeGreaterThanOrEqual(0);
    expect(relate(a, first(a, "one"), j)).toEqual({ kind: "unrelated", why: "what" });
  });
});
