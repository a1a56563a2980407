/** Finds, parses and validates `brief.yaml` in a corpus folder. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { Diagnostic } from "../diagnostics/types.js";
import { BriefwrightError } from "../diagnostics/types.js";
import { parseYaml, schemaDiagnostics } from "../diagnostics/yaml.js";
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

export interface LoadedSpec {
  /** The validated spec; defaults filled in. Absent spec file → all defaults. */
  spec: BriefSpec;
  /** The file it came from, when there was one. */
  path?: string;
}

/** Validates spec text; throws a BriefwrightError('input') with positioned diagnostics. */
export function parseBriefSpec(text: string, file: string): BriefSpec {
  const parsed = parseYaml(text, file);
  if (Array.isArray(parsed)) throw new BriefwrightError("input", `${file}: invalid YAML`, parsed);
  const data = parsed.doc.toJS() ?? {};
  const result = BriefSpecSchema.safeParse(data);
  if (!result.success) {
    const diagnostics = schemaDiagnostics(parsed, result.error.issues, file, "brief-schema");
    throw new BriefwrightError("input", `${file}: does not match the brief schema`, diagnostics);
  }
  return result.data;
}

/** Loads `brief.yaml` (or `brief.yml`) from the corpus folder; defaults when there is none. */
export async function loadBriefSpec(
  corpusDir: string,
  displayDir = corpusDir,
): Promise<LoadedSpec> {
  for (const name of SPEC_FILES) {
    let text: string;
    try {
      text = await readFile(join(corpusDir, name), "utf8");
    } catch (error) {
      // No such file, or no such folder (the reader reports a missing corpus folder).
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") continue;
      throw error;
    }
    const file = join(displayDir, name);
    return { spec: parseBriefSpec(text.replace(/^\uFEFF/, ""), file), path: file };
  }
  return { spec: BriefSpecSchema.parse({}) };
}

/** The schema as JSON Schema, for editors (written to schema/brief.schema.json). */
export function briefJsonSchema(): unknown {
  return z.toJSONSchema(BriefSpecSchema, { io: "input" });
}

export type { Diagnostic };
