/** What a command may touch: output streams and the diagnostic printer. Commands never exit. */
import type { Diagnostic } from "../diagnostics/types.js";

export interface CommandContext {
  stdout(text: string): void;
  /** Progress and summaries (stderr). */
  info(text: string): void;
  report(diagnostics: Diagnostic[]): void;
  quiet: boolean;
  verbose: boolean;
  json: boolean;
  /** Colour allowed on stderr (a TTY without NO_COLOR). */
  color: boolean;
}
