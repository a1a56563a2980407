// After "According to X," a sentence's first word reads in lower case, the changed letter in
// brackets, unless it is a name: the reader sees a quotation marked as quotations are.
import { describe, expect, it } from "vitest";
import { afterAttribution } from "../../src/outline/nodes.js";

describe("the first word after an attribution", () => {
  it("lower-cases a common word or an opening participle, marking the changed letter", () => {
    expect(afterAttribution("The CSTO is small.")).toBe("[t]he CSTO is small.");
    expect(afterAttribution("Looking ahead, the impact of the war is profound.")).toBe(
      "[l]ooking ahead, the impact of the war is profound.",
    );
    expect(afterAttribution("Founded in 1992, the CSTO has six members.")).toBe(
      "[f]ounded in 1992, the CSTO has six members.",
    );
  });
  it("keeps a name's capital, including names that look like verb forms", () => {
    for (const s of [
      "Russia attacked Ukraine.",
      "Beijing has said it will act.",
      "Harding was president.",
      "Alfred founded it.",
    ])
      expect(afterAttribution(s)).toBe(s);
  });
});
