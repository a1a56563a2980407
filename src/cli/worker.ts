/** A worker process started by `supervise()`: runs one command; see supervise.ts. */
import { removeTracked } from "../runtime/cleanup.js";
import { main } from "./main.js";

// The channel to the supervisor must not keep this process alive once the command is done.
process.channel?.unref();
// A supervisor that is gone (killed with SIGKILL) leaves nobody to stop this process: stop now.
process.on("disconnect", () => {
  removeTracked();
  process.exit(137);
});
// A closed pipe (`briefwright inspect --json | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
