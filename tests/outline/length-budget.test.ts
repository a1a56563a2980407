// The word limit is an error (audit #19), so the engine must keep its own text within it however
// many sources a corpus has. A generated corpus of 20 sources used to fail `build` with
// `briefing-too-long`: the sources list (an entry per source), the framings (one per source and
// subject) and the disagreements grew with the corpus outside every budget share, and the default
// outline's front matter overrode brief.yaml's `maxWords`, so the error's hint did not work.
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Briefing } from "../../src/model/briefing.js";
import { wordsIn } from "../../src/outline/plugins/length.js";
import { readBrief } from "../../src/pipeline/inspect.js";
import { cli } from "../cli/run.js";
import { analyse, compileOutline } from "../engine/imports.js";

const ROOT = join(import.meta.dirname, "..", "..");

describe("a corpus of many sources stays within the word limit", () => {
  let dir: string;
  let out: string;
  let result: ReturnType<typeof cli>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "bw-many-"));
    const made = spawnSync(
      process.execPath,
      [join(ROOT, "bench", "make-corpus.mjs"), "100", join(dir, "corpus"), join(ROOT, "corpus")],
      { encoding: "utf8" },
    );
    expect(made.status).toBe(0);
    out = join(dir, "out");
    result = cli(["build", "--corpus", join(dir, "corpus"), "--out", out, "--only", "json"]);
  }, 180_000);

  it("builds (no briefing-too-long) with the default outline and the default limit", () => {
    expect(result.stderr).not.toMatch(/briefing-too-long/);
    expect(result.code).toBe(0);
  });

  it("keeps the framings within their share: the weaker ones are flagged as left out, and those sources are not said to have none", async () => {
    const b = JSON.parse(await readFile(join(out, "briefing.json"), "utf8")) as Briefing;
    const shown = b.stances.filter((s) => s.framing);
    const leftOut = b.stances.filter((s) => s.framingLeftOut);
    expect(shown.length).toBeGreaterThan(0);
    expect(leftOut.length).toBeGreaterThan(0);
    const words = shown.reduce((n, s) => n + s.framing!.text.split(/\s+/u).length, 0);
    expect(words).toBeLessThanOrEqual(2500 * 0.06 + 40);
    const md = await readFile(join(out, "briefing.md"), "utf8");
    expect(md).toMatch(
      /\d+ weaker framings were left out to keep the briefing within its length\./u,
    );
    const without = md.match(/No evaluative statement about a subject in: (.*)\._/u)?.[1] ?? "";
    for (const s of leftOut) {
      const label = b.sources.find((x) => x.id === s.sourceId)!.shortLabel;
      expect(without.split("; ")).not.toContain(label);
    }
  });
});

describe("the limit counts the body, not the back matter", () => {
  let briefing: Briefing;
  let sources: Awaited<ReturnType<typeof readBrief>>["sources"];

  beforeAll(async () => {
    const corpus = await readBrief(join(ROOT, "corpus"));
    sources = corpus.sources;
    briefing = analyse(sources, corpus.options.engine).briefing;
  }, 120_000);

  const compile = (text: string, maxWords?: number) =>
    compileOutline({
      briefing,
      sources,
      outline: { path: "b.md", text },
      ...(maxWords ? { maxWords } : {}),
    });

  it("the sources list and the method note are not counted; prose after them is", () => {
    const body = wordsIn(compile("::findings\n", 100_000).tree.children, true);
    expect(body).toBeGreaterThan(50);
    // The findings alone just fit: adding the back matter still fits …
    expect(() => compile("::findings\n\n::sources\n\n::method\n", body)).not.toThrow();
    // … but the same back matter is far over the limit if counted, …
    const all = compile("::findings\n\n::sources\n\n::method\n", 100_000).tree.children;
    expect(wordsIn(all)).toBeGreaterThan(body + 300);
    // … and the author's prose after the back matter is body, with or without a heading.
    const more = "More words here. ".repeat(20);
    expect(() => compile(`::findings\n\n::sources\n\n# Afterword\n\n${more}\n`, body)).toThrow();
    expect(() => compile(`::findings\n\n::sources\n\n${more}\n`, body)).toThrow();
    // An untitled sources list is back matter too.
    expect(() => compile('::findings\n\n::sources{title=""}\n', body)).not.toThrow();
  });
});

describe("brief.yaml's maxWords governs the default outline", () => {
  it("check fails at a limit set in brief.yaml alone (the default outline sets none)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bw-limit-"));
    await cp(join(ROOT, "corpus"), dir, { recursive: true });
    const brief = await readFile(join(dir, "brief.yaml"), "utf8");
    await writeFile(
      join(dir, "brief.yaml"),
      `${brief.replace(/^maxWords:.*$/mu, "")}\nmaxWords: 200\n`,
    );
    const r = cli(["check", "--corpus", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /body has \d+ words, more than the 200 allowed \[briefing-too-long\]/u,
    );
  }, 120_000);
});
