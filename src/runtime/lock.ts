/**
 * One build at a time per output folder: a lock file that appears whole (written to a temporary
 * file, then hard-linked into place, which fails if a lock exists), naming its owner (pid, the
 * process's start time, host, and a random token). A second build waits for it (up to
 * `waitMs`), then refuses. A lock is taken over only when its owner is gone: a dead pid on this
 * host, a pid now used by another process (its start time differs), or this very process's pid
 * on a lock this process does not hold (a container restarted as PID 1). An unreadable or
 * partial lock is never taken for dead while it is young. Taking over is serialised by a second,
 * short-lived lock, so two builds that both find a stale lock cannot both take it.
 * `release()` removes the lock only while it is still its own. Whoever takes the lock clears the
 * debris of interrupted builds (see `removeDebris`).
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { link, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { BriefwrightError } from "../diagnostics/types.js";
import { removeDebris } from "./atomic.js";
import { track } from "./cleanup.js";

export const LOCK_NAME = ".briefwright.lock";

/** A lock (or break lock) whose content cannot be read is left alone this long. */
const UNREADABLE_GRACE_MS = 10_000;

export interface LockOwner {
  pid: number;
  /** The process's start time (Linux: clock ticks after boot; elsewhere empty). */
  started: string;
  host: string;
  /** Random: tells this lock from any other the same process takes. */
  token: string;
}

/**
 * Tokens of the locks this process holds now: one set per process, shared by every copy of this
 * module loaded in it (so a second copy never takes the first one's lock for a stale one).
 */
const HELD = Symbol.for("briefwright.lock.held");
const registry = globalThis as Record<symbol, Set<string> | undefined>;
registry[HELD] ??= new Set<string>();
const held: Set<string> = registry[HELD];

/** The start time of process `pid` from /proc (Linux), or "" where it cannot be read. */
export function processStart(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22, counted after the command name in parentheses (which may hold spaces).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? "";
  } catch {
    return "";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function parseOwner(text: string): LockOwner | undefined {
  const trimmed = text.trim();
  // A lock written by an older briefwright: the pid alone.
  if (/^[1-9]\d{0,9}$/.test(trimmed))
    return { pid: Number(trimmed), started: "", host: hostname(), token: "" };
  try {
    const o = JSON.parse(trimmed) as Partial<LockOwner>;
    if (
      typeof o.pid === "number" &&
      Number.isInteger(o.pid) &&
      o.pid > 0 &&
      typeof o.host === "string" &&
      typeof o.token === "string"
    )
      return { pid: o.pid, started: String(o.started ?? ""), host: o.host, token: o.token };
  } catch {
    // Not JSON: unreadable, see below.
  }
  return undefined;
}

/** Why a lock's owner is gone, or undefined while it may still be running. */
export function ownerGone(owner: LockOwner): string | undefined {
  if (owner.host !== hostname()) return undefined; // Another machine: cannot tell.
  if (owner.pid === process.pid)
    return held.has(owner.token) ? undefined : "left by an earlier process with this pid";
  if (!alive(owner.pid)) return "its process has ended";
  const now = processStart(owner.pid);
  if (owner.started && now && now !== owner.started)
    return "its pid now belongs to another process";
  return undefined;
}

type Seen =
  | { state: "absent" }
  | { state: "owned"; owner: LockOwner; text: string }
  | { state: "unreadable"; text: string; ageMs: number };

async function look(path: string): Promise<Seen> {
  let text: string;
  let mtimeMs: number;
  try {
    [text, { mtimeMs }] = await Promise.all([readFile(path, "utf8"), stat(path)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { state: "absent" };
    throw error;
  }
  const owner = parseOwner(text);
  return owner
    ? { state: "owned", owner, text }
    : { state: "unreadable", text, ageMs: Date.now() - mtimeMs };
}

function isStale(seen: Seen): boolean {
  if (seen.state === "owned") return ownerGone(seen.owner) !== undefined;
  if (seen.state === "unreadable") return seen.ageMs > UNREADABLE_GRACE_MS;
  return false;
}

/**
 * Creates `path` holding `content`, whole, only if it does not exist: the content is written to a
 * temporary file first and hard-linked into place (link never replaces). False when it exists.
 */
async function createWhole(path: string, content: string): Promise<boolean> {
  const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(tmp, content, { flag: "wx", mode: 0o644 });
  try {
    await link(tmp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
    // A file system without hard links: exclusive create, then write (a reader that sees it
    // empty treats it as held, never as dead, while it is young).
    try {
      await writeFile(path, content, { flag: "wx", mode: 0o644 });
      return true;
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw inner;
    }
  } finally {
    await rm(tmp, { force: true });
  }
}

function newOwner(): LockOwner {
  return {
    pid: process.pid,
    started: processStart(process.pid),
    host: hostname(),
    token: randomBytes(12).toString("hex"),
  };
}

/**
 * Removes the stale lock `seen` at `path`, unless it changed since: only one process at a time
 * may do this (it holds `<path>.break`), and it removes the lock only if it still reads the same.
 */
async function breakStale(path: string, seen: Seen): Promise<void> {
  const breakPath = `${path}.break`;
  const me = newOwner();
  held.add(me.token);
  try {
    if (!(await createWhole(breakPath, JSON.stringify(me)))) {
      // Another process is taking a stale lock over; a breaker that died is cleared.
      const other = await look(breakPath);
      if (isStale(other)) await removeIfSame(breakPath, other);
      return;
    }
    try {
      const now = await look(path);
      if (now.state !== "absent" && sameLock(now, seen) && isStale(now))
        await rm(path, { force: true });
    } finally {
      await rm(breakPath, { force: true });
    }
  } finally {
    held.delete(me.token);
  }
}

function sameLock(a: Seen, b: Seen): boolean {
  return a.state !== "absent" && b.state !== "absent" && a.text === b.text;
}

async function removeIfSame(path: string, seen: Seen): Promise<void> {
  const now = await look(path);
  if (sameLock(now, seen)) await rm(path, { force: true });
}

export interface Lock {
  release(): Promise<void>;
}

/** Creates the output folder; an `--out` that names a file, pipe or device is bad usage. */
async function outputFolder(outDir: string): Promise<void> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EEXIST" && code !== "ENOTDIR") throw error;
    const message =
      code === "EEXIST"
        ? "the output folder is a file (or a pipe, socket or device), not a folder"
        : "the output folder is inside a file, not a folder";
    throw new BriefwrightError("usage", `--out ${outDir}: ${message}`, [
      {
        severity: "error",
        ruleId: "out-not-a-folder",
        file: outDir,
        message,
        hint: "name a folder with --out (it is created if it does not exist)",
      },
    ]);
  }
}

export async function acquireLock(outDir: string, waitMs = 120_000): Promise<Lock> {
  await outputFolder(outDir);
  const path = join(outDir, LOCK_NAME);
  const deadline = Date.now() + waitMs;
  for (;;) {
    const me = newOwner();
    held.add(me.token);
    let created = false;
    try {
      created = await createWhole(path, JSON.stringify(me));
    } finally {
      if (!created) held.delete(me.token);
    }
    if (created) {
      // Removed by whoever stops this process with a signal (see cleanup.ts), if not released.
      const untrack = track({ kind: "lock", path, token: me.token });
      // The folder is ours: what interrupted builds left (staging folders, outputs moved aside)
      // is debris no later build would otherwise remove.
      await removeDebris(outDir).catch(() => {});
      let released = false;
      return {
        release: async () => {
          if (released) return;
          released = true;
          untrack();
          try {
            // Only our own lock: one taken over (wrongly) by another process stays its.
            const now = await look(path);
            if (now.state === "owned" && now.owner.token === me.token)
              await rm(path, { force: true });
          } finally {
            held.delete(me.token);
          }
        },
      };
    }
    const seen = await look(path);
    if (seen.state === "absent") continue;
    if (isStale(seen)) {
      await breakStale(path, seen);
      continue;
    }
    if (Date.now() > deadline) {
      const who =
        seen.state === "owned" ? `pid ${seen.owner.pid} on ${seen.owner.host}` : "unknown owner";
      throw new BriefwrightError("environment", `another build (${who}) is writing ${outDir}`, [
        {
          severity: "error",
          ruleId: "build-locked",
          file: path,
          message: `another build (${who}) is writing into this folder`,
          hint: "wait for it to finish, or remove the lock file if that process is gone",
        },
      ]);
    }
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 50));
  }
}
