// Audit #19, item 11, at the command line: an `--out` naming a file or a pipe, a folder or FIFO
// named brief.yaml or briefing.md, and YAML alias bombs in brief.yaml or front matter ended in
// exit 4 ("internal error") without a place; an unreadable brief.yaml was reported as "cannot
// write". Each is now an error naming the file and a rule id, with the exit code of its class.
import { execFileSync, spawnSync } from "node:child_process";
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN } from "../cli/run.js";

function run(args: string[], asUser?: number) {
  const [cmd, argv] =
    asUser === undefined
      ? [process.execPath, [BIN, ...args]]
      : [
          "setpriv",
          [
            `--reuid=${asUser}`,
            `--regid=${asUser}`,
            "--clear-groups",
            process.execPath,
            BIN,
            ...args,
          ],
        ];
  const r = spawnSync(cmd, argv, {
    env: { ...process.env, NO_COLOR: "1", HOME: tmpdir() },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, stderr: r.stderr ?? "" };
}

async function corpus(): Promise<{ base: string; dir: string }> {
  const base = await mkdtemp(join(tmpdir(), "bw-cli-inputs-"));
  const dir = join(base, "corpus");
  await cp("corpus", dir, { recursive: true });
  return { base, dir };
}

const BOMB = [
  "a: &a [x, x, x, x, x, x, x, x, x, x]",
  "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
  "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
  "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
];

describe("--out that is not a folder", () => {
  it("a file, a FIFO or a path below a file: exit 2 naming it [out-not-a-folder], nothing touched", async () => {
    const { base, dir } = await corpus();
    const file = join(base, "notes.txt");
    await writeFile(file, "keep me\n");
    const fifo = join(base, "pipe");
    execFileSync("mkfifo", [fifo]);
    for (const out of [file, fifo, join(file, "sub")]) {
      const r = run(["build", "--corpus", dir, "--out", out, "--only", "json"]);
      expect(r.code, out).toBe(2);
      expect(r.stderr).toContain(`${out}: error:`);
      expect(r.stderr).toContain("[out-not-a-folder]");
      expect(r.stderr).not.toMatch(/internal error/);
    }
    expect(await readFile(file, "utf8")).toBe("keep me\n");
  }, 120_000);
});

describe("configuring files of the wrong shape", () => {
  it("a folder or a FIFO named brief.yaml or briefing.md: exit 1 naming it [input-not-regular]", async () => {
    for (const [name, make] of [
      ["brief.yaml", "dir"],
      ["briefing.md", "dir"],
      ["brief.yaml", "fifo"],
      ["briefing.md", "fifo"],
    ] as const) {
      const { dir } = await corpus();
      await rm(join(dir, name), { force: true });
      if (make === "dir") await mkdir(join(dir, name));
      else execFileSync("mkfifo", [join(dir, name)]);
      const r = run(["check", "--corpus", dir]);
      expect(r.code, `${make} ${name}`).toBe(1);
      expect(r.stderr).toContain(`${name}: error:`);
      expect(r.stderr).toContain("[input-not-regular]");
    }
  }, 120_000);

  it("a YAML alias bomb in brief.yaml: exit 1 at the first alias's line and column", async () => {
    const { dir } = await corpus();
    const brief = (await readFile(join(dir, "brief.yaml"), "utf8")).trimEnd();
    await writeFile(join(dir, "brief.yaml"), `${brief}\n${BOMB.join("\n")}\n`);
    const line = brief.split("\n").length + 2; // `b: &b [*a, …`
    const r = run(["check", "--corpus", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`brief\\.yaml:${line}:8: error: .*\\[yaml-alias-limit\\]`));
    expect(r.stderr).not.toMatch(/internal error/);
  }, 120_000);

  it("a YAML alias bomb in a source's front matter: exit 1 at the file's line", async () => {
    const { dir } = await corpus();
    await writeFile(
      join(dir, "bomb.md"),
      `---\n${BOMB.join("\n")}\ntitle: bomb\n---\n\nA paragraph about NATO that is long enough to be read as text.\n`,
    );
    const r = run(["check", "--corpus", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bomb\.md:\d+:\d+: error: .*\[frontmatter-yaml\]/);
    expect(r.stderr).not.toMatch(/internal error/);
  }, 120_000);
});

const root = process.getuid?.() === 0;
describe.skipIf(!root)("an unreadable brief.yaml (run as nobody)", () => {
  it("is reported as unreadable (exit 1, [input-unreadable]), not as 'cannot write'", async () => {
    const { base, dir } = await corpus();
    const out = join(base, "out");
    await mkdir(out);
    await chmod(base, 0o755);
    await chmod(join(dir, "brief.yaml"), 0o000);
    execFileSync("chown", ["65534:65534", out]);
    for (const args of [
      ["check", "--corpus", dir],
      ["build", "--corpus", dir, "--out", out, "--only", "json"],
    ]) {
      const r = run(args, 65534);
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr).toMatch(/brief\.yaml: error: cannot read .*\[input-unreadable\]/);
      expect(r.stderr).not.toMatch(/cannot write/);
    }
  }, 120_000);
});
