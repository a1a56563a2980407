import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyFonts, fontFaceCss, fontFiles } from "../../../src/writers/shared/fonts.js";

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
