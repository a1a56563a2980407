/**
 * Derived values on small hand-made sentences: amounts with their magnitude and unit, what a
 * figure is (count, difference, target, forecast, share) and whose, which figures may share an
 * axis, and which phrases are dates of events (and of what kind).
 */
import nlp from "compromise";
import { describe, expect, it } from "vitest";
import { checkEventDate, eventDate } from "../../src/engine/dates.js";
import { comparableGroups } from "../../src/engine/exhibits/index.js";
import { eventLabel } from "../../src/engine/exhibits/timeline.js";
import { quantitiesIn } from "../../src/engine/figures.js";
import { amountsIn, scanAmounts } from "../../src/engine/quantities.js";
import { buildMatchers } from "../../src/engine/subjects.js";
import type { Figure, TimelineEvent } from "../../src/model/briefing.js";

const matchers = buildMatchers([
  { name: "Nintendo DS", aliases: ["DS", "Nintendo"] },
  { name: "Sony PSP", aliases: ["PSP", "Sony"] },
]);
const q = (text: string) => quantitiesIn(text, matchers).quantities;

describe("amounts", () => {
  it("scales magnitudes written in figures and in words", () => {
    expect(amountsIn("It sold 1.3 million units.")[0]).toMatchObject({ value: 1_300_000 });
    expect(amountsIn("It plans to ship three million of them.")[0]).toMatchObject({
      value: 3_000_000,
      spelled: true,
    });
    expect(amountsIn("Nintendo has sold almost 4m DS consoles.")[0]).toMatchObject({
      value: 4_000_000,
      approx: "almost",
    });
    expect(amountsIn("after selling a million in the US")[0]?.value).toBe(1_000_000);
  });

  it("reads money as a value in a currency", () => {
    expect(amountsIn("The market was worth $2.6bn at the end of 2004.")).toMatchObject([
      { value: 2.6e9, unit: "USD", text: "$2.6bn" },
    ]);
    expect(amountsIn("It sells for 19,800 yen ($188; £98).").map((a) => [a.value, a.unit])).toEqual(
      [
        [19800, "JPY"],
        [188, "USD"],
        [98, "GBP"],
      ],
    );
    expect(amountsIn("It will retail for £99 in the UK (149 euros).").map((a) => a.unit)).toEqual([
      "GBP",
      "EUR",
    ]);
  });

  it("keeps qualifiers and ranges", () => {
    expect(amountsIn("sales fall behind by nearly 130,000 units")[0]).toMatchObject({
      value: 130_000,
      approx: "nearly",
      text: "nearly 130,000",
    });
    expect(amountsIn("It is likely to cost between £130 and £200.")[0]).toMatchObject({
      low: 130,
      high: 200,
      unit: "GBP",
      text: "between £130 and £200",
    });
  });

  it("is no amount: years, days, ordinals, versions, model names, sizes, ratios", () => {
    expect(
      amountsIn(
        "On 16 May 2022, the 30th summit, version 2.60, the Nintendo 64, a 222MHz CPU with 32MB, outselling it 3.5 to 1.",
      ),
    ).toEqual([]);
  });

  it("leaves a garbled currency out and says so", () => {
    const { amounts, rejected } = scanAmounts("memory sticks for almost ¬£100 in UK stores");
    expect(amounts).toEqual([]);
    expect(rejected[0]?.reason).toMatch(/garbled/u);
  });

  it("agrees with compromise's number parser where both read a number", () => {
    for (const text of [
      "1.3 million units",
      "three million consoles",
      "15 million units",
      "20,000 people",
    ]) {
      const theirs = nlp(text).numbers().json()[0] as { number: { num: number } };
      expect(amountsIn(text)[0]?.value, text).toBe(theirs.number.num);
    }
  });
});

describe("figures", () => {
  it("knows what is counted and whose it is, never making a third party a subject", () => {
    const [ds, gba] = q(
      "In Europe, Nintendo has already sold over 1.3 million Nintendo DS units and 15 million Game Boy Advance units.",
    );
    expect(ds).toMatchObject({ value: 1_300_000, subject: "Nintendo DS", scope: "Europe" });
    expect(gba).toMatchObject({ value: 15_000_000, entity: "Game Boy Advance" });
    expect(gba?.subject).toBeUndefined();
    const [ps2] = q("The Microsoft Xbox has sold a grand total of only about 9,000 units.");
    expect(ps2).toMatchObject({ entity: "Microsoft Xbox" });
    expect(ps2?.subject).toBeUndefined();
  });

  it("tells differences, targets, forecasts and shares from counts", () => {
    expect(
      q("The PSP annual sales in Japan fall behind that of the DS by nearly 130,000 units.")[0],
    ).toMatchObject({ kind: "difference", subject: "Sony PSP" });
    expect(
      q("Sony says it intends to ship three million of the consoles by March 2005.")[0],
    ).toMatchObject({ kind: "target", value: 3_000_000, subject: "Sony PSP" });
    expect(q("He expected Sony to sell about 10 million PSPs.")[0]).toMatchObject({
      kind: "forecast",
    });
    expect(q("Leaders pledged to bring defense spending up to 2 percent of GDP.")[0]).toMatchObject(
      {
        unit: "%",
        kind: "target",
      },
    );
    expect(
      q("Nintendo dominates, with more than a 90% share of the market in the US.")[0],
    ).toMatchObject({ kind: "share", unit: "%" });
    expect(
      q(
        "In comparison, the Nintendo DS sold roughly 87,000 units during the week following its UK launch.",
      )[0],
    ).toMatchObject({ kind: "count", scope: "UK, launch week", approx: "roughly" });
  });
});

const fig = (over: Partial<Figure>): Figure => ({
  value: 1,
  valueText: "1",
  counts: "units",
  claim: { id: "c", text: "", citations: [], edits: [] },
  ...over,
});

describe("which figures share an axis", () => {
  it("never draws a difference, a target, a forecast, a range or a third party's figure", () => {
    const groups = comparableGroups([
      fig({ value: 87_000, subject: "Nintendo DS", entity: "Nintendo DS", kind: "count" }),
      fig({ value: 130_000, subject: "Sony PSP", entity: "Sony PSP", kind: "difference" }),
      fig({ value: 3e6, subject: "Sony PSP", kind: "target" }),
      fig({ value: 1e7, subject: "Sony PSP", kind: "forecast" }),
      fig({ value: 130, subject: "Sony PSP", low: 130, high: 200, unit: "GBP" }),
      fig({ value: 15e6, subject: "Nintendo DS", entity: "Game Boy Advance" }),
    ]);
    expect(groups).toEqual([]);
  });

  it("never puts two currencies, or two scopes, on one axis", () => {
    expect(
      comparableGroups([
        fig({ value: 19_800, unit: "JPY", counts: "price", subject: "Sony PSP" }),
        fig({ value: 150, unit: "USD", counts: "price", subject: "Nintendo DS" }),
      ]),
    ).toEqual([]);
    expect(
      comparableGroups([
        fig({ value: 800_000, subject: "Sony PSP", scope: "Japan, since launch" }),
        fig({ value: 87_000, subject: "Nintendo DS", scope: "UK, launch week" }),
      ]),
    ).toEqual([]);
    const same = comparableGroups([
      fig({ value: 185_000, subject: "Sony PSP", scope: "UK, launch week" }),
      fig({ value: 87_000, subject: "Nintendo DS", scope: "UK, launch week" }),
    ]);
    expect(same.map((g) => [g.title, g.figures.length])).toEqual([["Consoles", 2]]);
  });
});

describe("event dates", () => {
  it("never makes a date of a vague relative phrase", () => {
    expect(
      eventDate("When Sony breached the mass-market a few years ago, it won.", "2005-02-14"),
    ).toBeUndefined();
    expect(eventDate("Lukashenko criticized the CSTO recently.", "2022-08-03")).toBeUndefined();
    expect(eventDate("Nintendo released its DS earlier this year.", undefined)).toBeUndefined();
    expect(eventDate("The Gizmondo went on sale last week.", undefined)).toBeUndefined();
    expect(checkEventDate("It happened a few years ago.", "2005-02-14").leftOut[0]?.reason).toMatch(
      /vague/u,
    );
  });

  it("resolves a precise relative date only against a dated source, and shows the resolved part", () => {
    expect(eventDate("On 16 May, the CSTO summit was held.", "2022-08-03")).toMatchObject({
      iso: "2022-05-16",
      text: "16 May [2022]",
      relative: true,
    });
    expect(eventDate("On 16 May, the CSTO summit was held.", undefined)).toBeUndefined();
    expect(eventDate("Last year, clashes occurred.", "2022-05-01")).toMatchObject({
      iso: "2021",
      text: "Last year [2021]",
    });
  });

  it("takes no event from a citation's year", () => {
    expect(eventDate("The PSP has 32MB of RAM (Wikipedia, 2006).", undefined)).toBeUndefined();
    expect(eventDate("The theory holds (Smith 2004).", undefined)).toBeUndefined();
    expect(
      checkEventDate("The PSP has 32MB of RAM (Wikipedia, 2006).", undefined).leftOut[0]?.reason,
    ).toMatch(/citation/u);
  });

  it("tells targets, forecasts and schedules from what happened", () => {
    expect(eventDate("Sony intends to ship three million by March 2005.", undefined)).toMatchObject(
      {
        iso: "2005-03",
        kind: "target",
      },
    );
    expect(
      eventDate("The mobile gaming industry is set to explode in 2005.", undefined),
    ).toMatchObject({ iso: "2005", kind: "forecast" });
    expect(
      eventDate("Nintendogs is scheduled for a UK release October 7th, 2005.", undefined),
    ).toMatchObject({ iso: "2005-10-07", kind: "scheduled" });
    expect(eventDate("The DS will launch in Europe on 11 March.", "2005-01-20")).toMatchObject({
      iso: "2005-03-11",
      kind: "scheduled",
    });
    expect(eventDate("In 2014 Russia annexed Crimea.", undefined)).toMatchObject({
      iso: "2014",
      kind: "happened",
    });
    expect(
      eventDate("NATO pledged to defend every inch of its territory in 2022.", undefined)?.kind,
    ).toBe("happened");
  });

  it("labels what did not happen with its kind", () => {
    const e = (kind: TimelineEvent["kind"]): TimelineEvent => ({
      date: "2005-03",
      dateText: "March 2005",
      subjects: [],
      ...(kind ? { kind } : {}),
      claim: { id: "c", text: "", citations: [], edits: [] },
    });
    expect(eventLabel(e("target"))).toBe("target: 2005-03");
    expect(eventLabel(e("happened"))).toBe("2005-03");
    expect(eventLabel(e(undefined))).toBe("2005-03");
  });
});

describe("amounts in German", () => {
  const de = (t: string) =>
    scanAmounts(t, "de").amounts.map((a) => [a.value, a.unit ?? null, a.approx ?? null]);
  it("reads '.' as the thousands separator and ',' as the decimal mark", () => {
    expect(de("Sony hat bisher 600.000 Einheiten verkauft.")).toEqual([[600000, null, null]]);
    expect(de("Sony verkaufte 1,2 Mio. Geräte.")).toEqual([[1200000, null, null]]);
  });
  it("reads the currency after the number, and German qualifiers", () => {
    expect(de("Die PSP kostet in den USA 149,99 $ und in Japan 34.199 Yen.")).toEqual([
      [149.99, "USD", null],
      [34199, "JPY", null],
    ]);
    expect(de("Der Preis liegt bei rund 249 Euro.")).toEqual([[249, "EUR", "rund"]]);
    expect(de("Nintendo will drei Millionen Konsolen ausliefern.")).toEqual([[3e6, null, null]]);
    expect(de("Der Marktanteil liegt bei 90 Prozent.")).toEqual([[90, "%", null]]);
  });
  it("does not read a date as an amount", () => {
    expect(de("Am 1. September 2005 startet die PSP in Europa.")).toEqual([]);
  });
  it("leaves English as it was: '1.3 million' is 1,300,000", () => {
    expect(scanAmounts("Nintendo sold 1.3 million DS units.").amounts[0]?.value).toBe(1_300_000);
  });
});

describe("figures in German, read without a parse", () => {
  const deq = (t: string) =>
    quantitiesIn(
      t,
      buildMatchers([
        { name: "Nintendo DS", aliases: ["DS", "NDS", "Nintendo"] },
        { name: "Sony PSP", aliases: ["PSP", "Sony"] },
      ]),
      "de",
    ).quantities.map((x) => ({
      value: x.value,
      counts: x.counts,
      kind: x.kind,
      entity: x.entity ?? null,
    }));
  it("gives an amount to the one subject its first clause names, and to no one otherwise", () => {
    expect(deq("Die PSP kostet in Japan 19.800 Yen, bis Ende des Jahres will Sony mehr.")).toEqual([
      { value: 19800, counts: "amount", kind: "count", entity: "Sony PSP" },
    ]);
    // "der Handheld" is the PSP of the sentences before; the NDS is only what it is compared with.
    expect(
      deq(
        "Preislich ist der Handheld mit einer Preisempfehlung von 249€ ausgeschrieben, und damit etwa 100€ teurer als der Konkurrent, der NDS.",
      ),
    ).toEqual([
      { value: 249, counts: "amount", kind: "count", entity: null },
      { value: 100, counts: "amount", kind: "difference", entity: null },
    ]);
  });
  it("counts the capitalised noun after a number, and reads modals of intent as targets", () => {
    expect(deq("Bis zu 16 Konsolen können drahtlos miteinander verbunden werden.")).toEqual([
      { value: 16, counts: "Konsolen", kind: "count", entity: null },
    ]);
    expect(deq("Bis März 2005 will Sony drei Millionen Stück der Konsole ausliefern.")).toEqual([
      { value: 3e6, counts: "Stück", kind: "target", entity: "Sony PSP" },
    ]);
  });
});
