/** `briefwright build [--corpus DIR] [--out DIR]`: every output of the brief. */
import { build } from "../../build/index.js";
import type { CommandContext } from "../context.js";

export async function buildCommand(
  ctx: CommandContext,
  opts: { corpus: string; out: string },
): Promise<number> {
  const result = await build({ corpusDir: opts.corpus, outDir: opts.out }, (event) => {
    if (ctx.verbose && event.state === "done")
      ctx.info(`  ${event.stage} ${event.ms?.toFixed(0)} ms`);
  });
  ctx.report(result.diagnostics);
  if (!ctx.quiet) {
    const total = result.timings.reduce((n, t) => n + t.ms, 0);
    ctx.info(
      `built ${result.outputs.length} output(s) from ${result.sources} sources in ${total.toFixed(0)} ms`,
    );
    for (const path of result.outputs) ctx.info(`  ${path}`);
  }
  return 0;
}
