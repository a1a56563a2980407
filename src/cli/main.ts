/**
 * The one place that parses arguments, prints diagnostics and maps errors to exit codes:
 * 0 done, 1 bad input, 2 bad usage, 3 environment, 4 internal error, 128 + n stopped by signal n.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { BriefwrightError, type Diagnostic } from "../diagnostics/types.js";
import { packagePath } from "../util/package.js";
import type { CommandContext } from "./context.js";
import { escapeControls, formatDiagnostic, styleFor } from "./format.js";
import { isWorker, stopOnSignal, supervise } from "./supervise.js";
import { UsageError } from "./usage.js";

export const EXIT = { ok: 0, input: 1, usage: 2, environment: 3, internal: 4 } as const;

/** Commands that run in a supervised worker process (see supervise.ts). */
const SUPERVISED = new Set(["build", "check", "watch", "present", "inspect"]);

const HELP: Record<string, string> = {
  main: `briefwright — a cited, comparative briefing (PDF report + slide deck) from a folder of sources

Usage: briefwright <command> [options]

Commands:
  build     read, analyse and render every output into --out
  check     everything but writing: corpus, brief.yaml, outline, every citation verified
  watch     build, then rebuild on every change to the corpus or the templates
  present   serve the deck on 127.0.0.1, rebuilding and reloading on change
  inspect   show what the reader made of each source

Options:
  -h, --help     show help (also: briefwright <command> --help)
  -V, --version  show the version

Exit codes: 0 done, 1 bad input, 2 bad usage, 3 environment (no browser, no write access), 4 internal error,
130/143 stopped by SIGINT (Ctrl-C)/SIGTERM.`,
  build: `Usage: briefwright build [--corpus DIR] [--out DIR] [--only LIST] [--strict] [-q] [-v]

Reads the corpus and writes briefing.json, briefing.md, briefing.html, briefing.pdf,
slides/index.html (+ assets) and slides.pdf into --out. Outputs are replaced only when all of
them were written; a lock file keeps two builds from writing one folder at once.

  --corpus DIR   folder of sources (.md, .txt, .html) and brief.yaml   (default: corpus)
  --out DIR      output folder                                         (default: out)
  --only LIST    some outputs only: json, pdf, slides (comma-separated)
  --strict       warnings are errors
  -q, --quiet    print errors only
  -v, --verbose  more detail`,
  check: `Usage: briefwright check [--corpus DIR] [--strict]

Reads the corpus and brief.yaml, analyses, compiles the outline and verifies every citation,
without writing anything. Fast enough for a pre-commit hook. Exit 1 on any error.

  --corpus DIR   folder of sources   (default: corpus)
  --strict       warnings are errors`,
  watch: `Usage: briefwright watch [--corpus DIR] [--out DIR]

Builds, then rebuilds whenever a source, brief.yaml or a template changes: the HTML outputs
first, the PDFs after. Only changed sources are read again. Stop with Ctrl-C.

  --corpus DIR   folder of sources   (default: corpus)
  --out DIR      output folder       (default: out)`,
  present: `Usage: briefwright present [--corpus DIR] [--out DIR] [--port N]

Builds, serves out/slides on http://127.0.0.1:N/ (only on this machine), rebuilds when the
corpus, brief.yaml or the templates change and reloads the page. Press S in the deck for the
speaker view. Stop with Ctrl-C.

  --port N       port to listen on   (default: 8000; 0 picks a free one)`,
  inspect: `Usage: briefwright inspect [--corpus DIR] [--json]

Prints a table of the sources (id, title, author, date, publisher, words, blocks, dropped,
warnings) and the reader's messages; --json prints the sources with their blocks.

  --corpus DIR   folder of sources   (default: corpus)
  --json         machine-readable output on stdout`,
};

function version(): string {
  const pkg = JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const errStyle = styleFor(process.stderr, env);
  // Everything printed passes escapeControls: corpus text cannot drive the terminal.
  const err = (text: string) => process.stderr.write(`${escapeControls(text)}\n`);
  let json = false;
  const report = (diagnostics: Diagnostic[], quiet = false) => {
    for (const d of diagnostics) {
      if (quiet && d.severity !== "error") continue;
      // Escaped field by field, coloured after.
      process.stderr.write(`${formatDiagnostic(d, errStyle)}\n`);
    }
  };
  try {
    const [command, ...args] = argv;
    if (!command || command === "-h" || command === "--help" || command === "help") {
      process.stdout.write(`${HELP.main}\n`);
      return command ? EXIT.ok : EXIT.usage;
    }
    if (command === "-V" || command === "--version") {
      process.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    if (!(command in HELP) || command === "main")
      throw new UsageError(`unknown command "${command}"`);
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args,
        strict: true,
        allowPositionals: false,
        options: {
          corpus: { type: "string", default: "corpus" },
          out: { type: "string", default: "out" },
          json: { type: "boolean", default: false },
          only: { type: "string" },
          strict: { type: "boolean", default: false },
          port: { type: "string", default: "8000" },
          quiet: { type: "boolean", short: "q", default: false },
          verbose: { type: "boolean", short: "v", default: false },
          help: { type: "boolean", short: "h", default: false },
        },
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const v = parsed.values as {
      corpus: string;
      out: string;
      json: boolean;
      quiet: boolean;
      verbose: boolean;
      help: boolean;
      only?: string;
      strict: boolean;
      port: string;
    };
    if (v.help) {
      process.stdout.write(`${HELP[command]}\n`);
      return EXIT.ok;
    }
    json = v.json;
    const ctx: CommandContext = {
      stdout: (text) => process.stdout.write(escapeControls(text)),
      info: (text) => {
        if (!v.quiet) err(text);
      },
      report: (diagnostics) => report(diagnostics, v.quiet),
      quiet: v.quiet,
      verbose: v.verbose,
      json: v.json,
      color: errStyle.color,
    };
    // A command that may run long runs in a worker process that a signal can always stop.
    if (SUPERVISED.has(command)) {
      const service = command === "watch" || command === "present";
      if (!isWorker(env)) return await supervise(argv, env, service ? 8_000 : 1_500);
      if (!service) stopOnSignal();
    }
    // Each command loads only what it uses (the browser, the renderers, citeproc… take time).
    switch (command) {
      case "build":
        return await (await import("./commands/build.js")).buildCommand(ctx, v);
      case "inspect":
        return await (await import("./commands/inspect.js")).inspect(ctx, v);
      case "check":
        return await (await import("./commands/check.js")).checkCommand(ctx, v);
      case "watch":
        return await (await import("./commands/watch.js")).watchCommand(ctx, v);
      case "present": {
        const port = Number(v.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new UsageError(`--port takes a number from 0 to 65535; got "${v.port}"`);
        return await (await import("./commands/present.js")).presentCommand(ctx, { ...v, port });
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err(`briefwright: ${error.message}\nRun \`briefwright --help\` for usage.`);
      return EXIT.usage;
    }
    if (error instanceof BriefwrightError) {
      if (json)
        process.stdout.write(
          escapeControls(
            `${JSON.stringify({ error: error.message, diagnostics: error.diagnostics }, null, 2)}\n`,
          ),
        );
      report(error.diagnostics);
      if (error.diagnostics.length === 0) err(`briefwright: error: ${error.message}`);
      return EXIT[error.errorClass];
    }
    const e = error as NodeJS.ErrnoException;
    if (
      e?.code === "EACCES" ||
      e?.code === "EROFS" ||
      e?.code === "ENOSPC" ||
      e?.code === "EPERM"
    ) {
      err(
        `briefwright: error: cannot write: ${e.message}\n  hint: check that the output folder is writable and the disk has space`,
      );
      return EXIT.environment;
    }
    err(`briefwright: internal error: ${e?.message ?? String(error)}`);
    err("  This is a bug in briefwright. Please report it with the command you ran.");
    if (env.BRIEFWRIGHT_DEBUG) err(String(e?.stack));
    return EXIT.internal;
  }
}
