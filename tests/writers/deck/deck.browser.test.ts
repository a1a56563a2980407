/**
 * The deck in real Chromium: every slide fits, every bullet is cited, every content slide has
 * notes, nothing is requested outside the deck's folder, and the handout has a page per slide.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SLIDE_HEIGHT,
  SLIDE_WIDTH,
  type WriteSlidesResult,
  writeSlides,
} from "../../../src/writers/deck/index.js";
import { browserSuite, pdfPages, visitSlides } from "./deck-checks.js";
import { loadFixture, type SlidesFixture, TEMPLATES } from "./fixture.js";

const suite = browserSuite("bw-deck-test-");
const tempDir = suite.tempDir;
/** Where the sample deck was written (the first test folder). */
let sampleOut: string;

describe("sample deck", () => {
  let out: string;
  let result: WriteSlidesResult;
  let visited: Awaited<ReturnType<typeof visitSlides>>;

  beforeAll(async () => {
    out = await tempDir();
    sampleOut = out;
    result = await writeSlides({
      ...loadFixture(),
      outDir: out,
      templatesDir: TEMPLATES,
      browser: suite.browser,
    });
    visited = await visitSlides(suite.browser, result.indexPath, join(out, "slides"));
  }, 60_000);

  it("fits every slide into 1280×720 (each slide visited)", () => {
    expect(result.diagnostics).toEqual([]);
    expect(visited.facts.length).toBe(result.slides);
    for (const f of visited.facts) {
      expect(f.height, f.id).toBeLessThanOrEqual(SLIDE_HEIGHT);
      expect(f.minFont, f.id).toBeGreaterThanOrEqual(24);
      expect(f.width, f.id).toBeLessThanOrEqual(SLIDE_WIDTH);
    }
    expect(visited.fontsOk).toBe(true);
    expect(visited.inlineRan).toBe(false);
    const html = readFileSync(result.indexPath, "utf8").replaceAll("&#x27;", "'");
    expect(html).toContain(`script-src 'self' ${visited.speakerScriptHash};`);
  });

  it("splits long sections into continuation slides, four subjects' groups too", () => {
    const ids = visited.facts.map((f) => f.id);
    expect(ids).toContain("key-findings--2");
    expect(ids).toContain("membership--2");
    const html = readFileSync(result.indexPath, "utf8");
    expect(html).toMatch(
      /<section id="membership--2"[^>]*>[\s\S]*?<h3>(?:Russia|Kazakhstan)<\/h3>/,
    );
  });

  it("cites every content bullet and gives every content slide speaker notes", () => {
    const content = visited.facts.filter((f) => f.claims > 0);
    expect(content.length).toBeGreaterThan(8);
    for (const f of content) {
      expect(f.unmarked, f.id).toBe(0);
      expect(f.footer, f.id).toBeGreaterThan(0);
      expect(f.notes, f.id).toBe(true);
    }
  });

  it("requests nothing outside its folder", () => {
    expect(result.blocked).toEqual([]);
    expect(visited.blocked).toEqual([]);
  });

  it("prints a handout with one 960×540 pt page per slide", () => {
    const { pages, size } = pdfPages(result.pdfPath);
    expect(pages).toBe(result.slides);
    expect(size).toMatch(/^960 x 540 pts/);
    const text = execFileSync("pdftotext", ["-f", "3", "-l", "3", result.pdfPath, "-"], {
      encoding: "utf8",
    });
    expect(text).toContain("Putz 2022, ¶8");
  });

  it("writes the same index.html and slides.pdf for the same input", async () => {
    const again = await tempDir();
    const second = await writeSlides({
      ...loadFixture(),
      outDir: again,
      templatesDir: TEMPLATES,
      browser: suite.browser,
    });
    expect(readFileSync(second.indexPath, "utf8")).toBe(readFileSync(result.indexPath, "utf8"));
    // The handout too, byte for byte (fixed dates and ID from the shared PDF post-process).
    expect(Buffer.compare(readFileSync(second.pdfPath), readFileSync(result.pdfPath))).toBe(0);
    const info = execFileSync("pdfinfo", [result.pdfPath], { encoding: "utf8" });
    expect(info).toMatch(/CreationDate:\s+Wed Aug\s+3 00:00:00 2022 UTC/);
    expect(info).toMatch(/Title:\s+NATO and the CSTO after 2022/);
  }, 60_000);
});

describe("a reveal.js theme from spec.slides.theme", () => {
  it("is copied beside the deck and still fits every slide", async () => {
    const fx = loadFixture();
    fx.options.theme = "white";
    const out = await tempDir();
    const result = await writeSlides({
      ...fx,
      outDir: out,
      templatesDir: TEMPLATES,
      browser: suite.browser,
    });
    expect(readFileSync(result.indexPath, "utf8")).toContain('href="assets/theme/white.css"');
    const visited = await visitSlides(suite.browser, result.indexPath, join(out, "slides"));
    for (const f of visited.facts) expect(f.height, f.id).toBeLessThanOrEqual(SLIDE_HEIGHT);
    expect([...result.blocked, ...visited.blocked]).toEqual([]);
  }, 60_000);
});

describe("hostile corpus text", () => {
  let server: Server;
  let hits: string[];
  let port: number;

  beforeAll(async () => {
    hits = [];
    server = createServer((req, res) => {
      hits.push(req.url ?? "");
      res.end("no");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  function poisoned(): SlidesFixture {
    const fx = loadFixture();
    const evil = `<img src="http://127.0.0.1:${port}/img"><script src="http://127.0.0.1:${port}/s.js"></script><link rel="stylesheet" href="http://127.0.0.1:${port}/c.css">`;
    const first = fx.briefing.findings[0]!.claim;
    first.text = `${evil} ${first.text}`;
    fx.briefing.sources[0]!.title = `${evil} title`;
    fx.briefing.sources[0]!.shortLabel = `<b>Evil</b> ${fx.briefing.sources[0]!.shortLabel}`;
    const heading = fx.tree.children.find((n) => n.type === "heading" && n.depth === 2);
    if (heading && heading.type === "heading")
      heading.children = [{ type: "text", value: `Key <i>findings</i> ${evil}` }];
    return fx;
  }

  it("shows it as text and never fetches from it", async () => {
    const out = await tempDir();
    const result = await writeSlides({
      ...poisoned(),
      outDir: out,
      templatesDir: TEMPLATES,
      browser: suite.browser,
    });
    const visited = await visitSlides(suite.browser, result.indexPath, join(out, "slides"));
    const html = readFileSync(result.indexPath, "utf8");
    expect(html).not.toMatch(/<img/);
    expect(html).not.toMatch(/<script src="http/);
    // Shown as text (the source's title in the notes and on the sources slide, title-cased by
    // the citation style as in the report: "Src").
    expect(html).toMatch(/&#x3C;img src=/i);
    expect(result.blocked).toEqual([]);
    expect(visited.blocked).toEqual([]);
    expect(hits).toEqual([]);
    for (const f of visited.facts) expect(f.height, f.id).toBeLessThanOrEqual(SLIDE_HEIGHT);
  }, 60_000);

  it("declares a CSP with local scripts only", () => {
    const html = readFileSync(join(sampleOut, "slides", "index.html"), "utf8");
    const csp = (
      /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? ""
    ).replaceAll("&#x27;", "'");
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
    for (const attrs of scripts) expect(attrs).toMatch(/src="assets\/|type="application\/json"/);
    expect(pathToFileURL(sampleOut).href).toMatch(/^file:/);
  });
});
