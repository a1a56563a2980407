/**
 * Hostile corpus content: scripts, remote and local images, dangerous links. The report must
 * make no network request, read no file outside the build, and embed no image.
 */

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Root } from "mdast";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BriefwrightError } from "../../../src/diagnostics/types.js";
import { type BrowserSession, launchBrowser } from "../../../src/runtime/browser.js";
import { writeReport } from "../../../src/writers/report/index.js";
import { documentOf } from "../document.js";
import { loadFixture, pdfText, squash, TEMPLATES } from "./helpers.js";

const work = mkdtempSync(join(tmpdir(), "bw-report-hostile-"));
const secret = join(work, "secret.png");
let server: Server;
let port = 0;
let connections = 0;
let browser: BrowserSession;

// A 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

function hostileTree(): Root {
  const remote = `http://127.0.0.1:${port}`;
  const local = pathToFileURL(secret).href;
  const cite = {
    type: "cite",
    citations: [
      { sourceId: "putz-2022", block: 3, quote: { type: "TextQuoteSelector", exact: "x" } },
    ],
  };
  return {
    type: "root",
    children: [
      { type: "heading", depth: 2, children: [{ type: "text", value: "Hostile input" }] },
      {
        type: "paragraph",
        children: [
          { type: "text", value: "Plain <script>alert(1)</script> text stays text." },
          cite,
        ],
      },
      { type: "html", value: `<script>fetch("${remote}/script")</script>` },
      {
        type: "html",
        value: `<img src="${remote}/raw.png"><iframe src="${remote}/frame"></iframe>`,
      },
      { type: "html", value: `<style>@import url(${remote}/import.css);</style>` },
      {
        type: "paragraph",
        children: [
          { type: "image", url: `${remote}/remote.png`, alt: "remote" },
          { type: "image", url: local, alt: "local" },
          {
            type: "link",
            url: "javascript:alert(1)",
            children: [{ type: "text", value: "js link" }],
          },
          { type: "link", url: local, children: [{ type: "text", value: "file link" }] },
        ],
      },
    ],
  } as unknown as Root;
}

beforeAll(async () => {
  writeFileSync(secret, PNG);
  server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  port = typeof address === "object" && address ? address.port : 0;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(work, { recursive: true, force: true });
});

describe("report sandbox", () => {
  it("drops scripts, images and dangerous links from corpus content; no request, no file read", async () => {
    const { briefing, spec } = loadFixture("report-sample");
    const result = await writeReport({
      document: documentOf(briefing, hostileTree(), spec),
      options: spec.report,
      outDir: join(work, "out"),
      templatesDir: TEMPLATES,
      browser,
    });
    expect(connections).toBe(0);
    expect(result.blocked).toEqual([]);

    const html = readFileSync(result.htmlPath, "utf8");
    expect(html.match(/<script\b/g)).toHaveLength(2); // report.js and Paged.js only
    expect(html).not.toMatch(/<img|<iframe|@import|javascript:|127\.0\.0\.1/);
    expect(html).not.toContain(secret);
    expect(html).toContain("Plain &#x3C;script>alert(1)&#x3C;/script> text stays text.");

    const pdf = readFileSync(result.pdfPath, "latin1");
    expect(pdf).not.toMatch(/\/Subtype\s*\/Image/);
    expect(squash(pdfText(result.pdfPath))).toContain(
      "Plain <script>alert(1)</script> text stays text.",
    );
  }, 60_000);

  it("blocks and reports a local file outside the build that a restyled template asks for", async () => {
    const templates = join(work, "templates-local");
    cpSync(TEMPLATES, templates, { recursive: true });
    const css = readFileSync(join(templates, "report.css"), "utf8");
    writeFileSync(
      join(templates, "report.css"),
      `${css}\n.cover { background: url("${pathToFileURL(secret).href}"); }\n`,
    );
    const { document, options } = loadFixture("report-sample");
    const result = await writeReport({
      document,
      options,
      outDir: join(work, "restyled"),
      templatesDir: templates,
      browser,
    });
    // Requested once for the original stylesheet and again after Paged.js rewrites it.
    expect(result.blocked.length).toBeGreaterThan(0);
    expect(new Set(result.blocked)).toEqual(new Set([pathToFileURL(secret).href]));
    expect(readFileSync(result.pdfPath, "latin1")).not.toMatch(/\/Subtype\s*\/Image/);
  }, 60_000);

  it("fails fast and clearly when a template imports a remote stylesheet; nothing is contacted", async () => {
    const templates = join(work, "templates-remote");
    cpSync(TEMPLATES, templates, { recursive: true });
    const css = readFileSync(join(templates, "report.css"), "utf8");
    writeFileSync(
      join(templates, "report.css"),
      `@import url("http://127.0.0.1:${port}/theme.css");\n${css}`,
    );
    const { document, options } = loadFixture("report-sample");
    const error = await writeReport({
      document,
      options,
      outDir: join(work, "remote"),
      templatesDir: templates,
      browser,
      timeoutMs: 20_000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefwrightError);
    expect((error as BriefwrightError).errorClass).toBe("input");
    expect((error as Error).message).toMatch(/Paged\.js could not lay out briefing\.html/);
    expect((error as BriefwrightError).diagnostics[0]?.hint).toMatch(/only local files/);
    expect(connections).toBe(0);
  }, 60_000);
});
