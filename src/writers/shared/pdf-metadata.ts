/**
 * Makes Chromium's PDF reproducible and gives it full metadata, without a PDF library (which
 * could drop the structure tree or the outline): the Info dictionary is rewritten with fixed
 * dates, the classic cross-reference table is re-offset, and the trailer gets a document ID
 * derived from the content. Everything else stays byte for byte as Chromium wrote it.
 */
import { createHash } from "node:crypto";
import { BriefwrightError } from "../../diagnostics/types.js";
import type { DocumentMeta } from "../../model/document.js";

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creator: string;
  /** Creation and modification date written into the PDF (never the clock). */
  date: Date;
}

/** The Info dictionary both PDFs carry: title, author, subject, keywords, fixed date. */
export function briefingPdfMetadata(
  meta: DocumentMeta,
  title: string,
  sourceDateEpoch?: number,
): PdfMetadata {
  return {
    title,
    author: meta.author ?? "",
    subject: meta.subtitle ?? "",
    keywords: [...meta.subjects, ...meta.dimensions].join(", "),
    creator: "briefwright",
    date: fixedDate(meta, sourceDateEpoch),
  };
}

/** The fixed date of a PDF: SOURCE_DATE_EPOCH, else the brief's date, else 1980-01-01. */
export function fixedDate(meta: DocumentMeta, sourceDateEpoch?: number): Date {
  if (sourceDateEpoch !== undefined && Number.isFinite(sourceDateEpoch)) {
    return new Date(sourceDateEpoch * 1000);
  }
  const match = meta.date ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(meta.date) : null;
  if (match) {
    return new Date(Date.UTC(Number(match[1]), Number(match[2] ?? 1) - 1, Number(match[3] ?? 1)));
  }
  return new Date(Date.UTC(1980, 0, 1));
}

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString("latin1");

function fail(reason: string): never {
  throw new BriefwrightError(
    "internal",
    `Unexpected PDF structure from the browser (${reason}); cannot make it reproducible`,
  );
}

/** A PDF text string: literal for printable ASCII, UTF-16BE hex with BOM otherwise. */
export function pdfString(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = "FEFF";
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, "0");
  return `<${hex.toUpperCase()}>`;
}

/** `D:YYYYMMDDHHmmSS+00'00'` in UTC. */
export function pdfDate(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `D:${p(date.getUTCFullYear(), 4)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}+00'00'`;
}

interface XrefEntry {
  offset: number;
  generation: number;
  kind: "n" | "f";
}

/** Rewrites Info, cross-reference offsets and trailer ID. Deterministic: same input → same bytes. */
export function makeReproducible(pdf: Uint8Array, meta: PdfMetadata): Uint8Array {
  const text = latin1(pdf);
  const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!tail) fail("no startxref");
  const xrefAt = Number(tail[1]);
  if (!text.startsWith("xref", xrefAt)) fail("no classic xref table");

  // Parse the cross-reference table (one or more subsections).
  const entries = new Map<number, XrefEntry>();
  const lines = /^xref\r?\n([\s\S]*?)trailer\s*(<<[\s\S]*?>>)\s*startxref/.exec(text.slice(xrefAt));
  if (!lines) fail("unreadable xref table");
  const tableText = lines[1] ?? "";
  const trailerDict = lines[2] ?? "";
  const rows = tableText.split(/\r?\n/).filter((l) => l.trim() !== "");
  let objectNumber = 0;
  let remaining = 0;
  for (const row of rows) {
    if (remaining === 0) {
      const header = /^(\d+)\s+(\d+)$/.exec(row.trim());
      if (!header) fail("bad xref subsection");
      objectNumber = Number(header[1]);
      remaining = Number(header[2]);
      continue;
    }
    const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(row);
    if (!entry) fail("bad xref entry");
    entries.set(objectNumber, {
      offset: Number(entry[1]),
      generation: Number(entry[2]),
      kind: entry[3] as "n" | "f",
    });
    objectNumber++;
    remaining--;
  }

  const infoRef = /\/Info\s+(\d+)\s+0\s+R/.exec(trailerDict);
  if (!infoRef) fail("no Info dictionary");
  const infoNumber = Number(infoRef[1]);
  const infoEntry = entries.get(infoNumber);
  if (infoEntry?.kind !== "n") fail("Info object not in xref");
  const infoStart = infoEntry.offset;
  const endObj = text.indexOf("endobj", infoStart);
  if (endObj < 0 || endObj > xrefAt) fail("Info object not closed");
  let infoEnd = endObj + "endobj".length;
  if (text[infoEnd] === "\r") infoEnd++;
  if (text[infoEnd] === "\n") infoEnd++;
  const oldInfo = text.slice(infoStart, infoEnd);
  const producer = /\/Producer\s*(\((?:\\.|[^\\)])*\))/.exec(oldInfo)?.[1] ?? "(briefwright)";

  const date = pdfDate(meta.date);
  const fields: [string, string][] = [
    ["Title", pdfString(meta.title)],
    ["Author", pdfString(meta.author)],
    ["Subject", pdfString(meta.subject)],
    ["Keywords", pdfString(meta.keywords)],
    ["Creator", pdfString(meta.creator)],
    ["Producer", producer],
    ["CreationDate", `(${date})`],
    ["ModDate", `(${date})`],
  ];
  const newInfo = `${infoNumber} 0 obj\n<<${fields.map(([k, v]) => `/${k} ${v}`).join("\n")}>>\nendobj\n`;
  const delta = newInfo.length - oldInfo.length;

  const body = text.slice(0, infoStart) + newInfo + text.slice(infoEnd, xrefAt);
  const shift = (offset: number) => (offset > infoStart ? offset + delta : offset);

  // One subsection per run of consecutive object numbers.
  const numbers = [...entries.keys()].sort((a, b) => a - b);
  let table = "xref\n";
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === (numbers[j] ?? 0) + 1) j++;
    table += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const e = entries.get(numbers[k] ?? 0)!;
      const offset = e.kind === "n" ? shift(e.offset) : e.offset;
      table += `${String(offset).padStart(10, "0")} ${String(e.generation).padStart(5, "0")} ${e.kind} \n`;
    }
    i = j + 1;
  }

  const id = createHash("sha256").update(body, "latin1").digest("hex").slice(0, 32).toUpperCase();
  const trailer = trailerDict
    .replace(/\s*\/ID\s*\[[^\]]*\]/, "")
    .replace(/>>\s*$/, `\n/ID [<${id}> <${id}>]>>`);
  const out = `${body}${table}trailer\n${trailer}\nstartxref\n${xrefAt + delta}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
