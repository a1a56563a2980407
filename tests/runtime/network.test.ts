// Audit #19, item 11: at every launch Chromium asked the component updater for the Optimization
// Guide's on-device models manifest (update.googleapis.com, component
// ceofaddefefcbblgcgnibnonglccbfja) and checked the Google accounts in its cookie jar
// (accounts.google.com/ListAccounts, retried at about 1, 4 and 12 s); only the dead proxy kept
// them off the network. Chromium 150 added three (www.google.com/async/folae, a search-engine
// preconnect, android.clients.google.com/checkin), seen here first. The browser's proxy points at a loopback listener here, so anything the
// browser itself sends, not only what a page sends, is seen rather than dropped.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chromiumFlags,
  launchBrowser,
  NO_MODEL_MANIFEST,
  REFUSED_URL,
} from "../../src/runtime/browser.js";
import { type TrackingProxy, trackingProxy } from "../util/tracking-proxy.js";

let proxy: TrackingProxy;

beforeAll(async () => {
  proxy = await trackingProxy();
});

afterAll(() => proxy.close());

describe("the browser's own traffic", () => {
  it("sends nothing at all, to any host, from launch until close", async () => {
    const session = await launchBrowser({ proxyServer: `127.0.0.1:${proxy.port}` });
    try {
      const page = await session.newPage({ allowedRoots: [session.userDataDir] });
      await page.page.goto("data:text/html,<p>idle</p>");
      // Both requests came within a second of every launch, the account check again at about
      // 1.5, 4 and 12 s: watch for 15.
      await new Promise((r) => setTimeout(r, 15_000));
    } finally {
      await session.close();
    }
    expect(proxy.seen).toEqual([]);
  }, 60_000);

  it("gives the browser a model manifest override that names no manifest", async () => {
    const session = await launchBrowser({ proxyServer: `127.0.0.1:${proxy.port}` });
    try {
      const manifest = join(session.userDataDir, NO_MODEL_MANIFEST);
      expect(JSON.parse(readFileSync(manifest, "utf8"))).toEqual({});
    } finally {
      await session.close();
    }
  }, 60_000);

  it("names the flags that keep the model manifest and the account check in the browser", () => {
    const flags = chromiumFlags({ root: false, profile: "/p" });
    expect(flags).toContain(
      `--optimization-guide-manifest-override=${join("/p", NO_MODEL_MANIFEST)}`,
    );
    expect(flags).toContain(`--gaia-url=${REFUSED_URL}`);
    // Chromium 150: GCM's check-in, the AI Mode eligibility check, the search preconnect.
    for (const s of ["checkin", "registration"])
      expect(flags).toContain(`--gcm-${s}-url=${REFUSED_URL}`);
    expect(flags).toContain(`--gcm-mcs-endpoint=${REFUSED_URL}`);
    const disabled = flags.find((f) => f.startsWith("--disable-features="))!.split(/[=,]/u);
    expect(disabled).toEqual(expect.arrayContaining(["AimEnabled", "PreconnectToSearch"]));
    // Port 9 is on Chromium's restricted list; a request there fails before any socket.
    expect(new URL(REFUSED_URL).port).toBe("9");
    // Without a profile the override is empty, which names no manifest either.
    expect(chromiumFlags({ root: false })).toContain("--optimization-guide-manifest-override=");
  });
});
