import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sourceLabels } from "../../src/engine/profiles.js";
import type { Source } from "../../src/model/source.js";
import { type CorpusResult, readCorpus } from "../../src/readers/index.js";
import { fileNameDate, splitSiteName } from "../../src/readers/metadata.js";
import { defaultReaderOptions, GOOD_SOURCE, readerOptionsFor, tempCorpus } from "./helpers.js";

const HANDHELDS = "tests/fixtures/handhelds";
let corpus: CorpusResult;
const byFile = (prefix: string): Source => {
  const s = corpus.sources.find((x) => x.file.startsWith(prefix));
  if (!s) throw new Error(`no source ${prefix}`);
  return s;
};

beforeAll(async () => {
  corpus = await readCorpus(HANDHELDS, await readerOptionsFor(HANDHELDS));
});

describe("source identity on the handhelds corpus", () => {
  it("gives every source a label a reader can tell apart", () => {
    const labels = [...sourceLabels(corpus.sources).values()].map((l) => l.short);
    expect(new Set(labels).size).toBe(corpus.sources.length);
    expect(sourceLabels(corpus.sources).get(byFile("01").id)?.short).toBe(
      "BBC News, ‘Nintendo DS aims to touch gamers’",
    );
    // Nothing from file names or keys, no bare numbers.
    for (const label of labels) expect(label).not.toMatch(/^\d|forensicswiki|\.md|-\d/u);
  });

  it("makes citation keys of words, never of numbers or file-name noise", () => {
    const ids = corpus.sources.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z][a-z-]*(?:-\d{4})?$/u);
      expect(id).not.toMatch(/forensicswiki|^\d/u);
    }
    expect(byFile("07").id).toBe("psp");
    // The five BBC articles: the publisher and a word of each one's own title.
    expect(byFile("03").id).toBe("bbc-news-debut");
  });

  it("keeps keys stable when the files are read in another order", async () => {
    const dir = await tempCorpus();
    for (const s of corpus.sources.filter((x) => x.file.includes("bbc")).reverse()) {
      const { readFile } = await import("node:fs/promises");
      await writeFile(join(dir, `x-${s.file}`), await readFile(join(HANDHELDS, s.file)));
    }
    const options = defaultReaderOptions();
    options.sources = Object.fromEntries(
      corpus.sources
        .filter((x) => x.file.includes("bbc"))
        .map((x) => [`x-${x.file}`, { publisher: "BBC News" }]),
    );
    const again = await readCorpus(dir, options);
    const key = (file: string) => again.sources.find((s) => s.file === `x-${file}`)?.id;
    for (const s of corpus.sources.filter((x) => x.file.includes("bbc")))
      expect(key(s.file)).toBe(s.id);
  });

  it("splits the site's name off HTML titles into the publisher", () => {
    expect(byFile("09").title).toBe("Sony PSP: Frustratingly Beautiful - Universal, My Eye");
    expect(byFile("09").publisher).toBe("Tom's Hardware");
    expect(byFile("10").title).toBe("PSP breaks UK launch record");
    expect(byFile("11").title).toBe("Sony trash talks NDS");
    expect(byFile("11").publisher).toBe("NSIDR");
  });

  it("does not take <meta description> for a subtitle", () => {
    expect(byFile("09").subtitle).toBeUndefined();
  });

  it("titles an untitled file by its first sentence, not its file name", () => {
    expect(byFile("08").title).toMatch(/^The Sony Playstation Portable \(PSP\) is a portable/u);
  });

  it("repairs mojibake, keeps the repaired text and says where", () => {
    const s = byFile("07");
    const text = s.blocks.map((b) => b.text).join("\n");
    expect(text).toContain("almost £100 in UK stores");
    expect(text).not.toContain("¬£");
    expect(s.repairs).toEqual([
      expect.objectContaining({ line: 13, before: "¬£100", after: "£100", rule: "text-mojibake" }),
    ]);
    const d = corpus.diagnostics.find((x) => x.ruleId === "text-mojibake");
    expect(d).toMatchObject({ severity: "warning", line: 13 });
    expect(d?.file).toMatch(/07-johng-185000-psp-owners\.md$/u);
  });

  it("removes the backslashes PHP's addslashes left before apostrophes in an HTML page, and says where", () => {
    const s = byFile("10");
    const text = s.blocks.map((b) => b.text).join("\n");
    expect(text).toContain("Sony's ability");
    expect(text).not.toMatch(/\\'/u);
    expect(s.repairs).toContainEqual(
      expect.objectContaining({
        line: 16,
        before: "DS\\'s",
        after: "DS's",
        rule: "text-escaped-apostrophe",
      }),
    );
    const d = corpus.diagnostics.filter((x) => x.ruleId === "text-escaped-apostrophe");
    expect(d.map((x) => x.line)).toEqual([14, 15, 16, 16, 16, 18]);
    expect(d.every((x) => x.severity === "warning" && /10-gamesfirst/u.test(x.file ?? ""))).toBe(
      true,
    );
  });

  it("keeps a Markdown backslash escape, and a backslash before a quote outside a word", async () => {
    const { decode } = await import("../../src/readers/decode.js");
    const bytes = new TextEncoder().encode("Path C:\\'x' and Sony\\'s \\'quoted\\' console.");
    expect(decode(bytes).text).toBe("Path C:\\'x' and Sony\\'s \\'quoted\\' console.");
    expect(decode(bytes, { escapedApostrophes: true }).text).toBe(
      "Path C:\\'x' and Sony's \\'quoted\\' console.",
    );
  });

  it("does not warn about a missing author once the publisher is known", () => {
    const bbc = corpus.diagnostics.filter(
      (d) => d.ruleId === "meta-no-author" && d.file?.includes("01-bbc"),
    );
    expect(bbc.map((d) => d.severity)).toEqual(["info"]);
    const wiki = corpus.diagnostics.filter(
      (d) => d.ruleId === "meta-no-author" && d.file?.includes("08-forensicswiki"),
    );
    expect(wiki.map((d) => d.severity)).toEqual(["warning"]);
  });
});

describe("metadata helpers", () => {
  it("splits a site's name by the title's separator", () => {
    expect(splitSiteName("PSP review | Tom's Hardware")).toEqual({
      title: "PSP review",
      publisher: "Tom's Hardware",
    });
    expect(splitSiteName("GamesFirst! - PSP breaks UK launch record")).toEqual({
      title: "PSP breaks UK launch record",
      publisher: "GamesFirst!",
    });
    expect(splitSiteName("Sony trash talks NDS - NSIDR", "NSIDR")).toEqual({
      title: "Sony trash talks NDS",
      publisher: "NSIDR",
    });
    // A dash inside a title is not a site's name.
    expect(splitSiteName("Nintendo DS - a review")).toEqual({ title: "Nintendo DS - a review" });
  });

  it("reads Jekyll and Hugo dates in file names, only real ones", () => {
    expect(fileNameDate("_posts/2005-09-06-psp-europe.markdown")).toBe("2005-09-06");
    expect(fileNameDate("2005-09-06_psp.md")).toBe("2005-09-06");
    expect(fileNameDate("2005-02-30-nope.md")).toBeUndefined();
    expect(fileNameDate("06-fleming-games.md")).toBeUndefined();
  });
});

describe("dates: brief.yaml > front matter / meta > file name > text", () => {
  it("takes the file name's date over the text's and under the front matter's", async () => {
    const dir = await tempCorpus();
    await mkdir(join(dir, "_posts"));
    await writeFile(
      join(dir, "_posts", "2005-09-06-psp.markdown"),
      "---\ntitle: PSP in Europe\n---\n\nThe PSP launched in Europe. It sold well.\n",
    );
    await writeFile(
      join(dir, "2005-09-07-dated.md"),
      "---\ntitle: Dated\ndate: 2005-09-01\n---\n\nThe PSP launched in Europe. It sold well.\n",
    );
    await writeFile(
      join(dir, "2005-09-08-overridden.md"),
      "---\ntitle: Overridden\n---\n\nThe PSP launched in Europe. It sold well.\n",
    );
    await writeFile(join(dir, "good.md"), GOOD_SOURCE);
    const options = defaultReaderOptions();
    options.sources = { "2005-09-08-overridden.md": { date: "2005-10" } };
    const read = await readCorpus(dir, options);
    const date = (file: string) => read.sources.find((s) => s.file === file)?.date;
    expect(date("_posts/2005-09-06-psp.markdown")).toBe("2005-09-06");
    expect(date("2005-09-07-dated.md")).toBe("2005-09-01");
    expect(date("2005-09-08-overridden.md")).toBe("2005-10");
  });

  it("reads article:published_time and <time datetime> in HTML", async () => {
    const dir = await tempCorpus();
    const body =
      "<article><h1>PSP launch</h1><p>The PSP went on sale in Europe on 1 September 2005, and shops sold out of it in the first days of the launch across the continent.</p><p>Sony said that it had shipped many units to retailers before the launch, more than for any earlier console of its own.</p></article>";
    await writeFile(
      join(dir, "meta.html"),
      `<html><head><title>PSP launch</title><meta property="article:published_time" content="2005-09-02T10:00:00+02:00"></head><body>${body}</body></html>`,
    );
    await writeFile(
      join(dir, "time.html"),
      `<html><head><title>PSP launch two</title></head><body><time datetime="2005-09-03">3 Sept</time>${body}</body></html>`,
    );
    const read = await readCorpus(dir, defaultReaderOptions());
    const date = (file: string) => read.sources.find((s) => s.file === file)?.date;
    expect(date("meta.html")).toBe("2005-09-02");
    expect(date("time.html")).toBe("2005-09-03");
  });

  it("accepts `date: n.d.` in brief.yaml as the answer to a missing date", async () => {
    const dir = await tempCorpus();
    await writeFile(join(dir, "a.md"), "# A title\n\nThe PSP launched in Europe. It sold well.\n");
    const options = defaultReaderOptions();
    options.sources = { "a.md": { date: "n.d.", publisher: "Example" } };
    const read = await readCorpus(dir, options);
    expect(read.sources[0]?.date).toBeUndefined();
    expect(read.diagnostics.filter((d) => d.severity === "warning")).toEqual([]);
  });
});
