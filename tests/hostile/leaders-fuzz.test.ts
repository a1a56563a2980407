// Hostile text through the leader frame (engine/leaders.ts) and the disagreements that use it:
// random runs of its cue words, place names, subject names, brackets and junk never throw, and
// every lead found names a subject of the brief.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../../src/brief/resolve.js";
import { BriefSpecSchema } from "../../src/brief/schema.js";
import { analyse } from "../../src/engine/index.js";
import { leadershipsIn } from "../../src/engine/leaders.js";
import { buildMatchers } from "../../src/engine/subjects.js";
import { makeSource } from "../engine/helpers.js";

const subjects = [
  { name: "Nintendo DS", aliases: ["DS", "Nintendo"] },
  { name: "Sony PSP", aliases: ["PSP", "Sony"] },
];
const matchers = buildMatchers(subjects);
const engine = resolveOptions(
  BriefSpecSchema.parse({
    subjects,
    dimensions: [
      { name: "Sales", terms: ["sales", "market"] },
      { name: "Hardware", terms: ["screen"] },
    ],
  }),
).engine;

const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "Nintendo",
        "the PSP",
        "DS",
        "dominates",
        "has been outsold by",
        "falls behind",
        "is outselling",
        "the most popular",
        "best-selling",
        "one of the",
        "market leader",
        "dominance of",
        "a 90% share of the market",
        "lead in",
        "sales",
        "market",
        "in the states",
        "in the US",
        "U.S.",
        "the Japanese market",
        "Europe's",
        "worldwide",
        "not",
        "will",
        "which",
        "that of",
        "2004",
        "(",
        ")",
        "[",
        ",",
        ".",
        ";",
        "-",
        "%",
        "'s",
        "\u0000",
        "\uFEFF",
      ),
      fc.string({ maxLength: 10 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(" "));

describe("fuzzing the leader frame", () => {
  it("random text: no exception, and every lead names a subject of the brief", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        for (const lead of leadershipsIn(text, matchers)) {
          expect(["Nintendo DS", "Sony PSP"]).toContain(lead.leader);
          expect(lead.place.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it("random sources: disagreements are built without an exception, each with two cited sides", () => {
    fc.assert(
      fc.property(hostileText, hostileText, (x, y) => {
        const { briefing } = analyse(
          [makeSource("x", [`${x}.`, `Nintendo dominates ${x}.`]), makeSource("y", [`${y}.`])],
          engine,
        );
        for (const d of briefing.disagreements) {
          expect(d.sides).toHaveLength(2);
          for (const side of d.sides) expect(side.citations.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
