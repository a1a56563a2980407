// Two copular statements ("X is …", "X are …") state the same fact when what they predicate
// shares enough words: the copula says nothing, its complement is the predicate. Before, a copula
// never matched, so "the CSTO's members are Russia, Belarus, …" stated in two sources was never
// corroborated (the eval's same-fact judge found 1 of 27 gold pairs).
import { describe, expect, it } from "vitest";
import { relate } from "../../src/engine/corroboration.js";
import { createAnalysis } from "../../src/engine/state.js";
import { makeSource } from "./helpers.js";

const subjects = [
  { name: "NATO", aliases: [] },
  { name: "CSTO", aliases: [] },
];

function analysisOf(texts: Record<string, string[]>) {
  const sources = Object.entries(texts).map(([id, paragraphs]) =>
    makeSource(id, paragraphs, { date: "2022-06-01" }),
  );
  const a = createAnalysis(sources, subjects, [], new Map(), {
    evidencePerCell: 2,
    maxWords: 2000,
  });
  const unit = (id: string) => a.units.findIndex((x) => x.sourceId === id);
  return { a, unit };
}

describe("copular statements", () => {
  it("support each other when their complements share the facts", () => {
    const { a, unit } = analysisOf({
      one: [
        "The CSTO members are Russia, Belarus, Armenia, Kazakhstan, Kyrgyzstan and Tajikistan.",
      ],
      two: [
        "The CSTO's members are Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan.",
      ],
    });
    expect(relate(a, unit("one"), unit("two"))).toMatchObject({ kind: "support" });
  });

  it("do not when they share only place names, or one does not name the subject itself", () => {
    const { a, unit } = analysisOf({
      one: [
        "Currently, in addition to Russia and Belarus, the CSTO members are the Central Asian states of Kazakhstan, Kyrgyzstan and Tajikistan, as well as the South Caucasus Republic of Armenia.",
      ],
      two: [
        "The CSTO has changed in the war. One of the most significant implications is the re-evaluation of Russia's security guarantees among its allies, particularly in Central Asia and the South Caucasus.",
      ],
    });
    const j = a.units.findIndex((x) => x.sourceId === "two" && x.text.startsWith("One of"));
    expect(j).toBeGreaterThanOrEqual(0);
    expect(relate(a, unit("one"), j)).toEqual({ kind: "unrelated", why: "what" });
  });

  it("do not when they say different things of the same subject", () => {
    const { a, unit } = analysisOf({
      one: ["The CSTO is a weak alliance with little experience of joint operations."],
      two: ["The CSTO is a military alliance of six former Soviet states in Eurasia."],
    });
    expect(relate(a, unit("one"), unit("two"))).toEqual({ kind: "unrelated", why: "what" });
  });
});
