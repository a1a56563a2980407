import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** The six outputs `briefwright build` promises (the CLI contract). */
export const CONTRACT = [
  "briefing.json",
  "briefing.md",
  "briefing.html",
  "briefing.pdf",
  "slides/index.html",
  "slides.pdf",
] as const;

export const BIN = join(import.meta.dirname, "..", "..", "bin", "briefwright.mjs");

/** Runs the real CLI (compiled `dist/`) as a subprocess. */
export function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? join(import.meta.dirname, "..", ".."),
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** sha256 of every file below `dir`, by relative path: to assert a folder is unchanged. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string, prefix: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(join(d, e.name), `${prefix}${e.name}/`);
      else
        out[`${prefix}${e.name}`] = createHash("sha256")
          .update(await readFile(join(d, e.name)))
          .digest("hex");
    }
  };
  await walk(dir, "");
  return out;
}
