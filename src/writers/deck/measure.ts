/**
 * Measures a loaded deck in Chromium: each slide's height against the configured height, how
 * many leading units of each group end above the citation footer, its words and headline lines.
 * The build measures the print view (`?print-pdf`), where every slide is laid out as it is
 * printed, so the page it measured is the page it prints. In the presentation view reveal.js
 * hides slides beyond `viewDistance` (display:none, height 0), so there every slide is visited
 * with `Reveal.slide(h, v)` and measured while it is the current slide.
 */
import type { SandboxedPage } from "../../runtime/browser.js";
import type { SlideMeasure, UnitGeometry } from "./split.js";

/** Runs in the page. Kept free of closures: puppeteer serialises it. */
function measureInPage(waitFrame: boolean): Promise<SlideMeasure[]> {
  // biome-ignore lint/suspicious/noExplicitAny: the page's global reveal.js API
  const reveal = (globalThis as any).Reveal;
  const config = reveal.getConfig();
  const H: number = config.height;
  const W: number = config.width;
  const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
  const run = async (): Promise<SlideMeasure[]> => {
    const out: SlideMeasure[] = [];
    // The print view (`?print-pdf`) lays out every slide at once, at scale 1, as it is printed:
    // each is measured where it stands. The presentation view shows one slide at a time.
    const print = /[?&]print-pdf\b/u.test(location.search);
    const visits: (() => Promise<[HTMLElement, number]>)[] = [];
    if (print) {
      const leaves = Array.from(
        document.querySelectorAll<HTMLElement>(".reveal .slides section"),
      ).filter((s) => !s.querySelector("section"));
      for (const leaf of leaves) visits.push(async () => [leaf, 1]);
    } else {
      const horizontals: HTMLElement[] = reveal.getHorizontalSlides();
      for (let h = 0; h < horizontals.length; h++) {
        const top = horizontals[h]!;
        const verticals = Array.from(top.querySelectorAll<HTMLElement>(":scope > section"));
        const count = verticals.length > 0 ? verticals.length : 1;
        for (let v = 0; v < count; v++) {
          visits.push(async () => {
            reveal.slide(h, v);
            if (waitFrame) await nextFrame();
            return [reveal.getCurrentSlide() as HTMLElement, (reveal.getScale() as number) || 1];
          });
        }
      }
    }
    for (const visit of visits) {
      {
        const [slide, scale] = await visit();
        const frame = slide.querySelector<HTMLElement>(".bw-frame");
        const height = Math.max(slide.scrollHeight, frame?.scrollHeight ?? 0);
        const width = Math.max(slide.scrollWidth, frame?.scrollWidth ?? 0);
        const slideTop = slide.getBoundingClientRect().top;
        const bottomOf = (el: Element) => (el.getBoundingClientRect().bottom - slideTop) / scale;
        let limit = H;
        if (frame) {
          const style = getComputedStyle(frame);
          limit -= Number.parseFloat(style.paddingBottom) || 0;
          const footer = frame.querySelector<HTMLElement>(".bw-cites");
          if (footer) limit -= footer.offsetHeight;
        }
        // A unit's margin stays inside the body (a flex item), so it counts.
        const marginBelow = (el: Element) =>
          Number.parseFloat(getComputedStyle(el).marginBottom) || 0;
        const prefix = (units: Element[]) => {
          let n = 0;
          for (const unit of units) {
            if (bottomOf(unit) + marginBelow(unit) > limit) break;
            n++;
          }
          return n;
        };
        const topOf = (el: Element) => (el.getBoundingClientRect().top - slideTop) / scale;
        // Height each unit takes in the flow (to the next unit's top; the last one: its box plus margin).
        const heights = (units: Element[]) =>
          units.map((u, i) => {
            const next = units[i + 1];
            if (next) return topOf(next) - topOf(u);
            return (
              bottomOf(u) - topOf(u) + (Number.parseFloat(getComputedStyle(u).marginBottom) || 0)
            );
          });
        const body = slide.querySelector(".bw-body");
        const bodyTop = body ? topOf(body) : 0;
        let fits: number[];
        let units: UnitGeometry;
        if (slide.getAttribute("data-layout") === "table") {
          const rows = Array.from(slide.querySelectorAll(".bw-matrix tbody tr"));
          fits = [prefix(rows)];
          const tbody = slide.querySelector(".bw-matrix tbody");
          units = {
            heights: [heights(rows)],
            labels: [0],
            gap: 0,
            capacity: limit - (tbody ? topOf(tbody) : bodyTop),
          };
        } else {
          const groups = Array.from(slide.querySelectorAll(".bw-group"));
          const lists = groups.map((g) =>
            Array.from(g.querySelectorAll(":scope > ul > li, :scope > ol > li")),
          );
          fits = lists.map(prefix);
          const second = groups[1];
          units = {
            heights: lists.map(heights),
            labels: groups.map((g, i) => (lists[i]![0] ? topOf(lists[i]![0]!) - topOf(g) : 0)),
            gap:
              second && slide.getAttribute("data-layout") !== "columns"
                ? Math.max(0, topOf(second) - bottomOf(groups[0]!))
                : 0,
            capacity: limit - bodyTop,
          };
        }
        // What a viewer reads: headline and body (a chart: its source line), not the citation
        // footer, the drawing or the notes. Counted as the writer counts: tokens with a letter or digit.
        const readable =
          slide.getAttribute("data-layout") === "exhibit"
            ? [".bw-head", ".bw-exhibit-source"]
            : [".bw-head", ".bw-body", ".bw-title"];
        let words = 0;
        for (const sel of readable) {
          for (const el of Array.from(slide.querySelectorAll<HTMLElement>(sel))) {
            for (const token of el.innerText.split(/\s+/u))
              if (/[\p{L}\p{N}]/u.test(token)) words++;
          }
        }
        const headline = slide.querySelector<HTMLElement>(".bw-head h2");
        let headlineLines = 0;
        if (headline) {
          const lineHeight = Number.parseFloat(getComputedStyle(headline).lineHeight);
          const box = headline.getBoundingClientRect().height / scale;
          headlineLines = lineHeight > 0 ? Math.round(box / lineHeight) : 1;
        }
        out.push({
          id: slide.id,
          overflow: height > H || width > W,
          height,
          fits,
          units,
          words,
          headlineLines,
        });
      }
    }
    if (!print) reveal.slide(0, 0);
    return out;
  };
  return run();
}

/**
 * Waits until reveal.js is ready (in the print view: laid out for print) and the web fonts are
 * loaded.
 */
export async function waitForDeck(sandbox: SandboxedPage, print = false): Promise<void> {
  const ready = print ? "data-bw-pdf-ready" : "data-bw-ready";
  await sandbox.waitUntil(
    `document.documentElement.getAttribute('${ready}') === '1' && document.fonts.status === 'loaded'`,
    print ? "deck print view" : "deck ready",
  );
  await sandbox.page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * Measures every slide of the deck open in `sandbox`. `waitFrame` waits one animation frame
 * after each visit (as a viewer would see it); without it the layout is read synchronously.
 */
export async function measureDeck(
  sandbox: SandboxedPage,
  waitFrame = false,
): Promise<SlideMeasure[]> {
  return sandbox.page.evaluate(measureInPage, waitFrame);
}
