/**
 * The whole job as one function: read → analyse → compile → render. Never prints, never exits;
 * reports progress through a callback and returns what it wrote.
 */
import { join } from "node:path";
import { readCorpus } from "../corpus/index.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { writeFileAtomic } from "../util/atomic.js";

export interface BuildOptions {
  corpusDir: string;
  outDir: string;
}

export interface StageTiming {
  stage: string;
  ms: number;
}

export interface BuildResult {
  outputs: string[];
  diagnostics: Diagnostic[];
  timings: StageTiming[];
  sources: number;
}

export type Progress = (event: { stage: string; state: "start" | "done"; ms?: number }) => void;

async function timed<T>(
  stage: string,
  timings: StageTiming[],
  progress: Progress,
  fn: () => Promise<T>,
): Promise<T> {
  progress({ stage, state: "start" });
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  timings.push({ stage, ms });
  progress({ stage, state: "done", ms });
  return value;
}

export async function build(
  options: BuildOptions,
  progress: Progress = () => {},
): Promise<BuildResult> {
  const timings: StageTiming[] = [];
  const corpus = await timed("read", timings, progress, () => readCorpus(options.corpusDir));
  const outputs: string[] = [];
  await timed("write", timings, progress, async () => {
    const path = join(options.outDir, "corpus.json");
    await writeFileAtomic(path, `${JSON.stringify({ sources: corpus.sources }, null, 2)}\n`);
    outputs.push(path);
  });
  return { outputs, diagnostics: corpus.diagnostics, timings, sources: corpus.sources.length };
}
