// Audit #19, item 8: `present` on a busy port and `watch` on a missing corpus printed "internal
// error" and then hung with Chromium alive. Both now fail at once with the right exit code and
// leave nothing running.
import { spawnSync } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN } from "../cli/run.js";
import { browserProcesses, listener } from "../hostile/helpers.js";

/** The CLI with a short leash: a hang is a failure, not a 2-minute wait. */
function run(args: string[], timeout = 30_000) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, NO_COLOR: "1" },
    encoding: "utf8",
    timeout,
    killSignal: "SIGKILL",
  });
  return { code: r.status, stderr: r.stderr ?? "", timedOut: r.error !== undefined };
}

describe("present and watch fail fast", () => {
  it("present on a busy port: exit 3 with the port named, before any build, nothing left", async () => {
    const busy = await listener();
    const out = await mkdtemp(join(tmpdir(), "bw-present-busy-"));
    try {
      const t0 = Date.now();
      const r = run(["present", "--port", String(busy.port), "--out", out]);
      expect(r.timedOut).toBe(false);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(new RegExp(`port ${busy.port}.*in use`));
      expect(r.stderr).not.toMatch(/internal error/);
      expect(Date.now() - t0).toBeLessThan(20_000);
      expect(browserProcesses(out)).toEqual([]);
    } finally {
      await busy.close();
    }
  }, 60_000);

  it("watch on a missing corpus: exit 1 (bad input), no browser left, no hang", async () => {
    const out = await mkdtemp(join(tmpdir(), "bw-watch-missing-"));
    const r = run(["watch", "--corpus", join(out, "no-such-corpus"), "--out", out]);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/corpus folder not found/);
    expect(r.stderr).not.toMatch(/internal error/);
  }, 60_000);
});

describe("watch with its output folder inside the corpus", () => {
  it("does not rebuild on its own writes", async () => {
    const { cp } = await import("node:fs/promises");
    const { startWatch } = await import("../../src/pipeline/watch.js");
    const dir = await mkdtemp(join(tmpdir(), "bw-watch-self-"));
    await cp("corpus", dir, { recursive: true });
    const events: string[] = [];
    const handle = await startWatch(
      {
        corpusDir: dir,
        outDir: join(dir, "out"),
        only: ["json"],
        // No writer here needs a browser: a stand-in that is only ever closed.
        browser: { close: async () => {} } as never,
      },
      (e) => events.push(e.kind),
    );
    try {
      expect(events).toEqual(["full"]);
      // Its own first build wrote out/briefing.json inside the corpus: no rebuild follows.
      await new Promise((r) => setTimeout(r, 1_500));
      await handle.idle();
      expect(events).toEqual(["full"]);
    } finally {
      await handle.close();
    }
  }, 60_000);
});

describe("a corpus whose briefing.md links out of it", () => {
  it("check and build exit 1 naming the file and the rule, and nothing quotes or writes it", async () => {
    const { cp, mkdir, readdir, symlink, writeFile } = await import("node:fs/promises");
    const base = await mkdtemp(join(tmpdir(), "bw-cli-outline-link-"));
    const corpus = join(base, "corpus");
    await cp("corpus", corpus, { recursive: true });
    await writeFile(join(base, "credentials"), "# Keys\n\nCANARY-cli-4b2e token=abc\n");
    await symlink(join(base, "credentials"), join(corpus, "briefing.md"));
    const out = join(base, "out");
    await mkdir(out);
    for (const args of [
      ["check", "--corpus", corpus],
      ["build", "--corpus", corpus, "--out", out, "--only", "json"],
    ]) {
      const r = spawnSync(process.execPath, [BIN, ...args], {
        env: { ...process.env, NO_COLOR: "1" },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(r.status, args[0]).toBe(1);
      expect(r.stderr).toMatch(/input-outside-corpus/);
      expect(r.stderr).toMatch(/briefing\.md/);
      expect(`${r.stdout}${r.stderr}`).not.toContain("CANARY-cli-4b2e");
    }
    expect(await readdir(out)).toEqual([]);
  }, 120_000);
});
