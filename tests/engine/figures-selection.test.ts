/**
 * Which figures the briefing lists: a comparison the figures chart can draw (two subjects'
 * counts of the same kind, unit and scope) is never cut by the list's budget for figures that
 * stand alone, however much more informative their sentences are.
 */
import { describe, expect, it } from "vitest";
import { analyse } from "../../src/engine/analyse.js";
import { figuresExhibit } from "../../src/engine/exhibits/figures.js";
import { handheldsEngine, makeSource } from "./helpers.js";

const engine = handheldsEngine([{ name: "Sales", terms: ["sold", "sales", "units"] }]);

// Sixteen figures of the DS alone, each in a sentence that names places, dates and numbers.
const alone = [
  "In Tokyo on 2 December 2004, Nintendo said the DS had sold 500,000 consoles in Japan.",
  "In New York on 21 November 2004, Nintendo said the DS had sold 500,000 consoles in the US in its first week.",
  "By January 2005 Nintendo had shipped 3 million DS consoles to Japan and the US, according to Nintendo.",
  "In London on 11 March 2005, Nintendo said 130 DS games were in development in Europe and the US.",
  "In Paris on 11 March 2005, Nintendo said 15 DS games would be on sale in France, Germany and Spain.",
  "In Kyoto in April 2005, Nintendo said the DS had 700 Game Boy Advance games in its back catalogue.",
  "In Berlin on 11 March 2005, Nintendo said 20,000 German shops would stock the DS.",
  "In Madrid on 11 March 2005, Nintendo said 5,000 Spanish shops would stock the DS.",
  "In Rome on 11 March 2005, Nintendo said 4,000 Italian shops would stock the DS.",
  "In Seattle on 1 May 2005, Nintendo said 4 million DS consoles had been sold in Japan, the US and Europe.",
  "In Osaka on 1 June 2005, Nintendo said 16 players could share one DS game in Japan.",
  "In Toronto on 1 June 2005, Nintendo said 300,000 DS consoles had been sold in Canada.",
  "In Sydney on 1 June 2005, Nintendo said 200,000 DS consoles had been sold in Australia.",
  "In Seoul on 1 July 2005, Nintendo said 100,000 DS consoles had been sold in Korea.",
  "In Dublin on 1 July 2005, Nintendo said 50,000 DS consoles had been sold in Ireland.",
  "In Oslo on 1 July 2005, Nintendo said 40,000 DS consoles had been sold in Norway.",
];

describe("the figures list", () => {
  it("keeps both sides of a comparison the chart can draw", () => {
    const { briefing } = analyse(
      [
        makeSource("nintendo", alone),
        makeSource("chart", [
          "The PSP sold about 185,000 units in the week after its UK launch. The DS sold roughly 87,000 units in the week after its UK launch.",
        ]),
      ],
      engine,
    );
    const listed = briefing.figures.map((f) => `${f.subject}: ${f.valueText}`);
    expect(listed).toContain("Sony PSP: about 185,000");
    expect(listed).toContain("Nintendo DS: roughly 87,000");
    const exhibit = figuresExhibit(briefing, 1);
    expect(exhibit?.entries.map((e) => e.label)).toEqual([
      "Nintendo DS: roughly 87,000 units",
      "Sony PSP: about 185,000 units",
    ]);
  });
});
