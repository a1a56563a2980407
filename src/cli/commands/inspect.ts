/** `briefwright inspect [--corpus DIR] [--json]`: what the reader made of each source. */
import { inspectCorpus } from "../../pipeline/inspect.js";
import type { CommandContext } from "../context.js";
import { table } from "../format.js";

export async function inspect(
  ctx: CommandContext,
  opts: { corpus: string; json: boolean },
): Promise<number> {
  const result = await inspectCorpus(opts.corpus);
  if (opts.json) {
    ctx.stdout(
      `${JSON.stringify({ sources: result.sources, diagnostics: result.diagnostics, copies: result.copies }, null, 2)}\n`,
    );
    return 0;
  }
  const warningsFor = (file: string) =>
    result.diagnostics.filter((d) => d.file?.endsWith(file) && d.severity !== "info").length;
  const rows = result.sources.map((s) => [
    s.id,
    s.title.length > 40 ? `${s.title.slice(0, 39)}…` : s.title,
    s.authors.join(", ") || "—",
    s.date ?? "—",
    s.publisher ?? "—",
    String(s.words),
    String(s.blocks.length),
    String(s.dropped.length),
    String(warningsFor(s.file)),
  ]);
  ctx.stdout(
    `${table(["id", "title", "author", "date", "publisher", "words", "blocks", "dropped", "warnings"], rows)}\n`,
  );
  // Near-duplicates (the same article saved twice, syndicated copies) count as one source.
  for (const c of result.copies)
    ctx.stdout(
      `copy: ${c.file} is a copy of ${c.copyOf} (${Math.round(c.jaccard * 100)} % of word 5-grams shared); it counts as one source for corroboration\n`,
    );
  ctx.report(result.diagnostics);
  return 0;
}
