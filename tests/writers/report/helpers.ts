/** Shared helpers for report tests: fixture loading and PDF inspection with poppler/qpdf. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Root } from "mdast";
import { type BriefSpec, BriefSpecSchema } from "../../../src/brief/schema.js";
import type { Briefing } from "../../../src/model/briefing.js";
import type { BriefingDocument } from "../../../src/model/document.js";
import type { ReportOptions } from "../../../src/model/options.js";
import { documentOf } from "../document.js";

export const FIXTURES = new URL("../../fixtures/", import.meta.url).pathname;
export const TEMPLATES = new URL("../../../templates/report/", import.meta.url).pathname;
export const TEMPLATES_ROOT = new URL("../../../templates/", import.meta.url).pathname;

export interface Fixture {
  briefing: Briefing;
  tree: Root;
  spec: BriefSpec;
  /** What the report writer takes: the document and its options. */
  document: BriefingDocument;
  options: ReportOptions;
}

export function loadFixture(name: string): Fixture {
  const dir = join(FIXTURES, name);
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), "utf8"));
  const briefing = read("briefing.json") as Briefing;
  const tree = read("tree.json") as Root;
  const spec = BriefSpecSchema.parse(read("spec.json"));
  return { briefing, tree, spec, document: documentOf(briefing, tree, spec), options: spec.report };
}

export function pdfText(pdf: string, page?: number): string {
  const range = page ? ["-f", String(page), "-l", String(page)] : [];
  return execFileSync("pdftotext", [...range, "-layout", pdf, "-"], { encoding: "utf8" });
}

export function pdfInfo(pdf: string): Record<string, string> {
  const out = execFileSync("pdfinfo", ["-isodates", pdf], { encoding: "utf8" });
  return Object.fromEntries(
    out
      .split("\n")
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!.trim(), m[2]!.trim()]),
  );
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(pdf: string): PdfFont[] {
  const lines = execFileSync("pdffonts", [pdf], { encoding: "utf8" }).split("\n").slice(2);
  return lines
    .filter((l) => l.trim() !== "")
    .map((l) => {
      // name type… encoding emb sub uni object ID: read the fixed columns from the right.
      const parts = l.trim().split(/\s+/);
      const embedded = parts[parts.length - 5] === "yes";
      return { name: parts[0]!, type: parts.slice(1, -6).join(" "), embedded };
    });
}

export interface OutlineEntry {
  title: string;
  page: number;
  depth: number;
}

export function pdfOutline(pdf: string): OutlineEntry[] {
  const json = JSON.parse(
    execFileSync("qpdf", ["--json", "--json-key=outlines", pdf], { encoding: "utf8" }),
  ) as { outlines: { title: string; destpageposfrom1: number; kids: unknown[] }[] };
  const flat: OutlineEntry[] = [];
  const walk = (
    items: { title: string; destpageposfrom1: number; kids: unknown[] }[],
    depth: number,
  ) => {
    for (const item of items) {
      flat.push({ title: item.title, page: item.destpageposfrom1, depth });
      walk(item.kids as typeof items, depth + 1);
    }
  };
  walk(json.outlines, 1);
  return flat;
}

export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
