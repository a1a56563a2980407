import { cp, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuildResult, build } from "../../src/pipeline/build.js";
import { browserProcesses, listener, pdfText } from "./helpers.js";

const SECRET = "SECRET-7f3a9c-LOCAL-FILE-CONTENT";

let net: Awaited<ReturnType<typeof listener>>;
let out: string;
let result: BuildResult;
let corpus: string;
let profiles: string;

function payloads(host: string, secretPath: string): { md: string; html: string; outline: string } {
  const md = `---
title: Hostile Markdown about NATO and the CSTO
author: Mallory Attacker
date: 2024-01-05
---

<script>fetch("${host}/md-script")</script>
<img src="${host}/md-pixel.png" onerror="fetch('${host}/onerror')">
<iframe src="${host}/md-iframe"></iframe>
<link rel="stylesheet" href="${host}/md-style.css">
<style>@import url("${host}/md-import.css"); body { background: url("${host}/md-bg.png") }</style>

NATO deployed additional troops to its eastern members in 2022, and the CSTO did not deploy any force to support Russia in Ukraine. ![tracker](${host}/md-image.png) ![local](file://${secretPath})

The CSTO was founded in 1992, and NATO was founded in 1949, as [this link](javascript:fetch('${host}/js-link')) and [that file](file://${secretPath}) claim.

<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("${host}/svg-script")</script><image href="${host}/svg-image.png"/></svg>

The text &lt;script&gt;alert(1)&lt;/script&gt; appeared in a NATO press release about the CSTO in 2023.
`;
  const html = `<!doctype html><html lang="en"><head>
<title>Hostile page on the CSTO</title>
<meta name="author" content="Eve Intruder"><meta property="article:published_time" content="2023-03-01">
<link rel="stylesheet" href="${host}/html-style.css">
<style>@import url("${host}/html-import.css");</style>
<script src="${host}/html-script.js"></script>
<script>new Image().src = "${host}/inline-script";</script>
</head><body onload="fetch('${host}/onload')">
<article>
<h1>Hostile page on the CSTO</h1>
<p onclick="fetch('${host}/onclick')">The CSTO held exercises in Belarus in 2023, while NATO members voted to condemn the invasion of Ukraine in the United Nations General Assembly.</p>
<p>NATO spending rose to two per cent of GDP in several members in 2023, and the CSTO rapid reaction force numbered about 20,000 soldiers. <img src="${host}/html-pixel.gif"> <img src="file://${secretPath}"></p>
<iframe src="${host}/html-iframe"></iframe>
<p>Observers said the text &lt;img src=x onerror=alert(1)&gt; was found on a CSTO website in 2023, according to NATO analysts.</p>
<svg><script>fetch("${host}/html-svg")</script></svg>
<object data="${host}/object.swf"></object>
</article></body></html>`;
  const outline = `---
title: Hostile outline
---

<script>fetch("${host}/outline-script")</script>
<img src="${host}/outline-pixel.png">

# Overview

An author's sentence with a remote image ![x](${host}/outline-image.png) and [a link](javascript:alert(1)).

::findings

::matrix

::sources
`;
  return { md, html, outline };
}

beforeAll(async () => {
  net = await listener();
  const host = `http://127.0.0.1:${net.port}`;
  const work = await mkdtemp(join(tmpdir(), "bw-hostile-"));
  const secretPath = join(work, "secret.txt");
  await writeFile(secretPath, `${SECRET}\n`);
  corpus = join(work, "corpus");
  await cp("corpus", corpus, { recursive: true });
  const p = payloads(host, secretPath);
  await writeFile(join(corpus, "hostile.md"), p.md);
  await writeFile(join(corpus, "hostile.html"), p.html);
  await writeFile(join(corpus, "briefing.md"), p.outline);
  out = join(work, "out");
  // The browser's profile goes under this build's own temp folder, so the process check below
  // sees this build's browser only (other test files may run browsers at the same time).
  profiles = await mkdtemp(join(tmpdir(), "bw-hostile-profiles-"));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = profiles;
  try {
    result = await build({ corpusDir: corpus, outDir: out });
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
}, 180_000);

afterAll(async () => {
  await net?.close();
});

async function outputTexts(): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  for (const name of ["briefing.json", "briefing.md", "briefing.html", "slides/index.html"]) {
    texts[name] = await readFile(join(out, name), "utf8");
  }
  texts["briefing.pdf"] = pdfText(join(out, "briefing.pdf"));
  texts["slides.pdf"] = pdfText(join(out, "slides.pdf"));
  return texts;
}

describe("hostile corpus content", () => {
  it("builds, and the loopback listener receives zero connections during the whole build", () => {
    expect(result.sources).toBe(7);
    expect(result.outputs.length).toBe(6);
    expect(net.connections()).toBe(0);
    expect(result.blocked).toEqual([]);
  });

  it("no local file's content appears in any output", async () => {
    for (const [name, text] of Object.entries(await outputTexts())) {
      expect(text, name).not.toContain(SECRET);
    }
  });

  it("the HTML outputs carry no script, handler, frame or remote resource of the corpus", async () => {
    const texts = await outputTexts();
    for (const name of ["briefing.html", "slides/index.html"]) {
      const html = texts[name]!;
      const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
      // Only the renderer's own scripts, loaded from the build folder, and inert JSON data.
      for (const tag of scripts) {
        if (/type="application\/json"/.test(tag)) continue;
        expect(tag, `${name}: ${tag}`).toMatch(/src="(?!https?:|\/\/|file:)[^"]+"/);
      }
      expect(html).not.toMatch(/<script\b(?![^>]*application\/json)[^>]*>[^<]+<\/script>/i);
      expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/<(iframe|object|embed)\b/i);
      expect(html).not.toMatch(/<[a-z][^>]*javascript:/i);
      expect(html).not.toMatch(/(src|href)="file:/i);
      expect(html).not.toContain(`127.0.0.1:${net.port}`);
    }
  });

  it("leaves no browser process behind", () => {
    expect(browserProcesses(profiles)).toEqual([]);
  });

  it("wrote no stray files next to the outputs", async () => {
    const entries = (await readdir(out)).filter((e) => e.startsWith("."));
    expect(entries).toEqual([]);
  });
});
