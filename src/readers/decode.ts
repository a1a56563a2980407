/**
 * Bytes → text: BOM sniffing, UTF-8 validation, legacy single-byte code pages by detection,
 * line endings normalised to LF, Unicode NFC.
 */
import chardet from "chardet";
import iconv from "iconv-lite";

export interface Decoded {
  text: string;
  encoding: string;
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

export function decode(bytes: Uint8Array): Decoded {
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
