// A framing quotes a statement that evaluates the subject itself: its head or its possessor ("The
// PSP is superb", "Sony's console is superb"), not a complement inside another subject
// ("Understanding the nuances of the PSP's launch is crucial …" evaluates the understanding).
import { describe, expect, it } from "vitest";
import { analyse } from "../../src/engine/index.js";
import { handheldsEngine, makeSource } from "./helpers.js";

const engine = handheldsEngine([{ name: "Launch", terms: ["launch", "release", "on sale"] }]);

describe("framing", () => {
  it("is not a statement evaluating something the subject is only a complement of", () => {
    const b = analyse(
      [
        makeSource("essay", [
          "Understanding the nuances of the PSP's position in the price war is crucial for grasping the broader dynamics of Asian gaming.",
          "The PSP went on sale in the US on Thursday at a price of $249.",
        ]),
        makeSource("review", [
          "Understanding the failures of the PSP's launch is crucial for grasping the terrible mess of the market.",
          "The PSP is a superb and beautiful machine for watching films on a train.",
        ]),
      ],
      engine,
    ).briefing;
    const essay = b.stances.find((s) => s.sourceId === "essay" && s.subject === "Sony PSP");
    expect(essay?.framing).toBeUndefined();
    const review = b.stances.find((s) => s.sourceId === "review" && s.subject === "Sony PSP");
    expect(review?.framing?.text).toBe(
      "The PSP is a superb and beautiful machine for watching films on a train.",
    );
  });
});
