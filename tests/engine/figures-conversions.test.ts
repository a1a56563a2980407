// A price given in several currencies is one figure, shown with its conversions.
import { describe, expect, it } from "vitest";
import { quantitiesIn } from "../../src/engine/figures.js";
import { buildMatchers } from "../../src/engine/subjects.js";

const matchers = buildMatchers([
  { name: "Nintendo DS", aliases: ["DS", "Nintendo"] },
  { name: "Sony PSP", aliases: ["PSP", "Sony"] },
]);
const q = (text: string) => quantitiesIn(text, matchers).quantities;

describe("prices with conversions", () => {
  it("gives a conversion in parentheses the owner and scope of the price it converts", () => {
    const [yen, usd, gbp, ds, dsGbp] = q(
      "The PSP is selling in Japan for 19,800 yen ($188; £98) while Nintendo's DS console sells in the US and Japan for $150 (£78).",
    );
    expect(yen).toMatchObject({
      subject: "Sony PSP",
      scope: "Japan",
      withConversions: "19,800 yen ($188; £98)",
    });
    expect(usd).toMatchObject({ value: 188, unit: "USD", subject: "Sony PSP", conversionOf: 0 });
    expect(gbp).toMatchObject({ value: 98, unit: "GBP", subject: "Sony PSP", conversionOf: 0 });
    // "sells in the US and Japan for $150": a place between the verb and the price is no object.
    expect(ds).toMatchObject({ value: 150, subject: "Nintendo DS", scope: "Japan and US" });
    expect(dsGbp).toMatchObject({
      value: 78,
      subject: "Nintendo DS",
      scope: "Japan and US",
      conversionOf: 3,
    });
  });

  it("reads a conversion after where the price holds", () => {
    const [gbp, eur] = q("The DS will retail for £99 in the UK (149 euros).");
    expect(gbp).toMatchObject({
      value: 99,
      scope: "UK",
      withConversions: "£99 in the UK (149 euros)",
    });
    expect(eur).toMatchObject({ value: 149, unit: "EUR", conversionOf: 0 });
  });

  it("does not take a share in parentheses for a conversion, nor the comma of a number for a clause", () => {
    const [usd, share] = q("The DS earned $1,000m (2.5% of its sales) in 2005.");
    expect(usd!.withConversions).toBeUndefined();
    expect(share!.conversionOf).toBeUndefined();
    expect(share!.counts).not.toMatch(/\d|\(\s*\(/u);
  });

  it("does not take an amount in the same currency for a conversion (last year's figure)", () => {
    const [now, before] = q("Sony's operating profit was £120m (£98m) last year.");
    expect(now!.withConversions).toBeUndefined();
    expect(before!.conversionOf).toBeUndefined();
  });

  it("keeps what a share measures whole, a gerund inside it is no verb", () => {
    const m = buildMatchers([{ name: "NATO", aliases: [] }]);
    const [share] = quantitiesIn(
      "Public backing for joining NATO stood at 76% in Finland in May 2022.",
      m,
    ).quantities;
    expect(share!.counts).toBe("Public backing for joining NATO");
    // The subject named inside what is measured is not its owner.
    expect(share!.subject).toBeUndefined();
  });
});
