// Audit #19, items 2 and 3: a source's `url` (front matter, or an HTML page's og:url) reaches
// citeproc, whose `<a href="…">` escapes `<>` but not `"`, and the report inserts notes and
// bibliography after sanitising; `report.citationStyle` was an unchecked path.
import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBriefSpec } from "../../src/brief/index.js";
import { BriefwrightError } from "../../src/diagnostics/types.js";
import type { SourceProfile } from "../../src/model/briefing.js";
import {
  citationFormatter,
  formatCitations,
  loadCitationStyle,
  toCslItem,
} from "../../src/writers/shared/citations/index.js";
import { loadFixture, TEMPLATES } from "../writers/report/helpers.js";

const CSL_DIR = `${TEMPLATES}csl`;
const { briefing } = loadFixture("report-sample");
const base = briefing.sources.find((s) => s.id === "putz-2022")!;
const cite = (sourceId: string) => ({
  sourceId,
  block: 1,
  quote: { type: "TextQuoteSelector" as const, exact: "x" },
});

const INJECTED = 'https://example.org/x" style="color:red;font-size:90px" id="contents" data-x="';

function withUrl(url: string, id = "evil-2022"): SourceProfile {
  return { ...base, id, url };
}

/** Every attribute written in an HTML fragment, as `tag attr`. */
function attributesOf(html: string): string[] {
  const out: string[] = [];
  for (const tag of html.matchAll(/<([a-z]+)([^>]*)>/g))
    for (const attr of tag[2]!.matchAll(/\s([a-zA-Z-]+)=/g)) out.push(`${tag[1]} ${attr[1]}`);
  return out;
}

async function render(source: SourceProfile) {
  const style = await loadCitationStyle(CSL_DIR);
  const formatted = formatCitations([source], [[cite(source.id)]], style, "html");
  return { note: formatted.notes[0]!, entry: formatted.bibliography[0]!.entry };
}

describe("a source's url cannot inject markup into notes or bibliography", () => {
  it("a quote in the url adds no attribute (style, id, data-*) to the note or the entry", async () => {
    const { note, entry } = await render(withUrl(INJECTED));
    for (const html of [note, entry]) {
      expect(attributesOf(html).filter((a) => a !== "a href")).toEqual([]);
      expect(html).not.toMatch(/\sstyle=|\sid=|\sdata-x=/);
      // The link, if any, is the URL with its quote percent-encoded.
      for (const m of html.matchAll(/href="([^"]*)"/g))
        expect(m[1]).toMatch(/^https:\/\/example\.org\/x%22/);
    }
  });

  it("a non-http url is neither linked nor turned into https://doi.org/<url>", async () => {
    for (const url of [
      "javascript:alert(1)",
      "file:///etc/passwd",
      "data:text/html,<b>x</b>",
      "not a url",
    ]) {
      const { note, entry } = await render(withUrl(url));
      for (const html of [note, entry]) {
        expect(html).not.toContain("doi.org");
        expect(html).not.toContain("<a");
        expect(html).not.toMatch(/javascript:|file:|data:/);
      }
      expect(toCslItem(withUrl(url)).URL).toBeUndefined();
    }
  });

  it("an http(s) url stays a link", async () => {
    const { note } = await render(withUrl("https://example.org/a?b=1&c=2"));
    expect(note).toContain('<a href="https://example.org/a?b=1&#38;c=2">');
  });

  it("the deck's text notes carry no markup from the url either", async () => {
    const style = await loadCitationStyle(CSL_DIR);
    const f = citationFormatter([withUrl("javascript:alert(1)")], style, "text");
    expect(f.note([cite("evil-2022")])).not.toMatch(/javascript:|doi\.org/);
  });
});

const CANARY = "CANARY-5e1d-not-a-style";
const CSL = (id: string) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"><info><title>${id}</title><id>${id}</id><updated>2024-01-01T00:00:00+00:00</updated></info><citation><layout><text variable="title"/></layout></citation></style>\n`;

async function corpus(citationStyle: string): Promise<{ dir: string; outside: string }> {
  const root = await mkdtemp(join(tmpdir(), "bw-sec-csl-"));
  const dir = join(root, "corpus");
  await mkdir(dir);
  await writeFile(join(root, "outside.csl"), CSL("outside"));
  await writeFile(
    join(dir, "brief.yaml"),
    `title: T\nreport:\n  citationStyle: ${JSON.stringify(citationStyle)}\n`,
  );
  return { dir, outside: join(root, "outside.csl") };
}

async function refusal(promise: Promise<unknown>): Promise<BriefwrightError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BriefwrightError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("report.citationStyle names a built-in style or a .csl file inside the corpus", () => {
  it("refuses `../` and absolute paths at the setting's line", async () => {
    for (const value of ["../outside.csl", "styles/../../outside.csl"]) {
      const { dir } = await corpus(value);
      const error = await refusal(loadBriefSpec(dir, "c"));
      expect(error.errorClass).toBe("input");
      expect(error.diagnostics[0]).toMatchObject({
        ruleId: "brief-citation-style",
        file: "c/brief.yaml",
        line: 3,
      });
    }
    const { dir, outside } = await corpus("");
    await writeFile(
      join(dir, "brief.yaml"),
      `report:\n  citationStyle: ${JSON.stringify(outside)}\n`,
    );
    const error = await refusal(loadBriefSpec(dir, "c"));
    expect(error.diagnostics[0]).toMatchObject({ ruleId: "brief-citation-style", line: 2 });
  });

  it("refuses a style linked out of the corpus", async () => {
    const { dir, outside } = await corpus("style.csl");
    await symlink(outside, join(dir, "style.csl"));
    const error = await refusal(loadBriefSpec(dir, "c"));
    expect(error.diagnostics[0]!.ruleId).toBe("input-outside-corpus");
  });

  it("refuses a file that is not CSL without quoting its bytes", async () => {
    const { dir } = await corpus("notes.csl");
    await writeFile(join(dir, "notes.csl"), `${CANARY} secret=1\n<html>not csl</html>\n`);
    const error = await refusal(loadBriefSpec(dir, "c"));
    expect(error.diagnostics[0]!.ruleId).toBe("brief-citation-style");
    expect(`${error.message}${JSON.stringify(error.diagnostics)}`).not.toContain(CANARY);
    // The writers refuse it too (an API caller that skips the brief), without its bytes.
    const writer = await refusal(loadCitationStyle(CSL_DIR, join(dir, "notes.csl")));
    expect(writer.diagnostics[0]!.ruleId).toBe("report-citation-style");
    expect(`${writer.message}${JSON.stringify(writer.diagnostics)}`).not.toContain(CANARY);
  });

  it("says a missing style file is missing without probing paths outside the corpus", async () => {
    const { dir } = await corpus("styles/none.csl");
    const error = await refusal(loadBriefSpec(dir, "c"));
    expect(error.diagnostics[0]!.ruleId).toBe("brief-citation-style");
    expect(JSON.stringify(error.diagnostics)).not.toContain(tmpdir());
  });

  it("accepts a .csl file inside the corpus, resolved against the corpus folder", async () => {
    const { dir } = await corpus("styles/mine.csl");
    await mkdir(join(dir, "styles"));
    await writeFile(join(dir, "styles", "mine.csl"), CSL("mine"));
    const { spec } = await loadBriefSpec(dir, "c");
    const style = await loadCitationStyle(CSL_DIR, spec.report.citationStyle);
    expect(style.id).toBe("mine");
  });

  it("refuses a style id that is a path in disguise", async () => {
    const error = await refusal(loadCitationStyle(CSL_DIR, "../../../etc/passwd"));
    expect(error.diagnostics[0]!.ruleId).toBe("report-citation-style");
  });
});
