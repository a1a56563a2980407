// The drawn timeline names its lanes in the briefing's language: the engine gives German lane
// names (`laneLabels`) while the lanes keep the keys the colours follow; the chart drew the keys
// ("Several subjects", "Other") in a German report.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildExhibits } from "../../src/engine/exhibits/index.js";
import { analyse } from "../../src/engine/index.js";
import { readBrief } from "../../src/pipeline/inspect.js";
import { exhibitSvg, REPORT_FRAME } from "../../src/writers/shared/exhibits/index.js";

/** The timeline of a fixture corpus, drawn as the report draws it. */
async function timelineSvg(fixture: string, shareFirst = false): Promise<string> {
  const corpus = await readBrief(join(import.meta.dirname, "..", "fixtures", fixture));
  const b = analyse(corpus.sources, corpus.options.engine).briefing;
  // The German corpus has no event of two subjects: the first is made one, to draw that lane.
  if (shareFirst) b.timeline[0]!.subjects = b.subjects.map((s) => s.name);
  const timeline = buildExhibits(b).find((e) => e.kind === "timeline")!;
  return exhibitSvg(
    { ...timeline, n: 1, id: "exhibit-1" },
    b.subjects.map((s) => s.name),
    REPORT_FRAME,
  );
}

describe("the drawn timeline's lanes", () => {
  it("are labelled in German for the German corpus", async () => {
    const svg = await timelineSvg("handhelds-de", true);
    expect(svg).toContain(">Mehrere Gegenstände<");
    expect(svg).toContain(">Sonstige<");
    expect(svg).not.toMatch(/>Several subjects<|>Other</u);
  });

  it("keep their English names in an English briefing", async () => {
    expect(await timelineSvg("handhelds")).toMatch(/>Nintendo DS<[\s\S]*>Other</u);
  });
});
