// A statement is attributed once: no "According to X," before a sentence that credits X itself.
import { describe, expect, it } from "vitest";
import { attributionOf, createAnalysis } from "../../src/engine/state.js";
import { makeSource } from "./helpers.js";

describe("attribution of a statement one source makes", () => {
  it("is left off when the sentence credits the source's publisher itself, kept otherwise", () => {
    const a = createAnalysis(
      [
        makeSource(
          "fischer",
          [
            "The CSTO is a very free union, the rules in it are softer than in NATO, writes Handelsblatt.",
            "The CSTO has held joint exercises with six member states in Tajikistan since 2019.",
          ],
          { authors: ["Eva Fischer"], publisher: "Handelsblatt" },
        ),
      ],
      [{ name: "CSTO", aliases: [] }],
      [{ name: "Weight", terms: ["weapons"] }],
      new Map([["fischer", { short: "Fischer n.d.", credit: "Eva Fischer" }]]),
      { evidencePerCell: 2, maxWords: 2000 },
    );
    const at = (start: string) => a.units.findIndex((u) => u.text.startsWith(start));
    expect(attributionOf(a, at("The CSTO is a very free"))).toBeUndefined();
    expect(attributionOf(a, at("The CSTO has held"))).toBe("According to Eva Fischer");
  });
});
