/**
 * `brief.yaml`: the brief's specification. Validated with zod; the same schema is exported as
 * JSON Schema for editors (`schema/brief.schema.json`).
 */
import { z } from "zod";
import { nearest } from "../diagnostics/suggest.js";

/**
 * A strict object whose unknown keys are reported with the nearest valid key: "unknown key
 * `dimensons`; did you mean `dimensions`?".
 */
function strict<T extends z.core.$ZodLooseShape>(shape: T) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== "unrecognized_keys") return undefined;
      return issue.keys
        .map((key) => {
          const near = nearest(key, known);
          return `unknown key \`${key}\`${near ? `; did you mean \`${near}\`?` : ` (valid keys: ${known.join(", ")})`}`;
        })
        .join("\n");
    },
  });
}

const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "an ISO 8601 date such as 2022, 2022-08 or 2022-08-03");

export const SubjectSpec = strict({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
});

export const DimensionSpec = strict({
  name: z.string().min(1),
  terms: z.array(z.string().min(1)).min(1),
});

export const SourceOverrideSpec = strict({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, "a lower-case key such as putz-2022")
    .optional(),
  title: z.string().optional(),
  subtitle: z.string().optional(),
  authors: z.array(z.string()).optional(),
  publisher: z.string().optional(),
  /** ISO date, or `n.d.` to say the source is undated (answers the `meta-no-date` warning). */
  date: z.union([isoDate, z.literal("n.d.")]).optional(),
  url: z.string().optional(),
  language: z.string().optional(),
  /** The text repairs reported for this file (`text-mojibake`) were checked: report them as info. */
  repairsChecked: z.boolean().optional(),
});

export const BriefSpecSchema = strict({
  title: z.string().min(1).optional(),
  subtitle: z.string().optional(),
  /** The brief's own date (ISO); also the PDF's fixed creation date when SOURCE_DATE_EPOCH is unset. */
  date: isoDate.optional(),
  author: z.string().optional(),
  language: z.string().default("en"),
  subjects: z.array(SubjectSpec).min(2, "two or more subjects to compare").optional(),
  dimensions: z.array(DimensionSpec).min(1).optional(),
  sources: z.record(z.string(), SourceOverrideSpec).default({}),
  /** Longest the main text may be, in words (notes and bibliography aside). */
  maxWords: z.number().int().positive().default(2500),
  /** Sentences per matrix cell. */
  evidencePerCell: z.number().int().min(1).max(10).default(3),
  corpus: strict({
    /** Largest source file read, in bytes. */
    maxFileSize: z
      .number()
      .int()
      .positive()
      .default(10 * 1024 * 1024),
  }).default({ maxFileSize: 10 * 1024 * 1024 }),
  report: strict({
    paper: z.enum(["A4", "Letter"]).default("A4"),
    /** CSL style id; `chicago-fullnote-bibliography` by default. */
    citationStyle: z.string().default("chicago-fullnote-bibliography"),
  }).default({ paper: "A4", citationStyle: "chicago-fullnote-bibliography" }),
  slides: strict({
    transition: z.enum(["none", "fade", "slide", "convex", "concave", "zoom"]).default("slide"),
    theme: z.string().default("briefwright"),
    slideNumber: z.boolean().default(true),
  }).default({ transition: "slide", theme: "briefwright", slideNumber: true }),
});

export type BriefSpec = z.infer<typeof BriefSpecSchema>;
export type SubjectSpec = z.infer<typeof SubjectSpec>;
export type DimensionSpec = z.infer<typeof DimensionSpec>;
