/** Finds, parses and validates `brief.yaml` in a corpus folder. */
import { isAbsolute, join } from "node:path";
import { z } from "zod";
import { openInputFile, readInputFile } from "../diagnostics/input.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { BriefwrightError } from "../diagnostics/types.js";
import {
  firstAliasPlace,
  type ParsedYaml,
  parseYaml,
  placeOf,
  schemaDiagnostics,
} from "../diagnostics/yaml.js";
import { type BriefSpec, BriefSpecSchema } from "./schema.js";

export { parseYaml, schemaDiagnostics } from "../diagnostics/yaml.js";
export {
  defaultSpec,
  type ResolvedOptions,
  resolveOptions,
  unknownSources,
} from "./resolve.js";
export type { BriefSpec, DimensionSpec, SubjectSpec } from "./schema.js";
export { BriefSpecSchema } from "./schema.js";

export const SPEC_FILES = ["brief.yaml", "brief.yml"];

/** Largest `brief.yaml` read, in bytes. */
export const BRIEF_MAX_BYTES = 1024 * 1024;
/** Largest CSL style read from the corpus, in bytes (Chicago's is about 50 kB). */
export const CSL_MAX_BYTES = 2 * 1024 * 1024;
/** Aliases a brief may expand (YAML anchors); more is an alias bomb. */
const MAX_ALIASES = 100;

export interface LoadedSpec {
  /** The validated spec; defaults filled in. Absent spec file → all defaults. */
  spec: BriefSpec;
  /** The file it came from, when there was one. */
  path?: string;
  /** Where a setting (e.g. `["slides", "theme"]`) is written in that file. */
  place?: (keys: string[]) => { line: number; column: number };
}

/** Validates spec text; throws a BriefwrightError('input') with positioned diagnostics. */
export function parseBriefSpec(text: string, file: string): BriefSpec {
  return parseSpec(text, file).spec;
}

function parseSpec(text: string, file: string): { spec: BriefSpec; parsed: ParsedYaml } {
  const parsed = parseYaml(text, file);
  if (Array.isArray(parsed)) throw new BriefwrightError("input", `${file}: invalid YAML`, parsed);
  let data: unknown;
  try {
    data = parsed.doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? {};
  } catch {
    // yaml refuses a document whose aliases expand past the limit (an "alias bomb").
    const at = firstAliasPlace(parsed);
    throw new BriefwrightError("input", `${file}: too many YAML aliases`, [
      {
        severity: "error",
        ruleId: "yaml-alias-limit",
        file,
        line: at.line,
        column: at.col,
        message: `the YAML's aliases (\`*name\`) expand past the limit of ${MAX_ALIASES}`,
        hint: "write the values out instead of repeating anchors",
      },
    ]);
  }
  const result = BriefSpecSchema.safeParse(data);
  if (!result.success) {
    const diagnostics = schemaDiagnostics(parsed, result.error.issues, file, "brief-schema");
    throw new BriefwrightError("input", `${file}: does not match the brief schema`, diagnostics);
  }
  return { spec: result.data, parsed };
}

/** A citation style named by id: a file of the templates' CSL folder. */
export const STYLE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * `report.citationStyle`: a style id (a file of the templates' `csl/` folder, checked by the
 * writers), or a path to a `.csl` file inside the corpus folder, relative to it, which is read
 * here like the brief itself (never a link out of the corpus, a device, `..` or an absolute path)
 * and replaced by its real path. Refusals name the setting's place, never the file's bytes.
 */
async function checkCitationStyle(
  value: string,
  corpusDir: string,
  displayDir: string,
  file: string,
  parsed: ParsedYaml,
): Promise<string> {
  if (STYLE_ID.test(value) && !value.toLowerCase().endsWith(".csl")) return value;
  const place = placeOf(parsed, ["report", "citationStyle"]);
  const refuse = (message: string, hint: string) =>
    new BriefwrightError("input", `${file}: report.citationStyle: ${message}`, [
      {
        severity: "error",
        ruleId: "brief-citation-style",
        file,
        line: place.line,
        column: place.col,
        message: `\`report.citationStyle\`: ${message}`,
        hint,
      },
    ]);
  const hint =
    "name a built-in style (e.g. chicago-fullnote-bibliography) or a .csl file in the corpus folder, e.g. styles/apa.csl";
  if (!value.toLowerCase().endsWith(".csl"))
    throw refuse("neither a style id nor a path to a .csl file", hint);
  if (
    isAbsolute(value) ||
    /^[A-Za-z]:/.test(value) ||
    value.includes("\\") ||
    value.includes("\0") ||
    value.split("/").includes("..")
  )
    throw refuse("a style file must be inside the corpus folder (no absolute path, no `..`)", hint);
  const opened = await openInputFile(corpusDir, value, {
    maxBytes: CSL_MAX_BYTES,
    display: join(displayDir, value),
    what: "the citation style",
  });
  if (!opened) throw refuse(`no file \`${value}\` in the corpus folder`, hint);
  if (!isCslStyle(opened.text))
    throw refuse(`\`${value}\` is not a CSL style (no <style> in the CSL namespace)`, hint);
  return opened.real;
}

/** Whether `xml` looks like a CSL style: a `<style>` element in the CSL namespace. */
export function isCslStyle(xml: string): boolean {
  return /<style\b[^>]*xmlns\s*=\s*["']http:\/\/purl\.org\/net\/xbiblio\/csl["']/.test(xml);
}

/** Loads `brief.yaml` (or `brief.yml`) from the corpus folder; defaults when there is none. */
export async function loadBriefSpec(
  corpusDir: string,
  displayDir = corpusDir,
): Promise<LoadedSpec> {
  for (const name of SPEC_FILES) {
    const file = join(displayDir, name);
    // Read like a source: no link out of the corpus, no device, at most BRIEF_MAX_BYTES.
    const text = await readInputFile(corpusDir, name, {
      maxBytes: BRIEF_MAX_BYTES,
      display: file,
      what: `\`${name}\``,
    });
    // No such file, or no such folder (the reader reports a missing corpus folder).
    if (text === undefined) continue;
    const { spec, parsed } = parseSpec(text.replace(/^\uFEFF/, ""), file);
    spec.report.citationStyle = await checkCitationStyle(
      spec.report.citationStyle,
      corpusDir,
      displayDir,
      file,
      parsed,
    );
    const place = (keys: string[]) => {
      const at = placeOf(parsed, keys);
      return { line: at.line, column: at.col };
    };
    return { spec, path: file, place };
  }
  return { spec: BriefSpecSchema.parse({}) };
}

/** The schema as JSON Schema, for editors (written to schema/brief.schema.json). */
export function briefJsonSchema(): unknown {
  return z.toJSONSchema(BriefSpecSchema, { io: "input" });
}

export type { Diagnostic };
