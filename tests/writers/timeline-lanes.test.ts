// The drawn timeline names its lanes in the briefing's language: the engine gives German lane
// names (`laneLabels`) while the lanes keep the keys the colours follow; the chart drew the keys
// ("Several subjects", "Other") in a German report.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildExhibits } from "../../src/engine/exhibits/index.js";
import { analyse } from "../../src/engine/index.js";
import { readBrief } from "../../src/pipeline/inspect.js";
import { exhibitSvg, REPORT_FRAME } from "../../src/writers/shared/exhibits/index.js";

const fixture = (name: string) => join(import.meta.dirname, "..", "fixtures", name);

describe("the drawn timeline's lanes", () => {
  it("are labelled in German for the German corpus, coloured as before", async () => {
    const de = await readBrief(fixture("handhelds-de"));
    const b = analyse(de.sources, de.options.engine).briefing;
    const timeline = buildExhibits(b).find((e) => e.kind === "timeline")!;
    const svg = await exhibitSvg(
      timeline,
      b.subjects.map((s) => s.name),
      REPORT_FRAME,
    );
    expect(svg).toContain(">Mehrere Gegenstände<");
    expect(svg).toContain(">Sonstige<");
    expect(svg).not.toMatch(/>Several subjects<|>Other</u);
  });

  it("keep their English names in an English briefing", async () => {
    const en = await readBrief(fixture("handhelds"));
    const b = analyse(en.sources, en.options.engine).briefing;
    const timeline = buildExhibits(b).find((e) => e.kind === "timeline")!;
    const svg = await exhibitSvg(
      timeline,
      b.subjects.map((s) => s.name),
      REPORT_FRAME,
    );
    expect(svg).toContain(">Nintendo DS<");
  });
});
