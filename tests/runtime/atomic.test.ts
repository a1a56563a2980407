// Audit #19, items 7 and 10: a commit that failed half-way (one rename refused) left new report
// files beside the old deck, and an interrupted build left `.staging-*` folders that no later
// build removed.
import { mkdir, mkdtemp, readdir, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commitStaged } from "../../src/runtime/atomic.js";
import { acquireLock } from "../../src/runtime/lock.js";
import { snapshot } from "../cli/run.js";

async function outputs(dir: string, version: string): Promise<void> {
  await mkdir(join(dir, "slides"), { recursive: true });
  await writeFile(join(dir, "briefing.html"), `report ${version}`);
  await writeFile(join(dir, "briefing.pdf"), `pdf ${version}`);
  await writeFile(join(dir, "slides", "index.html"), `deck ${version}`);
  await writeFile(join(dir, "slides.pdf"), `slides ${version}`);
}

async function folders(): Promise<{ out: string; staging: string }> {
  const out = await mkdtemp(join(tmpdir(), "bw-commit-"));
  await outputs(out, "old");
  const staging = join(out, ".staging-test");
  await outputs(staging, "new");
  return { out, staging };
}

describe("committing a build's outputs", () => {
  it("all or nothing: when any one rename fails, every output is the old one again", async () => {
    for (let failAt = 1; failAt <= 8; failAt++) {
      const { out, staging } = await folders();
      const before = await snapshot(out);
      let calls = 0;
      const error = await commitStaged(staging, out, {
        rename: async (from, to) => {
          calls++;
          if (calls === failAt) throw Object.assign(new Error("refused"), { code: "EACCES" });
          await rename(from, to);
        },
      }).catch((e: unknown) => e);
      expect((error as Error).message, `rename ${failAt}`).toBe("refused");
      expect(await snapshot(out), `rename ${failAt}`).toEqual(before);
    }
  });

  it("replaces every output and leaves nothing aside", async () => {
    const { out, staging } = await folders();
    await commitStaged(staging, out);
    const after = await snapshot(out);
    expect(Object.keys(after).sort()).toEqual([
      "briefing.html",
      "briefing.pdf",
      "slides.pdf",
      "slides/index.html",
    ]);
    expect(await readdir(staging)).toEqual([]);
    expect((await readdir(out)).filter((n) => n.endsWith(".old"))).toEqual([]);
  });

  it("whoever takes the lock removes what interrupted builds left", async () => {
    const out = await mkdtemp(join(tmpdir(), "bw-debris-"));
    await outputs(out, "kept");
    await mkdir(join(out, ".staging-AbC123"));
    await writeFile(join(out, ".staging-AbC123", "briefing.html"), "half");
    await mkdir(join(out, "slides.0a1b2c3d.old"));
    await mkdir(join(out, ".briefing.html.0a1b2c3d.old"));
    const lock = await acquireLock(out, 1_000);
    await lock.release();
    expect((await readdir(out)).sort()).toEqual([
      "briefing.html",
      "briefing.pdf",
      "slides",
      "slides.pdf",
    ]);
  });
});
