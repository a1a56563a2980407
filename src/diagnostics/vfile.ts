/**
 * Problems as vfile messages (the outline's plugins record them) with a place and a rule id (`source: "briefwright"`),
 * recorded on the template's `VFile`; `toDiagnostic` turns one into the project's `Diagnostic`
 * at the edge (`compileOutline`). A hint travels as the message's `note`.
 */
import type { Point, Position } from "unist";
import type { VFile } from "vfile";
import type { Diagnostic } from "./types.js";

export type VFileMessage = VFile["messages"][number];

export interface Report {
  ruleId: string;
  place?: Point | Position | undefined;
  hint?: string;
}

function record(file: VFile, reason: string, report: Report, fatal: boolean): VFileMessage {
  const message = file.message(reason, {
    ruleId: report.ruleId,
    source: "briefwright",
    ...(report.place ? { place: report.place } : {}),
  });
  message.fatal = fatal;
  if (report.hint) message.note = report.hint;
  return message;
}

/** Records an error (the outline does not compile) and goes on, so every error is reported. */
export function error(file: VFile, reason: string, report: Report): VFileMessage {
  return record(file, reason, report, true);
}

export function warning(file: VFile, reason: string, report: Report): VFileMessage {
  return record(file, reason, report, false);
}

/** The errors recorded so far. */
export function errorsOf(file: VFile): VFileMessage[] {
  return file.messages.filter((m) => m.fatal === true);
}

/** Rules whose diagnostic has always listed its hint before its place (the `--json` key order). */
const HINT_FIRST = new Set(["outline-unknown-directive", "outline-unknown-chart"]);

/** A vfile message as the project's `Diagnostic` (the key order is the CLI's `--json` output). */
export function toDiagnostic(m: VFileMessage): Diagnostic {
  const severity = m.fatal === true ? "error" : m.fatal === false ? "warning" : "info";
  const hint = m.note ? { hint: m.note } : {};
  const early = HINT_FIRST.has(m.ruleId ?? "");
  return {
    severity,
    ruleId: m.ruleId ?? "briefwright",
    message: m.reason,
    ...(early ? hint : {}),
    ...(m.file ? { file: m.file } : {}),
    ...(m.line != null ? { line: m.line } : {}),
    ...(m.column != null ? { column: m.column } : {}),
    ...(early ? {} : hint),
  };
}
