/**
 * Atomic replacement: a file (a sibling temporary file renamed over it), a directory (moved
 * aside, the new one renamed in), and a whole build's outputs at once (every rename undone if
 * one fails).
 */
import { randomBytes } from "node:crypto";
import { chmod, lstat, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

function tempPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(4).toString("hex")}.tmp`);
}

/** Writes `data` to `target` so that readers see either the old or the new file, never half. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const tmp = tempPath(target);
  try {
    await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/**
 * Replaces directory `target` with `staged` (a fully written directory next to it):
 * the old directory is moved aside, the new one renamed in, the old one removed.
 */
export async function replaceDirAtomic(staged: string, target: string): Promise<void> {
  const old = `${target}.${randomBytes(4).toString("hex")}.old`;
  // Staging folders come from mkdtemp (mode 0700); the published folder is readable like any other.
  await chmod(staged, 0o755);
  let moved = false;
  try {
    await rename(target, old);
    moved = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  try {
    await rename(staged, target);
  } catch (error) {
    if (moved) await rename(old, target);
    throw error;
  }
  if (moved) await rm(old, { recursive: true, force: true });
}

/** The renames a commit makes; a test may make one fail. */
export interface CommitOps {
  rename(from: string, to: string): Promise<void>;
}

const fsOps: CommitOps = { rename };

/**
 * Moves every entry of `staging` into `outDir`, all or nothing: each existing output is first
 * moved aside (a hidden `.<name>.<hex>.old` beside it), then the new one renamed in; if any
 * rename fails, every step already made is undone in reverse order (new entries back into the
 * staging folder, old ones back into place) and the error is rethrown. The old outputs are
 * removed only once every new one is in place.
 */
export async function commitStaged(
  staging: string,
  outDir: string,
  ops: CommitOps = fsOps,
): Promise<void> {
  const entries = (await readdir(staging, { withFileTypes: true })).map((e) => e.name).sort();
  const undo: (() => Promise<void>)[] = [];
  const aside: string[] = [];
  try {
    for (const name of entries) {
      const from = join(staging, name);
      const to = join(outDir, name);
      const old = join(outDir, `.${name}.${randomBytes(4).toString("hex")}.old`);
      try {
        await ops.rename(to, old);
        undo.push(() => ops.rename(old, to));
        aside.push(old);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
      const info = await lstat(from);
      if (info.isDirectory()) await chmod(from, 0o755);
      await ops.rename(from, to);
      undo.push(() => ops.rename(to, from));
    }
  } catch (error) {
    for (const step of undo.reverse()) await step().catch(() => {});
    throw error;
  }
  for (const old of aside) await rm(old, { recursive: true, force: true });
}

/**
 * Removes what interrupted builds left in an output folder: staging folders, outputs moved
 * aside and temporary files. Call only while holding the folder's lock (no build is writing).
 */
export async function removeDebris(outDir: string): Promise<void> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  for (const name of names) {
    if (
      name.startsWith(".staging-") ||
      /^\..+\.[0-9a-f]{8}\.old$/.test(name) ||
      /^[^.].*\.[0-9a-f]{8}\.old$/.test(name) ||
      /^\..+\.[0-9a-f]{8}\.tmp$/.test(name)
    )
      await rm(join(outDir, name), { recursive: true, force: true });
  }
}
