/** Printing at the edge: diagnostics like a compiler's, coloured only on a TTY without NO_COLOR. */
import type { Diagnostic } from "../diagnostics/types.js";

export interface Style {
  color: boolean;
}

export function styleFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Style {
  return { color: Boolean(stream.isTTY) && !("NO_COLOR" in env) && env.TERM !== "dumb" };
}

const paint = (style: Style, code: number, text: string) =>
  style.color ? `\u001b[${code}m${text}\u001b[0m` : text;

/** `corpus/x.md:3:1: error: message [rule-id]` plus an indented hint line. */
export function formatDiagnostic(d: Diagnostic, style: Style): string {
  const place = d.file
    ? `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ""}` : ""}: `
    : "";
  const colour = d.severity === "error" ? 31 : d.severity === "warning" ? 33 : 36;
  const head = `${paint(style, 1, place)}${paint(style, colour, `${d.severity}:`)} ${d.message} ${paint(style, 2, `[${d.ruleId}]`)}`;
  return d.hint ? `${head}\n  ${paint(style, 2, `hint: ${d.hint}`)}` : head;
}

/** A plain text table with padded columns. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
