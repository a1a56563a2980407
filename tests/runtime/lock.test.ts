// Audit #19, item 5: the lock was created empty and then written, so a racer could read it empty,
// take pid 0 for dead and delete it (two holders in 13 of 40 rounds with a stale lock);
// release() deleted a lock it did not own; a lock left by an earlier process with our own pid
// (PID 1 in a container) blocked for 120 s and then failed against itself.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, stat, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BriefwrightError } from "../../src/diagnostics/types.js";
import { acquireLock, LOCK_NAME } from "../../src/runtime/lock.js";

const DIST_LOCK = join(import.meta.dirname, "..", "..", "dist", "runtime", "lock.js");

const fresh = () => mkdtemp(join(tmpdir(), "bw-lock-"));

/** The pid of a process that has just ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(child.stdout);
}

describe("the build lock", () => {
  it("appears whole: its first reader already sees the owner's pid", async () => {
    const dir = await fresh();
    const lock = await acquireLock(dir);
    const text = await readFile(join(dir, LOCK_NAME), "utf8");
    expect(JSON.parse(text)).toMatchObject({ pid: process.pid, host: hostname() });
    await lock.release();
    await expect(stat(join(dir, LOCK_NAME))).rejects.toThrow();
  });

  it("is never held twice: 3 racers x 40 rounds, with and without a stale lock", async () => {
    const dir = await fresh();
    const dead = deadPid();
    let holders = 0;
    let overlaps = 0;
    const racer = async () => {
      const lock = await acquireLock(dir, 20_000);
      holders++;
      if (holders > 1) overlaps++;
      await new Promise((r) => setTimeout(r, 2));
      holders--;
      await lock.release();
    };
    for (let round = 0; round < 40; round++) {
      if (round % 2 === 0) await writeFile(join(dir, LOCK_NAME), String(dead));
      await Promise.all([racer(), racer(), racer()]);
    }
    expect(overlaps).toBe(0);
  }, 60_000);

  // The compiled module (`npm test` compiles dist/ first, as the CLI tests need it).
  it.skipIf(!existsSync(DIST_LOCK))(
    "is never held twice by racing processes (3 processes x 12 rounds, stale lock each round)",
    async () => {
      const dir = await fresh();
      const log = join(dir, "log");
      await writeFile(log, "");
      // Each child takes the lock, appends "+pid", waits, appends "-pid", releases.
      const script = `
      import { appendFileSync } from "node:fs";
      const { acquireLock } = await import(${JSON.stringify(DIST_LOCK)});
      const lock = await acquireLock(${JSON.stringify(dir)}, 20000);
      appendFileSync(${JSON.stringify(log)}, "+\\n");
      await new Promise((r) => setTimeout(r, 5));
      appendFileSync(${JSON.stringify(log)}, "-\\n");
      await lock.release();
    `;
      const { spawn } = await import("node:child_process");
      const runChild = () =>
        new Promise<number>((resolve) => {
          const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
            stdio: ["ignore", "ignore", "inherit"],
          });
          child.on("exit", (code) => resolve(code ?? -1));
        });
      for (let round = 0; round < 12; round++) {
        await writeFile(join(dir, LOCK_NAME), String(deadPid()));
        expect(await Promise.all([runChild(), runChild(), runChild()])).toEqual([0, 0, 0]);
      }
      const lines = (await readFile(log, "utf8")).split("\n").filter(Boolean);
      // Strictly alternating: no "+" follows another "+" before its "-".
      expect(lines.join("")).toBe("+-".repeat(36));
    },
    120_000,
  );

  it("release() leaves a lock it does not own", async () => {
    const dir = await fresh();
    const lock = await acquireLock(dir);
    const other = JSON.stringify({ pid: 424242, started: "", host: "elsewhere", token: "theirs" });
    await writeFile(join(dir, LOCK_NAME), other);
    await lock.release();
    expect(await readFile(join(dir, LOCK_NAME), "utf8")).toBe(other);
  });

  it("takes over a lock left by an earlier process with this pid (PID 1 in a container)", async () => {
    for (const left of [
      String(process.pid),
      JSON.stringify({ pid: process.pid, started: "1", host: hostname(), token: "old" }),
    ]) {
      const dir = await fresh();
      await writeFile(join(dir, LOCK_NAME), left);
      const t0 = Date.now();
      const lock = await acquireLock(dir, 1_000);
      expect(Date.now() - t0).toBeLessThan(900);
      await lock.release();
    }
  });

  it("never takes an empty (half-written) lock for dead while it is young", async () => {
    const dir = await fresh();
    await writeFile(join(dir, LOCK_NAME), "");
    const error = await acquireLock(dir, 300).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefwrightError);
    expect((error as BriefwrightError).diagnostics[0]!.ruleId).toBe("build-locked");
    // An old one is debris of a crash: taken over.
    const past = new Date(Date.now() - 60_000);
    await utimes(join(dir, LOCK_NAME), past, past);
    await (await acquireLock(dir, 300)).release();
  });

  it("takes over a lock whose process has ended", async () => {
    const dir = await fresh();
    await writeFile(join(dir, LOCK_NAME), String(deadPid()));
    await (await acquireLock(dir, 300)).release();
  });
});
