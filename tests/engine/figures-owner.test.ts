// Figures are whose their sentence says they are, or they are not figures.
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../../src/brief/resolve.js";
import { BriefSpecSchema } from "../../src/brief/schema.js";
import { analyse } from "../../src/engine/index.js";
import { makeSource } from "./helpers.js";

const engine = resolveOptions(
  BriefSpecSchema.parse({
    subjects: [
      { name: "Nintendo DS", aliases: ["DS", "Nintendo"] },
      { name: "Sony PSP", aliases: ["PSP", "Sony"] },
    ],
    dimensions: [{ name: "Hardware", terms: ["screen", "screens", "weighs"] }],
  }),
).engine;

describe("figures", () => {
  it("leaves out a number whose sentence names no one it belongs to, with an info diagnostic", () => {
    const { briefing, diagnostics } = analyse(
      [
        makeSource("review", [
          "The Nintendo DS weighs 275 grams and has two screens for its games.",
          "All buttons are placed on both sides, and all screens consist of 2 layers.",
        ]),
      ],
      engine,
    );
    const values = briefing.figures.map((f) => f.valueText);
    expect(values).toContain("275");
    expect(values).not.toContain("2");
    expect(diagnostics.map((d) => d.message).join("\n")).toMatch(
      /figure “2” left out: the sentence names no one it belongs to/u,
    );
  });
});
