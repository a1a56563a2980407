/**
 * Development aids, skipped unless asked for:
 * - BW_DEV_OUT=/some/dir writes a deck there to look at (BW_FIXTURE=corpus for the default corpus);
 * - BW_BENCH=1 prints where the time goes (HTML, fitting rounds, PDF).
 */
import { cpSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "vitest";
import { readBrief } from "../../../src/pipeline/inspect.js";
import { withBrowser } from "../../../src/runtime/browser.js";
import { type DeckInput, renderDeckHtml, writeSlides } from "../../../src/writers/deck/index.js";
import { analyse, compileOutline, loadOutline } from "../../engine/imports.js";
import { loadFixture, ROOT, TEMPLATES } from "./fixture.js";

async function corpusInput(): Promise<DeckInput> {
  const dir = join(ROOT, "corpus");
  const corpus = await readBrief(dir);
  const { briefing } = analyse(corpus.sources, corpus.options.engine);
  const outline = await loadOutline(dir, TEMPLATES);
  const { tree } = compileOutline({ briefing, sources: corpus.sources, outline });
  return { briefing, tree, spec: corpus.spec };
}

async function input(name: string | undefined): Promise<DeckInput> {
  return name === "corpus" ? corpusInput() : loadFixture(name);
}

it.runIf(process.env.BW_DEV_OUT)(
  "dev: writes a deck to look at",
  async () => {
    const out = await mkdtemp(join(tmpdir(), "bw-slides-"));
    const deck = await input(process.env.BW_FIXTURE);
    const r = await withBrowser((browser) =>
      writeSlides({ ...deck, outDir: out, templatesDir: TEMPLATES, browser }),
    );
    cpSync(out, process.env.BW_DEV_OUT!, { recursive: true });
    await rm(out, { recursive: true, force: true });
    console.log(JSON.stringify(r, null, 2));
  },
  60_000,
);

it.runIf(process.env.BW_BENCH)(
  "bench: deck HTML, fitting and PDF times",
  async () => {
    const decks = [
      ["corpus", await corpusInput()],
      ["slides-sample", loadFixture()],
    ] as const;
    for (const [name, deck] of decks) {
      let t = performance.now();
      await renderDeckHtml(deck);
      const cold = performance.now() - t;
      const warm: number[] = [];
      for (let i = 0; i < 21; i++) {
        t = performance.now();
        await renderDeckHtml(deck);
        warm.push(performance.now() - t);
      }
      warm.sort((a, b) => a - b);
      console.log(
        `${name}: deck HTML ${cold.toFixed(1)} ms cold, ${warm[10]!.toFixed(1)} ms warm (median)`,
      );
    }
    await withBrowser(async (browser) => {
      for (let i = 0; i < 3; i++) {
        for (const [name, deck] of decks) {
          const out = await mkdtemp(join(tmpdir(), "bw-bench-"));
          const t = performance.now();
          const r = await writeSlides({ ...deck, outDir: out, templatesDir: TEMPLATES, browser });
          const total = performance.now() - t;
          console.log(
            `${name}: ${r.slides} slides, writeSlides ${total.toFixed(0)} ms (fit ${r.timings.fit} ms in ${r.timings.rounds} rounds, PDF ${r.timings.pdf} ms)`,
          );
          await rm(out, { recursive: true, force: true });
        }
      }
    });
  },
  120_000,
);
