// Audit #19, item 6: an outline of 10,000 charts ran for more than ten minutes with no limit,
// and a briefing of 5,711 words passed its 2,500-word limit with a warning. The outline's
// directives and charts are now capped (one error at the first one past the cap, the rest
// dropped unexpanded), and the word limit is an error.
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BriefwrightError } from "../../src/diagnostics/types.js";
import type { Source } from "../../src/model/source.js";
import { MAX_CHARTS, MAX_DIRECTIVES } from "../../src/outline/plugins/directives.js";
import { readBrief } from "../../src/pipeline/inspect.js";
import { BIN } from "../cli/run.js";
import { analyse, type Briefing, compileOutline } from "../engine/imports.js";

let sources: Source[];
let briefing: Briefing;

beforeAll(async () => {
  const corpus = await readBrief("corpus");
  sources = corpus.sources;
  briefing = analyse(sources, corpus.options.engine).briefing;
}, 120_000);

function refusal(text: string, extra: { fallbackMaxWords?: number } = {}): BriefwrightError {
  try {
    compileOutline({ briefing, sources, outline: { path: "c/briefing.md", text }, ...extra });
  } catch (error) {
    if (error instanceof BriefwrightError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const lines = (n: number, line: string) => Array.from({ length: n }, () => line).join("\n\n");

describe("the outline's directives and charts are capped", () => {
  it("10,000 charts: one error at the first chart past the cap, nothing else expanded", () => {
    const error = refusal(`# Charts\n\n${lines(10_000, '::chart{type="timeline"}')}\n`);
    expect(error.errorClass).toBe("input");
    expect(error.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: "outline-too-many-charts",
        file: "c/briefing.md",
        // Heading, blank line, then one chart every other line.
        line: 3 + 2 * MAX_CHARTS,
        column: 1,
      }),
    ]);
  }, 120_000);

  it("more directives than the cap: one error at the first one past it", () => {
    const error = refusal(`# Many\n\n${lines(2 * MAX_DIRECTIVES, "::method")}\n`);
    expect(error.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: "outline-too-many-directives",
        line: 3 + 2 * MAX_DIRECTIVES,
      }),
    ]);
  }, 120_000);

  it("an outline within the caps compiles", () => {
    const { tree } = compileOutline({
      briefing,
      sources,
      outline: {
        path: "c/briefing.md",
        text: `# Charts\n\n${lines(3, '::chart{type="timeline"}')}\n`,
      },
    });
    expect(tree.children.filter((n) => n.type === ("exhibit" as never)).length).toBe(3);
  });
});

describe("the word limit is enforced", () => {
  const prose = `# Long\n\n${"The author wrote this sentence about the alliances again. ".repeat(400)}\n\n::findings\n`;

  it("a briefing over the limit is an error (briefing-too-long), not a warning", () => {
    const error = refusal(prose);
    expect(error.diagnostics).toEqual([
      expect.objectContaining({ severity: "error", ruleId: "briefing-too-long" }),
    ]);
  });

  it("the limit is the outline's maxWords, else brief.yaml's", () => {
    expect(() =>
      compileOutline({
        briefing,
        sources,
        outline: { path: "b.md", text: `---\nmaxWords: 10000\n---\n${prose}` },
      }),
    ).not.toThrow();
    expect(() =>
      compileOutline({
        briefing,
        sources,
        outline: { path: "b.md", text: prose },
        fallbackMaxWords: 10_000,
      }),
    ).not.toThrow();
  });

  it("check exits 1 on such an outline, naming the rule", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bw-outline-caps-"));
    await cp("corpus", dir, { recursive: true });
    await writeFile(join(dir, "briefing.md"), prose);
    const r = spawnSync(process.execPath, [BIN, "check", "--corpus", dir], {
      env: { ...process.env, NO_COLOR: "1" },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/briefing\.md: error: .*\[briefing-too-long\]/);
  }, 120_000);
});

// Audit #19, item 11: the outline's raw HTML was copied into out/briefing.md as it was, and a
// citation Markdown splits (`[@__proto__, ¶1]`: `__proto__` is bold; a quote holding a tag) was
// left as text with no error, `check` counting no citation.
describe("what the outline's Markdown may not smuggle", () => {
  it("raw HTML is dropped with a warning at its place (comments quietly), never reaching briefing.md", async () => {
    const text =
      '# Overview\n\n<!-- a note to myself -->\n\n<script>alert(1)</script>\n\n<b onclick="x()">Bold</b> author text.\n\n::method\n';
    const { tree, diagnostics } = compileOutline({
      briefing,
      sources,
      outline: { path: "c/briefing.md", text },
    });
    const html: unknown[] = [];
    const walk = (n: { type: string; children?: unknown[] }) => {
      if (n.type === "html") html.push(n);
      for (const c of (n.children ?? []) as { type: string }[]) walk(c);
    };
    walk(tree as never);
    expect(html).toEqual([]);
    expect(
      diagnostics.filter((d) => d.ruleId === "outline-raw-html").map((d) => [d.line, d.column]),
    ).toEqual([
      [5, 1],
      [7, 1],
      [7, 22],
    ]);

    const dir = await mkdtemp(join(tmpdir(), "bw-outline-html-"));
    await cp("corpus", dir, { recursive: true });
    await writeFile(join(dir, "briefing.md"), text);
    const out = join(dir, "..", `${dir.split("/").pop()}-out`);
    const r = spawnSync(
      process.execPath,
      [BIN, "build", "--corpus", dir, "--out", out, "--only", "json"],
      { env: { ...process.env, NO_COLOR: "1" }, encoding: "utf8", timeout: 120_000 },
    );
    expect(r.status).toBe(0);
    const md = await readFile(join(out, "briefing.md"), "utf8");
    expect(md).not.toMatch(/<script|onclick|<b\b|<!--/);
    expect(md).toContain("Bold author text.");
  }, 120_000);

  it("a citation that Markdown splits is an error at its place, not text", () => {
    const id = sources[0]!.id;
    for (const [line, text] of [
      [3, "# A\n\nNATO is large [@__proto__, ¶1].\n"],
      [3, `# A\n\nNATO is large [@${id}: "a <i>quoted</i> phrase"].\n`],
      [3, `# A\n\nNATO is large [@${id}, *¶1*].\n`],
    ] as const) {
      const error = refusal(text);
      expect(error.diagnostics, text).toEqual([
        expect.objectContaining({ ruleId: "outline-citation-split", line }),
      ]);
    }
  });
});
