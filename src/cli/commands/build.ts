/** `briefwright build`: every output of the brief, with one browser, replaced atomically. */
import type { BuildResult, OutputKind } from "../../pipeline/build.js";
import { launchBrowser } from "../../runtime/browser.js";
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
  // Chromium starts before the rest of briefwright is loaded: the two overlap.
  const launching =
    !opts.only || /pdf|slides/u.test(opts.only) ? launchBrowser({ env: process.env }) : undefined;
  launching?.catch(() => {});
  let result: BuildResult;
  try {
    const { build, OUTPUT_KINDS } = await import("../../pipeline/build.js");
    const only = parseOnly(opts.only, OUTPUT_KINDS);
    result = await build(
      {
        corpusDir: opts.corpus,
        outDir: opts.out,
        strict: opts.strict,
        ...(only ? { only } : {}),
        ...(launching ? { launching } : {}),
      },
      progressPrinter({
        stream: process.stderr,
        quiet: ctx.quiet,
        verbose: ctx.verbose,
        color: ctx.color,
        env: process.env,
      }),
    );
  } finally {
    // The build closes it; this covers failing before it got that far (closing twice is fine).
    await (await launching?.catch(() => undefined))?.close();
  }
  ctx.report(result.diagnostics);
  ctx.info(summary(result, performance.now() - t0));
  return 0;
}
