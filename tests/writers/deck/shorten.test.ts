import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { claimsOf } from "../../../src/outline/claims-of.js";
import {
  isDeletionOf,
  MAX_LEVEL,
  shortenClaim,
  WORD_BUDGETS,
} from "../../../src/writers/deck/shorten.js";
import { loadFixture } from "./fixture.js";

const words = (s: string) => s.trim().split(/\s+/).length;

describe("shortenClaim", () => {
  it("only deletes: every level of every fixture claim is a deletion of the sentence", () => {
    const claims = [...claimsOf(loadFixture().briefing)];
    for (const claim of claims) {
      for (let level = 0; level <= MAX_LEVEL; level++) {
        const short = shortenClaim(claim.text, level);
        expect(isDeletionOf(short, claim.text), `${level}: ${short}`).toBe(true);
      }
    }
  });

  it("only deletes, for any text (property)", () => {
    const word = fc.stringMatching(/^[A-Za-z’'-]{1,9}$/);
    const sep = fc.constantFrom(" ", ", ", "; ", " – ", " (", ") ", ": ", " — ");
    const sentence = fc
      .array(fc.tuple(word, sep), { minLength: 1, maxLength: 60 })
      .map((parts) => `${parts.map(([w, s]) => w + s).join("")}end.`);
    fc.assert(
      fc.property(sentence, fc.integer({ min: 0, max: MAX_LEVEL }), (text, level) =>
        isDeletionOf(shortenClaim(text, level), text),
      ),
    );
  });

  it("keeps the last level within its word budget", () => {
    const long = Array.from({ length: 80 }, (_, i) => `word${i}`).join(" ");
    expect(words(shortenClaim(long, MAX_LEVEL))).toBeLessThanOrEqual(WORD_BUDGETS[MAX_LEVEL]!);
  });

  it("trims asides, fillers and lead-ins, not the substance", () => {
    expect(
      shortenClaim(
        "Meanwhile, Russia’s CSTO partners – with the glaring exception of Belarus, which served as a staging ground for Russia’s invasion – quietly distanced themselves from the conflict.",
      ),
    ).toBe("Russia’s CSTO partners quietly distanced themselves from the conflict.");
    expect(
      shortenClaim(
        "All 30 NATO countries, for example, voted in favor of the United Nations General Assembly resolution condemning Russian actions.",
        1,
      ),
    ).toBe(
      "All 30 NATO countries voted in favor of the United Nations General Assembly resolution condemning Russian actions.",
    );
    expect(
      shortenClaim(
        "Nevertheless, there remains a problem of concern: the CSTO countries are so dependent on Russia economically and militarily that in the event of a conflict they will be loyal to Moscow.",
      ),
    ).toBe(
      "the CSTO countries are so dependent on Russia economically and militarily that in the event of a conflict they will be loyal to Moscow.",
    );
    expect(shortenClaim("The CSTO lacks unity (and experience).")).toBe("The CSTO lacks unity.");
  });

  it("never drops a lead-in whose clause the rest continues or whose subject the rest points to", () => {
    const text =
      "While the Russian invasion of Ukraine has sparked greater discussion about membership in non-NATO European countries, including Finland and Sweden, it has had the opposite effect in the CSTO.";
    for (let level = 0; level <= 3; level++) {
      const short = shortenClaim(text, level);
      expect(short).not.toMatch(/^(?:including|it)\b/iu);
      // Nor is the subordinate clause kept while its main clause is cut.
      expect(short).toMatch(/opposite effect in the CSTO\.$/u);
    }
    // A lead-in the rest does not lean on may still go.
    expect(
      shortenClaim(
        "On February 9, speaking at a press conference in Moscow after a long meeting of defence ministers, the Secretary-General said the alliance had no plans to send troops.",
        1,
      ),
    ).toMatch(/^the Secretary-General said/u);
  });

  it("leaves short sentences alone", () => {
    const text = "It annexed Crimea and started the hybrid war on Donbas.";
    expect(shortenClaim(text)).toBe(text);
  });
});
