// Audit #19, item 11, the browser: a window opened by a page script loaded outside request
// interception; Chromium queried clients2.google.com for the time on every build (only the dead
// proxy stopped it); and it ran with --no-sandbox even when not root. Each test points the
// browser's proxy at a loopback listener, so whatever escapes interception is seen, not dropped.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumFlags, launchBrowser } from "../../src/runtime/browser.js";
import { type TrackingProxy, trackingProxy } from "../util/tracking-proxy.js";

let proxy: TrackingProxy;

beforeAll(async () => {
  proxy = await trackingProxy();
});

afterAll(() => proxy.close());

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("what the browser may reach while a build renders", () => {
  it("windows a page opens (window.open, target=_blank) are never created and load nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bw-windows-"));
    const remote = `http://127.0.0.1:${proxy.port}`;
    writeFileSync(
      join(dir, "index.html"),
      `<!doctype html><a id="a" href="${remote}/popup-link" target="_blank">x</a>
<form id="f" action="${remote}/popup-form" target="_blank"></form>
<script>
  window.opened = String(window.open("${remote}/popup-open"));
  document.getElementById("a").click();
  document.getElementById("f").submit();
  setTimeout(() => { window.done = true; }, 1500);
</script>`,
    );
    const session = await launchBrowser({ proxyServer: `127.0.0.1:${proxy.port}` });
    try {
      const page = await session.newPage({ allowedRoots: [dir] });
      await page.open(join(dir, "index.html"));
      await page.waitUntil("window.done === true", "popup page");
      expect(await page.page.evaluate(() => (window as unknown as { opened: string }).opened)).toBe(
        "null",
      );
      await wait(1_000);
      expect(proxy.seen.filter((s) => s.includes("/popup-"))).toEqual([]);
      // Only the page itself: no other target was created.
      const pages = (await page.page.browser().pages()).map((p) => p.url());
      expect(pages.filter((u) => u.includes("/popup-"))).toEqual([]);
    } finally {
      await session.close();
    }
  }, 60_000);

  it("sends no network-time query (clients2.google.com/time) while it lives", async () => {
    const before = proxy.seen.length;
    const session = await launchBrowser({ proxyServer: `127.0.0.1:${proxy.port}` });
    try {
      const page = await session.newPage({ allowedRoots: [tmpdir()] });
      await page.page.goto("data:text/html,<p>idle</p>");
      // The query came within a few seconds of every launch; watch for 15.
      await wait(15_000);
    } finally {
      await session.close();
    }
    expect(
      proxy.seen.slice(before).filter((s) => /clients2\.google\.com|\/time\/1\//.test(s)),
    ).toEqual([]);
  }, 60_000);
});

describe("the sandbox", () => {
  it("is turned off only for root", () => {
    expect(chromiumFlags({ root: false })).not.toContain("--no-sandbox");
    expect(chromiumFlags({ root: true })).toContain("--no-sandbox");
  });

  it.skipIf(process.getuid?.() !== 0)(
    "a browser started by an unprivileged user runs sandboxed and renders",
    () => {
      const script = join(mkdtempSync(join(tmpdir(), "bw-sandbox-user-")), "run.mjs");
      const browserJs = new URL("../../dist/runtime/browser.js", import.meta.url).pathname;
      writeFileSync(
        script,
        `import { execFileSync } from "node:child_process";
import { launchBrowser } from ${JSON.stringify(browserJs)};
const s = await launchBrowser();
const main = execFileSync("pgrep", ["-af", s.userDataDir], { encoding: "utf8" })
  .split("\\n").find((l) => l && !l.includes("--type=") && !l.includes("pgrep"));
const p = await s.newPage({ allowedRoots: ["/tmp"] });
await p.page.goto("data:text/html,<p>rendered</p>");
const text = await p.page.evaluate(() => document.body.textContent);
await s.close();
console.log(JSON.stringify({ sandboxed: !main.includes("--no-sandbox"), text }));
`,
      );
      execFileSync("chmod", ["-R", "a+rX", join(script, "..")]);
      const out = execFileSync(
        "setpriv",
        ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, script],
        {
          encoding: "utf8",
          env: { ...process.env, HOME: "/tmp", TMPDIR: "/tmp" },
          timeout: 60_000,
        },
      );
      expect(JSON.parse(out.trim().split("\n").pop()!)).toEqual({
        sandboxed: true,
        text: "rendered",
      });
    },
    90_000,
  );
});
