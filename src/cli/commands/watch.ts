/** `briefwright watch`: rebuild on change until interrupted. */

import { BriefwrightError } from "../../diagnostics/types.js";
import { startWatch, type WatchEvent } from "../../pipeline/watch.js";
import type { CommandContext } from "../context.js";
import { summary } from "../progress.js";

/** Prints watch events; returns the handler. */
export function watchPrinter(
  ctx: CommandContext,
  after?: (e: WatchEvent) => void,
): (e: WatchEvent) => void {
  return (e) => {
    if (e.kind === "html")
      ctx.info(`html updated in ${Math.round(e.ms)} ms (${e.changed.length} change(s))`);
    else if (e.kind === "full") {
      ctx.report(e.result.diagnostics.filter((d) => d.severity === "error"));
      ctx.info(summary(e.result, e.ms));
    } else if (e.error instanceof BriefwrightError) {
      ctx.report(
        e.error.diagnostics.length
          ? e.error.diagnostics
          : [{ severity: "error", ruleId: "build-failed", message: e.error.message }],
      );
    } else {
      ctx.report([
        {
          severity: "error",
          ruleId: "internal",
          message: String((e.error as Error)?.message ?? e.error),
        },
      ]);
    }
    after?.(e);
  };
}

/** Resolves on Ctrl-C or SIGTERM. */
export function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
}

export async function watchCommand(
  ctx: CommandContext,
  opts: { corpus: string; out: string },
): Promise<number> {
  const handle = await startWatch({ corpusDir: opts.corpus, outDir: opts.out }, watchPrinter(ctx));
  ctx.info(`watching ${opts.corpus} and the templates; Ctrl-C to stop`);
  await untilInterrupted();
  await handle.close();
  return 0;
}
