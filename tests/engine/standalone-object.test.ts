// Statements that stand alone beyond their subject: a bare description in object position gets
// a verified bracket or the sentence is not used; a counted set ("the dual screens") and an
// agentless passive with a pronoun subject are not used; verification rejects a tampered edit.
import { describe, expect, it } from "vitest";
import { makeClaim } from "../../src/engine/claims.js";
import { buildMatchers } from "../../src/engine/subjects.js";
import { buildUnits } from "../../src/engine/units.js";
import type { Edit } from "../../src/model/briefing.js";
import { verifyClaimEdits } from "../../src/outline/verify.js";
import { makeSource } from "./helpers.js";

const matchers = buildMatchers([
  { name: "Nintendo DS", aliases: ["DS", "Nintendo"] },
  { name: "Sony PSP", aliases: ["PSP", "Sony"] },
  { name: "CSTO", aliases: ["Collective Security Treaty Organization"] },
]);

const WAIT =
  "Japan and Europe will have to wait until the first quarter of 2005 to get the device.";

function units(paragraphs: string[]) {
  const source = makeSource("s", paragraphs);
  return { source, units: buildUnits([source], { matchers }) };
}

const texts = (paragraphs: string[]) => units(paragraphs).units.map((u) => makeClaim(u).text);

describe("a bare description in object position", () => {
  it("gets the subject of the sentence before in brackets, through its pronoun", () => {
    const { source, units: found } = units([
      `With its two screens and a stylus, the DS has a number of unique selling points. It went on sale in the US in November priced at $150. ${WAIT}`,
    ]);
    const unit = found.find((u) => u.original === WAIT);
    const claim = makeClaim(unit!);
    expect(claim.text).toBe(
      "Japan and Europe will have to wait until the first quarter of 2005 to get [the DS].",
    );
    expect(unit!.edits).toEqual([
      { kind: "delete", text: "the device", at: 74, reason: "referent" },
      { kind: "insert", text: "the DS", at: 74, reason: "referent" },
    ]);
    // The pronoun subject of the sentence before is bracketed the same way.
    expect(found.map((u) => makeClaim(u).text)).toContain(
      "[The DS] went on sale in the US in November priced at $150.",
    );
    expect(verifyClaimEdits(claim, [source])).toBeUndefined();
  });

  it("resolves an organisation only to the subject of the brief the sentence before is about", () => {
    expect(
      texts([
        "The CSTO was founded by six states in 1992. Russia dominates the organisation in every way.",
      ]),
    ).toContain("Russia dominates [the CSTO] in every way.");
    // The sentence before is about no subject of the brief: no bracket, not used.
    expect(
      texts([
        "Six states signed a treaty in Tashkent in 1992. Russia dominates the organisation in every way.",
      ]),
    ).not.toContainEqual(expect.stringMatching(/dominates/u));
  });

  it("is not resolved when another subject, the maker's name or another party could be meant", () => {
    // The sentence before names the other subject too.
    expect(
      texts([`The DS went on sale in the US before Sony's PSP in November this year. ${WAIT}`]),
    ).not.toContainEqual(expect.stringMatching(/wait until/u));
    // The subject before is the maker ("Nintendo"), not the product.
    expect(
      texts([`Nintendo started selling in the US in November this year at $150. ${WAIT}`]),
    ).not.toContainEqual(expect.stringMatching(/wait until/u));
    // A name other than a place in the sentence: Gizmondo may be the one meant.
    expect(
      texts([
        "The DS went on sale in the US in November this year at $150. Gizmondo will have to wait until 2005 to get the device.",
      ]),
    ).not.toContainEqual(expect.stringMatching(/Gizmondo/u));
    // A plural description is not one product.
    expect(
      texts([
        "The DS went on sale in the US in November this year at $150. Japan will have to wait until 2005 to get the devices.",
      ]),
    ).not.toContainEqual(expect.stringMatching(/wait until 2005/u));
  });

  it("is verified: a bracket naming what the source does not use before, or cutting a number, is rejected", () => {
    const { source, units: found } = units([
      `With its two screens and a stylus, the DS has a number of unique selling points. It went on sale in the US in November priced at $150. ${WAIT} The PSP is due in Europe next year.`,
    ]);
    const unit = found.find((u) => u.original === WAIT)!;
    const good = makeClaim(unit);
    const citations = good.citations;
    const tampered = (text: string, edits: Edit[]) => ({ id: good.id, text, edits, citations });
    // "PSP" is in the source, but only after the sentence.
    const psp = tampered(
      "Japan and Europe will have to wait until the first quarter of 2005 to get [the PSP].",
      [
        { kind: "delete", text: "the device", at: 74, reason: "referent" },
        { kind: "insert", text: "the PSP", at: 74, reason: "referent" },
      ],
    );
    expect(verifyClaimEdits(psp, [source])).toMatch(/not a name s uses before/u);
    const year = tampered(
      "Japan and Europe will have to wait until the first quarter of … to get [the DS].",
      [
        { kind: "delete", text: "2005 ", at: 62, reason: "filler" },
        { kind: "delete", text: "the device", at: 74, reason: "referent" },
        { kind: "insert", text: "the DS", at: 74, reason: "referent" },
      ],
    );
    expect(verifyClaimEdits(year, [source])).toMatch(/number or a negation/u);
    // An edit whose undoing is not the source sentence.
    const moved = tampered(
      "Japan and Europe will have to wait until the first quarter of 2005 to buy [the DS].",
      good.edits,
    );
    expect(verifyClaimEdits(moved, [source])).toMatch(/does not give the source sentence/u);
  });
});

describe("sentences that lean on the text around them", () => {
  it("does not use a counted set the sentence does not name ('the dual screens')", () => {
    const out = texts([
      "The DS opens up to reveal two screens in a clam shell case. Nintendo has given developers free rein to utilise the dual screens in every game.",
      "Although Nintendo aims at younger players and Sony at older gamers, the two firms will compete for many customers.",
    ]);
    expect(out.some((t) => /dual screens/u.test(t))).toBe(false);
    // Two names before it: the sentence names the set itself.
    expect(out.some((t) => /the two firms will compete/u.test(t))).toBe(true);
  });

  it("does not use an agentless passive whose subject is a pronoun after a fronted clause", () => {
    const out = texts([
      "When Armenia asked the CSTO for help in 2020, it was refused.",
      "When Armenia asked the CSTO for help in 2020, it was refused by Russia at once.",
      "The CSTO was founded by six states in 1992. It was expanded in 1999 with two new members.",
    ]);
    expect(out).not.toContain("When Armenia asked the CSTO for help in 2020, it was refused.");
    // The agent is said: who refused is in the sentence.
    expect(out).toContain(
      "When Armenia asked the CSTO for help in 2020, it was refused by Russia at once.",
    );
    // A pronoun opening the sentence gets its bracket; the passive is no reason to drop it.
    expect(out).toContain("[The CSTO] was expanded in 1999 with two new members.");
  });
});
