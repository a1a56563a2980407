#!/usr/bin/env node
// `npm run bench`: stage times (median and spread over several runs) for the default corpus,
// the whole `briefwright build` as a separate process (wall time, peak memory), optional peers
// side by side (--peers, installed into bench/.scratch, never as project dependencies), and
// the scale series (--scale: 10, 100, 1000 sources). Writes bench/results.json and prints a
// Markdown table. Goals are recorded, not asserted.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = new Set(process.argv.slice(2));
const runs = Number(process.env.BENCH_RUNS ?? 5);
const scratch = join(root, "bench", ".scratch");
const dist = (p) => import(pathToFileURL(join(root, "dist", p)).href);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (xs) => Math.max(...xs) - Math.min(...xs);
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

async function time(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Runs a command, returning wall ms and peak RSS in MB of the largest process (GNU time). */
function measureProcess(cmd, argv, options = {}) {
  const timeBin = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
  const t0 = performance.now();
  const r = timeBin
    ? spawnSync(timeBin, ["-f", "BENCH_RSS_KB=%M", cmd, ...argv], { cwd: root, encoding: "utf8", ...options })
    : spawnSync(cmd, argv, { cwd: root, encoding: "utf8", ...options });
  const ms = performance.now() - t0;
  const kb = Number(/BENCH_RSS_KB=(\d+)/.exec(r.stderr ?? "")?.[1] ?? Number.NaN);
  return { ms, rssMb: kb / 1024, status: r.status, stderr: r.stderr };
}

const results = { machine: { cores: (await import("node:os")).cpus().length, node: process.version }, runs, stages: {}, build: {}, peers: {}, scale: [] };

// 1. Stages in process, on the default corpus.
const { readCorpus } = await dist("corpus/index.js");
const engine = await dist("briefing/index.js");
const { launchBrowser } = await dist("render/browser.js");
const report = await dist("render/report/index.js");
const slides = await dist("render/slides/index.js");
const { DEFAULT_TEMPLATES } = await dist("build/index.js");
const samples = { read: [], analyse: [], compile: [], "report HTML": [], "report PDF": [], "deck HTML": [], "deck PDF": [], "browser launch": [] };
for (let i = 0; i < runs; i++) {
  let corpus;
  samples.read.push(await time(async () => (corpus = await readCorpus(join(root, "corpus")))));
  let analysed;
  samples.analyse.push(await time(() => (analysed = engine.analyse(corpus.sources, corpus.spec))));
  let compiled;
  samples.compile.push(
    await time(async () => {
      const outline = await engine.loadOutline(join(root, "corpus"), DEFAULT_TEMPLATES);
      compiled = engine.compileOutline({ briefing: analysed.briefing, sources: corpus.sources, outline });
    }),
  );
  const input = { briefing: analysed.briefing, tree: compiled.tree, spec: corpus.spec };
  samples["report HTML"].push(await time(() => report.renderReportHtml({ ...input, assetsDir: "assets", templatesDir: join(DEFAULT_TEMPLATES, "report") })));
  samples["deck HTML"].push(await time(() => slides.renderDeckHtml(input)));
  const out = mkdtempSync(join(tmpdir(), "bw-bench-"));
  let browser;
  samples["browser launch"].push(await time(async () => (browser = await launchBrowser())));
  try {
    const common = { ...input, outDir: out, templatesDir: DEFAULT_TEMPLATES, browser };
    samples["report PDF"].push(await time(() => report.writeReport(common)));
    samples["deck PDF"].push(await time(() => slides.writeSlides(common)));
  } finally {
    await browser.close();
    rmSync(out, { recursive: true, force: true });
  }
}
for (const [stage, xs] of Object.entries(samples)) results.stages[stage] = { medianMs: median(xs), spreadMs: spread(xs) };

// 2. The whole build as a separate process.
const builds = [];
for (let i = 0; i < runs; i++) {
  const out = mkdtempSync(join(tmpdir(), "bw-bench-build-"));
  builds.push(measureProcess(process.execPath, [join(root, "bin", "briefwright.mjs"), "build", "--quiet", "--out", out]));
  rmSync(out, { recursive: true, force: true });
}
results.build = { medianMs: median(builds.map((b) => b.ms)), spreadMs: spread(builds.map((b) => b.ms)), peakRssMb: Math.max(...builds.map((b) => b.rssMb)), goalMs: 2500 };

// 3. Peers, when asked for (installed into bench/.scratch, never into the project).
if (args.has("--peers")) {
  const { discoverBrowser } = await dist("render/browser-discovery.js");
  const chrome = discoverBrowser(process.env)?.path;
  const peerDir = join(scratch, "peers");
  mkdirSync(peerDir, { recursive: true });
  if (!existsSync(join(peerDir, "node_modules", ".bin", "pagedjs-cli"))) {
    writeFileSync(join(peerDir, "package.json"), '{"name":"bench-peers","private":true}\n');
    spawnSync("npm", ["install", "--no-audit", "--no-fund", "pagedjs-cli", "md-to-pdf", "@marp-team/marp-cli"], { cwd: peerDir, stdio: "inherit", env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: "1" } });
  }
  const built = mkdtempSync(join(tmpdir(), "bw-bench-peer-src-"));
  spawnSync(process.execPath, [join(root, "bin", "briefwright.mjs"), "build", "--quiet", "--out", built]);
  const deckMd = join(built, "deck.md");
  writeFileSync(deckMd, `---\nmarp: true\n---\n\n${readFileSync(join(built, "briefing.md"), "utf8").split(/\n(?=## )/).join("\n\n---\n\n")}`);
  const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: chrome, CHROME_PATH: chrome };
  const bin = (n) => join(peerDir, "node_modules", ".bin", n);
  const peers = {
    "pagedjs-cli (report)": [bin("pagedjs-cli"), [join(built, "briefing.html"), "-o", join(built, "peer-paged.pdf")]],
    "md-to-pdf (report)": [bin("md-to-pdf"), [join(built, "briefing.md"), "--launch-options", JSON.stringify({ executablePath: chrome, args: ["--no-sandbox", "--disable-gpu"] })]],
    "marp-cli (deck PDF)": [bin("marp"), ["--pdf", "--allow-local-files", deckMd, "-o", join(built, "peer-marp.pdf")]],
    "chromium --print-to-pdf (floor)": [chrome, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", `--user-data-dir=${mkdtempSync(join(tmpdir(), "bw-floor-"))}`, `--print-to-pdf=${join(built, "floor.pdf")}`, pathToFileURL(join(built, "briefing.html")).href]],
  };
  for (const [name, [cmd, argv]] of Object.entries(peers)) {
    const xs = [];
    let ok = true;
    for (let i = 0; i < Math.min(runs, 3); i++) {
      const r = measureProcess(cmd, argv, { env, timeout: 120_000 });
      ok &&= r.status === 0;
      xs.push(r.ms);
    }
    results.peers[name] = { medianMs: median(xs), ok };
  }
  const paged = results.peers["pagedjs-cli (report)"];
  const marp = results.peers["marp-cli (deck PDF)"];
  if (paged?.ok && marp?.ok) results.peers.ratio = { oursOverPagedPlusMarp: results.build.medianMs / (paged.medianMs + marp.medianMs), goal: 0.6 };
  rmSync(built, { recursive: true, force: true });
}

// 4. Scale: 10, 100, 1000 sources made from the default corpus.
if (args.has("--scale")) {
  for (const n of [10, 100, 1000]) {
    const dir = join(scratch, `corpus-${n}`);
    spawnSync(process.execPath, [join(root, "bench", "make-corpus.mjs"), String(n), dir, join(root, "corpus")], { stdio: "ignore" });
    const out = mkdtempSync(join(tmpdir(), "bw-bench-scale-"));
    const r = measureProcess(process.execPath, [join(root, "bin", "briefwright.mjs"), "build", "--quiet", "--corpus", dir, "--out", out]);
    const t = measureProcess(process.execPath, [join(root, "bin", "briefwright.mjs"), "inspect", "--corpus", dir]);
    results.scale.push({ sources: n, buildMs: r.ms, peakRssMb: r.rssMb, ok: r.status === 0, inspectMs: t.ms });
    rmSync(out, { recursive: true, force: true });
  }
}

mkdirSync(join(root, "bench"), { recursive: true });
writeFileSync(join(root, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
const lines = ["| stage | median | spread |", "| --- | ---: | ---: |"];
for (const [stage, r] of Object.entries(results.stages)) lines.push(`| ${stage} | ${fmt(r.medianMs)} | ${fmt(r.spreadMs)} |`);
lines.push(`| **whole build (process)** | **${fmt(results.build.medianMs)}** | ${fmt(results.build.spreadMs)} |`);
lines.push("", `Whole build peak memory: ${results.build.peakRssMb.toFixed(0)} MB; goal under 2.5 s: ${results.build.medianMs < 2500 ? "met" : "not met"}.`);
if (Object.keys(results.peers).length) {
  lines.push("", "| peer | median | ok |", "| --- | ---: | --- |");
  for (const [name, r] of Object.entries(results.peers)) if (name !== "ratio") lines.push(`| ${name} | ${fmt(r.medianMs)} | ${r.ok ? "yes" : "no"} |`);
  if (results.peers.ratio) lines.push("", `ours / (pagedjs-cli + marp-cli) = ${results.peers.ratio.oursOverPagedPlusMarp.toFixed(2)} (goal ≤ 0.6)`);
}
if (results.scale.length) {
  lines.push("", "| sources | whole build | peak memory | inspect |", "| ---: | ---: | ---: | ---: |");
  for (const s of results.scale) lines.push(`| ${s.sources} | ${fmt(s.buildMs)}${s.ok ? "" : " (failed)"} | ${s.peakRssMb.toFixed(0)} MB | ${fmt(s.inspectMs)} |`);
}
process.stdout.write(`${lines.join("\n")}\n`);
