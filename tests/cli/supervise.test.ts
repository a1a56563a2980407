/**
 * The supervised worker (the process that builds) starts with the V8 options chosen for it on
 * its command line, after the supervisor's own node options and before the command.
 */
import { expect, it } from "vitest";
import { WORKER_V8_FLAGS, workerArgs } from "../../src/cli/supervise.js";

it("starts the worker with its V8 options, once, after node's own options", () => {
  expect(WORKER_V8_FLAGS).toContain("--no-regexp-tier-up");
  expect(workerArgs([], "/x/worker.js", ["build", "-v"])).toEqual([
    "--no-regexp-tier-up",
    "/x/worker.js",
    "build",
    "-v",
  ]);
  expect(workerArgs(["--inspect", "--no-regexp-tier-up"], "/x/worker.js", ["check"])).toEqual([
    "--inspect",
    "--no-regexp-tier-up",
    "/x/worker.js",
    "check",
  ]);
});
