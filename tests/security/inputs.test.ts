// Audit #19, item 1: the files that configure a build (briefing.md, brief.yaml) are read like
// sources: never through a link out of the corpus, never a device or pipe, never past a size
// limit; refusals carry a rule id and the file's name, never the file's text. And the corpus walk
// never follows a link to a folder (three links to `.` once walked 738 MB).
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBriefSpec } from "../../src/brief/index.js";
import { BriefwrightError } from "../../src/diagnostics/types.js";
import { loadOutline } from "../../src/outline/index.js";
import { readCorpus } from "../../src/readers/index.js";
import { defaultReaderOptions, GOOD_SOURCE } from "../readers/helpers.js";

const CANARY = "CANARY-7f3a9c-credentials";

async function corpusWithOutside(): Promise<{ dir: string; outside: string }> {
  const base = await mkdtemp(join(tmpdir(), "bw-sec-inputs-"));
  const dir = join(base, "corpus");
  const outside = join(base, "credentials");
  await mkdir(dir);
  await writeFile(join(dir, "good.md"), GOOD_SOURCE);
  await writeFile(outside, `# Credentials\n\n${CANARY} password=hunter2\n`);
  return { dir, outside };
}

async function refusal(promise: Promise<unknown>): Promise<BriefwrightError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BriefwrightError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

/** Everything a refusal shows a user: message, diagnostics, hints. */
const shown = (e: BriefwrightError) => `${e.message}\n${JSON.stringify(e.diagnostics)}`;

describe("briefing.md is read like a source", () => {
  it("refuses briefing.md linked out of the corpus (input error, rule id, no content)", async () => {
    const { dir, outside } = await corpusWithOutside();
    await symlink(outside, join(dir, "briefing.md"));
    const error = await refusal(loadOutline(dir, "templates"));
    expect(error.errorClass).toBe("input");
    expect(error.diagnostics[0]).toMatchObject({
      ruleId: "input-outside-corpus",
      file: join(dir, "briefing.md"),
    });
    expect(shown(error)).not.toContain(CANARY);
  });

  it("refuses /etc/passwd as the outline without echoing it", async () => {
    const { dir } = await corpusWithOutside();
    await symlink("/etc/passwd", join(dir, "briefing.md"));
    const error = await refusal(loadOutline(dir, "templates"));
    expect(error.diagnostics[0]!.ruleId).toBe("input-outside-corpus");
    expect(shown(error)).not.toMatch(/root:|nologin|\/bin\/(ba)?sh/);
  });

  it("reads an outline that links inside the corpus", async () => {
    const { dir } = await corpusWithOutside();
    await mkdir(join(dir, "outlines"));
    await writeFile(join(dir, "outlines", "mine.md"), "# Mine\n\n::findings\n");
    await symlink(join("outlines", "mine.md"), join(dir, "briefing.md"));
    expect((await loadOutline(dir, "templates")).text).toBe("# Mine\n\n::findings\n");
  });

  it("refuses a FIFO named briefing.md at once (no hang)", async () => {
    const { dir } = await corpusWithOutside();
    execFileSync("mkfifo", [join(dir, "briefing.md")]);
    const error = await refusal(loadOutline(dir, "templates"));
    expect(error.diagnostics[0]!.ruleId).toBe("input-not-regular");
  }, 5_000);

  it("refuses an outline over the size limit", async () => {
    const { dir } = await corpusWithOutside();
    await writeFile(join(dir, "briefing.md"), `# Big\n\n${"word ".repeat(300_000)}\n`);
    const error = await refusal(loadOutline(dir, "templates"));
    expect(error.diagnostics[0]!.ruleId).toBe("input-too-large");
  });
});

describe("brief.yaml is read like a source", () => {
  it("refuses brief.yaml -> /dev/zero at once, without reading it", async () => {
    const { dir } = await corpusWithOutside();
    await symlink("/dev/zero", join(dir, "brief.yaml"));
    const t0 = performance.now();
    const error = await refusal(loadBriefSpec(dir, "c"));
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(error.errorClass).toBe("input");
    expect(error.diagnostics[0]).toMatchObject({
      ruleId: "input-outside-corpus",
      file: "c/brief.yaml",
    });
  }, 10_000);

  it("refuses brief.yaml linked to a file outside the corpus, without its content", async () => {
    const { dir, outside } = await corpusWithOutside();
    await writeFile(outside, `title: ${CANARY}\n`);
    await symlink(outside, join(dir, "brief.yaml"));
    const error = await refusal(loadBriefSpec(dir, "c"));
    expect(error.diagnostics[0]!.ruleId).toBe("input-outside-corpus");
    expect(shown(error)).not.toContain(CANARY);
  });

  it("refuses a device or FIFO named brief.yaml inside the corpus (no hang)", async () => {
    const { dir } = await corpusWithOutside();
    execFileSync("mkfifo", [join(dir, "brief.yaml")]);
    const error = await refusal(loadBriefSpec(dir, "c"));
    expect(error.diagnostics[0]).toMatchObject({
      ruleId: "input-not-regular",
      file: "c/brief.yaml",
    });
  }, 5_000);

  it("refuses a brief.yaml over 1 MB", async () => {
    const { dir } = await corpusWithOutside();
    await writeFile(join(dir, "brief.yaml"), `# ${"x".repeat(1_100_000)}\ntitle: Big\n`);
    const error = await refusal(loadBriefSpec(dir, "c"));
    expect(error.diagnostics[0]!.ruleId).toBe("input-too-large");
  });

  it("reports a YAML alias bomb as an input error with the file, not an internal error", async () => {
    const { dir } = await corpusWithOutside();
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "title: bomb",
    ].join("\n");
    await writeFile(join(dir, "brief.yaml"), bomb);
    const error = await refusal(loadBriefSpec(dir, "c"));
    expect(error.errorClass).toBe("input");
    expect(error.diagnostics[0]).toMatchObject({
      ruleId: "yaml-alias-limit",
      file: "c/brief.yaml",
    });
  });
});

describe("bad shapes of the configuring files are input errors with the file's name", () => {
  it("a folder named brief.yaml or briefing.md (was an internal error, exit 4)", async () => {
    const { dir } = await corpusWithOutside();
    await mkdir(join(dir, "brief.yaml"));
    await mkdir(join(dir, "briefing.md"));
    const brief = await refusal(loadBriefSpec(dir, "c"));
    expect(brief.diagnostics[0]).toMatchObject({
      ruleId: "input-not-regular",
      file: "c/brief.yaml",
    });
    const outline = await refusal(loadOutline(dir, "templates"));
    expect(outline.diagnostics[0]!.ruleId).toBe("input-not-regular");
  });

  it("a YAML alias bomb in a source's front matter (was an internal error, exit 4)", async () => {
    const { dir } = await corpusWithOutside();
    const bomb = [
      "---",
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "title: bomb",
      "---",
      "",
      "A paragraph about NATO that is long enough to be read as text.",
      "",
    ].join("\n");
    await writeFile(join(dir, "bomb.md"), bomb);
    const error = await refusal(readCorpus(dir, { ...defaultReaderOptions(), displayDir: "c" }));
    expect(error.errorClass).toBe("input");
    expect(error.diagnostics.find((d) => d.file === "c/bomb.md")).toMatchObject({
      ruleId: "frontmatter-yaml",
      line: 2,
    });
  });
});

describe("the corpus walk never follows a link to a folder", () => {
  it("three links to `.` add no file and one warning each, quickly", async () => {
    const { dir } = await corpusWithOutside();
    await mkdir(join(dir, "sub"));
    await writeFile(join(dir, "sub", "inner.md"), GOOD_SOURCE.replace("good", "inner"));
    for (const name of ["loop1", "loop2", "loop3"]) await symlink(".", join(dir, name));
    await symlink("..", join(dir, "sub", "up"));
    const t0 = performance.now();
    const result = await readCorpus(dir, { ...defaultReaderOptions(), displayDir: "c" });
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(result.sources.map((s) => s.file).sort()).toEqual(["good.md", "sub/inner.md"]);
    const links = result.diagnostics.filter((d) => d.ruleId === "corpus-directory-link");
    expect(links.map((d) => d.file).sort()).toEqual(["c/loop1", "c/loop2", "c/loop3", "c/sub/up"]);
    expect(result.diagnostics.length).toBeLessThan(10);
  }, 20_000);

  it("warns about folders deeper than the walk reads", async () => {
    const { dir } = await corpusWithOutside();
    const deep = join(dir, ...Array.from({ length: 10 }, (_, i) => `d${i}`));
    await mkdir(deep, { recursive: true });
    await writeFile(join(deep, "deep.md"), GOOD_SOURCE.replace("good", "deep"));
    const result = await readCorpus(dir, { ...defaultReaderOptions(), displayDir: "c" });
    expect(result.diagnostics.map((d) => d.ruleId)).toContain("corpus-too-deep");
  });
});
