/**
 * What a run leaves behind if it is stopped half-way — the browser's process and profile, a
 * staging folder, the output lock — registered while it lives so that someone can remove it:
 * this process when a signal reaches it while it is idle, or the supervising CLI process when
 * this one is busy (a signal handler cannot run while the main thread computes) and has to be
 * killed. A process started by the supervisor (with an IPC channel) tells it every resource it
 * registers and releases; the supervisor removes what is left once the worker has gone.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";

export type Resource =
  /** A folder to remove (a staging folder). */
  | { kind: "dir"; path: string }
  /** A lock file to remove while it still holds this token. */
  | { kind: "lock"; path: string; token: string }
  /** A process to kill with its whole process group (the browser). */
  | { kind: "process"; pid: number }
  /**
   * A browser's profile folder, registered before the browser starts (its process is known only
   * once the launch has finished): the processes started with it are killed, where the system
   * lists command lines (/proc), then the folder is removed.
   */
  | { kind: "profile"; path: string };

interface Message {
  briefwright: "resource";
  op: "add" | "remove";
  id: number;
  resource?: Resource;
}

const live = new Map<number, Resource>();
let nextId = 1;

function tell(message: Message): void {
  if (!process.send || !process.connected) return;
  try {
    process.send(message);
  } catch {
    // The supervisor is gone: nobody to tell.
  }
}

/** Registers `resource` until the returned function is called. */
export function track(resource: Resource): () => void {
  const id = nextId++;
  live.set(id, resource);
  tell({ briefwright: "resource", op: "add", id, resource });
  let done = false;
  return () => {
    if (done) return;
    done = true;
    live.delete(id);
    tell({ briefwright: "resource", op: "remove", id });
  };
}

/** Kills `pid` with its process group when it leads one (the browser: puppeteer starts it detached). */
function kill(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** Processes whose command line names `profile` as their user data folder (Linux; else none). */
function processesOfProfile(profile: string): number[] {
  const flag = `--user-data-dir=${profile}`;
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return pids;
  }
  for (const name of entries) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0").includes(flag))
        pids.push(Number(name));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

/** Removes one resource now, synchronously; never throws. */
export function removeResource(resource: Resource): void {
  try {
    if (resource.kind === "process") {
      kill(resource.pid);
    } else if (resource.kind === "dir" || resource.kind === "profile") {
      if (resource.kind === "profile")
        for (const pid of processesOfProfile(resource.path)) kill(pid);
      rmSync(resource.path, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    } else {
      const text = readFileSync(resource.path, "utf8");
      if ((JSON.parse(text) as { token?: string }).token === resource.token)
        rmSync(resource.path, { force: true });
    }
  } catch {
    // Already gone, or not ours any more.
  }
}

/** Removes every resource still registered in this process (processes first). */
export function removeTracked(): void {
  const all = [...live.values()].sort(
    (a, b) => Number(b.kind === "process") - Number(a.kind === "process"),
  );
  live.clear();
  for (const r of all) removeResource(r);
}

/**
 * The supervisor's side: collects what `child` registers and has not released; `leftovers()`
 * returns it (processes first), to be removed with {@link removeResource} once the child is gone.
 */
export function collectResources(child: {
  on(event: "message", listener: (message: unknown) => void): unknown;
}): { leftovers(): Resource[] } {
  const held = new Map<number, Resource>();
  child.on("message", (raw) => {
    const m = raw as Partial<Message>;
    if (m?.briefwright !== "resource" || typeof m.id !== "number") return;
    if (m.op === "add" && m.resource) held.set(m.id, m.resource);
    else if (m.op === "remove") held.delete(m.id);
  });
  return {
    leftovers: () =>
      [...held.values()].sort(
        (a, b) => Number(b.kind === "process") - Number(a.kind === "process"),
      ),
  };
}
