/**
 * One build at a time per output folder: a lock file created exclusively, holding the owner's
 * pid. A second build waits for it (up to `waitMs`), then refuses; a lock left by a process
 * that no longer runs is taken over.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { BriefwrightError } from "../diagnostics/types.js";

export const LOCK_NAME = ".briefwright.lock";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface Lock {
  release(): Promise<void>;
}

export async function acquireLock(outDir: string, waitMs = 120_000): Promise<Lock> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, LOCK_NAME);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await writeFile(path, String(process.pid), { flag: "wx" });
      let released = false;
      return {
        release: async () => {
          if (released) return;
          released = true;
          await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = Number((await readFile(path, "utf8").catch(() => "")).trim());
    if (!owner || !alive(owner)) {
      await rm(path, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new BriefwrightError(
        "environment",
        `another build (pid ${owner}) is writing ${outDir}`,
        [
          {
            severity: "error",
            ruleId: "build-locked",
            file: path,
            message: `another build (pid ${owner}) is writing into this folder`,
            hint: "wait for it to finish, or remove the lock file if that process is gone",
          },
        ],
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
