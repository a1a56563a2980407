import type { Root } from "mdast";
import { describe, expect, it } from "vitest";
import { BriefwrightError } from "../../../src/diagnostics/types.js";
import { formatDate } from "../../../src/util/dates.js";
import { toSanitisedHast } from "../../../src/writers/report/hast.js";
import { REPORT_CSP, renderReportHtml } from "../../../src/writers/report/html.js";
import { fillTemplate } from "../../../src/writers/report/template.js";
import { pdfDate, pdfString } from "../../../src/writers/shared/pdf-metadata.js";
import { loadFixture, TEMPLATES } from "./helpers.js";

describe("report template", () => {
  it("escapes {{values}}, keeps {{{raw}}} and rejects unknown placeholders", () => {
    expect(fillTemplate("<h1>{{t}}</h1>{{{b}}}", { t: "A & <B>", b: "<p>x</p>" })).toBe(
      "<h1>A &amp; &lt;B&gt;</h1><p>x</p>",
    );
    expect(() => fillTemplate("{{nope}}", {})).toThrow(BriefwrightError);
  });
});

describe("PDF strings and dates", () => {
  it("writes ASCII literally and anything else as UTF-16BE", () => {
    expect(pdfString("NATO (and) CSTO\\")).toBe("(NATO \\(and\\) CSTO\\\\)");
    expect(pdfString("Київ")).toBe("<FEFF041A043804570432>");
    expect(pdfDate(new Date(Date.UTC(2022, 9, 5)))).toBe("D:20221005000000+00'00'");
  });

  it("formats partial brief dates in the document's language", () => {
    expect(formatDate("2022-10-05", "en")).toBe("October 5, 2022");
    expect(formatDate("2022-10", "en")).toBe("October 2022");
    expect(formatDate("2022", "en")).toBe("2022");
    expect(formatDate("2005-09-01", "de")).toBe("1. September 2005");
    expect(formatDate("some day", "en")).toBe("some day");
  });
});

describe("sanitising corpus-derived content", () => {
  it("keeps structure and drops raw HTML, images and unsafe links", async () => {
    const tree = {
      type: "root",
      children: [
        { type: "html", value: "<script>alert(1)</script>" },
        {
          type: "paragraph",
          children: [
            { type: "text", value: "a" },
            { type: "image", url: "https://x/y.png", alt: "y" },
            { type: "link", url: "javascript:alert(1)", children: [{ type: "text", value: "j" }] },
            { type: "link", url: "https://ok.example/", children: [{ type: "text", value: "ok" }] },
          ],
        },
      ],
    } as unknown as Root;
    const { tree: hast } = await toSanitisedHast(tree);
    const json = JSON.stringify(hast);
    expect(json).not.toMatch(/script|img|javascript/);
    expect(json).toContain('"href":"https://ok.example/"');
  });
});

describe("quotes in another language", () => {
  it("marks a statement quoted from a source in another language with that source's lang", async () => {
    const cite = (sourceId: string) => ({
      type: "cite",
      citations: [{ sourceId, block: 1, sentence: 1 }],
      claimId: `c-${sourceId}`,
      generated: true,
    });
    const tree = {
      type: "root",
      children: [
        {
          type: "paragraph",
          children: [{ type: "text", value: "Sony продала 200 000 PSP." }, cite("ru")],
        },
        {
          type: "paragraph",
          children: [{ type: "text", value: "Sony sold 200,000 PSPs." }, cite("en")],
        },
        { type: "paragraph", children: [{ type: "text", value: "Evil." }, cite("bad")] },
      ],
    } as unknown as Root;
    const languages = new Map([
      ["ru", "ru"],
      ["en", "en-GB"],
      ["bad", 'ru" onload="x'],
    ]);
    const { tree: hast } = await toSanitisedHast(tree, "Exhibit", {
      document: "en",
      of: (id) => languages.get(id),
    });
    const langs = hast.children
      .filter((c) => c.type === "element")
      .map((c) => (c.type === "element" ? (c.properties.lang ?? null) : null));
    expect(langs).toEqual(["ru", null, null]);
  });
});

describe("renderReportHtml", () => {
  it("builds a self-contained document with CSP, language, cover, contents and notes", async () => {
    const { document, options } = loadFixture("report-sample");
    const html = await renderReportHtml({
      document,
      options,
      assetsDir: "assets",
      templatesDir: TEMPLATES,
    });
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP.replace(/'/g, "&#39;")}">`,
    );
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Compiled from 5 sources");
    expect(html).toContain('<a href="#sec-key-findings">');
    expect(html.match(/class="footnote"/g)).toHaveLength(20);
    expect(html).toContain('src: url("assets/fonts/source-serif-4-cyrillic-400-normal.woff2")');
    expect(html).toContain("@page { size: A4; }");
    expect(html).not.toMatch(/https?:\/\/[^"]*\.(js|css|woff2?)"/);
  });
});
