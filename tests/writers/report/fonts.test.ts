import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderReportHtml } from "../../../src/writers/report/html.js";
import {
  copyFonts,
  filesForText,
  fontFaceCss,
  fontFiles,
} from "../../../src/writers/shared/fonts.js";
import { loadFixture, TEMPLATES } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "bw-fonts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bundled fonts", () => {
  it("lists every weight and style the stylesheets use, Latin and Cyrillic, from npm", async () => {
    const files = await fontFiles();
    for (const f of files) expect(existsSync(f.source), f.source).toBe(true);
    const faces = new Set(files.map((f) => `${f.family} ${f.weight} ${f.style}`));
    for (const family of ["Source Serif 4", "Source Sans 3"]) {
      for (const weight of [400, 600, 700]) {
        for (const style of ["normal", "italic"])
          expect(faces).toContain(`${family} ${weight} ${style}`);
      }
    }
    expect(new Set(files.map((f) => f.subset))).toEqual(
      new Set(["latin", "latin-ext", "cyrillic", "cyrillic-ext"]),
    );
  });

  it("writes @font-face rules with relative URLs and copies files and licences", async () => {
    const files = await fontFiles();
    const css = fontFaceCss(files, "assets/fonts/");
    expect(css).toContain(
      '@font-face { font-family: "Source Serif 4"; font-style: italic; font-weight: 700; font-display: block; src: url("assets/fonts/source-serif-4-cyrillic-700-italic.woff2") format("woff2"); unicode-range: U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116; }',
    );
    expect(css).not.toMatch(/file:|https?:/);
    await copyFonts(files, dir);
    await copyFonts(files, dir); // idempotent
    const copied = readdirSync(dir);
    expect(copied).toHaveLength(files.length + 2);
    expect(copied).toContain("source-serif-4-LICENSE.txt");
    expect(copied).toContain("source-sans-3-LICENSE.txt");
  });
});

describe("faces declared for the text", () => {
  it("declares a subset only when the text has one of its characters", async () => {
    const files = await fontFiles();
    const subsets = (text: string) => new Set(filesForText(files, text).map((f) => f.subset));
    expect(subsets("Plain English, 12 % — “quoted”.")).toEqual(new Set(["latin"]));
    expect(subsets("Łódź")).toEqual(new Set(["latin", "latin-ext"]));
    expect(subsets("Київ")).toEqual(new Set(["cyrillic"]));
    expect(subsets("Kyiv &#x41A;")).toEqual(new Set(["latin", "cyrillic"]));
    // Every weight and style of a subset that is used: the CSS picks among them.
    expect(filesForText(files, "Київ")).toHaveLength(12);
  });

  it("declares in a report the faces of the characters it shows, not all 48", async () => {
    const { document, options } = loadFixture("report-sample");
    const render = (doc: typeof document) =>
      renderReportHtml({ document: doc, options, assetsDir: "assets", templatesDir: TEMPLATES });
    const faces = (html: string) =>
      [...html.matchAll(/url\("assets\/fonts\/([^"]+)"\)/g)].map((m) => m[1]!);
    // The sample quotes a Ukrainian source: Latin and Cyrillic, no extended subsets.
    const sample = faces(await render(document));
    expect(sample).toContain("source-serif-4-cyrillic-400-normal.woff2");
    expect(sample).toContain("source-sans-3-latin-700-italic.woff2");
    expect(sample.filter((f) => /-ext-/.test(f))).toEqual([]);
    expect(sample).toHaveLength(24);
    // A Polish place name in the text brings the Latin Extended faces.
    const tree = structuredClone(document.tree);
    tree.children.push({ type: "paragraph", children: [{ type: "text", value: "Łódź" }] });
    const polish = faces(await render({ ...document, tree }));
    expect(polish).toContain("source-serif-4-latin-ext-400-normal.woff2");
    expect(polish).toHaveLength(36);
  });
});
