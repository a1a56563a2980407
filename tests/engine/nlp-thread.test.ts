/**
 * The NLP thread (engine/nlp.ts `startNlpThread`): the pipeline reads sentences with wink-nlp on
 * a worker thread whose script is compiled (dist/engine/nlp-thread.js), so this runs the compiled
 * engine in a child process; the tests' own engine, from sources, reads on its own thread. Both
 * must read every text alike: the golden outputs, built by the compiled CLI, hold the rest.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { tagWith, winkNlp } from "../../src/engine/nlp.js";

const root = join(import.meta.dirname, "..", "..");
const TEXTS = [
  "The CSTO did not deploy troops to Armenia in 2022. NATO condemned the invasion!",
  "Sony's PSP sold 185,000 units in its UK launch week, far more than the DS's 87,000.",
  "Unbeknownst to many, the treaty's Article 5 wasn't invoked until 2001 — after 9/11.",
  "forces",
  "",
  "\u0000\uFFFF 🙂 ".repeat(50),
];

function onThread(texts: string[], prefetch: number): { status: string; readings: unknown[] } {
  const nlp = pathToFileURL(join(root, "dist", "engine", "nlp.js")).href;
  const script = `
    const nlp = await import(${JSON.stringify(nlp)});
    nlp.startNlpThread();
    const texts = JSON.parse(process.argv[1]);
    nlp.prefetchTags(texts.slice(0, ${prefetch}));
    const readings = texts.map((t) => nlp.tagged(t));
    process.stdout.write(JSON.stringify({ status: nlp.nlpThreadStatus(), readings }));
  `;
  const out = execFileSync(
    process.execPath,
    ["--input-type=module", "-e", script, JSON.stringify(texts)],
    {
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  return JSON.parse(out) as { status: string; readings: unknown[] };
}

describe("the NLP thread", () => {
  // First: once wink-nlp is loaded here, startNlpThread returns before it looks for its script.
  it("is not started from the sources: the engine then reads on its own thread", async () => {
    const nlp = await import("../../src/engine/nlp.js");
    nlp.startNlpThread();
    expect(nlp.nlpThreadStatus()).toBe("off");
    expect(nlp.tagged("NATO condemned the invasion.")?.pos).toEqual([
      "PROPN",
      "VERB",
      "DET",
      "NOUN",
      "PUNCT",
    ]);
  });

  it("reads texts, asked for or read ahead, exactly as this thread does", () => {
    const here = winkNlp();
    expect(here).not.toBeNull();
    const expected = JSON.parse(JSON.stringify(TEXTS.map((t) => tagWith(here!, t)))) as unknown[];
    for (const prefetch of [0, 3, TEXTS.length]) {
      const { status, readings } = onThread(TEXTS, prefetch);
      expect(status).toBe("on");
      expect(readings).toEqual(expected);
    }
  });

  it("reads many texts ahead, in batches and windows, each as this thread does", () => {
    // More texts than one window (256) of batches (16), some repeated, read ahead and asked for.
    const many = Array.from(
      { length: 600 },
      (_, i) => `Source ${i % 450} says the alliance had ${i % 450} members in ${1950 + (i % 70)}.`,
    );
    const here = winkNlp();
    const expected = JSON.parse(JSON.stringify(many.map((t) => tagWith(here!, t)))) as unknown[];
    const { status, readings } = onThread(many, many.length);
    expect(status).toBe("on");
    expect(readings).toEqual(expected);
  });
});
