import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DeckServer, EVENTS_PATH, serveDeck } from "../../src/runtime/serve.js";

/** Raw GET (no URL normalisation, unlike fetch). */
function get(url: string, path: string): Promise<{ status: number; type: string; body: string }> {
  const u = new URL(url);
  return new Promise((done, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, method: "GET" }, (res) => {
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
});
