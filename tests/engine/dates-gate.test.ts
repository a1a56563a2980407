/**
 * dates.ts reads English dates with chrono-node's casual parser, its two "N units ago/later"
 * patterns behind a cheaper gate (compiled only when a text can match). The gate must never turn
 * a match away: every text reads exactly as with the library's own parser, and the gate is
 * really there (the two patterns are not used on a text without such a phrase).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as en from "chrono-node/en";
import { describe, expect, it } from "vitest";
import { englishDates } from "../../src/engine/dates.js";

const reference = { instant: new Date(Date.UTC(2005, 5, 1)), timezone: 0 };
const read = (chrono: en.Chrono, text: string) =>
  chrono.parse(text, reference).map((r) => [r.index, r.text, r.start.date().toISOString()]);

describe("English dates behind the duration gate", () => {
  const phrases = [
    "Two years ago, NATO met in Madrid.",
    "3 days later the troops left",
    "The day after, it rained.",
    "2 years, 3 months and 4 days ago the deal closed",
    "2 days3 hours ago",
    "five weeks earlier, the summit",
    "a few years ago",
    "half an hour later",
    "The PSP launched 11 March; 2 weeks after that, sales fell",
    "He left 5 mins before the vote",
    "about 3 years ago",
    "several months later, in 2006",
    "It sold out within 2 days.",
    "In 2004 the DS launched in Japan.",
  ];

  it("reads every phrase as chrono-node's own casual parser does", () => {
    for (const text of phrases)
      expect(read(englishDates, text), text).toEqual(read(en.casual, text));
    expect(read(englishDates, "2 years, 3 months and 4 days ago the deal closed")[0]?.[1]).toBe(
      "2 years, 3 months and 4 days ago",
    );
  });

  it("reads every sentence of the test corpora as the library does", () => {
    const dirs = ["corpus", "tests/fixtures/handhelds", "tests/fixtures/topic-html-parsers"];
    let sentences = 0;
    for (const dir of dirs) {
      for (const file of readdirSync(dir).filter((f) => /\.(md|txt|html?)$/u.test(f))) {
        const text = readFileSync(join(dir, file), "utf8").replace(/<[^>]+>/gu, " ");
        for (const s of text.split(/(?<=[.!?])\s+/u)) {
          if (s.length > 2000) continue;
          sentences += 1;
          expect(read(englishDates, s)).toEqual(read(en.casual, s));
        }
      }
    }
    expect(sentences).toBeGreaterThan(500);
  });

  it("keeps the two repeated-duration patterns off a text without such a phrase", () => {
    const context = {
      text: "On 5 January 2022 troops arrived.",
      option: {},
      reference: {},
    } as never;
    const gated = englishDates.parsers.filter((p) => p.pattern(context).source === "(?!)");
    expect(gated).toHaveLength(2);
    const closed = (text: string) =>
      englishDates.parsers.filter(
        (p) => p.pattern({ text, option: {}, reference: {} } as never).source === "(?!)",
      ).length;
    expect(closed("Two years ago troops arrived.")).toBe(1);
    expect(closed("Two years ago troops arrived; 3 days later they left.")).toBe(0);
  });
});
