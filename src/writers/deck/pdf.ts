/**
 * The handout: reveal.js's print view (`?print-pdf`), one page per slide at exactly the slide
 * size (margin 0 in the config), printed once reveal.js says `pdf-ready` and fonts are loaded.
 */
import { pathToFileURL } from "node:url";
import type { BrowserSession, SandboxedPage } from "../../runtime/browser.js";

export interface DeckPdf {
  pdf: Uint8Array;
  blocked: string[];
  /** Milliseconds spent loading the print view and printing (for benchmarks; not written anywhere). */
  ms: { load: number; print: number };
}

/** Prints `indexPath` (inside `root`) in a sandboxed page of `browser`. */
export async function printDeck(
  browser: BrowserSession,
  indexPath: string,
  root: string,
): Promise<DeckPdf> {
  const sandbox = await browser.newPage({ allowedRoots: [root] });
  try {
    const started = performance.now();
    await sandbox.page.setViewport({ width: 1280, height: 720 });
    await sandbox.open(`${pathToFileURL(indexPath).href}?print-pdf`);
    await sandbox.waitUntil(
      "document.documentElement.getAttribute('data-bw-pdf-ready') === '1' && document.fonts.status === 'loaded'",
      "deck print view",
    );
    await sandbox.page.evaluate(() => document.fonts.ready.then(() => undefined));
    const loaded = performance.now();
    const pdf = await printOpenDeck(sandbox);
    const printed = performance.now();
    return {
      pdf,
      blocked: [...sandbox.blocked],
      ms: { load: loaded - started, print: printed - loaded },
    };
  } finally {
    await sandbox.close();
  }
}

/** The PDF options of the handout: pages exactly the slide size, backgrounds, tagged. */
const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true, tagged: true } as const;

/** Prints the print view already open (and measured) in `sandbox`: the deck is laid out once. */
export async function printOpenDeck(sandbox: SandboxedPage): Promise<Uint8Array> {
  await sandbox.page.evaluate(() => document.fonts.ready.then(() => undefined));
  return sandbox.pdf({ ...PDF_OPTIONS }, "deck handout");
}
