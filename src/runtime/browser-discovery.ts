/**
 * Finds a Chrome/Chromium executable. Pure and dependency-free (only `node:` built-ins): the
 * bootstrap script imports it from `dist/` to decide whether a browser must be installed.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export interface DiscoveredBrowser {
  /** Absolute path of the executable. */
  path: string;
  /** How it was found: `BRIEFWRIGHT_BROWSER`, `PUPPETEER_EXECUTABLE_PATH`, `system`, `puppeteer-cache`. */
  via: string;
}

type Env = Record<string, string | undefined>;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Installed Chrome/Chromium locations per OS, most specific first. */
export function systemBrowserCandidates(env: Env, platform: string): string[] {
  if (platform === "darwin") {
    const apps = [
      "Google Chrome.app/Contents/MacOS/Google Chrome",
      "Chromium.app/Contents/MacOS/Chromium",
      "Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary",
    ];
    const roots = ["/Applications", join(env.HOME ?? homedir(), "Applications")];
    return roots.flatMap((root) => apps.map((app) => join(root, app)));
  }
  if (platform === "win32") {
    const roots = [
      env.PROGRAMFILES ?? "C:\\Program Files",
      env["PROGRAMFILES(X86)"] ?? "C:\\Program Files (x86)",
      env.LOCALAPPDATA,
    ].filter((root): root is string => Boolean(root));
    return roots.flatMap((root) => [
      `${root}\\Google\\Chrome\\Application\\chrome.exe`,
      `${root}\\Chromium\\Application\\chrome.exe`,
    ]);
  }
  return [
    "/usr/lib/chromium/chromium",
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/opt/google/chrome/chrome",
    "/snap/bin/chromium",
  ];
}

/** Executables in puppeteer's browser cache (`~/.cache/puppeteer/chrome/<platform-version>/…`). */
export function puppeteerCacheCandidates(env: Env, platform: string): string[] {
  const cacheRoot =
    env.PUPPETEER_CACHE_DIR ??
    join(env.HOME ?? env.USERPROFILE ?? homedir(), ".cache", "puppeteer");
  const found: string[] = [];
  for (const product of ["chrome", "chromium", "chrome-headless-shell"]) {
    const productDir = join(cacheRoot, product);
    if (!existsSync(productDir)) continue;
    let versions: string[];
    try {
      versions = readdirSync(productDir).sort().reverse();
    } catch {
      continue;
    }
    for (const version of versions) {
      const base = join(productDir, version);
      const inner =
        platform === "win32"
          ? [
              "chrome-win64\\chrome.exe",
              "chrome-win\\chrome.exe",
              "chrome-headless-shell-win64\\chrome-headless-shell.exe",
            ]
          : platform === "darwin"
            ? [
                "chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing",
                "chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing",
                "chrome-mac/Chromium.app/Contents/MacOS/Chromium",
              ]
            : [
                "chrome-linux64/chrome",
                "chrome-linux/chrome",
                "chrome-headless-shell-linux64/chrome-headless-shell",
              ];
      for (const rel of inner) found.push(join(base, rel));
    }
  }
  return found;
}

/**
 * Finds a browser: `BRIEFWRIGHT_BROWSER`, then `PUPPETEER_EXECUTABLE_PATH`, then an installed
 * Chrome/Chromium, then puppeteer's cache. An explicitly named path that does not exist is
 * skipped (the caller reports it through `browserHelp`).
 */
export function discoverBrowser(
  env: Env = process.env,
  platform: string = process.platform,
): DiscoveredBrowser | undefined {
  for (const name of ["BRIEFWRIGHT_BROWSER", "PUPPETEER_EXECUTABLE_PATH"]) {
    const value = env[name];
    if (value && isFile(value)) return { path: value, via: name };
  }
  for (const path of systemBrowserCandidates(env, platform)) {
    if (isFile(path)) return { path, via: "system" };
  }
  for (const path of puppeteerCacheCandidates(env, platform)) {
    if (isFile(path)) return { path, via: "puppeteer-cache" };
  }
  return undefined;
}

/** How to get a browser, for error messages and `briefwright doctor`. */
export function browserHelp(): string {
  return [
    "briefwright needs Chrome or Chromium to make PDFs. Any one of these works:",
    "  - set BRIEFWRIGHT_BROWSER=/path/to/chrome (or PUPPETEER_EXECUTABLE_PATH)",
    "  - Debian/Ubuntu: apt-get install chromium   (Fedora: dnf install chromium)",
    "  - macOS: install Google Chrome or Chromium into /Applications",
    "  - Windows: install Google Chrome",
    "  - npx puppeteer browsers install chrome   (downloads into ~/.cache/puppeteer)",
  ].join("\n");
}
