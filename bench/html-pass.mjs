#!/usr/bin/env node
// Watch's quick pass in one warm process, the way `watch` runs it after an edit: a source of a
// copy of the default corpus is edited, then read (reader cache), analysed, compiled, and every
// writer's browser-free output written (model, Markdown, report and deck HTML previews).
// Prints each pass's stage times and the medians of wall and CPU time per pass.
// Usage: node bench/html-pass.mjs [PASSES] [REPO]   (REPO: a checkout with dist/ built; default this one)
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const passes = Number(process.argv[2] ?? 6);
const repo = resolve(process.argv[3] ?? join(import.meta.dirname, ".."));
const { compile, Stages, DEFAULT_TEMPLATES } = await import(join(repo, "dist/pipeline/build.js"));
const { WRITERS } = await import(join(repo, "dist/writers/index.js"));
const dir = mkdtempSync(join(tmpdir(), "bw-html-pass-"));
cpSync(join(repo, "corpus"), join(dir, "corpus"), { recursive: true, dereference: true });
const file = join(dir, "corpus", readdirSync(join(dir, "corpus")).find((n) => n.endsWith(".txt")));
const opts = { corpusDir: join(dir, "corpus"), outDir: join(dir, "out"), readerCache: new Map(), analysisCache: {} };
mkdirSync(opts.outDir, { recursive: true });

async function pass(i) {
  writeFileSync(file, `${readFileSync(file, "utf8")}\n\nA paragraph added by the benchmark, edit ${i + 1}.\n`);
  const t = {};
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const c = await compile(opts, new Stages((p) => p.state === "done" && (t[p.stage] = Math.round(p.ms))));
  const context = { outDir: opts.outDir, templatesDir: DEFAULT_TEMPLATES, options: c.options.writers };
  for (const w of WRITERS) {
    const s = performance.now();
    const write = w.needsBrowser ? await w.loadPreview() : await w.load();
    await write(c.document, context);
    t[w.name] = Math.round(performance.now() - s);
  }
  const cpu = process.cpuUsage(cpu0);
  return { ...t, wall: Math.round(performance.now() - t0), cpu: Math.round((cpu.user + cpu.system) / 1000) };
}

try {
  console.log("warm-up", JSON.stringify(await pass(-1)));
  const runs = [];
  for (let i = 0; i < passes; i++) {
    runs.push(await pass(i));
    console.log(JSON.stringify(runs.at(-1)));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`median per pass: wall ${median(runs.map((r) => r.wall))} ms, cpu ${median(runs.map((r) => r.cpu))} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
