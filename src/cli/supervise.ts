/**
 * Signals that always work. A Node process runs a signal handler only between two pieces of
 * work: while its main thread reads, analyses or compiles, Ctrl-C waits (minutes on a hostile
 * corpus). So a command that may run long runs in a worker process, and this process, whose main
 * thread is always free, supervises it: on the first SIGINT, SIGTERM or SIGHUP it passes the
 * signal on; a worker that is idle cleans up and exits at once (`stopOnSignal`), one that is busy
 * is killed after a short grace, and this process then removes what it left — its browser, its
 * staging folder, its lock — from the list the worker kept it informed of (`runtime/cleanup.ts`).
 * The exit code is then 128 + the signal's number: 130 for SIGINT, 143 for SIGTERM.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { collectResources, removeResource, removeTracked } from "../runtime/cleanup.js";

export const STOP_SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
type StopSignal = keyof typeof STOP_SIGNALS;

/**
 * V8 options for the worker, on its command line (set at start, never changed at run time).
 * `--no-regexp-tier-up`: V8 runs a regular expression in its bytecode interpreter first and
 * compiles it to machine code on its second use, so every pattern used twice is compiled twice.
 * A build compiles a few hundred patterns (the engine's, chrono-node's, wink-nlp's, remark's) and
 * uses most on many sentences: compiling each once, straight to machine code, takes about 0.1 s
 * off a cold analysis of the default corpus (0.56 s → 0.46 s of CPU). It changes how a pattern
 * is compiled, never what it matches. (Set with `v8.setFlagsFromString` after start instead, it
 * crashed about one process in thirty.)
 */
export const WORKER_V8_FLAGS: readonly string[] = ["--no-regexp-tier-up"];

/** The worker's node arguments: this process's own, the worker's V8 options, the command. */
export function workerArgs(execArgv: readonly string[], worker: string, argv: string[]): string[] {
  const flags = WORKER_V8_FLAGS.filter((f) => !execArgv.includes(f));
  return [...execArgv, ...flags, worker, ...argv];
}

/** Set in a worker's environment by its supervisor. */
const WORKER_ENV = "BRIEFWRIGHT_WORKER";

/** Whether this process is a worker started by {@link supervise}. */
export function isWorker(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[WORKER_ENV] === "1" && typeof process.send === "function";
}

/**
 * Runs `briefwright <argv>` in a worker process and returns its exit code; see the module's
 * comment. `graceMs`: how long a signalled worker may take to stop by itself.
 */
export function supervise(
  argv: string[],
  env: NodeJS.ProcessEnv,
  graceMs: number,
): Promise<number> {
  const worker = fileURLToPath(new URL("./worker.js", import.meta.url));
  const child = spawn(process.execPath, workerArgs(process.execArgv, worker, argv), {
    stdio: ["inherit", "inherit", "inherit", "ipc"],
    env: { ...env, [WORKER_ENV]: "1" },
  });
  const resources = collectResources(child);
  let signalled: StopSignal | undefined;
  let timer: NodeJS.Timeout | undefined;
  const onSignal = (signal: StopSignal) => {
    if (signalled) {
      // A second signal: no more waiting.
      child.kill("SIGKILL");
      return;
    }
    signalled = signal;
    // A terminal's Ctrl-C reaches the worker too; `kill PID` reaches only this process.
    child.kill(signal);
    timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  };
  const signals = Object.keys(STOP_SIGNALS) as StopSignal[];
  for (const s of signals) process.on(s, onSignal);
  return new Promise((resolve) => {
    let spawnError: Error | undefined;
    child.on("error", (error) => {
      spawnError = error;
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      for (const s of signals) process.off(s, onSignal);
      for (const r of resources.leftovers()) removeResource(r);
      if (spawnError) {
        process.stderr.write(`briefwright: cannot start a worker process: ${spawnError.message}\n`);
        resolve(3);
      } else if (signalled) resolve(128 + STOP_SIGNALS[signalled]);
      else if (code !== null) resolve(code);
      else resolve(128 + (STOP_SIGNALS[signal as StopSignal] ?? 9));
    });
  });
}

/**
 * In a worker: the first stop signal removes what this process registered (browser, staging
 * folder, lock) and exits with 128 + the signal's number; later ones are ignored meanwhile.
 */
export function stopOnSignal(): void {
  let stopping = false;
  for (const s of Object.keys(STOP_SIGNALS) as StopSignal[]) {
    process.on(s, () => {
      if (stopping) return;
      stopping = true;
      removeTracked();
      process.exit(128 + STOP_SIGNALS[s]);
    });
  }
}
