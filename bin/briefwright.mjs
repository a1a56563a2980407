#!/usr/bin/env node
// The `briefwright` command: runs the compiled CLI (`npm run compile` or the bootstrap builds it).
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const main = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "cli", "main.js");
if (!existsSync(main)) {
  process.stderr.write(
    "briefwright: not compiled yet; run `npm run build` (or `npm run compile`) once.\n",
  );
  process.exit(3);
}
// A closed pipe (`briefwright inspect --json | head`) is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const { main: run } = await import(pathToFileURL(main).href);
process.exitCode = await run(process.argv.slice(2));
