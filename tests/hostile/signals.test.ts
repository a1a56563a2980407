// Audit #19, item 10: SIGINT/SIGTERM were ignored while the main thread was busy (119 s seen), and
// an interrupted build left its lock and `out/.staging-*` behind. A long command now runs in a
// worker process that the CLI supervises: the first signal stops it promptly, whether it is idle
// or busy, its browser, staging folder and lock are removed, and the exit code is 128 + the
// signal's number (README, exit codes). Stale staging folders of builds killed outright (SIGKILL)
// are removed by the next build: tests/runtime/atomic.test.ts.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, snapshot } from "../cli/run.js";
import { browserProcesses } from "./helpers.js";

interface Run {
  child: ChildProcess;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the CLI with the browser's profile under `tmp` (so its processes can be found). */
function start(args: string[], tmp: string, env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, NO_COLOR: "1", TMPDIR: tmp, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  child.stderr!.on("data", (d) => {
    err += String(d);
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, stderr: () => err, exit };
}

/** Polls `test` every 50 ms, at most `ms`; throws with `what` if it never holds. */
async function until(test: () => boolean | Promise<boolean>, what: string, ms = 120_000) {
  for (let waited = 0; waited < ms; waited += 50) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The pid of the worker the CLI started (its only child). */
function workerOf(pid: number): number {
  const children = execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map(Number);
  expect(children).toHaveLength(1);
  return children[0]!;
}

const hidden = async (dir: string) => (await readdir(dir)).filter((n) => n.startsWith("."));

async function setUp(name: string) {
  const base = await mkdtemp(join(tmpdir(), `bw-signal-${name}-`));
  const tmp = join(base, "tmp");
  const out = join(base, "out");
  await cp("corpus", join(base, "corpus"), { recursive: true });
  await mkdir(tmp);
  return { base, tmp, out, corpus: join(base, "corpus") };
}

describe("a build stopped by a signal", () => {
  it("SIGTERM while the worker cannot run a handler (stopped, as if busy): exit 143 at once, browser, staging and lock gone, outputs intact", async () => {
    const { tmp, out, corpus } = await setUp("term");
    const first = start(["build", "--corpus", corpus, "--out", out, "--only", "json"], tmp);
    expect((await first.exit).code).toBe(0);
    const before = await snapshot(out);

    const run = start(["build", "--corpus", corpus, "--out", out], tmp);
    // Rendering: the lock is held, a staging folder exists and the browser runs.
    await until(
      async () =>
        (await hidden(out)).some((n) => n.startsWith(".staging-")) &&
        browserProcesses(tmp).length > 0,
      "the build to reach rendering",
    );
    // A stopped process runs no signal handler, exactly like one whose main thread is busy.
    process.kill(workerOf(run.child.pid!), "SIGSTOP");
    const t0 = Date.now();
    run.child.kill("SIGTERM");
    const { code } = await run.exit;
    expect(code).toBe(143);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(await hidden(out)).toEqual([]);
    expect(await snapshot(out)).toEqual(before);
    await until(() => browserProcesses(tmp).length === 0, "the browser to be gone", 5_000);
    expect((await readdir(tmp)).filter((n) => n.startsWith("briefwright-chromium-"))).toEqual([]);
  }, 240_000);

  it("SIGTERM while the browser is still starting and the worker cannot run a handler: the starting browser and its profile are gone too", async () => {
    const { base, tmp, out, corpus } = await setUp("launch");
    // A browser that never finishes starting and ignores its pipe closing: only the supervisor's
    // kill by command line (its --user-data-dir) ends it.
    const stub = join(base, "never-starts.sh");
    await writeFile(stub, "#!/bin/sh\nwhile :; do sleep 1; done\n", { mode: 0o755 });
    const run = start(["build", "--corpus", corpus, "--out", out], tmp, {
      BRIEFWRIGHT_BROWSER: stub,
    });
    await until(() => browserProcesses(tmp).length > 0, "the browser to start");
    process.kill(workerOf(run.child.pid!), "SIGSTOP");
    run.child.kill("SIGTERM");
    expect((await run.exit).code).toBe(143);
    await until(() => browserProcesses(tmp).length === 0, "the browser to be gone", 5_000);
    expect((await readdir(tmp)).filter((n) => n.startsWith("briefwright-chromium-"))).toEqual([]);
    expect(await hidden(out).catch(() => [])).toEqual([]);
  }, 240_000);

  it("SIGINT while the main thread analyses a corpus: exit 130 promptly, no lock left", async () => {
    const { tmp, out, corpus } = await setUp("int");
    // More work for the analysis: every source three times under other names.
    for (const name of await readdir(corpus)) {
      if (!name.endsWith(".txt")) continue;
      const text = await readFile(join(corpus, name), "utf8");
      for (const copy of ["b", "c"]) await writeFile(join(corpus, `${copy}-${name}`), text);
    }
    const run = start(["build", "--corpus", corpus, "--out", out], tmp);
    // The read stage has finished: the analysis runs, synchronously, on the main thread.
    await until(() => /\bread: /.test(run.stderr()), "the read stage to finish");
    const t0 = Date.now();
    run.child.kill("SIGINT");
    const { code } = await run.exit;
    expect(code).toBe(130);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(await hidden(out)).toEqual([]);
    expect(await readdir(out)).toEqual([]);
    await until(() => browserProcesses(tmp).length === 0, "the browser to be gone", 5_000);
  }, 240_000);

  it("SIGINT to a build that is idle (waiting on the browser) also cleans up and exits 130", async () => {
    const { tmp, out, corpus } = await setUp("idle");
    const run = start(["build", "--corpus", corpus, "--out", out], tmp);
    await until(
      async () => (await hidden(out).catch(() => [])).some((n) => n.startsWith(".staging-")),
      "the staging folder",
    );
    run.child.kill("SIGINT");
    const { code } = await run.exit;
    expect(code).toBe(130);
    expect(await hidden(out)).toEqual([]);
    await until(() => browserProcesses(tmp).length === 0, "the browser to be gone", 5_000);
  }, 240_000);
});

describe("a CLI killed outright (SIGKILL)", () => {
  it("takes its worker with it: no orphan build, browser, staging folder or lock", async () => {
    const { tmp, out, corpus } = await setUp("kill");
    const run = start(["build", "--corpus", corpus, "--out", out], tmp);
    await until(
      async () => (await hidden(out).catch(() => [])).some((n) => n.startsWith(".staging-")),
      "the staging folder",
    );
    const worker = workerOf(run.child.pid!);
    run.child.kill("SIGKILL");
    await run.exit;
    await until(
      () => {
        try {
          process.kill(worker, 0);
          return false;
        } catch {
          return true;
        }
      },
      "the worker to stop",
      30_000,
    );
    expect(await hidden(out)).toEqual([]);
    await until(() => browserProcesses(tmp).length === 0, "the browser to be gone", 5_000);
  }, 240_000);
});

// Audit #19, item 8: `watch` once ran 11 minutes after SIGINT.
describe("watch stopped by a signal", () => {
  it("Ctrl-C stops it (exit 130), browser and lock gone", async () => {
    const { tmp, out, corpus } = await setUp("watch-int");
    const run = start(["watch", "--corpus", corpus, "--out", out], tmp);
    await until(() => /watching /.test(run.stderr()), "watch to start");
    await until(() => browserProcesses(tmp).length > 0, "the browser");
    run.child.kill("SIGINT");
    const { code } = await run.exit;
    expect(code).toBe(130);
    expect(await hidden(out)).toEqual([]);
    await until(() => browserProcesses(tmp).length === 0, "the browser to be gone", 5_000);
  }, 240_000);

  it("a watch that cannot answer (stopped) is killed after its grace: exit 130, browser and lock gone", async () => {
    const { tmp, out, corpus } = await setUp("watch-stuck");
    const run = start(["watch", "--corpus", corpus, "--out", out], tmp);
    await until(() => /watching /.test(run.stderr()), "watch to start");
    await until(() => browserProcesses(tmp).length > 0, "the browser");
    process.kill(workerOf(run.child.pid!), "SIGSTOP");
    const t0 = Date.now();
    run.child.kill("SIGINT");
    const { code } = await run.exit;
    expect(code).toBe(130);
    expect(Date.now() - t0).toBeLessThan(60_000);
    expect(await hidden(out)).toEqual([]);
    await until(() => browserProcesses(tmp).length === 0, "the browser to be gone", 5_000);
    expect((await readdir(tmp)).filter((n) => n.startsWith("briefwright-chromium-"))).toEqual([]);
  }, 240_000);
});
