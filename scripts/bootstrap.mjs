#!/usr/bin/env node
// Dependency-free bootstrap: `npm run build` and `npm test` work on a fresh machine with Node 20+.
// It installs npm dependencies when missing or stale, compiles the TypeScript, makes sure a
// browser is there (installing Debian's chromium as root where apt-get exists), then runs the task.
// Only Node built-ins are imported here, on purpose.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const task = process.argv[2] ?? "build";
const rest = process.argv.slice(3);
const say = (line) => process.stderr.write(`bootstrap: ${line}\n`);

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...options });
  if (result.error) {
    say(`could not run ${cmd}: ${result.error.message}`);
    process.exit(3);
  }
  return result.status ?? 1;
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : mtime(path));
  }
  return latest;
}

const [major] = process.versions.node.split(".").map(Number);
if (major < 20) {
  say(`Node ${process.versions.node} is too old: briefwright needs Node 20 or newer.`);
  process.exit(3);
}

// 1. npm dependencies: `npm ci` when node_modules is missing or older than the lockfile.
const lock = join(root, "package-lock.json");
const installed = join(root, "node_modules", ".package-lock.json");
if (!existsSync(installed) || mtime(installed) < mtime(lock)) {
  say("installing npm dependencies (npm ci)…");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const status = run(npm, ["ci", "--no-audit", "--no-fund"], {
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: "1" },
  });
  if (status !== 0) {
    say("npm ci failed; see the messages above.");
    process.exit(3);
  }
}

// 2. Compile TypeScript when any source is newer than the compiled output.
const stamp = join(root, "dist", ".stamp");
if (
  mtime(stamp) <
  Math.max(
    newest(join(root, "src")),
    mtime(join(root, "tsconfig.json")),
    mtime(join(root, "tsconfig.build.json")),
  )
) {
  say("compiling TypeScript…");
  const status = run(process.execPath, [
    join(root, "node_modules", "typescript", "bin", "tsc"),
    "-p",
    "tsconfig.build.json",
  ]);
  if (status !== 0 && !existsSync(join(root, "dist", "cli", "main.js"))) process.exit(status);
  spawnSync(process.execPath, [
    "-e",
    `require("node:fs").writeFileSync(${JSON.stringify(stamp)}, "")`,
  ]);
}

// 3. A browser: explicit path, installed Chrome/Chromium, puppeteer's cache, else apt-get.
const discovery = await import(
  pathToFileURL(join(root, "dist", "runtime", "browser-discovery.js")).href
);
let browser = discovery.discoverBrowser(process.env);
if (!browser) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = existsSync("/usr/bin/apt-get");
  if (isRoot && hasApt) {
    say("no browser found: installing Debian's chromium with apt-get…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    if (run("apt-get", ["update", "-qq"], { env }) === 0)
      run("apt-get", ["install", "-y", "-qq", "chromium"], { env });
    browser = discovery.discoverBrowser(process.env);
  }
  if (!browser) {
    say(discovery.browserHelp());
    process.exit(3);
  }
}

// 4. The task.
const bin = join(root, "bin", "briefwright.mjs");
const local = (name) => join(root, "node_modules", ".bin", name);
let status = 0;
if (task === "build") {
  status = run(process.execPath, [bin, "build", ...rest]);
} else if (task === "test") {
  status = run(local("tsc"), ["--noEmit"]);
  if (status === 0) status = run(local("biome"), ["check", "."]);
  if (status === 0)
    status = run(local("vitest"), ["run", "--testTimeout=120000", "--hookTimeout=120000", ...rest]);
} else if (task === "bench") {
  status = run(process.execPath, [join(root, "bench", "bench.mjs"), ...rest]);
} else if (task === "eval") {
  status = run(process.execPath, [join(root, "scripts", "eval.mjs"), ...rest]);
} else {
  say(`unknown task "${task}" (build, test, bench, eval)`);
  status = 2;
}
process.exit(status);
