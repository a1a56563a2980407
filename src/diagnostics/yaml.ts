/** Turns YAML parse errors and schema issues into positioned diagnostics. */
import { type Document, isMap, isNode, isScalar, LineCounter, parseDocument, visit } from "yaml";
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

/** Where the first alias (`*name`) of the document is written: where an alias bomb starts. */
export function firstAliasPlace(parsed: ParsedYaml): { line: number; col: number } {
  let at: number | undefined;
  visit(parsed.doc, {
    Alias(_key, node) {
      at = node.range?.[0];
      return visit.BREAK;
    },
  });
  return at === undefined ? { line: 1, col: 1 } : parsed.lines.linePos(at);
}

/**
 * Where the problem at `path` is: the value when there is one (`maxWords: lots` at `lots`), else
 * the key of the last map entry on the path (an unknown key such as `dimensons:` at its own line
 * and column, not the mapping that holds it), else the nearest parent.
 */
export function placeOf(
  parsed: ParsedYaml,
  path: PropertyKey[],
  atKey = false,
): { line: number; col: number } {
  const keys = path.map((k) => (typeof k === "symbol" ? String(k) : k));
  for (let n = keys.length; n >= 0; n--) {
    const node = parsed.doc.getIn(keys.slice(0, n), true);
    // A key with nothing after it (`terms:`) has an empty null value: point at the key.
    const empty = isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1];
    if (!atKey && !empty && isNode(node) && node.range) return parsed.lines.linePos(node.range[0]);
    if (n > 0) {
      const parent = parsed.doc.getIn(keys.slice(0, n - 1), true);
      if (isMap(parent)) {
        const pair = parent.items.find(
          (p) => isScalar(p.key) && String(p.key.value) === String(keys[n - 1]),
        );
        if (pair && isNode(pair.key) && pair.key.range)
          return parsed.lines.linePos(pair.key.range[0]);
      }
    }
    if (isNode(node) && node.range) return parsed.lines.linePos(node.range[0]);
  }
  return { line: 1, col: 1 };
}

/** One issue per unknown key, each at its key (zod reports them together, at their mapping). */
interface Placed {
  path: PropertyKey[];
  message: string;
  atKey: boolean;
}

function perKey(issues: z.core.$ZodIssue[]): Placed[] {
  return issues.flatMap((issue): Placed[] => {
    if (issue.code !== "unrecognized_keys")
      return [{ path: issue.path, message: issue.message, atKey: false }];
    const messages = issue.message.split("\n");
    return issue.keys.map((key, i) => ({
      path: [...issue.path, key],
      message: messages.length === issue.keys.length ? messages[i]! : `unknown key \`${key}\``,
      atKey: true,
    }));
  });
}

/** Maps zod issues onto the YAML document's positions. */
export function schemaDiagnostics(
  parsed: ParsedYaml,
  issues: z.core.$ZodIssue[],
  file: string,
  ruleId: string,
  lineOffset = 0,
): Diagnostic[] {
  return perKey(issues).map((issue) => {
    const pos = placeOf(parsed, issue.path, issue.atKey);
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
