// Audit #19, item 11: file names and titles from the corpus were printed raw, so a file name or
// title holding escape sequences could retitle the terminal, clear it, recolour or hide text. The
// CLI now writes every control character (C0 but tab and newline, DEL, C1 such as the 8-bit CSI)
// and bidirectional override as `\uXXXX`; its JSON output stays valid JSON with the same text.
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN } from "../cli/run.js";

const ESC = "\u001b";
const TITLE = `Evil ${ESC}]0;pwned\u0007 title ${ESC}[2J cleared \u009b31m \u202eright-to-left`;
const NAME = `evil${ESC}[31mred\r.md`;
const EMPTY = `empty${ESC}]2;retitled\u0007.md`;
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, NO_COLOR: "1" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

async function corpus(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "bw-terminal-"));
  await cp("corpus", dir, { recursive: true });
  await writeFile(
    join(dir, NAME),
    `---\ntitle: ${JSON.stringify(TITLE)}\nauthor: A ${ESC}[8mHidden\ndate: 2024-01-01\n---\n\nNATO and the CSTO were discussed at length in 2023, and many members agreed on the value of the alliance.\n`,
  );
  // Only front matter: a warning that names the file.
  await writeFile(join(dir, EMPTY), "---\ntitle: Nothing\n---\n");
  return dir;
}

describe("corpus text printed on a terminal", () => {
  it("inspect, inspect --json and check print no raw control character", async () => {
    const dir = await corpus();
    const table = run(["inspect", "--corpus", dir]);
    expect(table.code).toBe(0);
    const json = run(["inspect", "--corpus", dir, "--json"]);
    expect(json.code).toBe(0);
    const check = run(["check", "--corpus", dir]);
    expect(check.code).toBe(0);
    for (const [what, text] of Object.entries({
      "inspect stdout": table.stdout,
      "inspect stderr": table.stderr,
      "inspect --json": json.stdout,
      "check stderr": check.stderr,
    }))
      expect(RAW.test(text), what).toBe(false);
    // Shown, escaped: the title in the table, the file's name in the warning.
    expect(table.stdout).toContain("Evil \\u001b]0;pwned\\u0007 title \\u001b[2J");
    expect(table.stderr).toContain("empty\\u001b]2;retitled\\u0007.md");
    expect(check.stderr).toContain("empty\\u001b]2;retitled\\u0007.md");
    // The JSON is still JSON, with the text as it is.
    const model = JSON.parse(json.stdout) as { sources: { file: string; title: string }[] };
    const evil = model.sources.find((s) => s.file === NAME);
    // (The reader reads a C1 control as the Windows-1252 character it usually is: \u009b is ›.)
    expect(evil?.title).toContain(`${ESC}]0;pwned\u0007 title ${ESC}[2J`);
    expect(evil?.title).toContain("\u202eright-to-left");
  }, 120_000);
});
