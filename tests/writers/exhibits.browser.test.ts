/**
 * Exhibits end to end: the default corpus built twice with `build()`, as a user gets it. The
 * report and the deck both carry every exhibit with its caption and source line; in the PDF
 * the exhibits are vector (no raster image), text-searchable, labelled for the tagged PDF and
 * never split across pages; the SVG is the same bytes in both builds; and in a real browser
 * every exhibit slide fits 1280×720 with chart labels readable from the back of the room.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { type BrowserSession, launchBrowser } from "../../src/runtime/browser.js";
import { SLIDE_HEIGHT, SLIDE_WIDTH } from "../../src/writers/deck/index.js";
import { SLIDE_FRAME } from "../../src/writers/shared/exhibits/index.js";

const ROOT = join(import.meta.dirname, "..", "..");
const CAPTIONS = [
  "Exhibit 1. Dated events by subject",
  "Exhibit 2. Figures the sources give, compared by subject",
  "Exhibit 3. What each source covers",
];

let dirs: string[] = [];
let browser: BrowserSession;

const svgs = (html: string) =>
  html.match(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="bw-chart[\s\S]*?<\/svg>/gu) ??
  [];
const pdfText = (pdf: string, page?: number) =>
  execFileSync("pdftotext", [...(page ? ["-f", String(page), "-l", String(page)] : []), pdf, "-"], {
    encoding: "utf8",
  });
const pages = (pdf: string) =>
  Number(/Pages:\s+(\d+)/u.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
/** Whitespace-insensitive: pdftotext breaks lines where the layout does. */
const flat = (s: string) => s.replace(/\s+/gu, " ");

beforeAll(async () => {
  browser = await launchBrowser();
  for (let i = 0; i < 2; i++) {
    const out = await mkdtemp(join(tmpdir(), "bw-exhibits-"));
    dirs.push(out);
    await build({ corpusDir: join(ROOT, "corpus"), outDir: out, browser, sourceDateEpoch: 0 });
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
  dirs = [];
});

describe("exhibits in the report", () => {
  it("places every exhibit with caption, drawing and source line, as the same SVG bytes in both builds", () => {
    const [a, b] = dirs.map((d) => readFileSync(join(d, "briefing.html"), "utf8"));
    for (const caption of CAPTIONS) {
      const [label, title] = [
        caption.slice(0, caption.indexOf(".") + 1),
        caption.slice(caption.indexOf(".") + 2),
      ];
      expect(a).toContain(`<span class="exhibit-label">${label}</span> ${title}`);
    }
    expect(a!.match(/<p class="exhibit-source">/gu)).toHaveLength(3);
    expect(svgs(a!)).toHaveLength(3);
    expect(svgs(b!)).toEqual(svgs(a!));
    const [da, db] = dirs.map((d) => readFileSync(join(d, "slides", "index.html"), "utf8"));
    expect(svgs(da!)).toHaveLength(3);
    expect(svgs(db!)).toEqual(svgs(da!));
  });

  it("prints them as vector text in the PDF, each on one page with its source line", () => {
    const pdf = join(dirs[0]!, "briefing.pdf");
    const images = execFileSync("pdfimages", ["-list", pdf], { encoding: "utf8" });
    expect(images.trim().split("\n").length).toBe(2); // header lines only: no raster image at all
    const n = pages(pdf);
    const text = Array.from({ length: n }, (_, i) => flat(pdfText(pdf, i + 1)));
    const sourceLines = [
      "Source: the dated statements in the numbered list that follows",
      "Sources: bar 1",
      "Source: statements of each source in the evidence matrix",
    ];
    CAPTIONS.forEach((caption, i) => {
      const on = text.findIndex((t) => t.includes(caption));
      expect(on, caption).toBeGreaterThanOrEqual(0);
      // Never split: the source line under the chart is on the caption's page.
      expect(text[on]).toContain(sourceLines[i]);
    });
    // The charts' own labels are text in the PDF: lane names, year ticks, panel and row titles.
    const timeline = text.find((t) => t.includes(CAPTIONS[0]!))!;
    expect(timeline).toMatch(/NATO.*CSTO.*Other/u);
    expect(timeline).toMatch(/(?:19|20)\d\d .*20\d\d/u);
    expect(text.find((t) => t.includes(CAPTIONS[1]!))).toContain("Member states");
    expect(text.find((t) => t.includes(CAPTIONS[2]!))).toContain("Origins and membership");
  });

  it("gives each exhibit its alt text in the tagged PDF, in the report's embedded fonts", () => {
    const pdf = join(dirs[0]!, "briefing.pdf");
    const qdf = join(dirs[0]!, "q.pdf");
    execFileSync("qpdf", ["--qdf", "--object-streams=disable", pdf, qdf]);
    const raw = readFileSync(qdf, "latin1");
    const alts = raw.match(/\/Alt\s*(?:\(|<)/gu) ?? [];
    expect(alts.length).toBeGreaterThanOrEqual(3);
    expect(raw).toContain("/Alt (Timeline chart of ");
    const fonts = execFileSync("pdffonts", [pdf], { encoding: "utf8" });
    expect(fonts).not.toMatch(/Type 3/u);
    expect(fonts).toMatch(/SourceSans3/u);
  });
});

describe("exhibits in the deck", () => {
  it("gives each exhibit a slide of its own that fits 1280×720 with labels of 18 px or more", async () => {
    const out = dirs[0]!;
    const sandbox = await browser.newPage({ allowedRoots: [join(out, "slides")] });
    try {
      await sandbox.page.setViewport({ width: SLIDE_WIDTH, height: SLIDE_HEIGHT });
      await sandbox.open(join(out, "slides", "index.html"));
      await sandbox.waitUntil(
        "document.documentElement.getAttribute('data-bw-ready') === '1'",
        "deck",
      );
      const facts = await sandbox.page.evaluate(async () => {
        // biome-ignore lint/suspicious/noExplicitAny: reveal.js global
        const reveal = (globalThis as any).Reveal;
        const found: {
          title: string;
          height: number;
          charts: number;
          chart: { top: number; bottom: number; left: number; right: number; scale: number };
          footerTop: number;
          source: string;
          notes: string;
        }[] = [];
        const tops: HTMLElement[] = reveal.getHorizontalSlides();
        for (let h = 0; h < tops.length; h++) {
          reveal.slide(h, 0);
          await new Promise((r) => requestAnimationFrame(() => r(null)));
          const s: HTMLElement = reveal.getCurrentSlide();
          if (s.dataset.layout !== "exhibit") continue;
          const svg = s.querySelector("svg.bw-chart") as SVGSVGElement;
          const box = svg.getBoundingClientRect();
          const frame = s.getBoundingClientRect();
          const view = svg.viewBox.baseVal;
          // The drawing scales with `meet`: the smaller ratio is the one applied.
          const scale = Math.min(box.width / view.width, box.height / view.height);
          const footer = s.querySelector(".bw-cites")?.getBoundingClientRect();
          found.push({
            // The exhibit's caption heads the slide: above its takeaway headline when it has one.
            title: s.querySelector(".bw-head")?.textContent ?? "",
            height: s.scrollHeight,
            charts: s.querySelectorAll("svg.bw-chart").length,
            chart: {
              top: box.top - frame.top,
              bottom: box.bottom - frame.top,
              left: box.left - frame.left,
              right: box.right - frame.left,
              scale,
            },
            footerTop: footer ? footer.top - frame.top : frame.height,
            source: s.querySelector(".bw-exhibit-source")?.textContent ?? "",
            notes: s.querySelector("aside.notes")?.textContent ?? "",
          });
        }
        return found;
      }, "exhibit slides");
      expect(facts).toHaveLength(CAPTIONS.length);
      for (const [i, f] of facts.entries()) expect(f.title).toContain(CAPTIONS[i]);
      for (const f of facts) {
        expect(f.charts, f.title).toBe(1);
        expect(f.height, f.title).toBeLessThanOrEqual(SLIDE_HEIGHT);
        expect(f.chart.left).toBeGreaterThanOrEqual(0);
        expect(f.chart.right).toBeLessThanOrEqual(SLIDE_WIDTH);
        expect(f.chart.bottom).toBeLessThanOrEqual(f.footerTop);
        // Labels are drawn at SLIDE_FRAME.fontSize and scaled to fit: still ≥ 18 px on screen.
        expect(SLIDE_FRAME.fontSize * f.chart.scale, f.title).toBeGreaterThanOrEqual(18);
        expect(f.source, f.title).toMatch(/^Sources?:/u);
        expect(f.notes.length, f.title).toBeGreaterThan(40);
      }
    } finally {
      await sandbox.close();
    }
  });

  it("keeps the timeline key's numbers on its slides, so markers can be matched to events", () => {
    const html = readFileSync(join(dirs[0]!, "slides", "index.html"), "utf8");
    const leads = [...html.matchAll(/<span class="bw-lead">(\d+)\.(?: |<)/gu)].map((m) =>
      Number(m[1]),
    );
    const timeline =
      readFileSync(join(dirs[0]!, "briefing.md"), "utf8").match(/^\d+\. \*\*/gmu) ?? [];
    expect(leads.length).toBeGreaterThan(0);
    expect(leads).toEqual(Array.from({ length: timeline.length }, (_, i) => i + 1));
  });

  it("puts each exhibit on one handout page", () => {
    const pdf = join(dirs[0]!, "slides.pdf");
    const n = pages(pdf);
    const text = Array.from({ length: n }, (_, i) => flat(pdfText(pdf, i + 1)));
    // The caption may be set in capitals (the kicker above a takeaway headline).
    for (const caption of CAPTIONS)
      expect(text.filter((t) => t.toLowerCase().includes(caption.toLowerCase()))).toHaveLength(1);
  });
});
