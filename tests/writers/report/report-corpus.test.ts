/**
 * The report on the real default corpus (corpus/): read → analyse → compile outline → report.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBrief } from "../../../src/pipeline/inspect.js";
import { type BrowserSession, launchBrowser } from "../../../src/runtime/browser.js";
import { type WriteReportResult, writeReport } from "../../../src/writers/report/index.js";
import { analyse, compileOutline, loadOutline } from "../../engine/imports.js";
import { documentOf } from "../document.js";
import { pdfFonts, pdfInfo, pdfOutline, pdfText, squash, TEMPLATES_ROOT } from "./helpers.js";

const CORPUS = new URL("../../../corpus/", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "bw-report-corpus-"));
let browser: BrowserSession;
let result: WriteReportResult;
let citeCount = 0;
let headings: string[] = [];

beforeAll(async () => {
  const corpus = await readBrief(CORPUS);
  const { briefing } = analyse(corpus.sources, corpus.options.engine);
  const outline = await loadOutline(CORPUS, TEMPLATES_ROOT);
  const { tree } = compileOutline({ briefing, sources: corpus.sources, outline });
  const walk = (node: { type: string; children?: unknown[]; value?: string }) => {
    if (node.type === "cite") citeCount++;
    if (node.type === "heading") {
      const text = (n: typeof node): string =>
        n.type === "cite"
          ? ""
          : (n.value ?? (n.children as (typeof node)[] | undefined)?.map(text).join("") ?? "");
      headings.push(text(node).trim());
    }
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  walk(tree as never);
  headings = headings.filter(Boolean);
  browser = await launchBrowser();
  result = await writeReport({
    document: documentOf(briefing, tree, corpus.spec),
    options: corpus.spec.report,
    outDir: work,
    templatesDir: TEMPLATES_ROOT,
    browser,
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("report from the default corpus", () => {
  it("lays out every citation as a footnote on the page of its call", () => {
    expect(citeCount).toBeGreaterThan(15);
    expect(result.blocked).toEqual([]);
    expect(result.layout.notes.map((n) => n.n)).toEqual(
      Array.from({ length: citeCount }, (_, i) => i + 1),
    );
    for (const note of result.layout.notes) {
      expect(note.notePage, `note ${note.n}`).toBe(note.callPage);
      expect(note.callText).toBe(String(note.n));
    }
  });

  it("keeps headings with what follows, avoids widows and orphans, never splits a table row", () => {
    expect(result.layout.headingsAtPageEnd).toEqual([]);
    expect(result.layout.shortFragments).toEqual([]);
    expect(result.layout.splitRows).toBe(0);
  });

  it("has an outline entry for every heading, embedded fonts and the brief's title", () => {
    const titles = pdfOutline(result.pdfPath).map((o) => o.title);
    for (const h of headings) expect(titles).toContain(h);
    for (const font of pdfFonts(result.pdfPath)) {
      expect(font.embedded).toBe(true);
      expect(font.type).not.toMatch(/Type 3/);
    }
    expect(pdfInfo(result.pdfPath).Title).toBe("NATO and the CSTO");
    expect(squash(pdfText(result.pdfPath, result.pages))).toMatch(
      /^NATO and the CSTO Bibliography Bibliography/,
    );
  });
});
