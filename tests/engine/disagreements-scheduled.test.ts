// A schedule and a report of one launch that cannot both be true: one disagreement, of the kind
// "scheduled vs reported", never across subjects, places, other parties or overlapping periods.
import { describe, expect, it } from "vitest";
import { eventDate, monthsOf } from "../../src/engine/dates.js";
import { analyse } from "../../src/engine/index.js";
import { handheldsEngine, makeSource } from "./helpers.js";

const engine = handheldsEngine([
  { name: "Launch", terms: ["launch", "release", "on sale"] },
  { name: "Sales", terms: ["sold", "sales", "units"] },
]);

const SCHEDULE = [
  "With its two screens and a stylus, the DS has a number of unique selling points. It went on sale in the US in November priced at $150. Japan and Europe will have to wait until the first quarter of 2005 to get the device.",
];

const scheduled = (report: string) =>
  analyse(
    [makeSource("touch", SCHEDULE), makeSource("debut", [report])],
    engine,
  ).briefing.disagreements.filter((d) => d.sideKinds);

describe("scheduled vs reported launches", () => {
  it("reads the period a schedule or a report gives", () => {
    const wait = "Japan will have to wait until the first quarter of 2005 to get the DS.";
    const date = eventDate(wait, undefined, "en")!;
    expect([date.iso, date.kind]).toEqual(["2005", "scheduled"]);
    expect(monthsOf(date, wait)).toEqual([2005 * 12, 2005 * 12 + 2]);
    const end = "The DS went on sale in Japan at the end of 2004.";
    const happened = eventDate(end, undefined, "en")!;
    expect([happened.iso, happened.kind]).toEqual(["2004", "happened"]);
    expect(monthsOf(happened, end)).toEqual([2004 * 12 + 8, 2004 * 12 + 11]);
    // A price after the date is not a time of day ("at 15,000 yen" is not "at 15").
    const priced = "The DS will go on sale in Japan in March 2005 at 15,000 yen.";
    expect(eventDate(priced, undefined, "en")?.text).toBe("March 2005");
    // "until" without a wait is a boundary, not an event.
    expect(eventDate("The offer on the DS runs until 2005 in Japan.", undefined, "en")).toBe(
      undefined,
    );
  });

  it("pairs a schedule with a report of the same launch in the same place, saying which is which", () => {
    const found = scheduled(
      "Since going on sale in Japan and the US at the end of 2004, Nintendo has sold almost 4m DS consoles.",
    );
    expect(found).toHaveLength(1);
    const d = found[0]!;
    expect(d.topic).toBe("Nintendo DS on sale in Japan: 2005 (scheduled) or 2004 (reported)");
    expect(d.kind).toBe("year");
    expect(d.sideKinds).toEqual(["scheduled", "happened"]);
    expect(d.sides.map((s) => s.citations[0]!.sourceId)).toEqual(["touch", "debut"]);
    expect(d.sides[0]!.text).toMatch(/to get \[the DS\]\.$/u);
    // "it" after the subject it stands for, in the launch's clause.
    expect(
      scheduled(
        "More than 2,800,000 DS consoles have been sold since it first appeared in the US and Japan at the end of 2004.",
      ),
    ).toHaveLength(1);
  });

  it("pairs nothing across places, subjects, other parties, hedges or periods that overlap", () => {
    // Another place.
    expect(
      scheduled(
        "Since going on sale in the US at the end of 2004, Nintendo has sold almost 4m DS consoles.",
      ),
    ).toEqual([]);
    // Another subject.
    expect(
      scheduled(
        "Since going on sale in Japan at the end of 2004, Sony has sold almost 4m PSP consoles.",
      ),
    ).toEqual([]);
    // Another party goes on sale.
    expect(
      scheduled(
        "Since the GameCube went on sale in Japan at the end of 2004, Nintendo has sold almost 4m DS consoles.",
      ),
    ).toEqual([]);
    // A hedge.
    expect(scheduled("The DS may have gone on sale in Japan at the end of 2004.")).toEqual([]);
    // A schedule wholly before the report: a launch later than planned is a delay (the plan
    // changed), not two accounts of one launch; the gold labels such a pair `not`.
    const late = analyse(
      [
        makeSource("plan", ["The DS will go on sale in Japan in March 2005 at 15,000 yen."]),
        makeSource("report", ["The DS went on sale in Japan in May 2005 to long queues."]),
      ],
      engine,
    ).briefing.disagreements.filter((d) => d.sideKinds);
    expect(late).toEqual([]);
    // Reported before its scheduled period: one of the two is wrong about when.
    const early = analyse(
      [
        makeSource("plan", ["The DS will go on sale in Japan in May 2005 at 15,000 yen."]),
        makeSource("report", ["The DS went on sale in Japan in March 2005 to long queues."]),
      ],
      engine,
    ).briefing.disagreements.filter((d) => d.sideKinds);
    expect(early.map((d) => [d.topic, d.kind])).toEqual([
      ["Nintendo DS on sale in Japan: May 2005 (scheduled) or March 2005 (reported)", "date"],
    ]);
    // Both can be true: January 2005 is in the first quarter.
    expect(scheduled("The DS went on sale in Japan in January 2005 to long queues.")).toEqual([]);
  });
});

describe("what a schedule and a report do not contradict (review findings)", () => {
  const pair = (schedule: string, report: string) =>
    analyse(
      [makeSource("plan", [schedule]), makeSource("news", [report])],
      engine,
    ).briefing.disagreements.filter((d) => d.sideKinds);

  it("a later re-release is another event", () => {
    expect(
      pair(
        "The PSP will go on sale in Japan on 12 December 2004, Sony said at its press event.",
        "The PSP was re-released in Japan in 2006 with a larger battery and a brighter screen.",
      ),
    ).toEqual([]);
  });

  it("a launch reported after its scheduled date is a delay, not a contradiction", () => {
    expect(
      pair(
        "The PSP will go on sale in Europe in the first quarter of 2005, Sony said at its event.",
        "The PSP went on sale in Europe in September 2005 after months of waiting for stock.",
      ),
    ).toEqual([]);
  });
});
