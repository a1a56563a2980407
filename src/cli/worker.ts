/** A worker process started by `supervise()`: runs one command; see supervise.ts. */
import { main } from "./main.js";

// The channel to the supervisor must not keep this process alive once the command is done.
process.channel?.unref();
// A closed pipe (`briefwright inspect --json | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
