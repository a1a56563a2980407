// Exhibits speak the briefing's language: a German brief gets German exhibit titles and source
// lines, an English one keeps its English ones.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildExhibits, figuresExhibit } from "../../src/engine/exhibits/index.js";
import { analyse } from "../../src/engine/index.js";
import type { TimelineChart } from "../../src/model/exhibits.js";
import { OTHER_LANE, SEVERAL_LANE } from "../../src/model/exhibits.js";
import { readBrief } from "../../src/pipeline/inspect.js";
import { natoCstoSample } from "./helpers.js";

const fixture = (name: string) => join(import.meta.dirname, "..", "fixtures", name);

describe("exhibit titles", () => {
  it("are German for the German corpus and English for the English one", async () => {
    const de = await readBrief(fixture("handhelds-de"));
    const titlesDe = buildExhibits(analyse(de.sources, de.options.engine).briefing).map(
      (e) => `${e.title} | ${e.source}`,
    );
    expect(titlesDe.join("\n")).toMatch(/Datierte Ereignisse nach Gegenstand \| Quelle: /u);
    expect(titlesDe.join("\n")).toMatch(/Was jede Quelle abdeckt/u);
    expect(titlesDe.join("\n")).not.toMatch(/Dated events|What each source covers/u);
    const en = await readBrief(fixture("handhelds"));
    const titlesEn = buildExhibits(analyse(en.sources, en.options.engine).briefing).map(
      (e) => e.title,
    );
    expect(titlesEn).toContain("Dated events by subject");
  });

  it("name the timeline's shared lanes and write every alt text in the briefing's language", async () => {
    const de = await readBrief(fixture("handhelds-de"));
    const exhibits = buildExhibits(analyse(de.sources, de.options.engine).briefing);
    const timeline = exhibits.find((e) => e.kind === "timeline")!;
    const chart = timeline.chart as TimelineChart;
    // The lanes keep the keys the writers colour by; their names are German.
    expect(chart.lanes).toEqual(["Nintendo DS", "Sony PSP", OTHER_LANE]);
    expect(chart.laneLabels).toEqual(["Nintendo DS", "Sony PSP", "Sonstige"]);
    // An event of two subjects (none in this corpus since its one such date went to the subject
    // its clause names) gets the shared lane, named in German.
    const shared = buildExhibits({
      ...analyse(de.sources, de.options.engine).briefing,
      timeline: [
        {
          date: "2004-12-02",
          dateText: "2. Dezember 2004",
          kind: "scheduled",
          subjects: ["Nintendo DS", "Sony PSP"],
          claim: analyse(de.sources, de.options.engine).briefing.timeline[0]!.claim,
        },
      ],
    }).find((e) => e.kind === "timeline")!.chart as TimelineChart;
    expect(shared.lanes).toEqual([SEVERAL_LANE]);
    expect(shared.laneLabels).toEqual(["Mehrere Gegenstände"]);
    expect(timeline.alt).toMatch(
      /^Zeitleiste mit 4 datierten Ereignissen, 2004 bis 2005, in Bahnen für /u,
    );
    expect(timeline.alt).toMatch(/Ereignis 2: geplant: 2005, Nintendo DS\./u);
    expect(timeline.entries.map((e) => e.label)).toContain("Ziel: 2005-03");
    const coverage = exhibits.find((e) => e.kind === "coverage")!;
    expect(coverage.alt).toMatch(/^Abdeckungskarte von 7 Quellen über 4 Dimensionen\./u);
    expect(coverage.alt).toMatch(/: keine Belege in der Matrix\./u);
    const all = exhibits.map((e) => e.alt).join("\n");
    expect(all).not.toMatch(
      /Timeline chart|Several subjects|\bOther\b|Event \d|Coverage map|evidence for|scheduled:|target:/u,
    );

    // The figures chart: its alt text and the name of a known kind of thing counted.
    const { sources, spec } = natoCstoSample();
    const briefing = analyse(sources, spec).briefing;
    const english = figuresExhibit(briefing, 1)!;
    expect(english.alt).toMatch(
      /^Bar chart comparing 2 figures the sources give, in 1 panel\. Personnel: /u,
    );
    const german = figuresExhibit({ ...briefing, meta: { ...briefing.meta, language: "de" } }, 1)!;
    expect(german.alt).toMatch(
      /^Balkendiagramm, das 2 Zahlen der Quellen vergleicht, in einem Feld\. Personal: /u,
    );

    // English keeps its names, and no separate labels.
    const en = await readBrief(fixture("handhelds"));
    const enTimeline = buildExhibits(analyse(en.sources, en.options.engine).briefing).find(
      (e) => e.kind === "timeline",
    )!;
    expect((enTimeline.chart as TimelineChart).laneLabels).toBeUndefined();
    expect(enTimeline.alt).toMatch(/^Timeline chart of \d+ dated events, /u);
  });
});
