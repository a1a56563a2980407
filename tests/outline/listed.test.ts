/** The briefing's length stays bounded with the corpus: past 30 sources only the cited ones are listed. */
import { describe, expect, it } from "vitest";
import type { Briefing, Claim, SourceProfile } from "../../src/model/briefing.js";
import { formatCitations, loadCitationStyle } from "../../src/writers/shared/citations/index.js";
import {
  compileOutline,
  listedSources,
  MAX_LISTED_SOURCES,
  treeToMarkdown,
} from "../engine/imports.js";

const profile = (i: number): SourceProfile => ({
  id: `s${i}`,
  file: `s${i}.txt`,
  title: `Source ${i}`,
  authors: [`Ann Author${i}`],
  language: "en",
  words: 100,
  shortLabel: `Author${i} n.d.`,
  subjects: [],
  dimensions: [],
});
const claim = (i: number): Claim => ({
  id: `c-s${i}-1-1`,
  text: "x",
  edits: [],
  citations: [{ sourceId: `s${i}`, block: 1, quote: { type: "TextQuoteSelector", exact: "x" } }],
});
const briefingOf = (n: number): Briefing =>
  ({
    schemaVersion: 5,
    meta: {
      title: "T",
      language: "en",
      sourceCount: n,
      inferred: { subjects: false, dimensions: false },
    },
    subjects: [{ name: "A", aliases: [] }],
    dimensions: [],
    sources: Array.from({ length: n }, (_, i) => profile(i)),
    findings: [{ claim: claim(3), corroborated: false, support: 1 }],
    matrix: [],
    timeline: [],
    figures: [],
    disagreements: [{ topic: "t", kind: "judgement", sides: [claim(7), claim(40)] }],
    stances: [],
    exhibits: [],
    method: [],
  }) as Briefing;

describe("listed sources", () => {
  it("lists a small corpus whole", () => {
    const b = briefingOf(MAX_LISTED_SOURCES);
    expect(listedSources(b)).toMatchObject({ omitted: 0 });
    expect(listedSources(b).listed).toHaveLength(MAX_LISTED_SOURCES);
  });

  it("lists only the cited sources of a large one, in corpus order, and says how many are left out", () => {
    const b = briefingOf(100);
    const { listed, omitted } = listedSources(b);
    expect(listed.map((s) => s.id)).toEqual(["s3", "s7", "s40"]);
    expect(omitted).toBe(97);
    const sources = b.sources.map((s) => ({
      id: s.id,
      file: s.file,
      format: "text",
      title: s.title,
      authors: s.authors,
      language: "en",
      blocks: [{ index: 1, kind: "paragraph", text: "x", sentences: [], line: 1 }],
      references: [],
      dropped: [],
      sha256: "0",
      words: 1,
    }));
    const { tree } = compileOutline({
      briefing: b,
      sources: sources as never,
      outline: { path: "b.md", text: "::sources\n" },
    });
    const markdown = treeToMarkdown(tree);
    expect(markdown).toContain("**Author40 n.d.**");
    expect(markdown).not.toContain("**Author41 n.d.**");
    expect(markdown).toContain("97 further sources were read but are not cited in this briefing");
  });

  it("puts only the works cited in the bibliography", async () => {
    const b = briefingOf(10);
    const style = await loadCitationStyle(
      new URL("../../templates/report/csl", import.meta.url).pathname,
      undefined,
      "en",
    );
    const { bibliography } = formatCitations(
      b.sources,
      [claim(3).citations, claim(7).citations],
      style,
    );
    expect(bibliography.map((e) => e.id)).toEqual(["s3", "s7"]);
  });
});
