/**
 * Drawings are remembered by their spec (watch mode draws the same exhibits after most changes):
 * the same spec gives the same SVG, a changed one is drawn anew.
 */
import type { TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { drawSvg } from "../../src/writers/shared/exhibits/vega.js";

const bars = (values: { k: string; v: number }[]): TopLevelSpec => ({
  data: { values },
  mark: "bar",
  encoding: {
    x: { field: "k", type: "nominal" },
    y: { field: "v", type: "quantitative" },
  },
  width: 200,
  height: 100,
});

describe("remembered drawings", () => {
  it("draws a spec once and a changed spec anew", async () => {
    const spec = bars([
      { k: "a", v: 1 },
      { k: "b", v: 2 },
    ]);
    const first = await drawSvg(spec);
    expect(first).toContain("<svg");
    expect(await drawSvg(structuredClone(spec))).toBe(first);
    const changed = await drawSvg(
      bars([
        { k: "a", v: 1 },
        { k: "b", v: 5 },
        { k: "c", v: 3 },
      ]),
    );
    expect(changed).not.toBe(first);
    expect((changed.match(/<path/g) ?? []).length).toBeGreaterThan(
      (first.match(/<path/g) ?? []).length,
    );
    // Drawing something else in between leaves the first drawing as it was.
    expect(await drawSvg(spec)).toBe(first);
  });
});
