/** Atomic file replacement: write a sibling temporary file, then rename over the target. */
import { randomBytes } from "node:crypto";
import { chmod, mkdir, rename, rm, writeFile } from "node:fs/promises";
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
