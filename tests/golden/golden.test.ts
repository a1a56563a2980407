// Golden outputs: the sha256 of all six outputs for three corpora. A change that alters any
// output byte fails here; rewrite on purpose with `UPDATE_GOLDEN=1 npx vitest run tests/golden`
// and say why in the commit message.
//
// A PDF's bytes are the browser's: the same page laid out by another Chromium release (Debian
// updates it; CI installs the current one) is written differently. So each corpus records the
// PDF producer it was made with ("Skia/PDF m150") and each PDF's text, page by page
// (`pdftotext -layout`). With the same producer the PDFs' bytes are compared; with another, their
// words and lines on every page are; the other four outputs byte for byte always. (The producer
// names the Chromium milestone only: a patch release that rewrites the bytes fails here, and the
// golden is then rewritten on purpose.)
import { execFileSync } from "node:child_process";
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
  const sha = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
  const hashes: Record<string, string> = {};
  for (const name of CONTRACT) hashes[name] = sha(await readFile(join(out, name)));
  for (const name of CONTRACT.filter((n) => n.endsWith(".pdf"))) {
    const pdf = join(out, name);
    hashes[`${name} text`] = sha(poppler("pdftotext", ["-layout", pdf, "-"]));
    hashes["pdf producer"] = /^Producer:\s*(.*)$/mu.exec(poppler("pdfinfo", [pdf]))?.[1] ?? "";
  }
  return hashes;
}

/**
 * What to compare: the PDFs' bytes when the same browser made them (their text then follows, and
 * a poppler update that reads them differently is no change of ours), their text when another
 * did; the other outputs always.
 */
function comparable(hashes: Record<string, string>, sameBrowser: boolean) {
  return Object.fromEntries(
    Object.entries(hashes).filter(([k]) =>
      sameBrowser ? !k.endsWith(" text") : !k.endsWith(".pdf") && k !== "pdf producer",
    ),
  );
}

/** `pdftotext` and `pdfinfo` (poppler-utils), or a clear failure naming them. */
function poppler(tool: "pdftotext" | "pdfinfo", args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: "utf8" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new Error(`${tool} is needed to compare the PDFs: install poppler-utils`);
    throw error;
  }
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
      const producer = expected["pdf producer"];
      const sameBrowser = actual["pdf producer"] === producer;
      if (!sameBrowser) {
        console.warn(
          `golden ${name}: PDFs made by ${actual["pdf producer"]}, recorded with ${producer}: their text is compared, not their bytes`,
        );
      }
      expect(comparable(actual, sameBrowser)).toEqual(comparable(expected, sameBrowser));
    }, 180_000);
  }
});
