import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempCorpus } from "../readers/helpers.js";
import { cli } from "./run.js";

describe("briefwright inspect (subprocess)", () => {
  it("prints a table of the default corpus with warnings on stderr", () => {
    const { code, stdout, stderr } = cli(["inspect"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^id\s+title\s+author\s+date\s+publisher\s+words\s+blocks\s+dropped\s+warnings/,
    );
    expect(stdout).toMatch(/karelska-2022\s+NATO vs CSTO .*Christine Karelska\s+2022-08-03/);
    expect(stderr).toContain(
      "corpus/002_6e2675e3187c4228.txt: warning: no date: the source states none [meta-no-date]",
    );
    expect(stderr).not.toContain("\u001b[");
  });

  it("--json prints the sources with their blocks", () => {
    const { code, stdout } = cli(["inspect", "--json"]);
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    expect(data.sources).toHaveLength(5);
    expect(data.sources[2].id).toBe("putz");
    expect(data.sources[2].blocks[0]).toMatchObject({ index: 1, kind: "paragraph" });
    expect(data.diagnostics.some((d: { ruleId: string }) => d.ruleId === "meta-no-date")).toBe(
      true,
    );
  });

  it("says which files are copies of which (the same article saved twice)", async () => {
    const dir = await tempCorpus();
    const article = [
      "# Alliance grows",
      "",
      "The alliance admitted two new members in April 2023 after a long ratification process in every national parliament.",
      "",
      "Officials said the enlargement doubled the length of the border the alliance must defend against any attack.",
      "",
    ].join("\n");
    await writeFile(join(dir, "a.md"), article);
    await writeFile(
      join(dir, "b.md"),
      article.replace("# Alliance grows", "# Two join the alliance"),
    );
    await writeFile(
      join(dir, "c.md"),
      "# Other news\n\nA different report about the weather in the mountains during a cold and dry winter.\n",
    );
    const { code, stdout } = cli(["inspect", "--corpus", dir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/copy: b\.md is a copy of a\.md \(\d+ % of word 5-grams shared\)/);
    expect(stdout).not.toMatch(/copy: c\.md/);
    const json = JSON.parse(cli(["inspect", "--corpus", dir, "--json"]).stdout);
    expect(json.copies).toEqual([expect.objectContaining({ file: "b.md", copyOf: "a.md" })]);
  });

  it("exit 1 with file:line:column for a broken brief.yaml, no stack trace", async () => {
    const dir = await tempCorpus();
    await writeFile(join(dir, "a.md"), "# A\n\nSome text about things that happened in 2020.\n");
    await writeFile(join(dir, "brief.yaml"), "title: x\nmaxWords: many\n");
    const { code, stderr } = cli(["inspect", "--corpus", dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/brief\.yaml:2:11: error: `maxWords`: .* \[brief-schema\]/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("exit 2 for bad usage, 0 for --help and --version", () => {
    expect(cli(["inspect", "--bogus"]).code).toBe(2);
    expect(cli(["frobnicate"]).code).toBe(2);
    const help = cli(["inspect", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: briefwright inspect");
    expect(cli(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
