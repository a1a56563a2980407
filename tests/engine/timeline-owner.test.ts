// A timeline event sits in a subject's lane only when it is that subject's event.
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../../src/brief/resolve.js";
import { BriefSpecSchema } from "../../src/brief/schema.js";
import { analyse } from "../../src/engine/index.js";
import { handheldsEngine, makeSource } from "./helpers.js";

const laneOf = (events: { claim: { text: string }; subjects: string[] }[], start: string) => {
  const e = events.find((x) => x.claim.text.startsWith(start));
  expect(e, `${start} in ${JSON.stringify(events.map((x) => x.claim.text))}`).toBeDefined();
  return e!.subjects;
};

/** NATO and the CSTO, with a dimension none of these sentences is about. */
const natoEngine = resolveOptions(
  BriefSpecSchema.parse({
    subjects: [{ name: "NATO" }, { name: "CSTO" }],
    dimensions: [{ name: "Membership", terms: ["member", "membership"] }],
  }),
).engine;

describe("timeline lanes", () => {
  it("puts a maker's other product in no subject's lane, the subject's own event in its lane", () => {
    const { briefing } = analyse(
      [
        makeSource("a", [
          "Nintendo first launched its GameBoy console in 1989 and has dominated the market ever since.",
          "The Nintendo DS went on sale in Japan on 2 December 2004 with a touch screen.",
        ]),
      ],
      handheldsEngine([{ name: "Hardware", terms: ["weighs"] }]),
    );
    expect(laneOf(briefing.timeline, "Nintendo first launched")).toEqual([]);
    expect(laneOf(briefing.timeline, "The Nintendo DS went")).toEqual(["Nintendo DS"]);
  });

  it("keeps a maker's event in the subject's lane when the other name is in a phrase, not the object", () => {
    const { briefing } = analyse(
      [
        makeSource("a", [
          "Nintendo unveiled its dual-screen handheld at E3 in May 2004 to applause.",
        ]),
        makeSource("b", [
          "Nintendo shipped its new handheld to Europe on 11 March 2005 with Super Mario 64.",
        ]),
      ],
      handheldsEngine([{ name: "Hardware", terms: ["weighs"] }]),
    );
    expect(laneOf(briefing.timeline, "Nintendo unveiled")).toEqual(["Nintendo DS"]);
    expect(laneOf(briefing.timeline, "Nintendo shipped")).toEqual(["Nintendo DS"]);
  });

  it("puts a third party's act that only mentions a subject in no subject's lane", () => {
    const { briefing } = analyse(
      [
        makeSource("b", [
          "In 1992 US President Bill Clinton underlined the role of Ukraine as a linchpin for NATO's rationale.",
          "NATO admitted Poland, Hungary and the Czech Republic as members in March 1999.",
        ]),
      ],
      natoEngine,
    );
    expect(laneOf(briefing.timeline, "In 1992 US President")).toEqual([]);
    expect(laneOf(briefing.timeline, "NATO admitted")).toEqual(["NATO"]);
  });

  it("in German, gives a date to the subject named in the date's own clause", () => {
    const { briefing } = analyse(
      [
        makeSource(
          "de",
          [
            "Nachdem Nintendo den Verkaufsstart seines neuen Handhelds auf den Dezember 2004 gelegt hat, zieht nun Sony nach und nennt den Termin der PSP.",
          ],
          { language: "de" },
        ),
      ],
      handheldsEngine([{ name: "Hardware", terms: ["Bildschirm"] }]),
    );
    expect(laneOf(briefing.timeline, "Nachdem Nintendo")).toEqual(["Nintendo DS"]);
  });

  it("takes no event from a date in a leading concessive clause", () => {
    const { briefing } = analyse(
      [
        makeSource("l", [
          "While a key CSTO ally during its own unrest in January 2022, Kazakhstan has refused to recognize the Donetsk republic.",
          "When the CSTO met in Moscow in May 2022, it adopted no statement on the war.",
        ]),
      ],
      natoEngine,
    );
    expect(briefing.timeline.some((e) => e.claim.text.startsWith("While"))).toBe(false);
    expect(briefing.timeline.some((e) => /^When the CSTO met/u.test(e.claim.text))).toBe(true);
  });
});
