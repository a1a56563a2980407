/**
 * A second corpus on another topic (HTML parsing libraries, their own READMEs, Markdown with
 * code blocks and tables) with its own brief.yaml, so the engine is not tuned to one corpus.
 */
import { visit } from "unist-util-visit";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultSpec, resolveOptions } from "../../src/brief/index.js";
import type { Source } from "../../src/model/source.js";
import { readBrief } from "../../src/pipeline/inspect.js";
import {
  analyse,
  type Briefing,
  briefingToJson,
  type CiteNode,
  compileOutline,
  loadOutline,
  verifyTree,
} from "./imports.js";

const DIR = "tests/fixtures/topic-html-parsers";
let sources: Source[];
let briefing: Briefing;

beforeAll(async () => {
  const corpus = await readBrief(DIR);
  sources = corpus.sources;
  briefing = analyse(sources, corpus.options.engine).briefing;
});

describe("briefing on the HTML-parsers corpus", () => {
  it("reads six sources and the brief's three subjects", () => {
    expect(sources).toHaveLength(6);
    expect(briefing.subjects.map((s) => s.name)).toEqual(["htmlparser2", "LinkeDOM", "JSDOM"]);
    expect(briefing.meta.inferred).toEqual({ subjects: false, dimensions: false });
  });

  it("fills cells the sources address and states the gaps explicitly", () => {
    const cell = (d: string, s: string) =>
      briefing.matrix.find((c) => c.dimension === d && c.subject === s)!;
    expect(cell("Speed and performance", "htmlparser2").claims[0]!.text).toMatch(
      /fastest HTML parser/u,
    );
    for (const c of briefing.matrix) {
      if (c.claims.length === 0) expect(c.gap).toMatch(/^No source in this corpus addresses /u);
      else expect(c.gap).toBeUndefined();
    }
  });

  it("compiles, cites every source, verifies, and never addresses the reader", async () => {
    const outline = await loadOutline(DIR, "templates");
    const { tree } = compileOutline({ briefing, sources, outline });
    expect(verifyTree(tree, sources)).toEqual([]);
    const cited = new Set<string>();
    visit(tree, "cite", (c: CiteNode) => {
      for (const x of c.citations) cited.add(x.sourceId);
    });
    expect([...cited].sort()).toEqual(sources.map((s) => s.id).sort());
    const texts = [
      ...briefing.findings.map((f) => f.claim.text),
      ...briefing.matrix.flatMap((c) => c.claims.map((x) => x.text)),
      ...briefing.timeline.map((e) => e.claim.text),
    ];
    for (const t of texts) {
      expect(t).not.toMatch(/\?\s*$|\b(?:you|your)\b|\b[Pp]lease\b/u);
    }
    expect(briefing.findings.length).toBeGreaterThanOrEqual(5);
  });

  it("is deterministic", async () => {
    const again = await readBrief(DIR);
    expect(briefingToJson(analyse(again.sources, again.options.engine).briefing)).toBe(
      briefingToJson(briefing),
    );
  });

  it("infers subjects and dimensions when the brief names none, and says so", () => {
    const { briefing: b, diagnostics } = analyse(sources, resolveOptions(defaultSpec()).engine);
    expect(b.meta.inferred).toEqual({ subjects: true, dimensions: true });
    expect(b.subjects.length).toBeGreaterThanOrEqual(2);
    expect(b.dimensions.length).toBeGreaterThanOrEqual(2);
    expect(b.method.join(" ")).toMatch(/inferred/u);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(
      expect.arrayContaining(["briefing-subjects-inferred", "briefing-dimensions-inferred"]),
    );
  });
});
