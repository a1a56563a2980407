import { describe, expect, it } from "vitest";
import { BriefwrightError } from "../../../src/diagnostics/types.js";
import type { SourceProfile } from "../../../src/model/briefing.js";
import {
  citationFormatter,
  formatCitations,
  loadCitationStyle,
  toCslItem,
  toCslName,
  toDateParts,
} from "../../../src/writers/shared/citations/index.js";
import { loadFixture, TEMPLATES } from "./helpers.js";

const CSL_DIR = `${TEMPLATES}csl`;
const { briefing } = loadFixture("report-sample");
const sources = briefing.sources;
const cite = (sourceId: string, block: number) => ({
  sourceId,
  block,
  quote: { type: "TextQuoteSelector" as const, exact: "x" },
});

describe("CSL-JSON items from source profiles", () => {
  it("splits personal names and keeps organisations and particles", () => {
    expect(toCslName("Catherine Putz")).toEqual({ given: "Catherine", family: "Putz" });
    expect(toCslName("Putz, Catherine")).toEqual({ family: "Putz", given: "Catherine" });
    expect(toCslName("Ursula von der Leyen")).toEqual({ given: "Ursula", family: "von der Leyen" });
    expect(toCslName("Reuters staff")).toEqual({ literal: "Reuters staff" });
    expect(toCslName("Handelsblatt")).toEqual({ literal: "Handelsblatt" });
    expect(toCslName("Олена Коваль")).toEqual({ given: "Олена", family: "Коваль" });
  });

  it("turns partial ISO dates into date-parts", () => {
    expect(toDateParts("2022")).toEqual({ "date-parts": [[2022]] });
    expect(toDateParts("2022-08")).toEqual({ "date-parts": [[2022, 8]] });
    expect(toDateParts("2022-08-03")).toEqual({ "date-parts": [[2022, 8, 3]] });
    expect(toDateParts("August")).toBeUndefined();
  });

  it("maps title, authors, publisher, date and URL", () => {
    const putz = sources.find((s) => s.id === "putz-2022")!;
    expect(toCslItem(putz)).toEqual({
      id: "putz-2022",
      type: "article-newspaper",
      title: "What Is the Value of the CSTO Now?",
      author: [{ given: "Catherine", family: "Putz" }],
      "container-title": "The Diplomat",
      publisher: "The Diplomat",
      issued: { "date-parts": [[2022, 2]] },
      URL: "https://thediplomat.com/2022/02/what-is-the-value-of-the-csto-now/",
      language: "en",
    });
    const karelska = sources.find((s) => s.id === "karelska-2022")!;
    expect(toCslItem(karelska).title).toBe(
      "NATO vs CSTO — Who Will Gain the Upper Hand? The traditional rule-based order is over",
    );
  });
});

describe("citation formatting with citeproc (Chicago notes)", () => {
  it("gives a full first note, short later notes, ¶ locators and a bibliography", async () => {
    const style = await loadCitationStyle(CSL_DIR, "chicago-fullnote-bibliography", "en");
    const { notes, bibliography } = formatCitations(
      sources,
      [
        [cite("putz-2022", 3)],
        [cite("putz-2022", 5)],
        [cite("handelsblatt-nd", 2), cite("lennon-nd", 4)],
      ],
      style,
      "text",
    );
    expect(notes[0]).toBe(
      "Catherine Putz, “What Is the Value of the CSTO Now?,” The Diplomat, February 2022, ¶ 3, https://thediplomat.com/2022/02/what-is-the-value-of-the-csto-now/.",
    );
    // Chicago 17 replaces "ibid." by the author's name alone for a consecutive citation.
    expect(notes[1]).toBe("Putz, ¶ 5.");
    expect(notes[2]).toMatch(
      /Handelsblatt, n\.d\., ¶ 2, https:.*; Jhon Lennon, “CSTO & Ukraine War/,
    );
    // Works cited only, as Pandoc and Chicago do: sources that no note cites are not listed.
    expect(bibliography.map((b) => b.id)).toEqual(["handelsblatt-nd", "lennon-nd", "putz-2022"]);
    expect(bibliography[2]?.entry).toBe(
      "Putz, Catherine. “What Is the Value of the CSTO Now?” The Diplomat, February 2022. https://thediplomat.com/2022/02/what-is-the-value-of-the-csto-now/.",
    );
  });

  it("uses the short note (author, short title) for a later, non-consecutive citation", async () => {
    const style = await loadCitationStyle(CSL_DIR, "chicago-fullnote-bibliography", "en");
    const { notes } = formatCitations(
      sources,
      [[cite("putz-2022", 3)], [cite("lennon-nd", 4)], [cite("putz-2022", 5)]],
      style,
      "text",
    );
    expect(notes[2]).toBe("Putz, “What Is the Value of the CSTO Now?,” ¶ 5.");
  });

  it("escapes markup in source metadata and links URLs in HTML", async () => {
    const style = await loadCitationStyle(CSL_DIR, "chicago-fullnote-bibliography", "en");
    const hostile: SourceProfile = {
      ...sources[0]!,
      id: "hostile",
      title: '<script>alert(1)</script><img src="http://x/">',
      url: "https://example.org/a?b=1&c=2",
    };
    const { notes } = formatCitations([hostile], [[cite("hostile", 1)]], style, "html");
    expect(notes[0]).not.toMatch(/<script|<img/);
    expect(notes[0]).toContain("&#60;script&#62;");
    expect(notes[0]).toContain('<a href="https://example.org/a?b=1&#38;c=2">');
  });

  it("formats one cluster at a time for the deck: always the full note, as the report's first", async () => {
    const style = await loadCitationStyle(CSL_DIR, "chicago-fullnote-bibliography", "en");
    const { notes } = formatCitations(sources, [[cite("putz-2022", 3)]], style, "text");
    const cite1 = citationFormatter(sources, style, "text");
    expect(cite1.note([cite("putz-2022", 3)])).toBe(notes[0]);
    // No running sequence: a second note for the same source is full again, not "Putz, ¶ 5."
    expect(cite1.note([cite("putz-2022", 5)])).toBe(notes[0]!.replace("¶ 3", "¶ 5"));
    expect(cite1.note([])).toBe("");
  });

  it("gives the bibliography of the sources asked for, in the style's order", async () => {
    const style = await loadCitationStyle(CSL_DIR, "chicago-fullnote-bibliography", "en");
    const entries = citationFormatter(sources, style, "text").bibliography([
      "putz-2022",
      "karelska-2022",
    ]);
    expect(entries.map((e) => e.id)).toEqual(["karelska-2022", "putz-2022"]);
    expect(entries[0]?.entry).toMatch(/^Karelska, Christine\./);
    expect(citationFormatter(sources, style, "text").bibliography([])).toEqual([]);
  });

  it("names the available styles when the requested one is missing", async () => {
    const error = await loadCitationStyle(CSL_DIR, "no-such-style", "en").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefwrightError);
    expect((error as BriefwrightError).diagnostics[0]?.hint).toMatch(
      /chicago-fullnote-bibliography/,
    );
  });

  it("ships the CSL files with their licence", async () => {
    const style = await loadCitationStyle(CSL_DIR, "chicago-fullnote-bibliography", "en");
    expect(style.styleXml).toMatch(
      /<rights license="http:\/\/creativecommons.org\/licenses\/by-sa\/3.0\/">/,
    );
    expect(style.localeXml).toMatch(
      /<rights license="http:\/\/creativecommons.org\/licenses\/by-sa\/3.0\/">/,
    );
    expect(style.locale).toBe("en-US");
  });
});

describe("defaults for other writers", () => {
  it("loads the package's Chicago style and en-US locale with no arguments", async () => {
    const { DEFAULT_CSL_DIR } = await import("../../../src/writers/shared/citations/index.js");
    expect(DEFAULT_CSL_DIR).toBe(CSL_DIR.replace(/\/?$/, "/"));
    const style = await loadCitationStyle();
    expect(style.id).toBe("chicago-fullnote-bibliography");
    expect(
      citationFormatter(sources, style, "text").bibliography(sources.map((s) => s.id)),
    ).toHaveLength(5);
  });
});
