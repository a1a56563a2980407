import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BriefwrightError } from "../../src/diagnostics/types.js";
import { type BrowserSession, launchBrowser, withBrowser } from "../../src/runtime/browser.js";

function chromiumProcesses(marker: string): string[] {
  try {
    return execFileSync("pgrep", ["-f", marker], { encoding: "utf8" })
      .trim()
      .split("\n")
      .filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

const dir = mkdtempSync(join(tmpdir(), "bw-sandbox-"));
const root = join(dir, "build");
const outside = join(dir, "secret");
let server: Server;
let port = 0;
let connections = 0;

beforeAll(async () => {
  mkdirSync(root);
  mkdirSync(outside);
  writeFileSync(join(outside, "secret.png"), "not really a png");
  writeFileSync(join(outside, "secret.css"), "body { color: red }");
  writeFileSync(join(root, "ok.css"), "body { color: black }");
  server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  port = typeof address === "object" && address ? address.port : 0;
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(dir, { recursive: true, force: true });
});

describe("sandboxed pages", () => {
  it("aborts every request outside the allowed roots and the listener sees nothing", async () => {
    const remote = `http://127.0.0.1:${port}`;
    const secret = pathToFileURL(join(outside, "secret.png")).href;
    const secretCss = pathToFileURL(join(outside, "secret.css")).href;
    writeFileSync(
      join(root, "index.html"),
      `<!doctype html><html><head>
<link rel="stylesheet" href="ok.css">
<link rel="stylesheet" href="${remote}/remote.css">
<link rel="stylesheet" href="${secretCss}">
</head><body>
<img src="${remote}/remote.png">
<img src="${secret}">
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<script>
  window.results = [];
  fetch("${remote}/fetch").then(() => results.push("fetched"), () => results.push("fetch failed"));
  try { const ws = new WebSocket("ws://127.0.0.1:${port}/ws"); ws.onerror = () => results.push("ws failed"); } catch (e) { results.push("ws threw"); }
  window.addEventListener("load", () => setTimeout(() => { window.done = true; }, 300));
</script>
</body></html>`,
    );
    const session = await launchBrowser();
    const userDataDir = session.userDataDir;
    try {
      expect(chromiumProcesses(userDataDir).length).toBeGreaterThan(0);
      const sandboxed = await session.newPage({ allowedRoots: [root] });
      await sandboxed.open(join(root, "index.html"));
      await sandboxed.waitUntil("window.done === true", "sandbox test page");
      const results = await sandboxed.page.evaluate(
        () => (window as unknown as { results: string[] }).results,
      );
      expect(results).toContain("fetch failed");
      expect(sandboxed.blocked).toEqual(
        expect.arrayContaining([
          `${remote}/remote.css`,
          secretCss,
          `${remote}/remote.png`,
          secret,
          `${remote}/fetch`,
          `ws://127.0.0.1:${port}/ws`,
        ]),
      );
      expect(sandboxed.blocked.some((url) => url.endsWith("/ok.css"))).toBe(false);
      await sandboxed.close();
    } finally {
      await session.close();
    }
    expect(connections).toBe(0);
    expect(chromiumProcesses(userDataDir)).toEqual([]);
    await session.close(); // idempotent
  });

  it("turns a stuck page into a clear environment error and still cleans up", async () => {
    writeFileSync(join(root, "stuck.html"), "<!doctype html><p>never ready</p>");
    let userDataDir = "";
    const error = await withBrowser(async (session: BrowserSession) => {
      userDataDir = session.userDataDir;
      const sandboxed = await session.newPage({ allowedRoots: [root], timeoutMs: 500 });
      await sandboxed.open(join(root, "stuck.html"));
      await sandboxed.waitUntil("window.neverSet === true", "stuck.html");
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefwrightError);
    expect((error as BriefwrightError).errorClass).toBe("environment");
    expect((error as Error).message).toMatch(/page stuck\.html did not finish within 0\.5 s/);
    expect(chromiumProcesses(userDataDir)).toEqual([]);
  });

  it("kills the browser and removes its profile when the process is told to stop", async () => {
    const session = await launchBrowser();
    const { userDataDir } = session;
    expect(chromiumProcesses(userDataDir).length).toBeGreaterThan(0);
    // Another SIGTERM listener stands for the CLI: the module then cleans up without re-raising.
    const keepAlive = () => {};
    process.on("SIGTERM", keepAlive);
    try {
      process.emit("SIGTERM", "SIGTERM");
      for (
        let i = 0;
        i < 100 && (chromiumProcesses(userDataDir).length > 0 || existsSync(userDataDir));
        i++
      ) {
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      process.off("SIGTERM", keepAlive);
    }
    expect(chromiumProcesses(userDataDir)).toEqual([]);
    expect(existsSync(userDataDir)).toBe(false);
    await session.close(); // still safe afterwards
  });

  it("reports a browser killed mid-render as an environment error and leaves no process", async () => {
    writeFileSync(join(root, "slow.html"), "<!doctype html><p>waiting</p>");
    const session = await launchBrowser();
    const { userDataDir } = session;
    try {
      const sandboxed = await session.newPage({ allowedRoots: [root], timeoutMs: 10_000 });
      await sandboxed.open(join(root, "slow.html"));
      const waiting = sandboxed
        .waitUntil("window.neverSet === true", "slow.html")
        .catch((e: unknown) => e);
      for (const pid of chromiumProcesses(userDataDir)) {
        try {
          process.kill(Number(pid), "SIGKILL");
        } catch {
          // already gone
        }
      }
      const error = await waiting;
      expect(error).toBeInstanceOf(BriefwrightError);
      expect((error as BriefwrightError).errorClass).toBe("environment");
      expect((error as Error).message).toMatch(/browser stopped while rendering slow\.html/);
    } finally {
      await session.close();
    }
    expect(chromiumProcesses(userDataDir)).toEqual([]);
  });

  it("names the fix when no browser can be found or started", async () => {
    const missing = await launchBrowser({
      env: { HOME: dir, PUPPETEER_CACHE_DIR: dir },
      platform: "darwin", // no macOS browser exists on the test machine
    }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(BriefwrightError);
    expect((missing as BriefwrightError).errorClass).toBe("environment");
    expect((missing as Error).message).toMatch(/No Chrome or Chromium found/);
    expect((missing as Error).message).toMatch(/apt-get install chromium/);

    // A browser the user named explicitly is never silently replaced by another.
    const named = await launchBrowser({
      env: { BRIEFWRIGHT_BROWSER: join(dir, "no-such-chrome") },
    }).catch((e: unknown) => e);
    expect(named).toBeInstanceOf(BriefwrightError);
    expect((named as Error).message).toMatch(
      /BRIEFWRIGHT_BROWSER=.*no-such-chrome is missing or not executable/,
    );

    writeFileSync(join(dir, "not-a-browser"), "plain text");
    const failed = await launchBrowser({ executablePath: join(dir, "not-a-browser") }).catch(
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(BriefwrightError);
    expect((failed as BriefwrightError).errorClass).toBe("environment");
    expect((failed as Error).message).toMatch(/not executable[\s\S]*BRIEFWRIGHT_BROWSER/);

    const script = join(dir, "broken-browser");
    writeFileSync(script, "#!/bin/sh\nexit 3\n");
    chmodSync(script, 0o755);
    const broken = await launchBrowser({ executablePath: script }).catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(BriefwrightError);
    expect((broken as Error).message).toMatch(/Could not start the browser at .*broken-browser/);
  });
});
