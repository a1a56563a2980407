// Golden outputs: the sha256 of all six outputs for three corpora. A change that alters any
// output byte fails here; rewrite on purpose with `UPDATE_GOLDEN=1 npx vitest run tests/golden`
// and say why in the commit message.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONTRACT, cli } from "../cli/run.js";

const CORPORA: Record<string, string> = {
  default: "corpus",
  handhelds: "tests/fixtures/handhelds",
  "topic-html-parsers": "tests/fixtures/topic-html-parsers",
};
const GOLDEN = join(import.meta.dirname, "outputs.json");
const update = process.env.UPDATE_GOLDEN === "1";

async function build(corpus: string): Promise<Record<string, string>> {
  const out = await mkdtemp(join(tmpdir(), "bw-golden-"));
  const env = { ...process.env, NO_COLOR: "1" } as Record<string, string>;
  // The briefing is dated by the build (no brief.yaml here gives a date): a fixed one.
  env.SOURCE_DATE_EPOCH = "1764547200"; // 2025-12-01
  const { code, stderr } = cli(["build", "--corpus", corpus, "--out", out, "-q"], { env });
  expect(stderr).not.toMatch(/internal error/);
  expect(code).toBe(0);
  const hashes: Record<string, string> = {};
  for (const name of CONTRACT)
    hashes[name] = createHash("sha256")
      .update(await readFile(join(out, name)))
      .digest("hex");
  return hashes;
}

describe("golden outputs", () => {
  const golden: Record<string, Record<string, string>> = {};
  for (const [name, corpus] of Object.entries(CORPORA)) {
    it(`${name}: every output is byte for byte what it was`, async () => {
      const actual = await build(corpus);
      if (update) {
        golden[name] = actual;
        const previous = existsSync(GOLDEN) ? JSON.parse(await readFile(GOLDEN, "utf8")) : {};
        await writeFile(GOLDEN, `${JSON.stringify({ ...previous, ...golden }, null, 2)}\n`);
        return;
      }
      const expected = JSON.parse(await readFile(GOLDEN, "utf8"))[name];
      expect(actual).toEqual(expected);
    }, 180_000);
  }
});
