// Exhibits speak the briefing's language: a German brief gets German exhibit titles and source
// lines, an English one keeps its English ones.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildExhibits } from "../../src/engine/exhibits/index.js";
import { analyse } from "../../src/engine/index.js";
import { readBrief } from "../../src/pipeline/inspect.js";

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
});
