/**
 * The files a deck needs beside its index.html: reveal.js (dist), the notes plugin, the theme
 * and layout CSS from templates/slides/, the init script, and the web fonts. Everything is
 * copied, so the folder works offline from disk or from any static server.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { access, copyFile, mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { BriefwrightError } from "../../diagnostics/types.js";
import { copyFonts, fontFaceCss, fontFiles } from "../shared/fonts.js";

/** Paths inside the deck folder, as the HTML references them. */
export const DECK_PATHS = {
  reset: "assets/reveal/reset.css",
  revealCss: "assets/reveal/reveal.css",
  revealJs: "assets/reveal/reveal.js",
  notesJs: "assets/reveal/plugin/notes.js",
  fontsCss: "assets/theme/fonts.css",
  layoutCss: "assets/theme/layout.css",
  theme: (name: string) => `assets/theme/${name}.css`,
  deckJs: "assets/deck.js",
  fonts: "assets/fonts",
} as const;

/** Theme names are file names: lower-case letters, digits and dashes. */
export const THEME_NAME = /^[a-z0-9][a-z0-9-]*$/;

const require = createRequire(import.meta.url);

export function revealDist(): string {
  // `reveal.js` resolves to dist/reveal.js (package.json itself is not exported).
  return dirname(require.resolve("reveal.js"));
}

let notesHash: string | undefined;

/**
 * CSP source for the inline script of the notes plugin's speaker view: the plugin writes the
 * view into an `about:blank` window, which inherits this page's policy, so the script is
 * allowed by its hash (and nothing else inline is).
 */
export function speakerViewScriptHash(): string {
  if (notesHash) return notesHash;
  const source = readFileSync(join(revealDist(), "plugin", "notes.js"), "utf8");
  const start = source.indexOf("document.write(`");
  const end = source.indexOf("`)", start);
  if (start < 0 || end < 0) {
    notesHash = "'none'";
    return notesHash;
  }
  // The view is a template literal without substitutions: undo its escapes to get the runtime text.
  const literal = source.slice(start + "document.write(".length, end + 1);
  const html = literal
    .slice(1, -1)
    .replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_, e: string) => {
      if (e.startsWith("u{")) return String.fromCodePoint(Number.parseInt(e.slice(2, -1), 16));
      if (e[0] === "u" && e.length === 5)
        return String.fromCharCode(Number.parseInt(e.slice(1), 16));
      if (e[0] === "x" && e.length === 3)
        return String.fromCharCode(Number.parseInt(e.slice(1), 16));
      const simple: Record<string, string> = {
        n: "\n",
        t: "\t",
        r: "\r",
        "0": "\0",
        b: "\b",
        f: "\f",
        v: "\v",
      };
      return simple[e] ?? (e === "\n" ? "" : e);
    });
  const script = /<script>([\s\S]*?)<\/script>/.exec(html);
  notesHash = script
    ? `'sha256-${createHash("sha256").update(script[1]!, "utf8").digest("base64")}'`
    : "'none'";
  return notesHash;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Where a theme's CSS comes from: templates/slides/<name>.css, else reveal's own themes. */
export async function themeSource(templatesDir: string, theme: string): Promise<string> {
  if (!THEME_NAME.test(theme)) {
    throw new BriefwrightError("input", `slides.theme "${theme}" is not a theme name`, [
      {
        severity: "error",
        ruleId: "slides-theme",
        message: `slides.theme "${theme}" is not a theme name`,
        hint: "use lower-case letters, digits and dashes, e.g. briefwright or white",
      },
    ]);
  }
  const own = join(templatesDir, "slides", `${theme}.css`);
  if (await exists(own)) return own;
  const reveal = join(revealDist(), "theme", `${theme}.css`);
  if (await exists(reveal)) return reveal;
  const message = `slides.theme "${theme}" not found in templates/slides/ or reveal.js themes`;
  throw new BriefwrightError("input", message, [
    {
      severity: "error",
      ruleId: "slides-theme",
      message,
      hint: "use briefwright, a reveal.js theme (white, black, simple, …) or add templates/slides/<name>.css",
    },
  ]);
}

/** Copies every asset the deck's HTML references into `dir`. */
export async function copyDeckAssets(
  dir: string,
  templatesDir: string,
  theme: string,
): Promise<void> {
  const dist = revealDist();
  const slidesTemplates = join(templatesDir, "slides");
  const copies: [string, string][] = [
    [join(dist, "reset.css"), DECK_PATHS.reset],
    [join(dist, "reveal.css"), DECK_PATHS.revealCss],
    [join(dist, "reveal.js"), DECK_PATHS.revealJs],
    [join(dist, "plugin", "notes.js"), DECK_PATHS.notesJs],
    [join(slidesTemplates, "layout.css"), DECK_PATHS.layoutCss],
    [join(slidesTemplates, "deck.js"), DECK_PATHS.deckJs],
    [await themeSource(templatesDir, theme), DECK_PATHS.theme(theme)],
  ];
  for (const [from, to] of copies) {
    await mkdir(dirname(join(dir, to)), { recursive: true });
    await copyFile(from, join(dir, to));
  }
  const fonts = await fontFiles();
  await copyFonts(fonts, join(dir, DECK_PATHS.fonts));
  await writeFile(join(dir, DECK_PATHS.fontsCss), `${fontFaceCss(fonts, "../fonts")}\n`);
}
