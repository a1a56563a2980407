/** Checks on a written deck, in real Chromium, shared by the deck tests. */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type BrowserSession, launchBrowser } from "../../../src/runtime/browser.js";
import { SLIDE_HEIGHT, SLIDE_WIDTH } from "../../../src/writers/deck/index.js";

export interface SlideFacts {
  id: string;
  kind: string;
  height: number;
  width: number;
  claims: number;
  unmarked: number;
  notes: boolean;
  footer: number;
  /** Smallest font size of the slide's body text (bullets, matrix cells), CSS px. */
  minFont: number;
  /** Items shown: bullets, matrix cells. */
  items: number;
  /** 1 when the headline states a claim the body does not show again, else 0. */
  assertions: number;
  /** Continuation marker ("2/3"), empty on a slide that is not split. */
  part: string;
  /** Headline text, continuation marker aside. */
  title: string;
  /** Claims the slide's body shows (their ids). */
  bodyClaims: string[];
  /** Words of each bullet or cell as shown (its lead included, its citation marks not). */
  itemWords: number[];
  /** The same, of bullets numbered to match a chart's markers (the timeline's): "3. 2014 …". */
  keyedWords: number[];
  /** What the slide shows (headline and body), without the notes and the citation footer. */
  shown: string;
}

/** Visits every slide as a viewer would (one animation frame each) and reads its layout. */
export async function visitSlides(browser: BrowserSession, indexPath: string, root: string) {
  const sandbox = await browser.newPage({ allowedRoots: [root] });
  try {
    await sandbox.page.setViewport({ width: SLIDE_WIDTH, height: SLIDE_HEIGHT });
    await sandbox.open(indexPath);
    await sandbox.waitUntil(
      "document.documentElement.getAttribute('data-bw-ready') === '1'",
      "deck",
    );
    await sandbox.page.evaluate(() => document.fonts.ready.then(() => undefined));
    const facts = await sandbox.page.evaluate(async () => {
      // biome-ignore lint/suspicious/noExplicitAny: reveal.js global
      const reveal = (globalThis as any).Reveal;
      const out: SlideFacts[] = [];
      const tops: HTMLElement[] = reveal.getHorizontalSlides();
      for (let h = 0; h < tops.length; h++) {
        const n = Math.max(1, tops[h]!.querySelectorAll(":scope > section").length);
        for (let v = 0; v < n; v++) {
          reveal.slide(h, v);
          await new Promise((r) => requestAnimationFrame(() => r(null)));
          const s: HTMLElement = reveal.getCurrentSlide();
          const claims = s.querySelectorAll(".bw-claim, .bw-cited");
          out.push({
            id: s.id,
            kind: s.dataset.kind ?? "",
            height: s.scrollHeight,
            width: s.scrollWidth,
            claims: claims.length,
            // (The pointer to the headline, "↑", shows no mark: the headline must carry it.)
            unmarked: Array.from(claims).filter((c) =>
              c.classList.contains("bw-above")
                ? !s.querySelector(".bw-head .bw-assertion .bw-mark")
                : !c.querySelector(".bw-mark"),
            ).length,
            notes: Boolean(s.querySelector("aside.notes")?.textContent?.trim()),
            footer: s.querySelectorAll(".bw-cites .bw-cite").length,
            items: s.querySelectorAll(".bw-body li, .bw-matrix tbody td").length,
            assertions: (() => {
              const claim = s.querySelector(".bw-head h2.bw-assertion")?.getAttribute("data-claim");
              if (!claim) return 0;
              return s.querySelector(`.bw-body [data-claim="${claim}"]`) ? 0 : 1;
            })(),
            part: s.querySelector(".bw-head .bw-part")?.textContent ?? "",
            title: (s.querySelector(".bw-head h2")?.firstChild?.textContent ?? "").trim(),
            bodyClaims: Array.from(s.querySelectorAll(".bw-body [data-claim]")).map(
              (el) => el.getAttribute("data-claim") ?? "",
            ),
            itemWords: Array.from(s.querySelectorAll(".bw-body li, .bw-body td")).map((el) => {
              const copy = el.cloneNode(true) as HTMLElement;
              for (const sup of Array.from(copy.querySelectorAll("sup"))) sup.remove();
              return (copy.textContent ?? "").split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w))
                .length;
            }),
            keyedWords: Array.from(s.querySelectorAll(".bw-body li"))
              .filter((el) => /^\d+\./u.test(el.querySelector(".bw-lead")?.textContent ?? ""))
              .map((el) => {
                const copy = el.cloneNode(true) as HTMLElement;
                for (const sup of Array.from(copy.querySelectorAll("sup"))) sup.remove();
                return (copy.textContent ?? "").split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w))
                  .length;
              }),
            shown: Array.from(s.querySelectorAll<HTMLElement>(".bw-head, .bw-body"))
              .map((el) => el.innerText)
              .join("\n"),
            minFont: Math.min(
              999, // no body text (title slide); Infinity would not survive serialisation
              ...Array.from(s.querySelectorAll(".bw-body li, .bw-body td")).map((el) =>
                Number.parseFloat(getComputedStyle(el).fontSize),
              ),
            ),
          });
        }
      }
      return out;
    });
    const fontsOk = await sandbox.page.evaluate(() =>
      document.fonts.check("28px 'Source Serif 4'"),
    );
    // The CSP is in force: an inline script added to the page does not run.
    const inlineRan = await sandbox.page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__bwInline = 1";
      document.body.append(script);
      return "__bwInline" in window;
    });
    // The speaker view (notes plugin) writes an inline script into a popup that inherits the
    // CSP: capture what it writes and hash that script as the browser would.
    const speakerScriptHash = await sandbox.page.evaluate(async () => {
      let written = "";
      const fake = {
        document: {
          write: (html: string) => {
            written += html;
          },
          close: () => {},
        },
        addEventListener: () => {},
        postMessage: () => {},
        focus: () => {},
        closed: false,
      };
      window.open = (() => fake) as unknown as typeof window.open;
      // biome-ignore lint/suspicious/noExplicitAny: reveal.js global
      const notes = (globalThis as any).Reveal.getPlugin("notes");
      try {
        notes.open();
      } catch {
        // the fake window is not a real one; the HTML has been written by then
      }
      const script = /<script>([\s\S]*?)<\/script>/.exec(written)?.[1] ?? "";
      const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(script));
      return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
    });
    return { facts, blocked: [...sandbox.blocked], fontsOk, inlineRan, speakerScriptHash };
  } finally {
    await sandbox.close();
  }
}

export function pdfPages(path: string): { pages: number; size: string } {
  const info = execFileSync("pdfinfo", [path], { encoding: "utf8" });
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    size: /Page size:\s+([^\n]+)/.exec(info)?.[1]?.trim() ?? "",
  };
}

/**
 * One browser for a test file, and temporary folders removed after it: call at module level.
 * `suite.browser` is set before the first test runs.
 */
export function browserSuite(prefix: string): {
  browser: BrowserSession;
  tempDir: () => Promise<string>;
} {
  const dirs: string[] = [];
  const suite = {
    browser: undefined as unknown as BrowserSession,
    tempDir: async () => {
      const dir = await mkdtemp(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
  };
  beforeAll(async () => {
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  return suite;
}
