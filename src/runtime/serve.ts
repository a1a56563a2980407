/**
 * `present`: serves a deck folder on 127.0.0.1 (never another interface) with a server-sent
 * events endpoint that tells open decks to reload after a rebuild. Static files only: no
 * directory listings, nothing outside the folder (symlinks included), GET and HEAD only.
 */
import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, isAbsolute, relative, resolve } from "node:path";
import { BriefwrightError } from "../diagnostics/types.js";

/** Path of the reload stream; the deck's init script listens to it when served over http. */
export const EVENTS_PATH = "/__briefwright/events";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".txt": "text/plain; charset=utf-8",
  ".pdf": "application/pdf",
};

export interface ServeOptions {
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: number;
}

export interface DeckServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** Tells every open deck to reload (call after rebuilding the folder). */
  reload(): void;
  close(): Promise<void>;
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(text);
}

async function serveFile(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
  } catch {
    send(res, 400, "bad request");
    return;
  }
  if (pathname.includes("\0")) {
    send(res, 400, "bad request");
    return;
  }
  if (pathname.endsWith("/")) pathname += "index.html";
  const candidate = resolve(root, `.${pathname}`);
  if (!isInside(candidate, root)) {
    send(res, 404, "not found");
    return;
  }
  let real: string;
  try {
    real = await realpath(candidate);
    // The folder may have been swapped by a rebuild: compare with its current real path.
    if (!isInside(real, await realpath(root)) || !(await stat(real)).isFile())
      throw new Error("no");
  } catch {
    send(res, 404, "not found");
    return;
  }
  res.writeHead(200, {
    "content-type": TYPES[extname(real).toLowerCase()] ?? "application/octet-stream",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  createReadStream(real)
    .on("error", () => res.destroy())
    .pipe(res);
}

/**
 * Whether a request names this server: `Host` must be 127.0.0.1, localhost or [::1] with the
 * server's port, so a page whose name is rebound to 127.0.0.1 (DNS rebinding) is refused.
 */
export function isLocalHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const m = /^(127\.0\.0\.1|localhost|\[::1\]):(\d{1,5})$/i.exec(host.trim());
  return m !== null && Number(m[2]) === port;
}

/**
 * The reload stream is for the deck's own pages: a browser sends `Origin` on a cross-origin
 * EventSource, and it must be this server's. No `Origin` (a same-origin GET, curl) is allowed.
 */
export function isSameOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === "http:" && url.pathname === "/" && isLocalHost(url.host, port);
}

/** Serves `dir` on 127.0.0.1:`port`. */
export async function serveDeck(dir: string, options: ServeOptions): Promise<DeckServer> {
  const root = resolve(dir);
  const clients = new Set<ServerResponse>();
  let port = 0;
  const server = createServer((req, res) => {
    if (!isLocalHost(req.headers.host, port)) {
      send(res, 421, "misdirected request");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" });
      res.end();
      return;
    }
    if ((req.url ?? "").split("?")[0] === EVENTS_PATH) {
      const origin = req.headers.origin;
      if (!isSameOrigin(Array.isArray(origin) ? origin[0] : origin, port)) {
        send(res, 403, "forbidden");
        return;
      }
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        connection: "keep-alive",
      });
      res.write(": connected\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
      return;
    }
    void serveFile(root, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, "error");
      else res.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      // A busy or forbidden port is the machine's state, not a bug: exit 3 with what to do.
      if (error.code === "EADDRINUSE" || error.code === "EACCES")
        fail(
          new BriefwrightError("environment", `cannot listen on 127.0.0.1:${options.port}`, [
            {
              severity: "error",
              ruleId: error.code === "EADDRINUSE" ? "present-port-busy" : "present-port-denied",
              message:
                error.code === "EADDRINUSE"
                  ? `port ${options.port} on 127.0.0.1 is already in use`
                  : `not allowed to listen on port ${options.port}`,
              hint: "choose another port with --port N (0 picks a free one)",
            },
          ]),
        );
      else fail(error);
    });
    server.listen(options.port, "127.0.0.1", () => {
      server.removeAllListeners("error");
      done();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    reload() {
      for (const client of clients) client.write("event: reload\ndata: {}\n\n");
    },
    close() {
      for (const client of clients) client.end();
      clients.clear();
      server.closeAllConnections();
      return new Promise<void>((done) => server.close(() => done()));
    },
  };
}
