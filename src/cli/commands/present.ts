/** `briefwright present`: serve the deck locally, rebuild and reload on change. */
import { join } from "node:path";
import { startWatch } from "../../pipeline/watch.js";
import { serveDeck } from "../../runtime/serve.js";
import type { CommandContext } from "../context.js";
import { untilInterrupted, watchPrinter } from "./watch.js";

export async function presentCommand(
  ctx: CommandContext,
  opts: { corpus: string; out: string; port: number },
): Promise<number> {
  // The port first: a busy one fails at once (exit 3), before a browser is launched or a build
  // runs, and nothing is left running.
  const server = await serveDeck(join(opts.out, "slides"), { port: opts.port });
  let handle: Awaited<ReturnType<typeof startWatch>>;
  try {
    handle = await startWatch(
      { corpusDir: opts.corpus, outDir: opts.out, only: ["json", "slides"] },
      watchPrinter(ctx, (e) => {
        if (e.kind !== "error") server.reload();
      }),
    );
  } catch (error) {
    await server.close();
    throw error;
  }
  ctx.stdout(`${server.url}\n`);
  ctx.info(`presenting at ${server.url} (speaker view: press S); Ctrl-C to stop`);
  await untilInterrupted();
  await server.close();
  await handle.close();
  return 0;
}
