// A maker's name that is a subject's alias ("Sony" for the PSP, "Nintendo" for the DS) also begins
// the names of the maker's other products: "the Sony PS2 and Nintendo GameCube have both sold …"
// names neither subject. The sentence had been taken for a comparison of the two subjects and
// made the first key finding of the handhelds briefing.
import { describe, expect, it } from "vitest";
import { buildMatchers, findMentions, subjectsNamed } from "../../src/engine/subjects.js";

const matchers = buildMatchers([
  { name: "Nintendo DS", aliases: ["DS", "Nintendo"] },
  { name: "Sony PSP", aliases: ["PSP", "PlayStation Portable", "Sony"] },
  { name: "NATO", aliases: [] },
]);
const named = (text: string) => subjectsNamed(text, matchers);

describe("a maker's name before another model's name", () => {
  it("names that model, not the subject", () => {
    expect(
      named("While the Sony PS2 and Nintendo GameCube have both sold well, the Xbox has not."),
    ).toEqual([]);
    expect(named("Super Mario 64 is a Nintendo 64 classic.")).toEqual([]);
    expect(named("It plays the Nintendo GameBoy Advance catalogue.")).toEqual([]);
  });

  it("still names the subject as the maker, by its own name, or before a subject's own name", () => {
    expect(named("Nintendo Europe's manager said Sony Computer Entertainment was late.")).toEqual([
      "Nintendo DS",
      "Sony PSP",
    ]);
    expect(named("The Nintendo DS beat the Sony PlayStation Portable in Japan.")).toEqual([
      "Nintendo DS",
      "Sony PSP",
    ]);
    expect(named("Sony's PSP sold out; Nintendo said so.")).toEqual(["Sony PSP", "Nintendo DS"]);
  });

  it("a year after a name is no model name", () => {
    expect(
      named("At the NATO 2022 summit in Madrid, Sony 2005 figures were not discussed."),
    ).toEqual(["NATO", "Sony PSP"]);
  });
});

describe("mentions found again in a text already searched", () => {
  it("are the same, and a caller changing what it got changes nothing for the next one", () => {
    const text = "The Alliance and the CSTO met; the alliance of NATO and the CSTO did not.";
    const subjects = buildMatchers([
      { name: "NATO", aliases: ["the Alliance", "North Atlantic Treaty Organization"] },
      { name: "CSTO", aliases: ["Collective Security Treaty Organization"] },
    ]);
    const first = findMentions(text, subjects);
    expect(first.map((m) => [m.subject, text.slice(m.start, m.end)])).toEqual([
      ["NATO", "The Alliance"],
      ["CSTO", "CSTO"],
      ["NATO", "NATO"],
      ["CSTO", "CSTO"],
    ]);
    first[0]!.subject = "changed";
    first.pop();
    expect(findMentions(text, subjects)).toEqual(findMentions(`${text}`, subjects));
    expect(findMentions(text, subjects).map((m) => m.subject)).toEqual([
      "NATO",
      "CSTO",
      "NATO",
      "CSTO",
    ]);
    // A case-sensitive alias is looked for only where its first word is written as it is.
    expect(findMentions("the alliance met", subjects)).toEqual([]);
    expect(findMentions("nato met", subjects)).toEqual([]);
  });
});
