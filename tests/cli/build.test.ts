import { spawn } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, CONTRACT, cli, snapshot } from "./run.js";

let work: string;
let corpus: string;
let out: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "bw-cli-"));
  corpus = join(work, "corpus");
  out = join(work, "out");
  await cp("corpus", corpus, { recursive: true });
  const first = cli(["build", "--corpus", corpus, "--out", out]);
  expect(first.stderr).not.toMatch(/internal error/);
  expect(first.code).toBe(0);
}, 180_000);

describe("briefwright build (subprocess)", () => {
  it("writes every output of the contract and a closing summary", async () => {
    for (const name of CONTRACT) expect((await stat(join(out, name))).size).toBeGreaterThan(0);
    const entries = await readdir(out);
    expect(
      entries.filter(
        (e) => e.startsWith(".staging-") || e.endsWith(".tmp") || e === ".briefwright.lock",
      ),
    ).toEqual([]);
  });

  it("a broken brief.yaml exits 1 with file:line:column and leaves out/ byte-identical", async () => {
    const before = await snapshot(out);
    const broken = await mkdtemp(join(tmpdir(), "bw-broken-"));
    await cp(corpus, broken, { recursive: true });
    const spec = await readFile(join(broken, "brief.yaml"), "utf8");
    await writeFile(
      join(broken, "brief.yaml"),
      spec.replace("language: en", "language: en\nmaxWords: lots"),
    );
    const { code, stderr } = cli(["build", "--corpus", broken, "--out", out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/brief\.yaml:\d+:\d+: error: `maxWords`/);
    expect(await snapshot(out)).toEqual(before);
  });

  it("exit 2 for bad usage; exit 3 when no browser can be found", async () => {
    expect(cli(["build", "--only", "posters"]).code).toBe(2);
    const target = await mkdtemp(join(tmpdir(), "bw-nobrowser-"));
    const { code, stderr } = cli(["build", "--corpus", corpus, "--out", target], {
      env: {
        BRIEFWRIGHT_BROWSER: "/nonexistent/chrome",
        PUPPETEER_EXECUTABLE_PATH: "",
        PATH: "/nonexistent",
      },
    });
    expect(code).toBe(3);
    expect(stderr).toMatch(/browser/i);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("--only json writes the model without launching a browser", async () => {
    const target = await mkdtemp(join(tmpdir(), "bw-json-"));
    const { code } = cli(["build", "--corpus", corpus, "--out", target, "--only", "json"], {
      env: { BRIEFWRIGHT_BROWSER: "/nonexistent/chrome" },
    });
    expect(code).toBe(0);
    expect((await readdir(target)).sort()).toEqual(["briefing.json", "briefing.md"]);
  });

  it("never reads its own outputs back as sources when --out is inside the corpus", async () => {
    const inside = await mkdtemp(join(tmpdir(), "bw-inside-"));
    await cp(corpus, inside, { recursive: true });
    const out = join(inside, "out");
    const env = { BRIEFWRIGHT_BROWSER: "/nonexistent/chrome" };
    const run = async () => {
      const { code } = cli(["build", "--corpus", inside, "--out", out, "--only", "json"], { env });
      expect(code).toBe(0);
      const json = JSON.parse(await readFile(join(out, "briefing.json"), "utf8")) as {
        sources: { file: string }[];
      };
      return json.sources.map((s) => s.file);
    };
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    expect(second.some((f) => f.startsWith("out/"))).toBe(false);
  });

  it("-v prints what the deck writer measured in the browser", async () => {
    const target = await mkdtemp(join(tmpdir(), "bw-verbose-"));
    const { code, stderr } = cli([
      "build",
      "--corpus",
      corpus,
      "--out",
      target,
      "--only",
      "slides",
      "-v",
    ]);
    expect(code).toBe(0);
    const line =
      /deck: (\d+) slides; words per slide max (\d+), median (\d+); notes on (\d+) of (\d+) content slides/u.exec(
        stderr,
      );
    expect(line).not.toBeNull();
    const [, slides, max, median, withNotes, content] = line!.map(Number);
    expect(slides).toBeGreaterThan(2);
    expect(max).toBeLessThanOrEqual(60);
    expect(median).toBeLessThanOrEqual(max!);
    expect(withNotes).toBe(content);
  });

  it("--strict turns the corpus warnings into errors (exit 1)", () => {
    const { code, stderr } = cli([
      "build",
      "--corpus",
      corpus,
      "--out",
      join(work, "strict"),
      "--strict",
      "--only",
      "json",
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain("error: no date");
  });

  it("check passes on the default corpus without writing anything", async () => {
    const { code, stderr } = cli(["check", "--corpus", corpus]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/ok: 5 sources, \d+ citations verified/);
  });

  it("check fails at the outline's line and column for a quote that is not in the source", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bw-check-"));
    await cp(corpus, dir, { recursive: true });
    const outline = await readFile("templates/briefing.md", "utf8");
    await writeFile(
      join(dir, "briefing.md"),
      `${outline}\n\nA made-up claim [@putz: "only Russia and Belarus voted for"].\n`,
    );
    const { code, stderr } = cli(["check", "--corpus", dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/briefing\.md:\d+:\d+: error: .*\[/);
  });

  it("watch picks up an edited source and rewrites briefing.html", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bw-watch-"));
    await cp(corpus, join(dir, "corpus"), { recursive: true });
    const watchOut = join(dir, "out");
    const child = spawn(
      process.execPath,
      [BIN, "watch", "--corpus", join(dir, "corpus"), "--out", watchOut],
      { env: { ...process.env, NO_COLOR: "1" } },
    );
    let log = "";
    child.stderr.on("data", (d) => {
      log += String(d);
    });
    const waitFor = async (pattern: RegExp, ms: number) => {
      const until = Date.now() + ms;
      while (!pattern.test(log)) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}; log:\n${log}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    try {
      await waitFor(/watching/, 120_000);
      const htmlBefore = await stat(join(watchOut, "briefing.html"));
      const file = join(dir, "corpus", "002_6e2675e3187c4228.txt");
      const text = await readFile(file, "utf8");
      const marker =
        "Kyrgyzstan quietly announced a review of its membership in March 2022 according to local media reports.";
      await writeFile(
        file,
        text.replace(
          "Meanwhile, Russia’s CSTO partners",
          `${marker}\n\nMeanwhile, Russia’s CSTO partners`,
        ),
      );
      await waitFor(/html updated/, 30_000);
      const htmlAfter = await stat(join(watchOut, "briefing.html"));
      expect(htmlAfter.ino !== htmlBefore.ino || htmlAfter.mtimeMs > htmlBefore.mtimeMs).toBe(true);
      const model = JSON.parse(await readFile(join(watchOut, "briefing.json"), "utf8"));
      expect(model.sources.find((s: { id: string }) => s.id === "putz").words).toBeGreaterThan(
        1044,
      );
      expect(await readFile(join(watchOut, "briefing.html"), "utf8")).toContain("<html");
    } finally {
      child.kill("SIGINT");
      await new Promise((r) => child.once("exit", r));
    }
  });
});
