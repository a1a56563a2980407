/**
 * Build progress on stderr: on a terminal, each stage as a line that turns into a tick with its
 * time; elsewhere (CI, pipes) plain lines; nothing with --quiet.
 */
import type { BuildResult, ProgressEvent } from "../pipeline/build.js";

export interface ProgressOptions {
  stream: NodeJS.WriteStream;
  quiet: boolean;
  verbose: boolean;
  color: boolean;
  env: NodeJS.ProcessEnv;
}

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${Math.round(n)} ms`);

export function progressPrinter(o: ProgressOptions): (e: ProgressEvent) => void {
  const live = Boolean(o.stream.isTTY) && !o.env.CI;
  const dim = (s: string) => (o.color ? `\u001b[2m${s}\u001b[0m` : s);
  const green = (s: string) => (o.color ? `\u001b[32m${s}\u001b[0m` : s);
  return (e) => {
    if (o.quiet) return;
    if (live) {
      if (e.state === "start") o.stream.write(`  … ${e.stage}`);
      else
        o.stream.write(`\r\u001b[2K  ${green("✓")} ${e.stage.padEnd(15)} ${dim(ms(e.ms ?? 0))}\n`);
    } else if (e.state === "done") {
      o.stream.write(`${e.stage}: ${ms(e.ms ?? 0)}\n`);
    } else if (o.verbose) {
      o.stream.write(`${e.stage}: started\n`);
    }
  };
}

export function summary(result: BuildResult, wallMs: number): string {
  const warnings = result.diagnostics.filter((d) => d.severity === "warning").length;
  const parts = [
    `${result.sources} sources`,
    `${result.citations} citations`,
    ...(result.pages !== undefined ? [`${result.pages} pages`] : []),
    ...(result.slides !== undefined ? [`${result.slides} slides`] : []),
    `${warnings} warning${warnings === 1 ? "" : "s"}`,
  ];
  const stages = result.timings.map((t) => `${t.stage} ${ms(t.ms)}`).join(", ");
  return `${parts.join(" · ")} in ${ms(wallMs)} (${stages})\n${result.outputs.map((p) => `  ${p}`).join("\n")}`;
}
