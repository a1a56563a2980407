import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BriefwrightError } from "../../src/diagnostics/types.js";
import { build } from "../../src/pipeline/build.js";
import { cli, snapshot } from "../cli/run.js";
import { browserProcesses } from "./helpers.js";

/** Runs `fn` with the browser profile under a private temp folder; returns that folder. */
async function withPrivateTmp<T>(
  fn: (dir: string) => Promise<T>,
): Promise<{ dir: string; value: T | unknown; error?: unknown }> {
  const dir = await mkdtemp(join(tmpdir(), "bw-fault-tmp-"));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    return { dir, value: await fn(dir) };
  } catch (error) {
    return { dir, value: undefined, error };
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
}

let out: string;
let before: Record<string, string>;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "bw-faults-out-"));
  await build({ corpusDir: "corpus", outDir: out });
  before = await snapshot(out);
}, 180_000);

describe("faults while rendering", () => {
  it("Chromium killed in the middle of rendering: environment error, outputs intact, no orphan", async () => {
    const run = await withPrivateTmp((dir) =>
      build({ corpusDir: "corpus", outDir: out }, (e) => {
        if (e.stage === "report" && e.state === "start") {
          for (const line of browserProcesses(dir)) {
            const pid = Number(line.split(" ")[0]);
            if (!line.includes("--type=")) process.kill(pid, "SIGKILL");
          }
        }
      }),
    );
    expect(run.error).toBeInstanceOf(BriefwrightError);
    expect((run.error as BriefwrightError).errorClass).toBe("environment");
    expect(await snapshot(out)).toEqual(before);
    await new Promise((r) => setTimeout(r, 500));
    expect(browserProcesses(run.dir)).toEqual([]);
  }, 120_000);

  it("no browser at all: exit 3 with the ways to get one", () => {
    const { code, stderr } = cli(["build", "--out", out], {
      env: { BRIEFWRIGHT_BROWSER: "/nonexistent/chrome" },
    });
    expect(code).toBe(3);
    expect(stderr).toMatch(/BRIEFWRIGHT_BROWSER/);
  });
});

function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    const probe = execFileSync("mktemp", ["-d"], { encoding: "utf8" }).trim();
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe]);
    execFileSync("umount", [probe]);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!canMount())(
  "an output folder that cannot be written (tmpfs mounts, as root)",
  () => {
    const mounts: string[] = [];
    afterAll(() => {
      for (const m of mounts) execFileSync("umount", ["-l", m]);
    });

    async function mounted(size: string): Promise<string> {
      const dir = await mkdtemp(join(tmpdir(), "bw-mount-"));
      execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir]);
      mounts.push(dir);
      return dir;
    }

    it("read-only: exit 3, previous outputs byte-identical", async () => {
      const dir = await mounted("32m");
      const target = join(dir, "out");
      expect(cli(["build", "--out", target, "--quiet"]).code).toBe(0);
      const previous = await snapshot(target);
      execFileSync("mount", ["-o", "remount,ro", dir]);
      const { code, stderr } = cli(["build", "--out", target]);
      expect(code).toBe(3);
      expect(stderr).toMatch(/cannot write|read-only/i);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(await snapshot(target)).toEqual(previous);
    }, 120_000);

    it("full disk: exit 3, previous outputs byte-identical, no staging left", async () => {
      const dir = await mounted("16m");
      const target = join(dir, "out");
      expect(cli(["build", "--out", target, "--quiet"]).code).toBe(0);
      const previous = await snapshot(target);
      // Fill the disk, leaving a little room: the next build runs out of space half-way.
      await mkdir(join(dir, "filler"));
      try {
        execFileSync("dd", ["if=/dev/zero", `of=${join(dir, "filler", "zeros")}`, "bs=64k"], {
          stdio: "ignore",
        });
      } catch {
        // dd stops with "No space left on device": that is the point.
      }
      execFileSync("truncate", ["-s", "-200K", join(dir, "filler", "zeros")]);
      const { code, stderr } = cli(["build", "--out", target]);
      expect(code).toBe(3);
      expect(stderr).toMatch(/cannot write|space/i);
      expect(await snapshot(target)).toEqual(previous);
      expect((await readdir(target)).filter((e) => e.startsWith("."))).toEqual([]);
    }, 120_000);
  },
);

describe("two builds into one folder at once", () => {
  it("one waits for the other; both succeed and the outputs are whole", async () => {
    const target = await mkdtemp(join(tmpdir(), "bw-concurrent-"));
    const { spawn } = await import("node:child_process");
    const { BIN } = await import("../cli/run.js");
    const runOne = () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [BIN, "build", "--out", target, "--quiet"], {
          stdio: "ignore",
        });
        child.on("exit", (code) => resolve(code ?? -1));
      });
    const codes = await Promise.all([runOne(), runOne()]);
    expect(codes).toEqual([0, 0]);
    const info = execFileSync("pdfinfo", [join(target, "briefing.pdf")], { encoding: "utf8" });
    expect(info).toMatch(/Pages:\s+\d+/);
    JSON.parse(await readFile(join(target, "briefing.json"), "utf8"));
    expect((await readdir(target)).filter((e) => e.startsWith("."))).toEqual([]);
    await writeFile(join(target, "done"), "");
  }, 180_000);
});
