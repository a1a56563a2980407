// Standalone statements: bracketed referents, dropped pointers, marked connectives and case.
import { describe, expect, it } from "vitest";
import { makeClaim } from "../../src/engine/claims.js";
import { buildMatchers } from "../../src/engine/subjects.js";
import { buildUnits } from "../../src/engine/units.js";
import { renderEdits } from "../../src/util/edits.js";
import { makeSource } from "./helpers.js";

const matchers = buildMatchers([
  { name: "NATO", aliases: ["North Atlantic Treaty Organization", "the Alliance"] },
  { name: "CSTO", aliases: ["Collective Security Treaty Organization"] },
]);

/** The statements as claims show them. */
function texts(paragraphs: string[]): string[] {
  return buildUnits([makeSource("s", paragraphs)], { matchers }).map((u) => makeClaim(u).text);
}

describe("standalone statements", () => {
  it("does not delete a conditional connective, nor take a comparative description as its subject", () => {
    const out = texts([
      "With the option set, the CSTO prints every member in 2022 in full. Otherwise, only the six CSTO members of 2021 are printed as such.",
      "The CSTO checks each member state in turn in 2022. The far more efficient approach is to check NATO members once in 2023.",
    ]);
    expect(out.some((t) => /^\[O\]nly the six|^Only the six/u.test(t))).toBe(false);
    expect(out.some((t) => /far more efficient/u.test(t))).toBe(false);
    expect(out).toContain("The CSTO checks each member state in turn in 2022.");
  });

  it("does not take part of a quotation split across sentences, nor a list entry's label", () => {
    const out = texts([
      'NATO has 40,000 soldiers on standby in 2023, an editor says. "The CSTO is a very weak alliance in every way. There are no CSTO troops in Ukraine at all," he says.',
      "Parent (<): Selects the CSTO members that are direct parents of the element.",
      'The CSTO bought 12 radars with a 4" screen each in 2021.',
    ]);
    expect(out).toContain("NATO has 40,000 soldiers on standby in 2023, an editor says.");
    expect(out.some((t) => /weak alliance|no CSTO troops|Selects/u.test(t))).toBe(false);
    expect(out).toContain('The CSTO bought 12 radars with a 4" screen each in 2021.');
  });

  it("gives 'he' no place or organisation for its referent", () => {
    const out = texts([
      "Ukraine applied for NATO membership in September 2022. To counter NATO’s influence in his backyard, he has launched the CSTO, a prototype of the Warsaw Pact.",
      "Sony launched the PSP in Japan in December 2004. To answer the DS in the handheld market, he has cut the PSP's price by a third.",
    ]);
    expect(
      out.some((t) => /^\[(?:Ukraine|Sony)\]/u.test(t)),
      JSON.stringify(out),
    ).toBe(false);
  });

  it("gives a pronoun subject its referent from the sentence before, in brackets", () => {
    const units = buildUnits(
      [
        makeSource("s", [
          "The CSTO was founded by six post-Soviet states in 1992. It deployed troops to Kazakhstan in January 2022.",
        ]),
      ],
      { matchers },
    );
    const unit = units.find((u) => u.original.startsWith("It deployed"));
    expect(makeClaim(unit!).text).toBe("[The CSTO] deployed troops to Kazakhstan in January 2022.");
    expect(unit?.edits).toEqual([
      { kind: "delete", text: "It", at: 0, reason: "referent" },
      { kind: "insert", text: "The CSTO", at: 0, reason: "referent" },
    ]);
    // The claim made from it carries the same marked edits, and undoing them is the source.
    const claim = makeClaim(unit!);
    expect(unit!.text).toBe("The CSTO deployed troops to Kazakhstan in January 2022.");
    expect(renderEdits(unit!.original, claim.edits)).toBe(claim.text);
  });

  it("resolves a bare description of an actor to the one subject the sentences before name", () => {
    const out = texts([
      "Only Belarus of the CSTO members supported Russia in the vote. Putin visited Iran in July.",
      "The military organisation triggered its Article on collective defence only once, in January 2022.",
    ]);
    expect(out).toContain(
      "[The CSTO] triggered its Article on collective defence only once, in January 2022.",
    );
  });

  it("drops a sentence whose pronoun has no certain referent", () => {
    const out = texts([
      "Armenia and Azerbaijan fought over Karabakh for years. They signed nothing in the end, observers said.",
      "Experts disagree about the reasons for the delay in 2021. It was never explained to the public at all.",
    ]);
    expect(out.some((t) => /^(?:They|It|\[)/u.test(t))).toBe(false);
    expect(out).toContain("Armenia and Azerbaijan fought over Karabakh for years.");
  });

  it("drops a description or pronoun subject that only the text before explains", () => {
    const out = texts([
      "NATO released a report on readiness in 2023. The media player aspect is frankly shocking for the readers.",
      "NATO met in Vilnius in July 2023. For Ukrainians, it is not about Article five alone at all.",
      "NATO held talks in 2022. In the South Caucasus, the conflict has emboldened Azerbaijan in its disputes.",
      "NATO published its plan in 2022. There is a helper function that can be used to parse a feed.",
      "NATO presented its plan in 2023. The parser now provides a callback interface for the events.",
      "NATO spoke at length in 2022. By launching the plan early in the year they built enough unmet demand.",
    ]);
    for (const t of out) expect(t, t).toMatch(/^NATO\b/u);
    expect(out, JSON.stringify(out)).toHaveLength(6);
  });

  it("drops a sentence that names the act the sentence before states, by a noun of its verb", () => {
    const out = texts([
      "The CSTO deployed forces to Almaty in January 2022. As dramatic as the week was, the CSTO deployment was small.",
      "NATO deployed forces to Poland in 2022. The deployment of 300,000 troops to its eastern flank was agreed in Madrid in 2022.",
    ]);
    expect(
      out.some((t) => /the CSTO deployment was small/u.test(t)),
      JSON.stringify(out),
    ).toBe(false);
    const dated = texts([
      "NATO expanded eastwards in 1999 and 2004. The 2004 expansion brought NATO to the borders of Russia.",
    ]);
    // "The 2004 expansion": a number says which act it is.
    expect(
      dated.some((t) => /^The 2004 expansion brought/u.test(t)),
      JSON.stringify(dated),
    ).toBe(true);
    // A phrase that says which act it is stands alone.
    expect(
      out.some((t) => /^The deployment of 300,000 troops/u.test(t)),
      JSON.stringify(out),
    ).toBe(true);
  });

  it("resolves a description to the one subject its own sentence names before it, not to a maker", () => {
    const m = buildMatchers([
      { name: "Nintendo DS", aliases: ["DS", "Nintendo"] },
      { name: "Sony PSP", aliases: ["PSP", "Sony"] },
    ]);
    const out = buildUnits(
      [
        makeSource("h", [
          "Nintendo released its new DS console in 2004 and has already raised shipment targets for the device by 40%.",
          "Sony has touted the machine as the Walkman of the 21st Century since its launch in 2004.",
        ]),
      ],
      { matchers: m },
    ).map((u) => makeClaim(u).text);
    expect(
      out.some((t) => /targets for the device/u.test(t)),
      JSON.stringify(out),
    ).toBe(true);
    expect(
      out.some((t) => /touted the machine/u.test(t)),
      JSON.stringify(out),
    ).toBe(false);
  });

  it("keeps a sentence whose description or pronoun the sentence itself explains", () => {
    const out = texts([
      "When NATO met in Vilnius in July 2023, it agreed on new regional defence plans.",
      "The UMD format holds up to two gigabytes of data on one small optical disc.",
      "The war in Ukraine has amplified divergences among the CSTO member states.",
      "The cost of the new fleet would have been prohibitive for most NATO members.",
    ]);
    expect(out).toHaveLength(4);
  });

  it("deletes a pointing connective and marks the changed first letter", () => {
    const out = texts([
      "The PSP sold 185,000 units in its first UK weekend. In comparison, the Nintendo DS sold roughly 87,000 units in its launch week.",
    ]);
    expect(out).toContain("[T]he Nintendo DS sold roughly 87,000 units in its launch week.");
    const unit = buildUnits(
      [
        makeSource("s", [
          "In comparison, the Nintendo DS sold roughly 87,000 units in its launch week.",
        ]),
      ],
      { matchers },
    )[0]!;
    expect(unit.edits).toEqual([
      { kind: "delete", text: "In comparison, ", at: 0, reason: "leading-connective" },
      { kind: "case", text: "t", to: "T", at: 15, reason: "sentence-start" },
    ]);
  });

  it("drops sentences that refer to text the reader does not have", () => {
    const out = texts([
      "The following SQL demonstrates how NATO budgets are summed per member.",
      "Developers report that memory grows quickly in this scenario with large NATO documents.",
      "As shown above, the CSTO has six member states today.",
      "NATO has thirty-two member states since Sweden joined in 2024.",
    ]);
    expect(out).toEqual(["NATO has thirty-two member states since Sweden joined in 2024."]);
  });

  it("drops an unresolved description inside the sentence", () => {
    const out = texts([
      "Japan and Europe will have to wait until the first quarter of 2005 to get the device.",
    ]);
    expect(out).toEqual([]);
  });

  it("shows a deletion in the middle with an ellipsis and a note number silently", () => {
    expect(
      renderEdits(
        "Support rose to 83% [3] after the war (as the long survey by the institute shows in detail) in 2022.",
        [
          { kind: "delete", text: " [3]", at: 19, reason: "reference-marker" },
          {
            kind: "delete",
            text: " (as the long survey by the institute shows in detail)",
            at: 37,
            reason: "parenthetical",
          },
        ],
      ),
    ).toBe("Support rose to 83% after the war … in 2022.");
  });
});

describe("the default corpus (promise)", () => {
  it("has no statement that opens with a pronoun", async () => {
    const { readBrief } = await import("../../src/pipeline/inspect.js");
    const { analyse } = await import("../../src/engine/index.js");
    const corpus = await readBrief(new URL("../../corpus", import.meta.url).pathname);
    const { briefing } = analyse(corpus.sources, corpus.options.engine);
    const claims = [
      ...briefing.findings.map((f) => f.claim),
      ...briefing.matrix.flatMap((c) => c.claims),
      ...briefing.timeline.map((t) => t.claim),
      ...briefing.figures.map((f) => f.claim),
      ...briefing.disagreements.flatMap((d) => d.sides),
    ];
    expect(claims.length).toBeGreaterThan(20);
    const opening = claims.filter((c) =>
      /^(?:It|Its|They|Their|Them|He|His|She|Her|This|That|These|Those)\b/u.test(c.text),
    );
    expect(opening.map((c) => c.text)).toEqual([]);
  }, 120000);
});
