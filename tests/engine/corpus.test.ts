/**
 * The engine on the default corpus (corpus/ + brief.yaml + templates/briefing.md): the
 * done-when checks of the briefing issue, asserted on the Briefing and the compiled tree.
 */
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { beforeAll, describe, expect, it } from "vitest";
import type { EngineOptions } from "../../src/model/options.js";
import type { Source } from "../../src/model/source.js";
import { readBrief } from "../../src/pipeline/inspect.js";
import {
  analyse,
  type Briefing,
  briefingToJson,
  type CiteNode,
  type Claim,
  compileOutline,
  loadOutline,
  treeToMarkdown,
  verifyTree,
} from "./imports.js";

const CORPUS = "corpus";
let sources: Source[];
let options: EngineOptions;
let briefing: Briefing;
let tree: Root;
let markdown: string;

function shownClaims(b: Briefing): Claim[] {
  return [
    ...b.findings.map((f) => f.claim),
    ...b.matrix.flatMap((c) => c.claims),
    ...b.timeline.map((e) => e.claim),
    ...b.disagreements.flatMap((d) => d.sides),
    ...b.sources.flatMap((s) => (s.thesis ? [s.thesis] : [])),
  ];
}

function cites(t: Root): CiteNode[] {
  const out: CiteNode[] = [];
  visit(t, "cite", (n: CiteNode) => {
    out.push(n);
  });
  return out;
}

beforeAll(async () => {
  const corpus = await readBrief(CORPUS);
  sources = corpus.sources;
  options = corpus.options.engine;
  briefing = analyse(sources, options).briefing;
  const outline = await loadOutline(CORPUS, "templates");
  ({ tree } = compileOutline({ briefing, sources, outline }));
  markdown = treeToMarkdown(tree);
});

describe("briefing on the default corpus", () => {
  it("fills the matrix with cited statements, and states the gap where none stands alone", () => {
    // The corpus's only sentence on NATO's Article 5 ("…, for Ukrainians, it is not about
    // Article five alone") leans on the sentence before it, so that one cell states a gap.
    let filled = 0;
    for (const d of briefing.dimensions) {
      for (const s of briefing.subjects) {
        const cell = briefing.matrix.find((c) => c.dimension === d.name && c.subject === s.name);
        expect(cell, `${d.name} × ${s.name}`).toBeDefined();
        if (cell!.claims.length === 0) {
          expect(cell!.gap, `${d.name} × ${s.name}`).toMatch(/^No source in this corpus/u);
          continue;
        }
        filled++;
        expect(cell!.gap, `${d.name} × ${s.name}`).toBeUndefined();
        for (const c of cell!.claims) expect(c.citations.length).toBeGreaterThan(0);
      }
    }
    expect(filled).toBeGreaterThanOrEqual(briefing.matrix.length - 1);
    // …and the compiled tree shows one for each cell (dimension sections carry their headings).
    const sections: string[] = [];
    visit(tree, "heading", (h) => {
      const d = h.data?.briefwright;
      if (d?.kind === "dimension-subject") sections.push(`${d.dimension}|${d.subject}`);
    });
    expect(sections.length).toBeGreaterThan(0);
  });

  it("shows how each source frames each subject as a cited quote, never as a score", () => {
    expect(markdown).toContain("How each source frames each subject");
    expect(markdown).toMatch(
      /\*\*[^*]+ on CSTO:\*\* CSTO is not a viable alternative to NATO\. \[@/u,
    );
    expect(markdown).not.toMatch(/(?:positive|negative|neutral) \([+−]?\d\.\d\d\)/u);
    expect(markdown).not.toMatch(/Stance of each source/u);
  });

  it("keeps the disagreement on which countries belong to the CSTO, both sides cited", () => {
    const d = briefing.disagreements.find((x) => x.kind === "list");
    expect(d?.topic).toMatch(/Uzbekistan/u);
    expect(new Set(d?.sides.map((s) => s.citations[0]?.sourceId)).size).toBe(2);
  });

  it("cites every source at least once", () => {
    const cited = new Set(cites(tree).flatMap((c) => c.citations.map((x) => x.sourceId)));
    for (const s of sources) expect(cited, s.id).toContain(s.id);
  });

  it("uses no source sentence twice", () => {
    const seen = new Map<string, string>();
    for (const claim of shownClaims(briefing)) {
      const c = claim.citations[0]!;
      const n = claim.id.split("-").pop()!;
      const first = c.sentence ?? 0;
      const last = /^\d+$/.test(n) ? Number(n) : first;
      for (let s = first; s <= Math.max(first, last); s++) {
        const key = `${c.sourceId}:${c.block}:${s}`;
        expect(seen.get(key), `${key} in ${claim.id}`).toBeUndefined();
        seen.set(key, claim.id);
      }
    }
    const generated = cites(tree).filter((c) => c.generated && c.claimId);
    const texts = new Set<string>();
    visit(tree, "paragraph", (p) => {
      const last = p.children[p.children.length - 1];
      if (last?.type !== "cite" || !last.generated) return;
      const t = p.children.map((x) => ("value" in x ? x.value : "")).join("");
      expect(texts.has(t), t).toBe(false);
      texts.add(t);
    });
    expect(generated.length).toBeGreaterThan(20);
  });

  it("has no questions and never addresses the reader", () => {
    for (const c of shownClaims(briefing)) {
      expect(c.text, c.id).not.toMatch(/\?\s*["”’)]*$/u);
      expect(c.text, c.id).not.toMatch(/\b(?:you|your|guys|let's|let’s)\b/iu);
      expect(c.text.split(/\s+/u).length, c.id).toBeGreaterThanOrEqual(5);
    }
  });

  it("puts the annexation of Crimea in 2014 on the timeline, cited", () => {
    const crimea = briefing.timeline.find(
      (e) => /Crimea/u.test(e.claim.text) && /annex/iu.test(e.claim.text),
    );
    expect(crimea?.date.startsWith("2014")).toBe(true);
    expect(crimea!.claim.citations.length).toBeGreaterThan(0);
    expect(markdown).toMatch(/\*\*2014\*\* — .*annexed Crimea.*\[@/u);
  });

  it("finds a disagreement between sources, both sides cited", () => {
    expect(briefing.disagreements.length).toBeGreaterThan(0);
    for (const d of briefing.disagreements) {
      expect(d.sides.length).toBe(2);
      const ids = d.sides.map((s) => s.citations[0]!.sourceId);
      expect(new Set(ids).size).toBe(2);
    }
  });

  it("keeps 5–8 key findings, corroborated ones citing each source, others attributed once", () => {
    expect(briefing.findings.length).toBeGreaterThanOrEqual(5);
    expect(briefing.findings.length).toBeLessThanOrEqual(8);
    for (const f of briefing.findings) {
      const ids = new Set(f.claim.citations.map((c) => c.sourceId));
      expect(ids.size).toBe(f.support);
      if (f.corroborated) expect(f.support).toBeGreaterThanOrEqual(2);
      // Unless the sentence credits its source itself ("…, writes Handelsblatt."): then once.
      else if (/, writes \p{Lu}[\p{L} ]+\.$/u.test(f.claim.text))
        expect(f.claim.attribution).toBeUndefined();
      else expect(f.claim.attribution).toMatch(/^According to /u);
    }
  });

  it("stays within the word budget", () => {
    const words = markdown
      .replace(/\[@[^\]]*\]/gu, "")
      .split(/\s+/u)
      .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    expect(words).toBeLessThanOrEqual(options.maxWords);
  });

  it("verifies every citation, and fails on a tampered quote", () => {
    expect(verifyTree(tree, sources, "briefing.md")).toEqual([]);
    const copy = structuredClone(tree) as Root;
    const first = cites(copy).find((c) => c.generated)!;
    first.citations[0]!.quote.exact = first.citations[0]!.quote.exact.replace(
      /\b(\w+)\b/u,
      "Tampered",
    );
    const problems = verifyTree(copy, sources, "briefing.md");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: "error",
      ruleId: "cite-unverified",
      file: "briefing.md",
    });
  });

  it("gives byte-identical briefing.json on a second run", async () => {
    const again = await readBrief(CORPUS);
    expect(briefingToJson(analyse(again.sources, again.options.engine).briefing)).toBe(
      briefingToJson(briefing),
    );
    expect(briefingToJson(briefing).endsWith("}\n")).toBe(true);
  });
});
