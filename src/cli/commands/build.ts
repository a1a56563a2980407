/** `briefwright build`: every output of the brief, with one browser, replaced atomically. */
import type { BuildResult, OutputKind } from "../../pipeline/build.js";
import type { CommandContext } from "../context.js";
import { progressPrinter, summary } from "../progress.js";
import { UsageError } from "../usage.js";

export function parseOnly(
  value: string | undefined,
  known: readonly OutputKind[],
): OutputKind[] | undefined {
  if (!value) return undefined;
  const kinds = value.split(",").map((k) => k.trim());
  for (const k of kinds) {
    if (!known.includes(k as OutputKind))
      throw new UsageError(`--only takes ${known.join(", ")}; got "${k}"`);
  }
  return kinds as OutputKind[];
}

export async function buildCommand(
  ctx: CommandContext,
  opts: { corpus: string; out: string; only?: string; strict: boolean },
): Promise<number> {
  const t0 = performance.now();
  // The pipeline owns the browser (one launch, one close); it starts it before the writers load.
  const { build, OUTPUT_KINDS } = await import("../../pipeline/build.js");
  const only = parseOnly(opts.only, OUTPUT_KINDS);
  const result: BuildResult = await build(
    {
      corpusDir: opts.corpus,
      outDir: opts.out,
      strict: opts.strict,
      ...(only ? { only } : {}),
    },
    progressPrinter({
      stream: process.stderr,
      quiet: ctx.quiet,
      verbose: ctx.verbose,
      color: ctx.color,
      env: process.env,
    }),
  );
  ctx.report(result.diagnostics);
  ctx.info(summary(result, performance.now() - t0));
  if (ctx.verbose) for (const fact of result.facts) ctx.info(fact);
  return 0;
}
