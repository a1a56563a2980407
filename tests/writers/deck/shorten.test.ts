import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeClaim } from "../../../src/engine/claims.js";
import type { ClaimClauses } from "../../../src/model/briefing.js";
import { claimsOf } from "../../../src/outline/claims-of.js";
import {
  headlineOf,
  isDeletionOf,
  keepsEssentials,
  leadPrefix,
  listedNames,
  MAX_LEVEL,
  mainClauseOf,
  shortenClaim,
  shortenSafe,
  shortenWithin,
  sideCuts,
  softForms,
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
    ).toBe("… Russia’s CSTO partners … quietly distanced themselves from the conflict.");
    expect(
      shortenClaim(
        "All 30 NATO countries, for example, voted in favor of the United Nations General Assembly resolution condemning Russian actions.",
        1,
      ),
    ).toBe(
      "All 30 NATO countries … voted in favor of the United Nations General Assembly resolution condemning Russian actions.",
    );
    expect(
      shortenClaim(
        "Nevertheless, there remains a problem of concern: the CSTO countries are so dependent on Russia economically and militarily that in the event of a conflict they will be loyal to Moscow.",
      ),
    ).toBe(
      "[T]he CSTO countries are so dependent on Russia economically and militarily that in the event of a conflict they will be loyal to Moscow.",
    );
    expect(shortenClaim("The CSTO lacks unity (and experience).")).toBe("The CSTO lacks unity ….");
  });

  it("marks every deletion with an ellipsis: a parenthetical never goes silently", () => {
    const full =
      "At the Bucharest summit, NATO Membership Action Plans (MAPs) were put on the table for Ukraine and Georgia.";
    const short = shortenClaim(full);
    expect(short).toContain("Plans … were put");
    expect(isDeletionOf(short, full)).toBe(true);
    // The build's own check: a gap without a mark is no marked deletion.
    expect(
      isDeletionOf(
        "NATO Membership Action Plans were put on the table for Ukraine and Georgia.",
        "NATO Membership Action Plans (MAPs) were put on the table for Ukraine and Georgia.",
      ),
    ).toBe(false);
    expect(
      isDeletionOf(
        "Russia’s CSTO partners quietly distanced themselves from the conflict.",
        "Meanwhile, Russia’s CSTO partners – with the glaring exception of Belarus – quietly distanced themselves from the conflict.",
      ),
    ).toBe(false);
    // Marked, each gap passes: an ellipsis inside, a bracketed capital or an ellipsis at the start,
    // a final full stop dropped (a headline).
    expect(
      isDeletionOf(
        "NATO Membership Action Plans … were put on the table for Ukraine and Georgia",
        "NATO Membership Action Plans (MAPs) were put on the table for Ukraine and Georgia.",
      ),
    ).toBe(true);
    expect(
      isDeletionOf(
        "[T]he Nintendo DS sold roughly 87,000 units…",
        "In comparison, the Nintendo DS sold roughly 87,000 units during the week.",
      ),
    ).toBe(true);
    expect(isDeletionOf("The DS sold…", "The DS sold, it said.")).toBe(true);
    // A gap at the start, in the middle or at the end without a mark fails.
    expect(isDeletionOf("the DS sold units.", "So the DS sold units.")).toBe(false);
    expect(isDeletionOf("The DS sold units.", "The DS sold many units.")).toBe(false);
    expect(isDeletionOf("The DS sold", "The DS sold units.")).toBe(false);
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
    ).toMatch(/^\[T\]he Secretary-General said/u);
  });

  it("leaves short sentences alone", () => {
    const text = "It annexed Crimea and started the hybrid war on Donbas.";
    expect(shortenClaim(text)).toBe(text);
  });
});

/** A claim as the engine makes it (with its parse), from one sentence. */
function claimOf(text: string) {
  const block = { index: 1, text } as Parameters<typeof makeClaim>[0]["block"];
  return makeClaim({ sourceId: "s", block, first: 1, last: 1, start: 0, end: text.length });
}

describe("shortenSafe", () => {
  it("marks a capital it made: the cut start reads [T]he, never a CSS-only capital", () => {
    const c = claimOf(
      "In the months after the invasion, speaking at a press conference after a long meeting, the Secretary-General said the alliance had no plans to send troops to the region.",
    );
    const short = shortenSafe(c.text, 1, c.clauses);
    expect(short).toMatch(/^\[T\]he Secretary-General said/u);
    expect(isDeletionOf(short, c.text)).toBe(true);
    expect(isDeletionOf("[X]he Secretary-General", c.text)).toBe(false);
  });

  it("never drops a number: the sentence stays whole rather than lose its figure", () => {
    const c = claimOf(
      "Tajikistan and Kyrgyzstan had a military conflict with each other in 2022, about hundred military servicemen died.",
    );
    for (let level = 0; level <= MAX_LEVEL; level++) {
      const short = shortenSafe(c.text, level, c.clauses);
      expect(short, `level ${level}`).toContain("hundred");
      expect(short).toContain("2022");
    }
    const both = claimOf(
      "The CSTO currently has a rapid reaction group of 20,000 people, while a similar NATO unit has 40,000 soldiers.",
    );
    expect(shortenSafe(both.text, MAX_LEVEL, both.clauses)).toContain("40,000");
  });

  it("keeps in the text a date a timeline's lead shows, and the main clause after '[E]ven when …'", () => {
    const dated = claimOf(
      "While a key CSTO member and recipient of CSTO peacekeeping forces during its own unrest in January 2022, Kazakhstan has publicly refused to recognize the Donetsk and Luhansk People's Republics.",
    );
    for (let level = 0; level <= MAX_LEVEL; level++)
      expect(shortenSafe(dated.text, level, dated.clauses, "6. January 2022")).toContain(
        "January 2022",
      );
    const even = claimOf(
      "[E]ven when Armenian territory was attacked in 2022 — Russia only expressed their concerns.",
    );
    for (let level = 0; level <= MAX_LEVEL; level++)
      expect(shortenSafe(even.text, level, even.clauses, "5. 2022")).toContain("Russia");
  });

  it("never drops a negation of what it keeps, nor leaves a fragment without its main verb", () => {
    const full =
      "Kazakhstan has not recognised the two republics, and it has refused military aid.";
    expect(keepsEssentials("Kazakhstan has recognised the two republics…", full)).toBe(false);
    const c = claimOf(
      "The initial lack of a unified, direct military response from the CSTO to the Ukraine War, beyond Belarus's logistical support, was a significant moment.",
    );
    // Cut before "was", the subject is left without its verb.
    expect(
      keepsEssentials(
        "The initial lack of a unified, direct military response from the CSTO…",
        c.text,
        c.clauses,
      ),
    ).toBe(false);
    for (let level = 0; level <= MAX_LEVEL; level++)
      expect(shortenSafe(c.text, level, c.clauses)).toMatch(/\bwas\b/u);
  });

  it("never cuts inside a bracketed insertion or a quotation", () => {
    const c = claimOf(
      '"The story of the PSP is it\'s not a gaming device as much as it is a portable entertainment device," said Michael Pachter, analyst at Wedbush Morgan Securities.',
    );
    for (let level = 0; level <= MAX_LEVEL; level++) {
      const short = shortenSafe(c.text, level, c.clauses);
      expect((short.match(/"/gu) ?? []).length % 2, short).toBe(0);
    }
  });
});

describe("headlineOf", () => {
  it("states the claim within two lines' characters, as a deletion keeping its numbers", () => {
    const c = claimOf(
      "All 30 NATO countries, for example, voted in favor of the United Nations General Assembly resolution condemning Russian actions.",
    );
    const h = headlineOf(c.text, 92, c.clauses)!;
    expect(h.length).toBeLessThanOrEqual(92);
    expect(h).toContain("30");
    expect(h).toMatch(/\bvoted\b/u);
    expect(isDeletionOf(h, c.text)).toBe(true);
  });

  it("gives none when no short form keeps the claim's numbers", () => {
    const c = claimOf(
      "The CSTO deployed forces for the very first time in its 20-year existence in January 2022 in response to a request from Kazakhstan’s President Kassym-Jomart Tokayev.",
    );
    expect(headlineOf(c.text, 46, c.clauses)).toBeUndefined();
  });
});

describe("what a short form keeps", () => {
  it("keeps every name of a coordinated list, as it keeps numbers", () => {
    const c = claimOf(
      "Currently, in addition to Russia and Belarus, the CSTO members are the Central Asian states of Kazakhstan, Kyrgyzstan and Tajikistan, as well as the South Caucasus Republic of Armenia.",
    );
    expect(listedNames(c.text)).toEqual([
      "Russia",
      "Belarus",
      "Kazakhstan",
      "Kyrgyzstan",
      "Tajikistan",
    ]);
    for (let level = 0; level <= MAX_LEVEL; level++) {
      const short = shortenSafe(c.text, level, c.clauses);
      for (const name of ["Russia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Tajikistan"])
        expect(short, `${level}: ${short}`).toContain(name);
      expect(isDeletionOf(short, c.text)).toBe(true);
    }
    // The form that dropped the first two members is not sound.
    expect(
      keepsEssentials(
        "[T]he CSTO members are the Central Asian states of Kazakhstan, Kyrgyzstan and Tajikistan…",
        c.text,
        c.clauses,
      ),
    ).toBe(false);
  });

  it("keeps in the text a date the slide shows before it, when the sentence states it", () => {
    const c = claimOf(
      "While a key CSTO member and recipient of CSTO peacekeeping forces during its own unrest in January 2022, Kazakhstan has publicly refused to recognize the Donetsk and Luhansk People's Republics.",
    );
    const main =
      "Kazakhstan has publicly refused to recognize the Donetsk and Luhansk People's Republics.";
    expect(keepsEssentials(main, c.text, c.clauses)).toBe(false);
    // Shown as "7. January 2022 Kazakhstan has publicly refused …", the lead would date the
    // refusal: the date belongs to the unrest the cut clause tells of.
    expect(keepsEssentials(main, c.text, c.clauses, "7. January 2022")).toBe(false);
    // "20,000 · 40,000" before a form that cut off what the 40,000 counts: not kept.
    const f = claimOf(
      "The CSTO currently has a rapid reaction group of 20,000 people, while a similar NATO unit has 40,000 soldiers.",
    );
    expect(
      keepsEssentials(
        "The CSTO currently has a rapid reaction group of 20,000 people…",
        f.text,
        f.clauses,
        "20,000 · 40,000",
      ),
    ).toBe(false);
  });

  it("takes no main clause without its subject, from an apposition or a subordinate clause", () => {
    const putin = claimOf(
      "[Putin] has launched the CSTO, a prototype of the Warsaw Pact, comprising Belarus, Armenia, Kazakhstan, Kyrgyzstan, Tajikistan, Uzbekistan and Russia.",
    );
    expect(mainClauseOf(putin.text, putin.clauses)).toBeUndefined();
    const psp = claimOf(
      "The latest handheld gaming gadget, Sony's PlayStation Portable, goes on sale in the US on Thursday.",
    );
    expect(headlineOf(psp.text, 92, psp.clauses)).not.toMatch(
      /^\[?S\]?ony's PlayStation Portable, goes/u,
    );
    const dass = {
      text: "Sony Computer Entertainment Europe hat bekannt gegeben, dass die PSP dann im Handel ist.",
      clauses: { spans: [[56, 88]], verbs: [[84, 87]] } as ClaimClauses,
    };
    expect(mainClauseOf(dass.text, dass.clauses)).toBeUndefined();
  });

  it("may show the first sentence of a claim of two alone", () => {
    const c = claimOf(
      "With its two screens, wireless connectivity and backwards compatibility with the GameBoy Advance, the DS certainly has a number of unique selling points. It went on sale in the US in mid-November priced $150 and Nintendo says sales have exceeded expectations, without giving detailed figures.",
    );
    expect(shortenSafe(c.text, 1, c.clauses)).toBe(
      "With its two screens, wireless connectivity and backwards compatibility with the GameBoy Advance, the DS certainly has a number of unique selling points…",
    );
  });

  it("puts one colon after a lead that ends with one", () => {
    expect(leadPrefix("Medium n.d. on CSTO:")).toBe("Medium n.d. on CSTO: ");
    expect(leadPrefix("January 2022")).toBe("January 2022: ");
  });
});

describe("a verb the parse found", () => {
  it("is no verb as the second half of a compound", () => {
    const text =
      "On February 9, speaking at the Moscow-based Valdai Discussion Club during a conference focused on collective security, Russian Deputy Foreign Minister Alexander Pankin complained of a lack of interaction between the CSTO and NATO.";
    const at = text.indexOf("based");
    const clauses = { spans: [[at, text.length]], verbs: [[at, at + 5]] } as ClaimClauses;
    expect(
      keepsEssentials(
        "On February 9, speaking at the Moscow-based Valdai Discussion Club…",
        text,
        clauses,
      ),
    ).toBe(false);
  });
});

describe("side cuts: a long claim's side clauses deleted from inside", () => {
  const brainDead = claimOf(
    "The ‘brain dead’ NATO after US President Donald Trump’s limbo is slowly but surely coming to life, holding the key to becoming a security shaper to stop Russia now in Ukraine without triggering Article Five in the Baltic or Eastern Europe regions later.",
  );

  it("deletes an aside set off by commas when every cut of the tail would lose a fact", () => {
    const c = claimOf(
      "The CSTO, which Moscow founded as a counterweight to the Western alliance after the collapse of the Soviet Union in the early nineties, deployed 2,000 troops to Kazakhstan in January 2022 without consulting NATO.",
    );
    expect(shortenSafe(c.text, 0, c.clauses)).toBe(c.text); // level 0: standard trims only
    const short = shortenSafe(c.text, MAX_LEVEL, c.clauses);
    expect(short).toBe(
      "The CSTO … deployed 2,000 troops to Kazakhstan in January 2022 without consulting NATO.",
    );
    expect(isDeletionOf(short, c.text)).toBe(true);
    expect(keepsEssentials(short, c.text, c.clauses)).toBe(true);
  });

  it("deletes only a side clause: never a clause that may be the claim itself", () => {
    const c = claimOf(
      "That is, the CSTO is still something more than a harmless paper tiger, and therefore, in a certain sense, it is dangerous.",
    );
    for (const form of sideCuts(c.text, c.clauses, true)) expect(form).toContain("paper tiger");
    expect(headlineOf(c.text, 92, c.clauses, undefined, true) ?? "paper tiger").toContain(
      "paper tiger",
    );
  });

  it("cuts no adjunct out of the middle: what follows would attach to what it was not said of", () => {
    for (const form of sideCuts(brainDead.text, brainDead.clauses))
      expect(form).not.toMatch(/… in Ukraine/u);
    const sony = claimOf(
      "[Sony] faces stiff competition from the Nintendo DS, which sold more than the GameCube in its first few days on release in Europe.",
    );
    for (const form of sideCuts(sony.text, sony.clauses, true))
      expect(form).not.toMatch(/competition … in Europe/u);
  });

  it("never leaves a fragment: no deletion before a continuing word or of a lead-in's head", () => {
    const founded = claimOf(
      "Founded in 1992 and formalized in 2002, the CSTO is a military alliance made up of several post-Soviet states: Russia, Belarus, Kazakhstan, Kyrgyzstan, Tajikistan, and Armenia.",
    );
    for (const form of sideCuts(founded.text, founded.clauses)) {
      expect(form).not.toMatch(/^\[I\]n 1992/u);
      expect(form).toMatch(/^Founded/u);
    }
    const invasion = claimOf(
      "While the Russian invasion of Ukraine has sparked greater discussion about membership in non-NATO European countries, including Finland and Sweden, it has had the opposite effect in the CSTO.",
    );
    for (const form of sideCuts(invasion.text, invasion.clauses))
      expect(form).not.toMatch(/…\s*(?:\[I\])?ncluding|^\[I\]ncluding/u);
  });

  it("is not tried without the engine's parse (no verb known to be kept)", () => {
    expect(sideCuts(brainDead.text)).toEqual([]);
  });
});

describe("a disagreement's side (scoped)", () => {
  it("keeps where the claim holds: the place phrase and the sentence's end", () => {
    const c = claimOf(
      "Nintendo dominates the handheld market, with more than a 90% share of the market in the US alone.",
    );
    for (let level = 0; level <= MAX_LEVEL; level++) {
      const short = shortenSafe(c.text, level, c.clauses, undefined, true);
      expect(short, `${level}`).toContain("in the US alone");
    }
    // No headline of it within two lines keeps its place: none (another claim heads the slide);
    // unscoped too, the place scopes its number ("a 90% share of the market | in the US alone").
    expect(headlineOf(c.text, 92, c.clauses)).toBeUndefined();
    expect(headlineOf(c.text, 92, c.clauses, undefined, true) ?? "in the US alone").toContain(
      "in the US alone",
    );
    // Scoped, the place never goes with the tail.
    const d = claimOf("Nintendo dominates the handheld market in the US alone.");
    const cut = "Nintendo dominates the handheld market…";
    // (Unscoped, a cut tail takes a name only where nothing else makes a bullet: names=false.)
    expect(keepsEssentials(cut, d.text, d.clauses)).toBe(false);
    expect(keepsEssentials(cut, d.text, d.clauses, undefined, false, false)).toBe(true);
    expect(keepsEssentials(cut, d.text, d.clauses, undefined, true)).toBe(false);
  });
});

describe("a sentence opening with a subordinate clause", () => {
  it("is never cut to that clause, nor to an apposition the parse took for its main clause", () => {
    const c = claimOf(
      "When Kazakh activists last month planned a pro-Ukraine rally in Almaty, a city that saw terrible violence in January, Kazakh authorities allowed it to proceed unhindered and unharassed.",
    );
    for (let level = 0; level <= MAX_LEVEL; level++) {
      const short = shortenSafe(c.text, level, c.clauses);
      expect(short, `${level}`).not.toMatch(/^\[A\] city/u);
      expect(short, `${level}`).not.toMatch(/^When .*…$/u);
    }
    expect(mainClauseOf(c.text, c.clauses)).toBeUndefined();
  });
});

describe("a cut tail that would change what the kept part says", () => {
  const cases: [string, string][] = [
    // A limit the kept part announces ("only"): its scope is in the tail.
    [
      "Nintendo will only have sole control of Europe's handheld gaming market for a few weeks because soon Sony is expected to release its PSP console.",
      "for a few weeks",
    ],
    // The predicate: the parse may take "wait" for the main verb.
    [
      "Sony's strategy of making the UK and Europe wait an insanely long time for its new portable system has clearly paid off.",
      "has clearly paid off",
    ],
    // An exception.
    [
      "For any CSTO country to openly join the war in Ukraine would be catastrophic, except for Lukashenka, who is wholly dependent on the Kremlin.",
      "except for Lukashenka",
    ],
    // A further member of a list.
    [
      "Currently, in addition to Russia and Belarus, the CSTO members are the Central Asian states of Kazakhstan, Kyrgyzstan and Tajikistan, as well as the South Caucasus Republic of Armenia.",
      "Armenia",
    ],
  ];
  it.each(cases)("keeps it: %s", (text, kept) => {
    const c = claimOf(text);
    for (let level = 0; level <= MAX_LEVEL; level++)
      expect(shortenSafe(c.text, level, c.clauses), `${level}`).toContain(kept);
    expect(headlineOf(c.text, 92, c.clauses) ?? kept).toContain(kept);
  });
});

describe("a quotation in single marks", () => {
  it("is never cut inside: no headline or bullet ends in ‘linchpin…", () => {
    const c = claimOf(
      "In 1992 US President Bill Clinton acutely underlined the role of Ukraine as a ‘linchpin for NATO’s rationale.’",
    );
    const headline = headlineOf(c.text, 92, c.clauses);
    expect(headline ?? "").not.toMatch(/‘[^’]*$/u);
    for (let level = 0; level <= MAX_LEVEL; level++)
      expect(shortenSafe(c.text, level, c.clauses)).not.toMatch(/‘[^’]*$/u);
  });
});

describe("a disagreement's side with its topic", () => {
  const side = (text: string, topic: string) => {
    const c = claimOf(text);
    return shortenWithin(c.text, 0, 14, 0, 25, c.clauses, undefined, topic).text;
  };
  const words = (t: string) => t.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

  it("keeps the predicate the sources differ on, and is a bullet", () => {
    const full =
      "Phil Harrison, Sony VP of SCEE, said he doesn't view the Nintendo DS as competition in an interview with MCV in response to his company's release of its PSP handheld in Europe next week.";
    const short = side(
      full,
      "Competition (Nintendo DS, Sony PSP): one source states it, another denies it",
    );
    expect(isDeletionOf(short, full)).toBe(true);
    expect(short).toContain("doesn't view the Nintendo DS as competition");
    expect(words(short)).toBeLessThanOrEqual(25);
  });

  it("may lose a lead-in before its main clause, never a value its topic names", () => {
    const full =
      "Founded in 1992 and formalized in 2002, the CSTO is a military alliance made up of several post-Soviet states: Russia, Belarus, Kazakhstan, Kyrgyzstan, Tajikistan, and Armenia.";
    const members = side(
      full,
      "Which countries belong to CSTO: the sources' lists differ on Uzbekistan",
    );
    expect(isDeletionOf(members, full)).toBe(true);
    expect(members).not.toContain("1992");
    for (const name of ["Russia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Armenia"])
      expect(members).toContain(name);
    expect(words(members)).toBeLessThanOrEqual(21);
    // When the founding year is what the sources differ on, it stays.
    expect(side(full, "When it happened (CSTO, founded): 1992 or 1991")).toContain("1992");
  });

  it("keeps its places where its topic names a place", () => {
    const full =
      "Released in May of 2004 in Japan and March 2005 in the US, the PSP includes has quickly become the most popular next-generation portable gaming device in the states slightly edging the Nintendo DS.";
    const short = side(full, "Who leads in the United States: Nintendo DS or Sony PSP");
    expect(isDeletionOf(short, full)).toBe(true);
    expect(short.endsWith("Nintendo DS.")).toBe(true);
    expect(words(short)).toBeLessThanOrEqual(25);
  });
});

describe("side cuts keep the sentence's opening", () => {
  it("never deletes what opens the sentence (its subject may stand there)", () => {
    const c = claimOf(
      "Phil Harrison, Sony VP of SCEE, said he doesn't view the Nintendo DS as competition in an interview with MCV in response to his company's release of its PSP handheld in Europe next week.",
    );
    for (const form of sideCuts(c.text, c.clauses, true)) expect(form).toMatch(/^Phil Harrison/u);
    for (let level = 0; level <= MAX_LEVEL; level++)
      expect(shortenSafe(c.text, level, c.clauses, undefined, true)).toMatch(/^Phil Harrison/u);
  });
});

describe("a main clause the parse opens on its verb", () => {
  // The engine's parse puts "[The DS], which features touch-screen control," before the main
  // clause, which then opens on "will": its subject is the sentence's first words.
  const text =
    "[The DS], which features touch-screen control, will retail for £99 in the UK (149 euros).";
  const clauses: ClaimClauses = { spans: [[47, 89]], verbs: [[47, 51]] };

  it("keeps the subject before the aside and lets the aside go", () => {
    expect(sideCuts(text, clauses)).toContain(
      "[The DS] … will retail for £99 in the UK (149 euros).",
    );
    // As a headline shortened harder: every number kept, the deletion marked.
    expect(headlineOf(text, 92, clauses, undefined, false, 2)).toBe(
      "[The DS] … will retail for £99 in the UK (149 euros)",
    );
    expect(headlineOf(text, 92, clauses)).toBe(text.slice(0, -1));
  });
});

describe("what a shortening never drops: names and what scopes a number", () => {
  const sold = claimOf(
    "In comparison, the Nintendo DS sold roughly 87,000 units during the week following its UK launch.",
  );
  const donbas = claimOf(
    "In 2014 Russia annexed Crimea and started the hybrid war on Donbas, a region it still claims.",
  );

  it("keeps a number's scope and the names of what it keeps, at every level", () => {
    expect(
      keepsEssentials("[T]he Nintendo DS sold roughly 87,000 units…", sold.text, sold.clauses),
    ).toBe(false);
    expect(
      keepsEssentials(
        "In 2014 Russia annexed Crimea and started the hybrid war…",
        donbas.text,
        donbas.clauses,
      ),
    ).toBe(false);
    for (let level = 0; level <= MAX_LEVEL; level++) {
      expect(shortenSafe(sold.text, level, sold.clauses), `${level}`).toContain(
        "87,000 units during the week following its UK launch",
      );
      expect(shortenSafe(donbas.text, level, donbas.clauses), `${level}`).toContain("on Donbas");
    }
    for (const chars of [92, 60])
      expect(
        headlineOf(sold.text, chars, sold.clauses) ?? "87,000 units during the week",
      ).toContain("87,000 units during the week");
  });

  it("lets a name go only with a whole aside set off inside the sentence, never with an exception", () => {
    const c = claimOf(
      "The CSTO, which Moscow founded as a counterweight, deployed 2,000 troops to Kazakhstan in January 2022.",
    );
    expect(
      keepsEssentials(
        "The CSTO … deployed 2,000 troops to Kazakhstan in January 2022.",
        c.text,
        c.clauses,
      ),
    ).toBe(true);
    const b = claimOf(
      "Russia’s CSTO partners – with the glaring exception of Belarus – quietly distanced themselves from the conflict.",
    );
    expect(
      keepsEssentials(
        "Russia’s CSTO partners … quietly distanced themselves from the conflict.",
        b.text,
        b.clauses,
      ),
    ).toBe(false);
    // An acronym in brackets after its words names nothing new.
    const maps = claimOf(
      "NATO Membership Action Plans (MAPs) were put on the table for Ukraine and Georgia.",
    );
    expect(
      keepsEssentials(
        "NATO Membership Action Plans … were put on the table for Ukraine and Georgia.",
        maps.text,
        maps.clauses,
      ),
    ).toBe(true);
  });

  it("for the median goal (an aim) deletes only side matter inside the sentence, never its tail", () => {
    expect(softForms(sold.text, sold.clauses).every((f) => f.includes("during the week"))).toBe(
      true,
    );
    expect(softForms(donbas.text, donbas.clauses).every((f) => !/…$/u.test(f))).toBe(true);
    const c = claimOf(
      "[The DS], which features touch-screen control, will retail for £99 in the UK (149 euros).",
    );
    expect(softForms(c.text, c.clauses)[0]).toBe(
      "[The DS] … will retail for £99 in the UK (149 euros).",
    );
  });
});

describe("a cut right after a subordinate clause's opening", () => {
  // "… told Reuters that, hypothetically…" keeps the reporting verb and loses what was said.
  const full =
    "Ahead of the invasion, on February 19, the CSTO’s Secretary-General Stanislav Zas told Reuters that, hypothetically, the organization could deploy peacekeepers to the Donbas region.";

  it("is never a bullet's or a headline's form, at any level or length", () => {
    const c = claimOf(full);
    const opened = /\bthat\b[\s,]*(?:\S+[\s,]*){0,2}…$/u;
    for (let level = 0; level <= MAX_LEVEL; level++)
      expect(shortenSafe(c.text, level, c.clauses)).not.toMatch(opened);
    for (const chars of [92, 110, 118, 150]) {
      expect(headlineOf(full, chars) ?? "").not.toMatch(opened);
      expect(headlineOf(c.text, chars, c.clauses) ?? "").not.toMatch(opened);
    }
    for (const clauses of [undefined, c.clauses])
      expect(
        keepsEssentials(
          "[O]n February 19, the CSTO’s Secretary-General Stanislav Zas told Reuters that, hypothetically…",
          full,
          clauses,
        ),
      ).toBe(false);
  });

  it("is not a word that follows the subordinator directly: a clause or a noun phrase kept whole", () => {
    // "because members disagreed" is a whole clause; "that month", "that principle" name what
    // "that" points to: these cuts keep what was said.
    const why = claimOf(
      "The alliance kept its troops at home because members disagreed, and the summit in Madrid ended without any decision on the deployment of new brigades.",
    );
    expect(headlineOf(why.text, 92, why.clauses)).toBe(
      "The alliance kept its troops at home because members disagreed…",
    );
    const when = claimOf(
      "Nintendo cut the price of the DS that month, while its rival waited until the spring.",
    );
    expect(headlineOf(when.text, 46, when.clauses)).toBe(
      "Nintendo cut the price of the DS that month…",
    );
    const which = claimOf(
      "Russia has long insisted on that principle, and its diplomats repeated it at every meeting of the council last year.",
    );
    expect(headlineOf(which.text, 46, which.clauses)).toBe(
      "Russia has long insisted on that principle…",
    );
  });

  it('nor keeps the reporting verb without the clause it introduces (no cut before "that"), with the engine\'s parse', () => {
    const c = claimOf(full);
    expect(c.clauses).toBeDefined();
    for (const f of [
      "[O]n February 19, the CSTO’s Secretary-General Stanislav Zas told Reuters…",
      "[O]n February 19, the CSTO’s Secretary-General Stanislav Zas told…",
    ])
      expect(keepsEssentials(f, c.text, c.clauses), f).toBe(false);
    for (let level = 0; level <= MAX_LEVEL; level++)
      expect(shortenSafe(c.text, level, c.clauses)).toContain("peacekeepers");
    for (const chars of [92, 110, 118, 150])
      expect(headlineOf(c.text, chars, c.clauses) ?? "peacekeepers").toContain("peacekeepers");
  });

  it("still allows a deletion inside the clause that keeps the clause's verb", () => {
    expect(
      keepsEssentials(
        "Ahead of the invasion, on February 19, the CSTO’s Secretary-General Stanislav Zas told Reuters that … the organization could deploy peacekeepers to the Donbas region.",
        full,
      ),
    ).toBe(true);
  });
});
