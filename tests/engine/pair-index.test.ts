// The indexes that replace all-pairs loops: pairing items only within their group gives the
// very pairs the full loop keeps, in its order; place names found with the first-word check are
// those the patterns find.
import { describe, expect, it } from "vitest";
import { groupBy } from "../../src/engine/disagreements.js";
import { bestScored } from "../../src/engine/findings.js";
import { placeNames } from "../../src/engine/leaders.js";

function pairsByGroup<T>(items: T[], keyOf: (x: T) => string): [number, number][] {
  const { groups, at } = groupBy(items, keyOf);
  const out: [number, number][] = [];
  for (let i = 0; i < items.length; i++)
    for (let g = at[i]! + 1; g < groups[i]!.length; g++) out.push([i, groups[i]![g]!]);
  return out;
}

function pairsByLoop<T>(items: T[], keyOf: (x: T) => string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++)
      if (keyOf(items[i]!) === keyOf(items[j]!)) out.push([i, j]);
  return out;
}

describe("groupBy", () => {
  it("gives the all-pairs loop's pairs of equal keys, in its order", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (const size of [0, 1, 2, 17, 200]) {
      const items = Array.from({ length: size }, () => `k${Math.floor(random() * 6)}`);
      expect(pairsByGroup(items, (x) => x)).toEqual(pairsByLoop(items, (x) => x));
    }
  });
});

describe("placeNames", () => {
  it("finds names by their patterns, longest first, in order of appearance", () => {
    expect(placeNames("Sales in the US and Japan rose; the United Kingdom lagged.")).toEqual([
      { place: "United States", start: 13, end: 15 },
      { place: "Japan", start: 20, end: 25 },
      { place: "United Kingdom", start: 36, end: 50 },
    ]);
    expect(
      placeNames("North  America, not America; U.S.A. and the EU").map((p) => p.place),
    ).toEqual(["North America", "United States", "United States", "Europe"]);
    // Adjectives, lower case and the world are not place nouns here.
    expect(placeNames("Japanese sales worldwide; japan; the world")).toEqual([]);
  });
});

describe("bestScored", () => {
  it("keeps what scoring every unit would keep, scoring fewer", () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (const [size, k] of [
      [0, 3],
      [5, 10],
      [300, 20],
      [2000, 50],
    ] as const) {
      // Scores on a coarse grid, so ties are common; bounds at most 0.4 above them.
      const rest = Array.from({ length: size }, () => Math.round(random() * 20) / 10);
      const central = Array.from({ length: size }, () => Math.round(random() * 4) / 10);
      const units = Array.from({ length: size }, (_, u) => u);
      let calls = 0;
      const score = (u: number) => {
        calls++;
        return central[u]! + rest[u]!;
      };
      const best = bestScored(units, (u) => 0.4 + rest[u]!, score, k);
      const all = units
        .map((u) => ({ unit: u, score: central[u]! + rest[u]! }))
        .sort((x, y) => y.score - x.score || x.unit - y.unit)
        .slice(0, k);
      expect(best).toEqual(all);
      if (size === 2000) expect(calls).toBeLessThan(size);
    }
  });
});
