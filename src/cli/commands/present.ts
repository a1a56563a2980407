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
  let reload = () => {};
  const handle = await startWatch(
    { corpusDir: opts.corpus, outDir: opts.out, only: ["json", "slides"] },
    watchPrinter(ctx, (e) => {
      if (e.kind !== "error") reload();
    }),
  );
  const server = await serveDeck(join(opts.out, "slides"), { port: opts.port });
  reload = () => server.reload();
  ctx.stdout(`${server.url}\n`);
  ctx.info(`presenting at ${server.url} (speaker view: press S); Ctrl-C to stop`);
  await untilInterrupted();
  await server.close();
  await handle.close();
  return 0;
}
