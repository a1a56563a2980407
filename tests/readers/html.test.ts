import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCorpus } from "../../src/readers/index.js";
import { defaultReaderOptions, tempCorpus } from "./helpers.js";

const PAGE = `<!doctype html>
<html lang="en-GB">
<head>
  <title>Alliances compared | Example Times</title>
  <meta property="og:title" content="Alliances compared">
  <meta name="author" content="Jane Doe">
  <meta property="article:published_time" content="2023-02-14T09:00:00Z">
  <meta property="og:site_name" content="Example Times">
  <link rel="canonical" href="https://example.org/alliances">
  <style>body { color: red }</style>
  <script>window.tracker = "SCRIPT-BODY";</script>
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news menu</a></li></ul></nav>
  <article>
    <h1>Alliances compared</h1>
    <p>The North Atlantic Treaty Organization was founded in 1949 by twelve countries in Washington, and it has grown many times since then through enlargement rounds.</p>
    <h2>Membership</h2>
    <p>The Collective Security Treaty Organization has six members today, after Uzbekistan left the organisation in 2012 for the second time, as several observers noted.</p>
    <blockquote><p>“An attack on one is an attack on all,” the treaty says in its fifth article.</p></blockquote>
    <ul><li>Members of the first alliance spend about two per cent of GDP on defence on average.</li><li>Members of the second alliance rely on Russian forces for most of their capability.</li></ul>
    <p>Subscribe to our newsletter for full access.</p>
  </article>
  <footer><p>Copyright © Example Times. All rights reserved. Footer text that is not the article.</p></footer>
</body>
</html>`;

describe("the HTML reader", () => {
  it("takes metadata from <meta>, the main content from the article, and lists what it left out", async () => {
    const dir = await tempCorpus();
    await writeFile(join(dir, "page.html"), PAGE);
    const { sources } = await readCorpus(dir, defaultReaderOptions());
    const s = sources[0]!;
    expect(s).toMatchObject({
      format: "html",
      title: "Alliances compared",
      authors: ["Jane Doe"],
      date: "2023-02-14",
      publisher: "Example Times",
      url: "https://example.org/alliances",
      language: "en-GB",
      id: "doe-2023",
    });
    const kinds = s.blocks.map((b) => `${b.kind}:${b.text.slice(0, 24)}`);
    expect(kinds).toEqual([
      "paragraph:The North Atlantic Treat",
      "heading:Membership",
      "paragraph:The Collective Security ",
      "quote:“An attack on one is an ",
      "list-item:Members of the first all",
      "list-item:Members of the second al",
    ]);
    const all = JSON.stringify(s.blocks);
    expect(all).not.toContain("SCRIPT-BODY");
    expect(all).not.toContain("World news menu");
    expect(all).not.toContain("Subscribe");
    const rules = s.dropped.map((d) => d.rule);
    expect(rules).toContain("html-script");
    expect(rules).toContain("html-style");
    expect(rules).toContain("html-outside-main");
    expect(rules).toContain("boilerplate-subscribe");
    expect(s.blocks[0]!.line).toBe(17);
  });
});
