/**
 * The one module that owns Chromium: launch (with the fixed flag set and a throw-away profile),
 * sandboxed pages (every request intercepted; only `file://` inside allowed roots and `data:`
 * pass), timeouts that become clear errors, and cleanup that leaves no browser process behind.
 */
import { accessSync, constants, mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import puppeteer, {
  type Browser,
  type HTTPRequest,
  type Page,
  type PDFOptions,
} from "puppeteer-core";
import { BriefwrightError } from "../diagnostics/types.js";
import { browserHelp, discoverBrowser } from "./browser-discovery.js";
import { removeResource, track } from "./cleanup.js";

/** Where the browser's traffic goes if anything escapes request interception: nowhere. */
export const DEAD_PROXY = "127.0.0.1:9";

/**
 * A URL Chromium refuses before any lookup, proxy or socket: port 9 (discard) is on its list of
 * restricted ports, so a request to it ends at once in ERR_UNSAFE_PORT (seen in a net-log).
 */
export const REFUSED_URL = "http://0.0.0.0:9/";

/** File in the profile that stands in for the on-device model manifest: one that names none. */
export const NO_MODEL_MANIFEST = "no-model-manifest.json";

/**
 * Flags every launch uses (see TOOLCHAIN.md). The sandbox stays on unless this process runs as
 * root, where Chromium refuses to start with it. `proxy` is where any traffic that escapes
 * request interception is sent (a port nobody listens on; a test points it at a listener).
 * `profile` is the launch's user-data folder, which holds the model manifest override that names
 * no manifest (`NO_MODEL_MANIFEST`, written by the launch); without one the override is empty,
 * which Chromium reads the same way (measured).
 */
export function chromiumFlags(
  options: { root?: boolean; proxy?: string; profile?: string } = {},
): readonly string[] {
  const root = options.root ?? process.getuid?.() === 0;
  return [
    ...(root ? ["--no-sandbox"] : []),
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    // A window a page opens (window.open, target=_blank) is not created at all: it would load
    // outside this page's request interception.
    "--block-new-web-contents",
    // Defence in depth behind request interception: anything that escapes it (WebSockets,
    // workers, the browser's own services) goes to a proxy that does not exist, loopback included.
    `--proxy-server=${options.proxy ?? DEAD_PROXY}`,
    "--proxy-bypass-list=<-loopback>",
    // NetworkTimeServiceQuerying: no secure-time queries to clients2.google.com. AimEnabled: no
    // AI Mode eligibility check (GET www.google.com/async/folae at every launch, Chromium 150).
    // PreconnectToSearch: no connection opened ahead of time to the default search engine.
    "--disable-features=Translate,OptimizationHints,MediaRouter,InterestFeedContentSuggestions,NetworkTimeServiceQuerying,AimEnabled,PreconnectToSearch",
    // The Optimization Guide's model broker asks the component updater, on demand, for its
    // on-device models manifest (component ceofaddefefcbblgcgnibnonglccbfja, a POST to
    // update.googleapis.com at every launch) whatever --disable-component-update, the profile's
    // prefs or --disable-features say. A manifest override (Chromium's own switch for tests)
    // replaces that updater: a file that names no manifest means none is requested.
    `--optimization-guide-manifest-override=${options.profile ? join(options.profile, NO_MODEL_MANIFEST) : ""}`,
    // The cookie-jar account check (POST accounts.google.com/ListAccounts at launch, retried) has
    // no switch of its own; pointing GAIA at an address Chromium refuses keeps it in the browser.
    `--gaia-url=${REFUSED_URL}`,
    // Google Cloud Messaging's device check-in (POST android.clients.google.com/checkin, about
    // 2 s after launch, Chromium 150) and what follows it: no switch turns GCM off; its endpoints
    // are switches, pointed like GAIA's at an address Chromium refuses.
    `--gcm-checkin-url=${REFUSED_URL}`,
    `--gcm-registration-url=${REFUSED_URL}`,
    `--gcm-mcs-endpoint=${REFUSED_URL}`,
    "--font-render-hinting=none",
    // The report and the deck render side by side in one browser: a tab in the background must
    // keep its animation frames and timers (Paged.js paginates on requestAnimationFrame), or the
    // report stalls until the deck's tabs close.
    "--disable-renderer-backgrounding",
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
  ];
}

/** The flags of a launch by this process. */
export const CHROMIUM_FLAGS: readonly string[] = chromiumFlags();

const DEFAULT_PAGE_TIMEOUT_MS = 30_000;

export interface LaunchOptions {
  /** Executable to use; found with `discoverBrowser()` when omitted. */
  executablePath?: string;
  env?: Record<string, string | undefined>;
  /** Platform whose install locations discovery searches (default: this one). */
  platform?: string;
  /** `host:port` of the proxy every request that escapes interception goes to (tests only). */
  proxyServer?: string;
}

export interface NewPageOptions {
  /** Folders the page may read (`file://` only). Symlinks are resolved before checking. */
  allowedRoots: string[];
  /** Longest any single step (load, wait, print) may take. Default 30 s. */
  timeoutMs?: number;
}

export interface SandboxedPage {
  page: Page;
  /** Every request that was aborted, in order (URLs). */
  blocked: string[];
  timeoutMs: number;
  /** Opens a local file (path or `file://` URL) and waits for `load`. */
  open(target: string): Promise<void>;
  /** Waits until `expression` (evaluated in the page) is truthy; `what` names it in errors. */
  waitUntil(expression: string, what: string): Promise<void>;
  /** `page.evaluate` of a function, with the page's timeout and clear errors. */
  evaluate<T>(fn: () => T, what: string): Promise<T>;
  /** `page.pdf` with the page's timeout; `what` names the document in errors. */
  pdf(options: PDFOptions, what: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface BrowserSession {
  readonly executablePath: string;
  readonly userDataDir: string;
  newPage(options: NewPageOptions): Promise<SandboxedPage>;
  /** Closes the browser and removes its profile. Safe to call more than once. */
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Process-exit cleanup: every live browser is killed and its profile removed, whatever happens.

interface Live {
  browser: Browser;
  userDataDir: string;
}
const live = new Set<Live>();
let hooksInstalled = false;

function killNow(entry: Live): void {
  try {
    entry.browser.process()?.kill("SIGKILL");
  } catch {
    // already gone
  }
  // A dying browser may still write into it: retried, never throws.
  removeResource({ kind: "dir", path: entry.userDataDir });
}

function onExit(): void {
  for (const entry of live) killNow(entry);
  live.clear();
}

/** Kills the browser, waits (briefly) until it is gone, then removes its profile. */
async function killAndRemove(entry: Live): Promise<void> {
  const child = entry.browser.process();
  if (child && child.exitCode === null && child.signalCode === null) {
    const gone = new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      setTimeout(resolve, 2_000).unref();
    });
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
    await gone;
  }
  await rm(entry.userDataDir, {
    recursive: true,
    force: true,
    maxRetries: 5,
    retryDelay: 20,
  }).catch(() => {});
}

function onSignal(signal: NodeJS.Signals): void {
  const entries = [...live];
  live.clear();
  uninstallHooks();
  void Promise.all(entries.map(killAndRemove)).finally(() => {
    // Keep the default behaviour (die by the signal) unless someone else handles it.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on("exit", onExit);
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal);
}

function uninstallHooks(): void {
  if (!hooksInstalled) return;
  hooksInstalled = false;
  process.off("exit", onExit);
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
  process.off("SIGHUP", onSignal);
}

// ---------------------------------------------------------------------------------------------

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** True when `url` may be loaded by a page confined to `roots` (real paths). */
export function isAllowedUrl(url: string, roots: readonly string[]): boolean {
  if (url.startsWith("data:")) return true;
  if (!url.startsWith("file:")) return false;
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch {
    return false;
  }
  const real = realOrResolved(path);
  return roots.some((root) => isInside(real, root));
}

function timeoutError(what: string, ms: number): BriefwrightError {
  const seconds = Math.round(ms / 100) / 10;
  return new BriefwrightError(
    "environment",
    `page ${what} did not finish within ${seconds} s (the browser may be overloaded or the page stuck)`,
  );
}

const BROWSER_GONE =
  /Target closed|Session closed|Connection closed|has been closed|browser has disconnected|Protocol error|detached/i;

/**
 * Puppeteer's errors when the browser dies under us (TargetCloseError, ProtocolError, …) become
 * an environment error that says what happened; anything else passes through unchanged.
 */
export function asBrowserError(error: unknown, what: string): unknown {
  if (error instanceof BriefwrightError || !(error instanceof Error)) return error;
  if (
    error.name === "TargetCloseError" ||
    error.name === "ProtocolError" ||
    BROWSER_GONE.test(error.message)
  ) {
    return new BriefwrightError(
      "environment",
      `The browser stopped while rendering ${what} (${error.name}${error.message ? `: ${error.message.split("\n")[0]}` : ""}). It may have crashed or been killed, e.g. for lack of memory; try again.`,
    );
  }
  return error;
}

async function withTimeout<T>(what: string, ms: number, run: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError(what, ms)), ms);
  });
  try {
    return await Promise.race([run(), timeout]);
  } catch (error) {
    if (error instanceof Error && error.name === "TimeoutError") throw timeoutError(what, ms);
    throw asBrowserError(error, what);
  } finally {
    clearTimeout(timer);
  }
}

async function sandboxPage(page: Page, options: NewPageOptions): Promise<SandboxedPage> {
  const roots = options.allowedRoots.map(realOrResolved);
  const timeoutMs = options.timeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
  const blocked: string[] = [];
  page.setDefaultTimeout(timeoutMs);
  page.setDefaultNavigationTimeout(timeoutMs);

  const cdp = await page.createCDPSession();
  await cdp.send("Network.enable");
  // The Fetch domain does not see WebSockets: block them by pattern and record the attempt.
  await cdp.send("Network.setBlockedURLs", { urls: ["ws://*", "wss://*"] });
  cdp.on("Network.webSocketCreated", (event: { url: string }) => {
    blocked.push(event.url);
  });

  await page.setRequestInterception(true);
  page.on("request", (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (isAllowedUrl(url, roots)) {
      void request.continue().catch(() => {});
    } else {
      blocked.push(url);
      void request.abort("blockedbyclient").catch(() => {});
    }
  });

  let closed = false;
  return {
    page,
    blocked,
    timeoutMs,
    async open(target) {
      const url = target.startsWith("file:") ? target : pathToFileURL(resolve(target)).href;
      await withTimeout(`${url}`, timeoutMs, async () => {
        await page.goto(url, { waitUntil: "load", timeout: timeoutMs });
      });
    },
    async waitUntil(expression, what) {
      await withTimeout(what, timeoutMs, async () => {
        await page.waitForFunction(expression, { timeout: timeoutMs, polling: 20 });
      });
    },
    async evaluate(fn, what) {
      return withTimeout(what, timeoutMs, () => page.evaluate(fn) as Promise<never>);
    },
    async pdf(pdfOptions, what) {
      return withTimeout(what, timeoutMs, () => page.pdf({ ...pdfOptions, timeout: timeoutMs }));
    },
    async close() {
      if (closed) return;
      closed = true;
      await cdp.detach().catch(() => {});
      await page.close().catch(() => {});
    },
  };
}

async function launchOnce(
  executablePath: string,
  flags: (profile: string) => readonly string[],
): Promise<{ browser: Browser; userDataDir: string; untrackProfile: () => void }> {
  // Absolute, as the browser's command line will name it (puppeteer resolves a relative one).
  const userDataDir = resolve(mkdtempSync(join(tmpdir(), "briefwright-chromium-")));
  // Registered before the browser starts: a process killed while the launch is under way leaves
  // whoever supervises it the profile to remove, and the browser to kill by its command line.
  const profile = { kind: "profile", path: userDataDir } as const;
  const untrackProfile = track(profile);
  try {
    writeFileSync(join(userDataDir, NO_MODEL_MANIFEST), "{}\n");
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      userDataDir,
      args: [...flags(userDataDir)],
      // Puppeteer's own defaults include --disable-popup-blocking: popups stay blocked.
      ignoreDefaultArgs: ["--disable-popup-blocking"],
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      timeout: 30_000,
      protocolTimeout: 60_000,
    });
    return { browser, userDataDir, untrackProfile };
  } catch (error) {
    // Whatever the failed launch left running with this profile, and the folder (never throws).
    removeResource(profile);
    untrackProfile();
    throw error;
  }
}

/** Launches Chromium (one retry). Throws BriefwrightError('environment') naming the fix. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserSession> {
  const env = options.env ?? process.env;
  // An explicitly named browser that is missing is an error, not a reason to pick another.
  const explicit = options.executablePath ?? env.BRIEFWRIGHT_BROWSER;
  const executablePath =
    explicit || discoverBrowser(env, options.platform ?? process.platform)?.path;
  if (!executablePath) {
    throw new BriefwrightError("environment", `No Chrome or Chromium found.\n${browserHelp()}`);
  }
  const source = options.executablePath
    ? executablePath
    : env.BRIEFWRIGHT_BROWSER
      ? `BRIEFWRIGHT_BROWSER=${executablePath}`
      : executablePath;

  try {
    accessSync(executablePath, constants.X_OK);
  } catch {
    throw new BriefwrightError(
      "environment",
      `The browser at ${source} is missing or not executable.\n${browserHelp()}`,
    );
  }

  // The sandbox is off only as root (Chromium refuses it there) or when the user turns it off
  // for a machine that cannot give an unprivileged process one (BRIEFWRIGHT_NO_SANDBOX=1).
  const flags = (profile: string) =>
    chromiumFlags({
      ...(env.BRIEFWRIGHT_NO_SANDBOX === "1" ? { root: true } : {}),
      ...(options.proxyServer ? { proxy: options.proxyServer } : {}),
      profile,
    });
  const sandboxed = !flags("").includes("--no-sandbox");
  let launched: Awaited<ReturnType<typeof launchOnce>> | undefined;
  let lastError: unknown;
  for (let attempt = 0; attempt < 2 && !launched; attempt++) {
    try {
      launched = await launchOnce(executablePath, flags);
    } catch (error) {
      lastError = error;
    }
  }
  if (!launched) {
    const reason =
      lastError instanceof Error ? lastError.message.split("\n")[0] : String(lastError);
    throw new BriefwrightError(
      "environment",
      `Could not start the browser at ${executablePath}: ${reason}\n${browserHelp()}${
        sandboxed
          ? "\nIf it cannot sandbox itself here (a container without user namespaces), set BRIEFWRIGHT_NO_SANDBOX=1."
          : ""
      }`,
    );
  }

  const entry: Live = launched;
  const { browser, userDataDir } = launched;
  live.add(entry);
  installHooks();
  // If this process is killed while busy, whoever supervises it kills the browser and removes
  // its profile (see cleanup.ts).
  const pid = browser.process()?.pid;
  const untrack = [...(pid ? [track({ kind: "process", pid })] : []), launched.untrackProfile];
  // Pages a page opens (window.open, target=_blank) are closed at once.
  browser.on("targetcreated", (target) => {
    if (target.type() !== "page" || !target.opener()) return;
    void target.page().then((page) => page?.close().catch(() => {}));
  });

  let closing: Promise<void> | undefined;
  return {
    executablePath,
    userDataDir,
    async newPage(pageOptions) {
      if (closing) throw new BriefwrightError("internal", "browser session already closed");
      let page: Page;
      try {
        page = await browser.newPage();
      } catch (error) {
        throw asBrowserError(error, "a new page");
      }
      try {
        return await sandboxPage(page, pageOptions);
      } catch (error) {
        await page.close().catch(() => {});
        throw asBrowserError(error, "a new page");
      }
    },
    close() {
      closing ??= (async () => {
        try {
          await withTimeout("browser close", 5_000, () => browser.close());
        } catch {
          // graceful close failed: kill below
        }
        await killAndRemove(entry);
        for (const u of untrack) u();
        live.delete(entry);
        if (live.size === 0) uninstallHooks();
      })();
      return closing;
    },
  };
}

/** Runs `fn` with a fresh browser session and always closes it. */
export async function withBrowser<T>(
  fn: (session: BrowserSession) => Promise<T>,
  options?: LaunchOptions,
): Promise<T> {
  const session = await launchBrowser(options);
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}
