import { execFileSync } from "node:child_process";
import { chmod, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BriefwrightError } from "../../src/diagnostics/types.js";
import { readCorpus } from "../../src/readers/index.js";
import { defaultReaderOptions, GOOD_SOURCE, tempCorpus } from "./helpers.js";

async function corpusWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await tempCorpus();
  await writeFile(join(dir, "good.md"), GOOD_SOURCE);
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

async function warningsFor(dir: string, options: { maxFileSize?: number } = {}) {
  const result = await readCorpus(dir, { ...defaultReaderOptions(), ...options, displayDir: "c" });
  return { result, rules: result.diagnostics.map((d) => `${d.file}: ${d.ruleId}`) };
}

async function failure(dir: string): Promise<BriefwrightError> {
  try {
    await readCorpus(dir, { ...defaultReaderOptions(), displayDir: "c" });
  } catch (error) {
    if (error instanceof BriefwrightError) return error;
    throw error;
  }
  throw new Error("expected readCorpus to fail");
}

describe("bad input to the reader", () => {
  it("skips an empty file with a warning", async () => {
    const { result, rules } = await warningsFor(
      await corpusWith({ "empty.md": "", "blank.txt": "\n  \n" }),
    );
    expect(rules).toContain("c/empty.md: corpus-empty-file");
    expect(rules).toContain("c/blank.txt: corpus-empty-file");
    expect(result.sources.map((s) => s.file)).toEqual(["good.md"]);
  });

  it("skips a binary file with a warning", async () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    const { result, rules } = await warningsFor(await corpusWith({ "image.txt": png }));
    expect(rules).toContain("c/image.txt: corpus-binary-file");
    expect(result.sources).toHaveLength(1);
  });

  it("skips an unknown extension with a warning", async () => {
    const { rules } = await warningsFor(await corpusWith({ "data.csv": "a,b\n1,2\n" }));
    expect(rules).toContain("c/data.csv: corpus-unknown-extension");
  });

  it("never reads a symlink that leaves the corpus", async () => {
    const outside = await tempCorpus("bw-outside-");
    await writeFile(join(outside, "secret.md"), "# Secret\n\nTOP-SECRET-CONTENT here.\n");
    const dir = await corpusWith({});
    await symlink(join(outside, "secret.md"), join(dir, "link.md"));
    const { result, rules } = await warningsFor(dir);
    expect(rules).toContain("c/link.md: corpus-symlink-outside");
    expect(JSON.stringify(result.sources)).not.toContain("TOP-SECRET-CONTENT");
  });

  it("skips a file over the size limit", async () => {
    const dir = await corpusWith({
      "big.txt": `Title\n\n${"Words and more words. ".repeat(2000)}`,
    });
    const { result, rules } = await warningsFor(dir, { maxFileSize: 10000 });
    expect(rules).toContain("c/big.txt: corpus-too-large");
    expect(result.sources.map((s) => s.file)).toEqual(["good.md"]);
  });

  it("skips the second copy of the same content", async () => {
    const { result, rules } = await warningsFor(await corpusWith({ "copy.md": GOOD_SOURCE }));
    expect(rules).toContain("c/good.md: corpus-duplicate");
    expect(result.sources.map((s) => s.file)).toEqual(["copy.md"]);
    expect(result.diagnostics.find((d) => d.ruleId === "corpus-duplicate")?.message).toContain(
      "c/copy.md",
    );
  });

  it("skips an unreadable file with a warning", async () => {
    // root reads a chmod 000 file, so as root the unreadable file is a FIFO named like a source:
    // never opened (opening it would wait for a writer), reported like any unreadable file.
    const dir = await corpusWith({});
    const locked = join(dir, "locked.md");
    if (process.getuid?.() === 0) {
      execFileSync("mkfifo", [locked]);
    } else {
      await writeFile(locked, GOOD_SOURCE.replace("good", "locked"));
      await chmod(locked, 0);
    }
    const { result, rules } = await warningsFor(dir);
    expect(rules).toContain("c/locked.md: corpus-unreadable");
    expect(result.diagnostics.find((d) => d.ruleId === "corpus-unreadable")).toMatchObject({
      severity: "warning",
      file: "c/locked.md",
    });
    expect(result.sources.map((s) => s.file)).toEqual(["good.md"]);
  });

  it("never opens a FIFO named like a source (no hang), for any user", async () => {
    const dir = await corpusWith({});
    execFileSync("mkfifo", [join(dir, "pipe.txt")]);
    const { result, rules } = await warningsFor(dir);
    expect(rules).toContain("c/pipe.txt: corpus-unreadable");
    expect(result.diagnostics.find((d) => d.file === "c/pipe.txt")?.message).toBe(
      "skipped: not a regular file (a pipe, socket or device)",
    );
    expect(result.sources.map((s) => s.file)).toEqual(["good.md"]);
  }, 5000);

  it("reports a dangling link named like a source", async () => {
    const dir = await corpusWith({});
    await symlink(join(dir, "gone.md"), join(dir, "dangling.md"));
    const { rules } = await warningsFor(dir);
    expect(rules).toContain("c/dangling.md: corpus-broken-link");
  });

  it("reports front matter that is not valid YAML at file:line:column", async () => {
    const bad = "---\ntitle: ok\nauthor: [unclosed\n---\n\nText here.\n";
    const error = await failure(await corpusWith({ "bad.md": bad }));
    expect(error.errorClass).toBe("input");
    const d = error.diagnostics.find((x) => x.severity === "error")!;
    expect(d).toMatchObject({ file: "c/bad.md", ruleId: "frontmatter-yaml" });
    expect(d.line).toBeGreaterThanOrEqual(3);
    expect(d.column).toBeGreaterThanOrEqual(1);
  });

  it("reports front matter that breaks the schema", async () => {
    const error = await failure(
      await corpusWith({ "list.md": "---\n- just\n- a list\n---\n\nText.\n" }),
    );
    expect(error.diagnostics.find((x) => x.severity === "error")).toMatchObject({
      file: "c/list.md",
      ruleId: "frontmatter-schema",
      line: 2,
    });
  });

  it("fails when no source is readable", async () => {
    const dir = await tempCorpus();
    await writeFile(join(dir, "empty.md"), "");
    const error = await failure(dir);
    expect(error.diagnostics.map((d) => d.ruleId)).toEqual([
      "corpus-empty-file",
      "corpus-no-sources",
    ]);
  });

  it("fails when the corpus folder does not exist", async () => {
    const error = await failure("/nonexistent/corpus/folder");
    expect(error.diagnostics[0]!.ruleId).toBe("corpus-missing");
  });
});
