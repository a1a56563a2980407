/**
 * The one place that parses arguments, prints diagnostics and maps errors to exit codes:
 * 0 done, 1 bad input, 2 bad usage, 3 environment, 4 internal error.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { BriefwrightError, type Diagnostic } from "../diagnostics/types.js";
import { buildCommand } from "./commands/build.js";
import { inspect } from "./commands/inspect.js";
import type { CommandContext } from "./context.js";
import { formatDiagnostic, styleFor } from "./format.js";

export const EXIT = { ok: 0, input: 1, usage: 2, environment: 3, internal: 4 } as const;

const HELP: Record<string, string> = {
  main: `briefwright — a cited, comparative briefing (PDF report + slide deck) from a folder of sources

Usage: briefwright <command> [options]

Commands:
  build     read, analyse and render every output into --out
  inspect   show what the reader made of each source

Options:
  -h, --help     show help (also: briefwright <command> --help)
  -V, --version  show the version

Exit codes: 0 done, 1 bad input, 2 bad usage, 3 environment (no browser, no write access), 4 internal error.`,
  build: `Usage: briefwright build [--corpus DIR] [--out DIR] [--quiet] [--verbose]

Reads the corpus (default corpus/) and writes the outputs into --out (default out/).

  --corpus DIR   folder of sources (.md, .txt, .html) and brief.yaml   (default: corpus)
  --out DIR      output folder                                         (default: out)
  -q, --quiet    print errors only
  -v, --verbose  print each stage with its time`,
  inspect: `Usage: briefwright inspect [--corpus DIR] [--json]

Prints a table of the sources (id, title, author, date, publisher, words, blocks, dropped,
warnings) and the reader's messages; --json prints the sources with their blocks.

  --corpus DIR   folder of sources   (default: corpus)
  --json         machine-readable output on stdout`,
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

class UsageError extends Error {}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const errStyle = styleFor(process.stderr, env);
  const err = (text: string) => process.stderr.write(`${text}\n`);
  let json = false;
  const report = (diagnostics: Diagnostic[], quiet = false) => {
    for (const d of diagnostics) {
      if (quiet && d.severity !== "error") continue;
      err(formatDiagnostic(d, errStyle));
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
    };
    if (v.help) {
      process.stdout.write(`${HELP[command]}\n`);
      return EXIT.ok;
    }
    json = v.json;
    const ctx: CommandContext = {
      stdout: (text) => process.stdout.write(text),
      info: (text) => {
        if (!v.quiet) err(text);
      },
      report: (diagnostics) => report(diagnostics, v.quiet),
      quiet: v.quiet,
      verbose: v.verbose,
      json: v.json,
    };
    switch (command) {
      case "build":
        return await buildCommand(ctx, v);
      case "inspect":
        return await inspect(ctx, v);
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
          `${JSON.stringify({ error: error.message, diagnostics: error.diagnostics }, null, 2)}\n`,
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
