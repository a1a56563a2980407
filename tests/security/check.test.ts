// Audit #19, item 11: `check` said ok for a `report.citationStyle` or `slides.theme` that `build`
// then refused (and `build` named no place in brief.yaml). Both now fail in `check` as in `build`:
// exit 1, the setting's file:line:column and the rule id, before any analysis.
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN } from "../cli/run.js";

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, NO_COLOR: "1" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, stderr: r.stderr ?? "", stdout: r.stdout ?? "" };
}

/** The default corpus with `extra` appended to its brief.yaml; returns the folder. */
async function corpusWith(extra: string): Promise<{ dir: string; line: number }> {
  const dir = await mkdtemp(join(tmpdir(), "bw-check-names-"));
  await cp("corpus", dir, { recursive: true });
  const brief = await readFile(join(dir, "brief.yaml"), "utf8");
  await writeFile(join(dir, "brief.yaml"), `${brief.trimEnd()}\n${extra}`);
  // The setting's value is on the second line of `extra`.
  return { dir, line: brief.trimEnd().split("\n").length + 2 };
}

describe("check refuses what build refuses in brief.yaml", () => {
  for (const [key, extra, rule, column] of [
    [
      "report.citationStyle",
      "report:\n  citationStyle: no-such-style\n",
      "report-citation-style",
      18,
    ],
    ["slides.theme", "slides:\n  theme: no-such-theme\n", "slides-theme", 10],
  ] as const) {
    it(`an unknown ${key}: exit 1 with brief.yaml:line:column and [${rule}], in check and build`, async () => {
      const { dir, line } = await corpusWith(extra);
      const out = await mkdtemp(join(tmpdir(), "bw-check-names-out-"));
      for (const args of [
        ["check", "--corpus", dir],
        ["build", "--corpus", dir, "--out", out, "--only", "json"],
      ]) {
        const r = run(args);
        expect(r.code, args[0]).toBe(1);
        expect(r.stderr).toContain(`brief.yaml:${line}:${column}: error:`);
        expect(r.stderr).toContain(`[${rule}]`);
        expect(r.stderr).not.toMatch(/^ok:/m);
      }
    }, 120_000);
  }

  it("a known style and theme still pass", async () => {
    const { dir } = await corpusWith(
      "report:\n  citationStyle: chicago-fullnote-bibliography\nslides:\n  theme: white\n",
    );
    const r = run(["check", "--corpus", dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^ok:/m);
  }, 120_000);
});
