/**
 * Web fonts from npm (`@fontsource/*`), shared by the report and the deck: which faces a
 * document uses, copying their files next to the output, and the `@font-face` rules that load
 * them by relative URL. Every weight/style the CSS uses must be listed here, or Chromium
 * synthesises it and the PDF gets a Type 3 font.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { writeFileAtomic } from "../../runtime/atomic.js";

export type FontStyle = "normal" | "italic";

export interface FontFamilySpec {
  /** CSS family name, as the package declares it. */
  family: string;
  /** npm package that ships it. */
  package: string;
  weights: number[];
  styles: FontStyle[];
}

/** Unicode subsets loaded: Latin and Cyrillic (Ukrainian, Russian sources). */
export const FONT_SUBSETS = ["latin", "latin-ext", "cyrillic", "cyrillic-ext"] as const;

/** Text face of the report and deck. */
export const SERIF: FontFamilySpec = {
  family: "Source Serif 4",
  package: "@fontsource/source-serif-4",
  weights: [400, 600, 700],
  styles: ["normal", "italic"],
};

/** Headings, running heads, labels. */
export const SANS: FontFamilySpec = {
  family: "Source Sans 3",
  package: "@fontsource/source-sans-3",
  weights: [400, 600, 700],
  styles: ["normal", "italic"],
};

export const DEFAULT_FONTS: readonly FontFamilySpec[] = [SERIF, SANS];

export interface FontFile {
  family: string;
  weight: number;
  style: FontStyle;
  subset: string;
  unicodeRange: string;
  /** File name (woff2) inside the package's `files/` folder and in the output folder. */
  file: string;
  /** Absolute path of the file in node_modules. */
  source: string;
}

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

/** Every font file the families need, in a stable order. */
export async function fontFiles(
  families: readonly FontFamilySpec[] = DEFAULT_FONTS,
): Promise<FontFile[]> {
  const files: FontFile[] = [];
  for (const spec of families) {
    const dir = packageDir(spec.package);
    const ranges = JSON.parse(await readFile(join(dir, "unicode.json"), "utf8")) as Record<
      string,
      string
    >;
    const id = spec.package.replace(/^@fontsource\//, "");
    for (const weight of spec.weights) {
      for (const style of spec.styles) {
        for (const subset of FONT_SUBSETS) {
          const range = ranges[subset];
          if (!range) continue;
          const file = `${id}-${subset}-${weight}-${style}.woff2`;
          files.push({
            family: spec.family,
            weight,
            style,
            subset,
            unicodeRange: range,
            file,
            source: join(dir, "files", file),
          });
        }
      }
    }
  }
  return files;
}

/** A CSS `unicode-range` ("U+0000-00FF,U+0131,U+04??") as inclusive code point intervals. */
export function parseUnicodeRange(range: string): [number, number][] {
  const out: [number, number][] = [];
  for (const part of range.split(",")) {
    const m = /^\s*U\+([0-9A-Fa-f?]+)(?:-([0-9A-Fa-f]+))?\s*$/.exec(part);
    if (!m) continue;
    const lo = m[1]!;
    if (lo.includes("?")) {
      out.push([
        Number.parseInt(lo.replace(/\?/g, "0"), 16),
        Number.parseInt(lo.replace(/\?/g, "F"), 16),
      ]);
    } else {
      const start = Number.parseInt(lo, 16);
      out.push([start, m[2] ? Number.parseInt(m[2], 16) : start]);
    }
  }
  return out;
}

/**
 * The files whose `unicode-range` holds a character of `text`: the faces a document can use.
 * Paged.js loads every declared face before it lays out, so an English report declares no
 * Cyrillic file; a character the text does not contain never needs its subset. `text` may be
 * more than the rendered text (the whole HTML with its CSS): more is safe, less is not.
 */
export function filesForText(files: readonly FontFile[], text: string): FontFile[] {
  const points = new Set<number>();
  for (const ch of text) points.add(ch.codePointAt(0)!);
  // A character written as an HTML reference ("&#x141;") is one the page shows too.
  for (const m of text.matchAll(/&#(?:x([0-9a-f]+)|(\d+));/giu))
    points.add(m[1] ? Number.parseInt(m[1], 16) : Number(m[2]));
  const used = new Map<string, boolean>();
  return files.filter((f) => {
    let hit = used.get(f.unicodeRange);
    if (hit === undefined) {
      const ranges = parseUnicodeRange(f.unicodeRange);
      hit = false;
      for (const p of points)
        if (ranges.some(([lo, hi]) => p >= lo && p <= hi)) {
          hit = true;
          break;
        }
      used.set(f.unicodeRange, hit);
    }
    return hit;
  });
}

/** `@font-face` rules loading `files` from `baseUrl` (relative, e.g. `assets/fonts`). */
export function fontFaceCss(files: readonly FontFile[], baseUrl: string): string {
  const base = baseUrl.replace(/\/$/, "");
  return files
    .map(
      (f) =>
        `@font-face { font-family: "${f.family}"; font-style: ${f.style}; font-weight: ${f.weight}; ` +
        `font-display: block; src: url("${base}/${f.file}") format("woff2"); ` +
        `unicode-range: ${f.unicodeRange}; }`,
    )
    .join("\n");
}

/** Copies the font files and each package's licence (OFL) into `destDir` (each file atomically). */
export async function copyFonts(files: readonly FontFile[], destDir: string): Promise<void> {
  const licences = new Map<string, string>();
  for (const f of files) {
    await copyIfChanged(f.source, join(destDir, f.file));
    const pkgDir = dirname(dirname(f.source));
    licences.set(`${pkgDir.split(/[\\/]/).pop()}-LICENSE.txt`, join(pkgDir, "LICENSE"));
  }
  for (const [name, source] of [...licences].sort())
    await copyIfChanged(source, join(destDir, name));
}

/** Writes `target` from `source` atomically unless it already has the same bytes. */
export async function copyIfChanged(source: string, target: string): Promise<void> {
  const data = await readFile(source);
  const existing = await readFile(target).catch(() => undefined);
  if (existing?.equals(data)) return;
  await writeFileAtomic(target, data);
}
