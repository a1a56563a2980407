// Which subject leads a market: a disagreement when two sources name different leaders for the
// same place, never for different places, a lead without a place, a denied or a forecast lead.
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../../src/brief/resolve.js";
import { BriefSpecSchema } from "../../src/brief/schema.js";
import { analyse } from "../../src/engine/index.js";
import { leadershipsIn } from "../../src/engine/leaders.js";
import { buildMatchers } from "../../src/engine/subjects.js";
import type { Source } from "../../src/model/source.js";
import { makeSource } from "./helpers.js";

const subjects = [
  { name: "Nintendo DS", aliases: ["DS", "Nintendo"] },
  { name: "Sony PSP", aliases: ["PSP", "Sony"] },
];
const engine = resolveOptions(
  BriefSpecSchema.parse({
    subjects,
    dimensions: [
      { name: "Sales", terms: ["sales", "market", "sold"] },
      { name: "Hardware", terms: ["screen", "battery"] },
    ],
  }),
).engine;
const matchers = buildMatchers(subjects);

const leaderDisagreements = (a: string, b: string, extra: Partial<Source>[] = []) =>
  analyse(
    [makeSource("first", [a], extra[0]), makeSource("second", [b], extra[1])],
    engine,
  ).briefing.disagreements.filter((d) => d.topic.startsWith("Who leads"));

const PSP_US =
  "Released in March 2005 in the US, the PSP has quickly become the most popular portable gaming device in the states, slightly edging the Nintendo DS.";
const DS_US =
  "Nintendo dominates the handheld market, with more than a 90% share of the market in the US alone.";

describe("leadership frames", () => {
  const lead = (text: string) =>
    leadershipsIn(text, matchers).map((l) => `${l.leader} @ ${l.place}`);

  it("reads the leader and the place from the clause that states the lead", () => {
    expect(lead(PSP_US)).toEqual(["Sony PSP @ United States"]);
    expect(lead(DS_US)).toEqual(["Nintendo DS @ United States"]);
    expect(lead("In Japan, the DS is outselling the PSP by almost 3.5 to 1.")).toEqual([
      "Nintendo DS @ Japan",
    ]);
    // The agent of a passive leads; so does what the subject "falls behind".
    expect(
      lead("Sony made the PSP, a system that has been outsold by the DS in the Japanese market."),
    ).toEqual(["Nintendo DS @ Japan"]);
    expect(
      lead("Data suggests that the PSP's annual sales in Japan fall behind those of the DS."),
    ).toEqual(["Nintendo DS @ Japan"]);
    expect(lead("The PSP holds 60 percent of the British market.")).toEqual([
      "Sony PSP @ United Kingdom",
    ]);
  });

  it("states no lead when the clause denies, hedges or forecasts it, or ranks among others", () => {
    expect(lead("Nintendo does not dominate the handheld market in the US.")).toEqual([]);
    expect(lead("Nintendo no longer dominates the handheld market in the US.")).toEqual([]);
    expect(lead("The PSP will dominate the handheld market in the US.")).toEqual([]);
    expect(lead("Sony hopes the PSP becomes the most popular console in the US.")).toEqual([]);
    expect(lead("The PSP is one of the most popular consoles in the US.")).toEqual([]);
    // "exceeded expectations" compares with no rival; a strong launch is not a lead in sales.
    expect(lead("In the US, Nintendo says DS sales have exceeded expectations.")).toEqual([]);
    expect(lead("The PSP had the strongest UK launch of any console in history.")).toEqual([]);
  });

  it("gives no place unless the clause scopes the market by one", () => {
    // A lead in "the market" is not a lead in the US; a nationality is no market.
    expect(lead("Nintendo has dominated the handheld market ever since 1989.")).toEqual([]);
    expect(lead("The Japanese firm Nintendo dominates the handheld market.")).toEqual([]);
    // Parenthesised citations are not places.
    expect(lead("The DS is outselling the PSP by 3.5 to 1 (Japanese Sales Charts, 2006).")).toEqual(
      [],
    );
  });

  it("never throws on odd text", () => {
    for (const text of ["", "(", "dominates", "the most popular", "90 % share", "in the states"])
      expect(() => leadershipsIn(text, matchers)).not.toThrow();
  });
});

describe("leader disagreements", () => {
  it("finds two sources naming different leaders of one place, each side quoted and cited", () => {
    const found = leaderDisagreements(PSP_US, DS_US);
    expect(found).toHaveLength(1);
    const d = found[0]!;
    expect(d.kind).toBe("statement");
    expect(d.topic).toMatch(/in the United States: .*Sony PSP.*Nintendo DS|Nintendo DS.*Sony PSP/u);
    expect(d.sides.map((s) => s.citations[0]!.sourceId).sort()).toEqual(["first", "second"]);
    expect(d.sides.map((s) => s.text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/most popular portable gaming device in the states/u),
        expect.stringMatching(/Nintendo dominates the handheld market/u),
      ]),
    );
  });

  it("finds none when both name the same leader", () => {
    expect(
      leadershipsIn("In America the DS outsells the PSP by two to one.", matchers).map(
        (l) => `${l.leader} @ ${l.place}`,
      ),
    ).toEqual(["Nintendo DS @ United States"]);
    expect(leaderDisagreements(DS_US, "In America the DS outsells the PSP by two to one.")).toEqual(
      [],
    );
  });

  it("finds none for different places, or a lead stated without a place", () => {
    expect(
      leaderDisagreements(
        PSP_US,
        "In Japan, on the other hand, the DS is outselling the PSP by almost 3.5 to 1.",
      ),
    ).toEqual([]);
    expect(
      leaderDisagreements(PSP_US, "Nintendo has dominated the handheld market ever since 1989."),
    ).toEqual([]);
  });

  it("finds none when one side denies or forecasts the lead", () => {
    expect(
      leaderDisagreements(PSP_US, "Nintendo does not dominate the handheld market in the US."),
    ).toEqual([]);
    expect(
      leaderDisagreements(PSP_US, "Nintendo will dominate the handheld market in the US."),
    ).toEqual([]);
  });

  it("finds none when the two leads are stated for different years", () => {
    const psp = "In 2006 the PSP led the handheld market in the US.";
    expect(
      leaderDisagreements(psp, "In 2006 Nintendo dominated the handheld market in the US."),
    ).toHaveLength(1);
    expect(
      leaderDisagreements(psp, "In 2004 Nintendo dominated the handheld market in the US."),
    ).toEqual([]);
  });

  it("reads English only: the same sentences marked as German are not compared", () => {
    expect(leaderDisagreements(PSP_US, DS_US, [{ language: "de" }, { language: "de" }])).toEqual(
      [],
    );
  });

  it("finds none between sources dated in different years", () => {
    const dated = (d: string) => ({ date: d });
    expect(
      leaderDisagreements(PSP_US, DS_US, [dated("2006-01-01"), dated("2006-05-01")]),
    ).toHaveLength(1);
    expect(leaderDisagreements(PSP_US, DS_US, [dated("2006-01-01"), dated("2005-03-24")])).toEqual(
      [],
    );
  });
});
