import { describe, expect, it } from "vitest";
import type { DeckPlan, Slide, SlideItem } from "../../../src/writers/deck/slides.js";
import {
  countWords,
  packByWords,
  partition,
  rebalance,
  slideWords,
  thinOrigins,
} from "../../../src/writers/deck/words.js";

const item = (words: number, n = 0): SlideItem => ({
  kind: "claim",
  text: Array.from({ length: words }, (_, i) => `w${n}-${i}`).join(" "),
  full: "a full sentence.",
  citations: [],
  level: 0,
});

const listSlide = (id: string, sizes: number[]): Slide => ({
  id,
  kind: "findings",
  layout: "list",
  title: "Key findings",
  groups: [{ items: sizes.map((w, i) => item(w, i)) }],
  notes: [],
});

describe("words on a slide", () => {
  it("counts tokens with a letter or a digit only", () => {
    expect(countWords("The CSTO — 20,000 people (2022) –")).toBe(5);
    expect(slideWords(listSlide("s", [10, 5]))).toBe(2 + 15);
  });

  it("cuts costs into even runs, each of a least size", () => {
    expect(partition([10, 10, 10, 10, 10, 10], 2, 1)).toEqual([3, 3]);
    expect(partition([30, 5, 5, 5, 5], 2, 2)).toEqual([2, 3]);
    expect(partition([1, 1, 1], 2, 2)).toBeNull();
  });
});

describe("packByWords", () => {
  it("cuts a wordy list into even parts of two items or more, numbered", () => {
    const plan: DeckPlan = {
      lang: "en",
      title: "t",
      columns: [[listSlide("kf", [18, 18, 18, 18, 18])]],
    };
    const packed = packByWords(plan).columns.flat();
    expect(packed.length).toBeGreaterThan(1);
    for (const s of packed) {
      expect(s.groups.flatMap((g) => g.items).length).toBeGreaterThanOrEqual(2);
      expect(slideWords(s)).toBeLessThanOrEqual(60);
    }
    expect(packed.map((s) => s.id)).toEqual(
      packed.map((_, i) => (i === 0 ? "kf" : `kf--${i + 1}`)),
    );
    expect(packed.at(-1)!.part).toEqual({ index: packed.length, total: packed.length });
  });

  it("leaves a slide within its words whole", () => {
    const plan: DeckPlan = { lang: "en", title: "t", columns: [[listSlide("kf", [10, 10])]] };
    expect(packByWords(plan).columns.flat()).toHaveLength(1);
  });
});

describe("rebalance", () => {
  it("evens out a continuation left with one item (5+1 → 3+3)", () => {
    const a = listSlide("kf", [8, 8, 8, 8, 8]);
    const b = listSlide("kf--2", [8]);
    a.origin = "kf";
    b.origin = "kf";
    const plan: DeckPlan = { lang: "en", title: "t", columns: [[a], [b]] };
    expect(thinOrigins(plan)).toEqual(["kf"]);
    const even = rebalance(plan, "kf");
    expect(even.columns.map((c) => c[0]!.groups[0]!.items.length)).toEqual([3, 3]);
    expect(thinOrigins(even)).toEqual([]);
  });

  it("lets a lone item join the part before when there are too few to even out", () => {
    const a = listSlide("kf", [8, 8]);
    const b = listSlide("kf--2", [8]);
    a.origin = "kf";
    b.origin = "kf";
    const merged = rebalance({ lang: "en", title: "t", columns: [[a], [b]] }, "kf");
    expect(merged.columns).toHaveLength(1);
    expect(merged.columns[0]![0]!.groups[0]!.items).toHaveLength(3);
    expect(merged.columns[0]![0]!.part).toBeUndefined();
  });

  it("keeps a claim measured too tall for a long headline ruled out on every part", () => {
    const a = listSlide("kf", [8, 8, 8, 8, 8]);
    const b = listSlide("kf--2", [8]);
    a.origin = "kf";
    b.origin = "kf";
    b.tallClaims = ["a long claim"];
    const even = rebalance({ lang: "en", title: "t", columns: [[a], [b]] }, "kf");
    expect(even.columns.map((c) => c[0]!.tallClaims)).toEqual([["a long claim"], ["a long claim"]]);
  });
});
