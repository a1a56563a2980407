/** Turns YAML parse errors and schema issues into positioned diagnostics. */
import { type Document, isNode, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import type { Diagnostic } from "./types.js";

export interface ParsedYaml {
  doc: Document.Parsed;
  lines: LineCounter;
}

/** Parses YAML text; syntax errors become `yaml-syntax` diagnostics at their line and column. */
export function parseYaml(text: string, file: string, lineOffset = 0): ParsedYaml | Diagnostic[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length === 0) return { doc, lines };
  return doc.errors.map((error) => {
    const pos = lines.linePos(error.pos[0]);
    return {
      severity: "error",
      ruleId: "yaml-syntax",
      file,
      line: pos.line + lineOffset,
      column: pos.col,
      message: `not valid YAML: ${error.message.split("\n")[0]}`,
      hint: "fix the YAML syntax (indentation, quotes, colons)",
    };
  });
}

/** Where the node at `path` starts (or its nearest existing parent). */
export function placeOf(parsed: ParsedYaml, path: PropertyKey[]): { line: number; col: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = parsed.doc.getIn(
      path.slice(0, n).map((k) => (typeof k === "symbol" ? String(k) : k)),
      true,
    );
    if (isNode(node) && node.range) return parsed.lines.linePos(node.range[0]);
    // A key whose value is missing: point at the key of the parent map.
  }
  return { line: 1, col: 1 };
}

/** Maps zod issues onto the YAML document's positions. */
export function schemaDiagnostics(
  parsed: ParsedYaml,
  issues: z.core.$ZodIssue[],
  file: string,
  ruleId: string,
  lineOffset = 0,
): Diagnostic[] {
  return issues.map((issue) => {
    const pos = placeOf(parsed, issue.path);
    const where = issue.path.length ? `\`${issue.path.map(String).join(".")}\`: ` : "";
    return {
      severity: "error",
      ruleId,
      file,
      line: pos.line + lineOffset,
      column: pos.col,
      message: `${where}${issue.message}`,
      hint: "see schema/brief.schema.json for the fields and their types",
    };
  });
}
