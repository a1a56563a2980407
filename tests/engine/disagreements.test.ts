// Disagreements from the sentences themselves, and stance as a quoted framing, never a score.
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../../src/brief/resolve.js";
import { BriefSpecSchema } from "../../src/brief/schema.js";
import { analyse } from "../../src/engine/index.js";
import type { Source } from "../../src/model/source.js";
import { handheldsEngine, makeSource } from "./helpers.js";

const engine = handheldsEngine([
  { name: "Launch", terms: ["launch", "release", "on sale"] },
  { name: "Audience", terms: ["competition", "gamers", "rival"] },
]);

const brief = (sources: Source[]) => analyse(sources, engine).briefing;

describe("disagreements", () => {
  it("finds one source stating what another denies, with both sides cited", () => {
    const b = brief([
      makeSource("bbc", [
        "Sony faces stiff competition from the Nintendo DS in a crowded market this year.",
      ]),
      makeSource("mcv", [
        "Phil Harrison said Sony does not view the Nintendo DS as competition for the PSP handheld.",
      ]),
    ]);
    const d = b.disagreements.find((x) => x.kind === "statement");
    expect(d?.topic).toMatch(/^Competition \(/u);
    expect(d?.sides.map((s) => s.citations[0]!.sourceId).sort()).toEqual(["bbc", "mcv"]);
    expect(d?.sides[0]?.text).toMatch(/faces stiff competition/u);
    expect(d?.sides[1]?.text).toMatch(/does not view/u);
  });

  it("does not oppose a denial to a gerund's object, a noun modifier or a condition", () => {
    const nato = resolveOptions(
      BriefSpecSchema.parse({
        subjects: [{ name: "NATO" }, { name: "CSTO" }],
        dimensions: [{ name: "Weight", terms: ["weapons"] }],
      }),
    ).engine;
    const b = analyse(
      [
        makeSource("a", [
          "NATO has a window of opportunity to end the malpractice of changing borders by force.",
          "One of the most immediate impacts has been the questioning of the CSTO's collective defense mandate.",
          "NATO has helped implement tectonic reforms in the defence area of Ukraine.",
        ]),
        makeSource("b", [
          "NATO did not expand its borders by force in the decade after 1999.",
          "The CSTO has not invoked its collective defense clause in response to the war.",
          "If Ukraine's NATO membership is not implemented, it will need a new regional alliance.",
        ]),
      ],
      nato,
    ).briefing;
    expect(b.disagreements.filter((d) => d.kind === "statement")).toEqual([]);
  });

  it("does not oppose statements about different places or with no denial", () => {
    const b = brief([
      makeSource("a", [
        "Sony did not launch the PSP in Europe in 2004, its spokesman said at length.",
      ]),
      makeSource("b", [
        "Sony launched the PSP in Japan in December 2004 to long queues of gamers.",
      ]),
      makeSource("c", ["Nintendo launched the DS in Japan in December 2004 ahead of its rival."]),
    ]);
    expect(b.disagreements.filter((x) => x.kind === "statement")).toEqual([]);
  });

  it("opposes two counts only when both cannot be true ('more than 2.8 million' and 'almost 4m' can)", () => {
    const counts = (x: string, y: string) =>
      brief([
        makeSource("a", [`Nintendo has sold ${x} DS consoles in Japan and the US since launch.`]),
        makeSource("b", [`Nintendo has sold ${y} DS consoles in Japan and the US since launch.`]),
      ]).disagreements.filter((d) => d.kind === "number");
    expect(counts("more than 2,800,000", "almost 4m")).toEqual([]);
    expect(counts("about 3 million", "3,200,000")).toEqual([]);
    expect(counts("2 million", "4 million")).toHaveLength(1);
  });

  it("compares event dates at the precision both give: another month of one year disagrees", () => {
    const b = brief([
      makeSource(
        "wiki",
        ["Sony released the PSP handheld in Japan in May 2004 to great acclaim."],
        {
          date: "2006-01-01",
        },
      ),
      makeSource(
        "news",
        ["Sony released the PSP handheld in Japan in December 2004 to great acclaim."],
        {
          date: "2005-01-10",
        },
      ),
      makeSource(
        "blog",
        ["Sony released the PSP handheld in Japan in 2004 to great acclaim, fans said."],
        {
          date: "2005-06-01",
        },
      ),
    ]);
    const dates = b.disagreements.filter((x) => x.kind === "date");
    expect(dates).toHaveLength(1);
    expect(dates[0]!.topic).toMatch(/May 2004 or December 2004|December 2004 or May 2004/u);
    const ids = dates[0]!.sides.map((s) => s.citations[0]!.sourceId).sort();
    expect(ids).toEqual(["news", "wiki"]);
  });
});

describe("stance", () => {
  it("quotes each source's most evaluative statement about a subject, or none", () => {
    const b = brief([
      makeSource("review", [
        "The PSP is a sexy bit of kit with a superb widescreen display for films.",
        "The PSP went on sale in the US on Thursday at a price of $249.",
      ]),
      makeSource("wire", ["Nintendo shipped the DS to shops in Europe on 11 March 2005."]),
    ]);
    const psp = b.stances.find((s) => s.sourceId === "review" && s.subject === "Sony PSP");
    expect(psp?.framing?.text).toBe(
      "The PSP is a sexy bit of kit with a superb widescreen display for films.",
    );
    expect(psp?.framing?.citations[0]?.sourceId).toBe("review");
    const ds = b.stances.find((s) => s.sourceId === "wire" && s.subject === "Nintendo DS");
    expect(ds?.framing).toBeUndefined();
  });
});
