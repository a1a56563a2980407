import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DeckServer, EVENTS_PATH, serveDeck } from "../../src/runtime/serve.js";

/** Raw GET (no URL normalisation, unlike fetch); `headers` may set Host and Origin. */
function get(
  url: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; body: string }> {
  const u = new URL(url);
  return new Promise((done, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, method: "GET", headers }, (res) => {
      if (String(res.headers["content-type"]).startsWith("text/event-stream")) {
        req.destroy();
        done({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body: "" });
        return;
      }
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        body += c;
      });
      res.on("end", () =>
        done({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }),
      );
    });
    req.on("error", fail);
    req.end();
  });
}

describe("serveDeck", () => {
  let base: string;
  let server: DeckServer;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), "bw-serve-"));
    await mkdir(join(base, "deck", "assets"), { recursive: true });
    await writeFile(join(base, "deck", "index.html"), "<!doctype html><title>deck</title>");
    await writeFile(join(base, "deck", "assets", "a.css"), "body{}");
    await writeFile(join(base, "secret.txt"), "secret");
    await symlink(join(base, "secret.txt"), join(base, "deck", "link.txt"));
    server = await serveDeck(join(base, "deck"), { port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await rm(base, { recursive: true, force: true });
  });

  it("listens on 127.0.0.1 only and serves the folder", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await get(server.url, "/");
    expect(index.status).toBe(200);
    expect(index.type).toMatch(/^text\/html/);
    expect((await get(server.url, "/assets/a.css")).type).toMatch(/^text\/css/);
  });

  it("serves nothing outside the folder", async () => {
    expect((await get(server.url, "/../secret.txt")).status).toBe(404);
    expect((await get(server.url, "/%2e%2e/secret.txt")).status).toBe(404);
    expect((await get(server.url, "/link.txt")).status).toBe(404);
    expect((await get(server.url, "/assets/")).status).toBe(404);
  });

  it("streams a reload event to open decks", async () => {
    const u = new URL(server.url);
    const received = new Promise<string>((done, fail) => {
      const req = request({ host: u.hostname, port: u.port, path: EVENTS_PATH }, (res) => {
        expect(res.headers["content-type"]).toMatch(/^text\/event-stream/);
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          text += c;
          if (text.includes(": connected")) server.reload();
          if (text.includes("event: reload")) {
            req.destroy();
            done(text);
          }
        });
      });
      req.on("error", fail);
      req.end();
    });
    expect(await received).toContain("event: reload");
  });

  // Audit #19, item 4: a page the presenter visits could rebind its own name to 127.0.0.1 (DNS
  // rebinding) and read the deck and its speaker notes; any Origin could open the reload stream.
  it("answers only requests addressed to 127.0.0.1, localhost or [::1] on its own port", async () => {
    const port = new URL(server.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await get(server.url, "/", { host })).status).toBe(200);
    }
    for (const host of [
      `evil.example:${port}`,
      "evil.example",
      `127.0.0.1:${Number(port) + 1}`,
      `127.0.0.1.evil.example:${port}`,
      "127.0.0.1",
    ]) {
      const res = await get(server.url, "/", { host });
      expect(res.status, host).toBe(421);
      expect(res.body).not.toContain("deck");
    }
    expect((await get(server.url, EVENTS_PATH, { host: `evil.example:${port}` })).status).toBe(421);
  });

  it("opens the reload stream only for its own origin", async () => {
    const port = new URL(server.url).port;
    const events = (origin?: string) => get(server.url, EVENTS_PATH, origin ? { origin } : {});
    expect((await events()).status).toBe(200);
    expect((await events(`http://127.0.0.1:${port}`)).status).toBe(200);
    expect((await events(`http://localhost:${port}`)).status).toBe(200);
    for (const origin of [
      "http://evil.example",
      `http://evil.example:${port}`,
      "null",
      `https://127.0.0.1:${port}`,
    ]) {
      expect((await events(origin)).status, origin).toBe(403);
    }
  });
});
