/**
 * Diagnostics in the style of vfile messages: a place in a file, a severity, a rule id.
 * Nothing in the core prints; the CLI formats diagnostics once, at the edge.
 */

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  severity: Severity;
  message: string;
  /** Stable rule id, e.g. `corpus-empty-file`, `brief-schema`, `cite-quote-not-found`. */
  ruleId: string;
  /** Path as the user would type it (relative to the working directory when possible). */
  file?: string;
  line?: number;
  column?: number;
  /** What to do about it. */
  hint?: string;
}

/** Exit-code classes of the CLI contract. */
export type ErrorClass = "input" | "usage" | "environment" | "internal";

/**
 * An expected failure (bad input, bad usage, missing browser…). Carries diagnostics and the class
 * that decides the exit code. Anything else thrown is an internal error.
 */
export class BriefwrightError extends Error {
  readonly errorClass: ErrorClass;
  readonly diagnostics: Diagnostic[];
  constructor(errorClass: ErrorClass, message: string, diagnostics: Diagnostic[] = []) {
    super(message);
    this.name = "BriefwrightError";
    this.errorClass = errorClass;
    this.diagnostics = diagnostics;
  }
}

export function inputError(d: Omit<Diagnostic, "severity">): BriefwrightError {
  return new BriefwrightError("input", d.message, [{ ...d, severity: "error" }]);
}
