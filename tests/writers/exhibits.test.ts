/**
 * Exhibits as data and as drawings, without a browser: what the outline's ::chart directive
 * places, which figures may be compared, the citations behind every numbered mark, and SVG
 * that is the same bytes every time and never carries corpus text as markup.
 */

import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { comparableGroups, countedKind, figuresExhibit } from "../../src/engine/exhibits/index.js";
import type { Briefing, Figure } from "../../src/model/briefing.js";
import type { ExhibitNode } from "../../src/model/document.js";
import type { Exhibit } from "../../src/model/exhibits.js";
import { planDeck } from "../../src/writers/deck/index.js";
import { exhibitSvg, REPORT_FRAME, SLIDE_FRAME } from "../../src/writers/shared/exhibits/index.js";
import {
  laneColours,
  stackRows,
  timelineSpec,
} from "../../src/writers/shared/exhibits/timeline.js";
import { natoCstoSample } from "../engine/helpers.js";
import {
  analyse,
  BriefwrightError,
  compileOutline,
  treeToMarkdown,
  verifyCitation,
} from "../engine/imports.js";
import { deckCitationsOf, documentOf } from "./document.js";

const { sources, spec } = natoCstoSample();
const { briefing } = analyse(sources, spec);

function compile(text: string) {
  const result = compileOutline({
    briefing,
    sources,
    outline: { path: "corpus/briefing.md", text },
  });
  return { ...result, markdown: treeToMarkdown(result.tree) };
}

function exhibitsOf(text: string): ExhibitNode[] {
  const out: ExhibitNode[] = [];
  visit(compile(text).tree, "exhibit", (n: ExhibitNode) => {
    out.push(n);
  });
  return out;
}

const figure = (value: number, counts: string, subject?: string, unit?: string): Figure => ({
  value,
  valueText: String(value),
  counts,
  ...(subject ? { subject } : {}),
  ...(unit ? { unit } : {}),
  claim: { id: `c-${counts}-${value}`, text: "", citations: [], edits: [] },
});

describe("::chart in the outline", () => {
  const all =
    '::chart{type="timeline" title="Timeline"}\n\n::chart{type="figures"}\n\n::chart{type="coverage"}\n';

  it("numbers exhibits in document order, each with a caption title, alt text and a source line", () => {
    const nodes = exhibitsOf(all);
    expect(nodes.map((n) => [n.exhibit.n, n.exhibit.kind])).toEqual([
      [1, "timeline"],
      [2, "figures"],
      [3, "coverage"],
    ]);
    for (const n of nodes) {
      expect(n.exhibit.title.length).toBeGreaterThan(5);
      expect(n.exhibit.alt.length).toBeGreaterThan(40);
      expect(n.children[0]!.type).toBe("paragraph");
    }
  });

  it("cites every numbered mark with a passage that is in its source", () => {
    for (const n of exhibitsOf(all)) {
      for (const entry of n.exhibit.entries) {
        expect(entry.citations.length).toBeGreaterThan(0);
        for (const c of entry.citations) expect(verifyCitation(c, sources)).toBeUndefined();
      }
    }
  });

  it("follows the timeline chart with its key: one numbered, cited list item per marker", () => {
    const { tree, markdown } = compile(all);
    const at = tree.children.findIndex((n) => n.type === "exhibit");
    const key = tree.children[at + 1]!;
    const timeline = (tree.children[at] as ExhibitNode).exhibit;
    expect(key).toMatchObject({ type: "list", ordered: true, start: 1 });
    expect((key as { children: unknown[] }).children).toHaveLength(timeline.entries.length);
    expect(markdown).toMatch(/::: \{#exhibit-1 \.exhibit type="timeline"\}\n\*\*Exhibit 1\. /u);
    expect(markdown).toMatch(/\n1\. \*\*\d{4}/u);
  });

  it("cites each bar of the figures chart in its source line", () => {
    const node = exhibitsOf('::chart{type="figures"}\n')[0]!;
    const cites: unknown[] = [];
    visit(node, "cite", (c) => {
      cites.push(c);
    });
    expect(cites).toHaveLength(node.exhibit.entries.length);
  });

  it("escapes corpus text in briefing.md: a hostile label stays text", () => {
    const { tree } = compile('::chart{type="coverage"}\n');
    const node = tree.children.find((n) => n.type === "exhibit") as ExhibitNode;
    node.exhibit.alt = '<img src=x onerror="alert(1)"> *bold* _end_ [link](http://x)';
    node.exhibit.title = "<script>alert(2)</script>";
    const md = treeToMarkdown(tree);
    // Unescaped, either would be raw HTML to Pandoc or a Markdown renderer.
    expect(md).not.toMatch(/(?<!\\)<img/u);
    expect(md).not.toMatch(/(?<!\\)<script/u);
    expect(md).toContain("\\<img");
    expect(md).toMatch(/^_.*\\\*bold\\\*/mu);
  });

  it("gives every exhibit a deck slide, even before the first section or in the method", async () => {
    const { tree } = compile(
      '::chart{type="coverage"}\n\n::findings\n\n::method\n\n::chart{type="timeline"}\n',
    );
    const document = documentOf(briefing, tree);
    const slides = planDeck(document, await deckCitationsOf(document)).columns.flat();
    expect(slides.filter((s) => s.layout === "exhibit").map((s) => s.exhibit!.n)).toEqual([1, 2]);
  });

  it("rejects an unknown chart type at the outline's line and column", () => {
    try {
      compile('# Brief\n\n::chart{type="pie"}\n');
      throw new Error("expected an error");
    } catch (error) {
      expect(error).toBeInstanceOf(BriefwrightError);
      const d = (error as BriefwrightError).diagnostics[0]!;
      expect(d).toMatchObject({ ruleId: "outline-unknown-chart", line: 3, column: 1 });
      expect(d.message).toContain("“timeline”");
    }
  });

  it("says so under a titled chart that has nothing to draw, and draws nothing untitled", () => {
    const empty = {
      ...briefing,
      figures: [],
      exhibits: briefing.exhibits.filter((e) => e.kind !== "figures"),
    } as Briefing;
    const run = (text: string) =>
      compileOutline({ briefing: empty, sources, outline: { path: "b.md", text } });
    expect(run('::chart{type="figures"}\n').tree.children).toEqual([]);
    expect(treeToMarkdown(run('::chart{type="figures" title="Figures"}\n').tree)).toContain(
      "no figures of the same kind for two or more subjects",
    );
  });
});

describe("which figures may be compared", () => {
  it("judges the kind by the noun counted, not by any word of the phrase", () => {
    expect(countedKind("people killed in the attack")).not.toBe("Personnel");
    expect(countedKind("military bases")).toBe("Base");
    expect(countedKind("United States troops")).toBe("Personnel");
  });

  it("sees member states and personnel through different nouns", () => {
    expect(countedKind("NATO countries")).toBe("Member states");
    expect(countedKind("members")).toBe("Member states");
    expect(countedKind("people in the rapid reaction group")).toBe("Personnel");
    expect(countedKind("soldiers")).toBe("Personnel");
    expect(countedKind("missiles")).toBe("Weapons and equipment");
    expect(countedKind("wind turbines")).toBe("Turbine");
  });

  it("compares only the same kind, in the same unit, for two or more subjects", () => {
    const groups = comparableGroups([
      figure(30, "NATO countries", "NATO"),
      figure(6, "members", "CSTO"),
      figure(83, "support for membership", "NATO", "%"),
      figure(2, "defence spending", "CSTO", "%"),
      figure(600, "missiles", "CSTO"),
      figure(20, "years of existence", "CSTO", "years"),
      figure(40, "years since founding", "NATO", "years"),
      figure(5, "soldiers"),
    ]);
    expect(groups.map((g) => [g.title, g.figures.length])).toEqual([["Member states", 2]]);
  });

  it("numbers bars subject by subject, larger first, and has no exhibit without a comparison", () => {
    const b = {
      ...briefing,
      figures: [
        figure(6, "members", "CSTO"),
        figure(30, "countries", "NATO"),
        figure(32, "allies", "NATO"),
      ],
    } as Briefing;
    const e = figuresExhibit(b, 4)!;
    expect(e.entries.map((x) => x.label)).toEqual([
      "NATO: 32 allies",
      "NATO: 30 countries",
      "CSTO: 6 members",
    ]);
    expect(figuresExhibit({ ...b, figures: b.figures.slice(1) } as Briefing, 1)).toBeUndefined();
  });
});

describe("drawing", () => {
  const exhibits = exhibitsOf(
    '::chart{type="timeline"}\n\n::chart{type="figures"}\n\n::chart{type="coverage"}\n',
  ).map((n) => n.exhibit);
  const subjects = briefing.subjects.map((s) => s.name);

  it("draws each exhibit as the same SVG bytes every time, labelled with its alt text", async () => {
    for (const e of exhibits) {
      for (const frame of [REPORT_FRAME, SLIDE_FRAME]) {
        const a = await exhibitSvg(e, subjects, frame);
        expect(await exhibitSvg(structuredClone(e), subjects, frame)).toBe(a);
        expect(a).toMatch(
          /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="bw-chart [^"]+" viewBox="/u,
        );
        expect(a).toContain('role="img" aria-label="');
        expect(a).not.toMatch(/<image|<foreignObject|<script|href=/u);
        expect(a).toContain('font-family="&quot;Source Sans 3&quot;, sans-serif"');
      }
    }
  });

  it("keeps corpus text as text: a hostile subject or source label cannot become markup", async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">';
    const e = structuredClone(exhibits[2]!) as Exhibit & { chart: { kind: "coverage" } };
    e.chart.rows[0]!.label = hostile;
    e.chart.subjects[0] = hostile;
    e.alt = hostile;
    const svg = await exhibitSvg(e, [hostile, "CSTO"], REPORT_FRAME);
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<img");
    expect(svg).toContain("&lt;script&gt;");
  });

  it("keeps each subject's colour across charts", () => {
    const both = laneColours(["NATO", "CSTO", "Other"], ["NATO", "CSTO"]);
    expect(laneColours(["CSTO", "Other"], ["NATO", "CSTO"])).toEqual([both[1], both[2]]);
  });

  it("shrinks timeline markers when the frame caps the height, so stacked ones still fit their lane", () => {
    const marks = Array.from({ length: 8 }, (_, i) => ({
      n: i + 1,
      date: "2022",
      at: 2022,
      lane: ["NATO", "CSTO", "Other"][i % 3]!,
    }));
    const spec = timelineSpec(
      { kind: "timeline", lanes: ["NATO", "CSTO", "Other"], marks },
      ["NATO", "CSTO"],
      SLIDE_FRAME,
    ) as unknown as { height: number; layer: { mark: { type: string; size?: number } }[] };
    expect(spec.height).toBeLessThanOrEqual(SLIDE_FRAME.height);
    const size = spec.layer.find((l) => l.mark.type === "circle")!.mark.size!;
    const diameter = 2 * Math.sqrt(size / Math.PI);
    const rowsInBusiestLane = 3;
    expect(diameter * rowsInBusiestLane).toBeLessThanOrEqual(spec.height / 3);
  });

  it("stacks timeline markers that would touch, and leaves a lone marker on its lane", () => {
    const ats = [2014, 2022, 2022.05, 2022.1, 1997];
    const rows = stackRows(ats, 20, 20);
    expect(rows[0]).toBe(0);
    expect(rows[4]).toBe(0);
    const cluster = [rows[1]!, rows[2]!, rows[3]!];
    expect(new Set(cluster).size).toBe(3);
    expect(cluster.reduce((a, b) => a + b, 0)).toBe(0); // centred on the lane
  });
});
