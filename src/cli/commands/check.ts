/** `briefwright check`: everything but writing outputs — for a pre-commit hook. */
import { compile, Stages } from "../../pipeline/build.js";
import type { CommandContext } from "../context.js";

export async function checkCommand(
  ctx: CommandContext,
  opts: { corpus: string; strict: boolean },
): Promise<number> {
  const t0 = performance.now();
  const stages = new Stages(() => {});
  const c = await compile({ corpusDir: opts.corpus, outDir: "", strict: opts.strict }, stages);
  ctx.report(c.diagnostics);
  const warnings = c.diagnostics.filter((d) => d.severity === "warning").length;
  ctx.info(
    `ok: ${c.sources.length} sources, ${c.citations} citations verified, ${warnings} warning(s) in ${Math.round(performance.now() - t0)} ms`,
  );
  return 0;
}
