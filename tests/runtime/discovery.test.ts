import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  browserHelp,
  discoverBrowser,
  systemBrowserCandidates,
} from "../../src/runtime/browser-discovery.js";

const dir = mkdtempSync(join(tmpdir(), "bw-discovery-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeExe(name: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, "#!/bin/sh\n");
  chmodSync(path, 0o755);
  return path;
}

describe("discoverBrowser", () => {
  it("imports only node: built-ins (the bootstrap script loads it without dependencies)", () => {
    const source = readFileSync(
      new URL("../../src/runtime/browser-discovery.ts", import.meta.url),
      "utf8",
    );
    const specifiers = [...source.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
    expect(specifiers.length).toBeGreaterThan(0);
    for (const s of specifiers) expect(s).toMatch(/^node:/);
  });

  it("prefers BRIEFWRIGHT_BROWSER, then PUPPETEER_EXECUTABLE_PATH", () => {
    const a = fakeExe("a/chrome");
    const b = fakeExe("b/chrome");
    expect(
      discoverBrowser({ BRIEFWRIGHT_BROWSER: a, PUPPETEER_EXECUTABLE_PATH: b }, "linux"),
    ).toEqual({
      path: a,
      via: "BRIEFWRIGHT_BROWSER",
    });
    expect(discoverBrowser({ PUPPETEER_EXECUTABLE_PATH: b }, "linux")).toEqual({
      path: b,
      via: "PUPPETEER_EXECUTABLE_PATH",
    });
  });

  it("skips an explicit path that does not exist and falls back to the system browser", () => {
    const found = discoverBrowser(
      { BRIEFWRIGHT_BROWSER: join(dir, "missing"), HOME: dir },
      "linux",
    );
    expect(found?.via).toBe("system");
    expect(found?.path).toBe("/usr/lib/chromium/chromium");
  });

  it("finds a browser in puppeteer's cache when none is installed", () => {
    const cache = join(dir, "cache");
    const exe = fakeExe(
      "cache/chrome/mac_arm-130.0.0/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing",
    );
    // macOS paths do not exist on the test machine, so only the cache can answer.
    expect(discoverBrowser({ PUPPETEER_CACHE_DIR: cache, HOME: dir }, "darwin")).toEqual({
      path: exe,
      via: "puppeteer-cache",
    });
    expect(
      discoverBrowser({ PUPPETEER_CACHE_DIR: join(dir, "none"), HOME: dir }, "darwin"),
    ).toBeUndefined();
  });

  it("lists per-OS install locations", () => {
    expect(systemBrowserCandidates({}, "darwin")[0]).toBe(
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    );
    expect(systemBrowserCandidates({ PROGRAMFILES: "C:\\Program Files" }, "win32")[0]).toBe(
      "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
    );
    expect(systemBrowserCandidates({}, "linux")).toContain("/usr/bin/chromium");
  });

  it("explains how to get a browser", () => {
    expect(browserHelp()).toMatch(/BRIEFWRIGHT_BROWSER/);
    expect(browserHelp()).toMatch(/apt-get install chromium/);
  });
});
