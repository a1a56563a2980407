// Who may import whom under src/ (the table in README.md's "Architecture" section). Parses every
// import, export-from and dynamic import() of every module and fails on one the table forbids.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "..", "..", "src");

/** folder → the project folders it may import (besides itself, diagnostics and util). */
const ALLOWED: Record<string, string[]> = {
  model: [],
  util: [],
  diagnostics: ["model"],
  readers: ["model"],
  brief: ["model"],
  engine: ["model"],
  outline: ["model"],
  writers: ["model", "runtime"],
  runtime: ["model"],
  pipeline: ["model", "readers", "brief", "engine", "outline", "writers", "runtime"],
  cli: ["pipeline", "brief", "runtime"],
};
const EVERYONE = ["diagnostics", "util"];

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? modules(join(dir, e.name))
      : e.name.endsWith(".ts")
        ? [join(dir, e.name)]
        : [],
  );
}

/** Every relative module specifier of a file: static imports, export … from, import(). */
function specifiers(code: string): string[] {
  const found: string[] = [];
  const patterns = [
    /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']/g,
    /(?:^|\n)\s*import\s*["']([^"']+)["']/g,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) found.push(m[1]!);
  return found.filter((s) => s.startsWith("."));
}

/** `writers/deck/plan.ts` → ["writers", "deck"]. */
const place = (file: string) => relative(SRC, file).split("/");

function violations(): string[] {
  const out: string[] = [];
  for (const file of modules(SRC)) {
    const [from, sub] = place(file);
    for (const spec of specifiers(readFileSync(file, "utf8"))) {
      const target = resolve(dirname(file), spec);
      const rel = relative(SRC, target);
      if (rel.startsWith("..")) {
        out.push(`${relative(SRC, file)} imports ${spec}: outside src/`);
        continue;
      }
      const [to, toSub] = rel.split("/");
      if (!from || !to) continue;
      if (from === to) {
        // Writers never import each other: a writer may use writers/shared; only the registry
        // (writers/index.ts) sees every writer. Readers likewise share only readers' own modules.
        if (
          from === "writers" &&
          sub !== "index.ts" &&
          toSub !== "shared" &&
          toSub !== "index.js" &&
          sub !== toSub
        )
          out.push(`${relative(SRC, file)} imports ${spec}: a writer imports another writer`);
        continue;
      }
      if (EVERYONE.includes(to) && from !== "util" && !(from === "model" && to !== "util"))
        continue;
      if (!(ALLOWED[from] ?? []).includes(to))
        out.push(`${relative(SRC, file)} imports ${spec}: ${from}/ may not import ${to}/`);
    }
  }
  return out.sort();
}

describe("architecture", () => {
  it("every folder under src/ is in the table", () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  it("the import check sees static, type-only, re-export and dynamic imports", () => {
    const code = `import a from "./a.js";\nimport type { B } from "../b.js";\nexport * from "./c.js";\nconst d = await import("./d.js");\nimport "./e.js";\nimport x from "node:fs";`;
    expect(specifiers(code).sort()).toEqual(["../b.js", "./a.js", "./c.js", "./d.js", "./e.js"]);
  });

  it("imports follow the table (model is the only contract; writers never import each other)", () => {
    expect(violations()).toEqual([]);
  });
});
