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

/**
 * Control characters that a terminal would act on (escape sequences that retitle the window,
 * clear the screen or hide text; carriage return; C1 controls such as the 8-bit CSI) and the
 * invisible bidirectional overrides, found in file names, titles and any other corpus text.
 */
const CONTROLS =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` safe to print on a terminal: every such character written as `\uXXXX` (tab and newline
 * are kept). Applied to everything the CLI prints that is not its own colouring; JSON stays
 * valid (JSON.stringify already writes C0 controls that way).
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `corpus/x.md:3:1: error: message [rule-id]` plus an indented hint line. */
export function formatDiagnostic(raw: Diagnostic, style: Style): string {
  const d = {
    ...raw,
    message: escapeControls(raw.message),
    ...(raw.file !== undefined ? { file: escapeControls(raw.file) } : {}),
    ...(raw.hint !== undefined ? { hint: escapeControls(raw.hint) } : {}),
  };
  const place = d.file
    ? `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ""}` : ""}: `
    : "";
  const colour = d.severity === "error" ? 31 : d.severity === "warning" ? 33 : 36;
  const head = `${paint(style, 1, place)}${paint(style, colour, `${d.severity}:`)} ${d.message} ${paint(style, 2, `[${d.ruleId}]`)}`;
  return d.hint ? `${head}\n  ${paint(style, 2, `hint: ${d.hint}`)}` : head;
}

/** A plain text table with padded columns. */
export function table(headers: string[], raw: string[][]): string {
  const rows = raw.map((r) => r.map(escapeControls));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
