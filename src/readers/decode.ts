/**
 * Bytes → text: BOM sniffing, UTF-8 validation, legacy single-byte code pages by detection,
 * line endings normalised to LF, Unicode NFC.
 */
import { createRequire } from "node:module";

// Loaded on first use, synchronously: ftfy only for a line that may hold mojibake, chardet and
// iconv-lite only for a file that is not UTF-8 (most corpora need neither module).
const require = createRequire(import.meta.url);
let ftfy: typeof import("ftfy-js") | undefined;
let legacy: { chardet: typeof import("chardet"); iconv: typeof import("iconv-lite") } | undefined;

/** A line whose mojibake was repaired: UTF-8 once read as another code page ("Â£" → "£"). */
export interface Repair {
  /** 1-based line in the decoded text. */
  line: number;
  before: string;
  after: string;
  /** The code page the UTF-8 bytes had been read as ("windows-1252", "macroman"…). */
  misreadAs: string;
  /** What was repaired: mojibake (the default), or a backslash left before an apostrophe. */
  kind?: "mojibake" | "escaped-apostrophe";
}

export interface Decoded {
  text: string;
  encoding: string;
  /** Lines repaired by `repairMojibake`, in order. */
  repairs: Repair[];
}

/**
 * Characters that UTF-8 read as Windows-1252, Latin-1 or Mac Roman leaves behind: Latin-1
 * letters and signs, the code pages' punctuation, and Mac Roman's mathematical signs. Only lines
 * holding one are handed to ftfy, so Cyrillic or plain ASCII text costs nothing.
 */
const SUSPECT =
  /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2044\u20ac\u2122\u2202-\u221e\u2248-\u2265\u25ca\ufb01\ufb02]/u;

/**
 * Repairs mojibake line by line with ftfy (a port of python-ftfy, which only undoes an encoding
 * mix-up when the result is clearly better text). Every repaired line is returned, so the reader
 * can say so: nothing is changed silently.
 */
export function repairMojibake(text: string): { text: string; repairs: Repair[] } {
  if (!SUSPECT.test(text)) return { text, repairs: [] };
  const repairs: Repair[] = [];
  const lines = text.split("\n").map((line, i) => {
    if (!SUSPECT.test(line)) return line;
    ftfy ??= require("ftfy-js") as typeof import("ftfy-js");
    const [fixed, steps] = ftfy.fix_encoding_and_explain(line);
    if (fixed === line || !steps?.length) return line;
    const misreadAs = steps.find(([action]) => action === "encode")?.[1] ?? "a legacy code page";
    repairs.push({ line: i + 1, before: line, after: fixed, misreadAs });
    return fixed;
  });
  return { text: repairs.length ? lines.join("\n") : text, repairs };
}

const LEGACY = new Set([
  "windows-1250",
  "windows-1251",
  "windows-1252",
  "windows-1253",
  "windows-1254",
  "windows-1257",
  "iso-8859-1",
  "iso-8859-2",
  "iso-8859-5",
  "iso-8859-7",
  "iso-8859-9",
  "iso-8859-15",
  "koi8-r",
]);

const CYRILLIC = new Set(["windows-1251", "koi8-r", "iso-8859-5"]);

/**
 * Cyrillic text in any single-byte code page writes whole words in high bytes; Western text
 * in windows-1252 or ISO-8859-1 has an accented letter here and there between ASCII letters.
 */
function looksCyrillic(bytes: Uint8Array): boolean {
  let high = 0;
  let inRuns = 0;
  let run = 0;
  for (const b of bytes) {
    if (b >= 0xb0) {
      high++;
      run++;
      continue;
    }
    if (run >= 3) inRuns += run;
    run = 0;
  }
  if (run >= 3) inRuns += run;
  return high > 0 && inRuns / high > 0.5;
}

/** True when the bytes look like a binary file rather than text in any supported encoding. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (hasUtf16Bom(bytes)) return false;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function normalise(text: string): string {
  return text.replace(/\r\n?/g, "\n").normalize("NFC");
}

/** An apostrophe inside a word with a backslash before it: "Sony\\'s", "doesn\\'t". */
const ESCAPED_APOSTROPHE = /(?<=\p{L})\\(?=['’]\p{L})/gu;

/**
 * Removes the backslash PHP's `addslashes` (magic quotes) leaves before an apostrophe inside a
 * word ("Sony\\'s" → "Sony's"), line by line, each repaired line returned. Only for formats
 * without backslash escapes of their own (HTML, plain text), and only inside a word: a backslash
 * before a quote mark elsewhere may be the text's own (code, a path).
 */
export function repairEscapedApostrophes(text: string): { text: string; repairs: Repair[] } {
  if (!text.includes("\\")) return { text, repairs: [] };
  const repairs: Repair[] = [];
  const lines = text.split("\n").map((line, i) => {
    // One repair per backslash, so that each is reported as its word ("Sony\\'s" → "Sony's").
    for (const m of line.matchAll(ESCAPED_APOSTROPHE)) {
      const after = line.slice(0, m.index) + line.slice(m.index + 1);
      repairs.push({ line: i + 1, before: line, after, misreadAs: "", kind: "escaped-apostrophe" });
    }
    return line.replace(ESCAPED_APOSTROPHE, "");
  });
  return { text: repairs.length ? lines.join("\n") : text, repairs };
}

/**
 * Bytes → text with mojibake repaired (see `repairMojibake`) and, with `escapedApostrophes`,
 * addslashes' backslashes removed (see `repairEscapedApostrophes`).
 */
export function decode(bytes: Uint8Array, options: { escapedApostrophes?: boolean } = {}): Decoded {
  // The corpus reader decodes a file for its checks, then the format reader decodes the same
  // bytes again: the second call, with the same options, gets the first's result.
  const escaped = options.escapedApostrophes === true;
  if (last && last.bytes === bytes && last.escaped === escaped) return last.decoded;
  const decoded = decodeOnce(bytes, escaped);
  last = { bytes, escaped, decoded };
  return decoded;
}

/** The last file decoded (one, so memory does not grow): its bytes, options and result. */
let last: { bytes: Uint8Array; escaped: boolean; decoded: Decoded } | undefined;

function decodeOnce(bytes: Uint8Array, escapedApostrophes: boolean): Decoded {
  const { text, encoding } = decodeBytes(bytes);
  const repaired = repairMojibake(text);
  const unslashed = escapedApostrophes
    ? repairEscapedApostrophes(repaired.text)
    : { text: repaired.text, repairs: [] };
  return {
    text: unslashed.text.normalize("NFC"),
    encoding,
    repairs: [...repaired.repairs, ...unslashed.repairs].sort((x, y) => x.line - y.line),
  };
}

function decodeBytes(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      text: normalise(new TextDecoder("utf-8").decode(bytes.subarray(3))),
      encoding: "utf-8",
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: normalise(new TextDecoder("utf-16le").decode(bytes.subarray(2))),
      encoding: "utf-16le",
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: normalise(new TextDecoder("utf-16be").decode(bytes.subarray(2))),
      encoding: "utf-16be",
    };
  }
  try {
    return {
      text: normalise(new TextDecoder("utf-8", { fatal: true }).decode(bytes)),
      encoding: "utf-8",
    };
  } catch {
    // Not UTF-8: a legacy code page.
  }
  legacy ??= { chardet: require("chardet"), iconv: require("iconv-lite") };
  const { chardet, iconv } = legacy;
  const candidates = chardet
    .analyse(bytes)
    .map((c) => c.name.toLowerCase())
    .filter((name) => LEGACY.has(name));
  const cyrillic = looksCyrillic(bytes);
  const best =
    candidates.find((name) => CYRILLIC.has(name) === cyrillic) ??
    (cyrillic ? "windows-1251" : "windows-1252");
  return { text: normalise(iconv.decode(Buffer.from(bytes), best)), encoding: best };
}
