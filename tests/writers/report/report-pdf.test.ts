/**
 * End-to-end: the sample fixture → briefing.html → briefing.pdf on real Chromium, checked on the
 * real PDF with poppler and qpdf.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, launchBrowser } from "../../../src/runtime/browser.js";
import { type WriteReportResult, writeReport } from "../../../src/writers/report/index.js";
import {
  type Fixture,
  loadFixture,
  pdfFonts,
  pdfInfo,
  pdfOutline,
  pdfText,
  squash,
  TEMPLATES,
  TEMPLATES_ROOT,
} from "./helpers.js";

const work = mkdtempSync(join(tmpdir(), "bw-report-"));
let browser: BrowserSession;
let fixture: Fixture;
let first: WriteReportResult;
let second: WriteReportResult;

function citeCount(node: unknown): number {
  const n = node as { type: string; children?: unknown[] };
  return (
    (n.type === "cite" ? 1 : 0) + (n.children ?? []).reduce<number>((a, c) => a + citeCount(c), 0)
  );
}

beforeAll(async () => {
  fixture = loadFixture("report-sample");
  browser = await launchBrowser();
  const build = (outDir: string) =>
    writeReport({ ...fixture, outDir, templatesDir: TEMPLATES_ROOT, browser });
  first = await build(join(work, "a"));
  second = await build(join(work, "b"));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("report PDF from the sample fixture", () => {
  it("writes briefing.html and briefing.pdf over several pages without blocked requests", () => {
    expect(first.htmlPath).toBe(join(work, "a", "briefing.html"));
    expect(first.pdfPath).toBe(join(work, "a", "briefing.pdf"));
    expect(first.pages).toBeGreaterThanOrEqual(5);
    expect(first.blocked).toEqual([]);
    expect(pdfInfo(first.pdfPath).Pages).toBe(String(first.pages));
  });

  it("puts every footnote on the page of its call, numbered in order", () => {
    const expected = citeCount(fixture.tree);
    const notes = first.layout.notes;
    expect(notes.map((n) => n.n)).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
    for (const note of notes) {
      expect(note.notePage, `note ${note.n}`).toBe(note.callPage);
      expect(note.callText).toBe(String(note.n));
    }
    // And in the PDF itself: note n's line is on that page, notes ascend down the page.
    const byPage = new Map<number, number[]>();
    for (const note of notes)
      byPage.set(note.notePage, [...(byPage.get(note.notePage) ?? []), note.n]);
    expect(byPage.size).toBeGreaterThan(2);
    for (const [page, numbers] of byPage) {
      const lines = pdfText(first.pdfPath, page).split("\n");
      const found = lines
        .map((l) => /^\s{0,3}(\d{1,3})\s+[“"\p{L}]/u.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => Number(m[1]));
      expect(found, `notes on page ${page}`).toEqual(numbers);
    }
  });

  it("keeps headings with what follows, avoids widows and orphans, repeats table headers", () => {
    expect(first.layout.headingsAtPageEnd).toEqual([]);
    expect(first.layout.shortFragments).toEqual([]);
    expect(first.layout.splitRows).toBe(0);
    // The comparison table runs over three pages: its header row is repeated twice.
    expect(first.layout.repeatedHeaders).toBe(2);
    expect(squash(pdfText(first.pdfPath, 4))).toMatch(
      /^NATO and the CSTO Comparison Dimension NATO CSTO Dimension 4/,
    );
  });

  it("formats notes with the CSL engine: full first note, short later, ¶ locator", () => {
    const text = squash(pdfText(first.pdfPath));
    expect(text).toContain(
      "Catherine Putz, “What Is the Value of the CSTO Now?,” The Diplomat, February 2022, ¶ 3,",
    );
    expect(text).toContain("10 Putz, “What Is the Value of the CSTO Now?,” ¶ 5.");
    const last = squash(pdfText(first.pdfPath, first.pages));
    expect(last).toContain("Bibliography");
    expect(last).toContain(
      "Putz, Catherine. “What Is the Value of the CSTO Now?” The Diplomat, February 2022.",
    );
  });

  it("gives contents page numbers that match where the headings are", () => {
    const outline = pdfOutline(first.pdfPath);
    const toc = pdfText(first.pdfPath, 2)
      .split("\n")
      .map((l) => /^\s*(\S.*?\S)\s{2,}(\d+)\s*$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ title: m[1]!, page: Number(m[2]) }));
    expect(toc.map((t) => t.title)).toEqual([
      "Key findings",
      "Comparison",
      "Dimensions",
      "Origins and membership",
      "Military weight",
      "Timeline",
      "Where the sources disagree",
      "Method",
      "Bibliography",
    ]);
    for (const entry of toc) {
      const inOutline = outline.find((o) => o.title === entry.title);
      expect(inOutline, entry.title).toBeDefined();
      expect(entry.page, entry.title).toBe(inOutline!.page);
      const layoutHeading = first.layout.headings.find((h) => h.text === entry.title);
      expect(layoutHeading?.page, entry.title).toBe(entry.page);
    }
  });

  it("has an outline entry for every section heading", () => {
    const titles = pdfOutline(first.pdfPath).map((o) => o.title);
    const headings: string[] = [];
    const walk = (node: { type: string; children?: unknown[]; value?: string }) => {
      if (node.type === "heading") {
        headings.push((node.children as { value: string }[]).map((c) => c.value).join(""));
      }
      for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
    };
    walk(fixture.tree as never);
    for (const h of [...headings, "Contents", "Bibliography"]) expect(titles).toContain(h);
  });

  it("embeds every font, none of them Type 3, from the bundled families", () => {
    const fonts = pdfFonts(first.pdfPath);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.type, font.name).not.toMatch(/Type 3/);
      expect(font.name).toMatch(/SourceSerif4|SourceSans3/);
    }
  });

  it("extracts the Cyrillic quotation exactly", () => {
    const text = squash(pdfText(first.pdfPath));
    expect(text).toContain("Відносини з Росією будуть взаємовигідними, дружніми і стабільними.");
  });

  it("sets title, author, subject and keywords, fixed dates, and is tagged", () => {
    const info = pdfInfo(first.pdfPath);
    expect(info.Title).toBe("NATO and the CSTO");
    expect(info.Author).toBe("Briefwright fixture");
    expect(info.Subject).toBe("Two alliances after February 2022");
    expect(info.Keywords).toBe("NATO, CSTO, Origins and membership, Military weight");
    expect(info.CreationDate).toBe("2022-10-05T00:00:00Z");
    expect(info.ModDate).toBe("2022-10-05T00:00:00Z");
    expect(info.Tagged).toBe("yes");
  });

  it("is byte-for-byte reproducible", () => {
    const hash = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");
    expect(hash(second.pdfPath)).toBe(hash(first.pdfPath));
    expect(readFileSync(second.htmlPath, "utf8")).toBe(readFileSync(first.htmlPath, "utf8"));
  });

  it("has clickable URLs and internal links", () => {
    const pdf = readFileSync(first.pdfPath, "latin1");
    expect(pdf).toContain(
      "/URI (https://thediplomat.com/2022/02/what-is-the-value-of-the-csto-now/)",
    );
    // Each note call links to its note and each note back to its call; contents entries link too.
    const links = (pdf.match(/\/Subtype \/Link/g) ?? []).length;
    expect(links).toBeGreaterThanOrEqual(2 * first.layout.notes.length + 9);
  });

  it("uses SOURCE_DATE_EPOCH and US Letter when asked", async () => {
    const letter = await writeReport({
      ...fixture,
      options: { ...fixture.options, paper: "Letter" },
      outDir: join(work, "letter"),
      templatesDir: TEMPLATES,
      browser,
      sourceDateEpoch: 1_700_000_000,
    });
    const info = pdfInfo(letter.pdfPath);
    expect(info["Page size"]).toMatch(/^612 x 792 pts/);
    expect(letter.layout.notes.every((n) => n.notePage === n.callPage)).toBe(true);
    expect(letter.layout.headingsAtPageEnd).toEqual([]);
    expect(letter.layout.shortFragments).toEqual([]);
    expect(info.CreationDate).toBe("2023-11-14T22:13:20Z");
  }, 60_000);
});
