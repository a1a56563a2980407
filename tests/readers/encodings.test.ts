import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import type { Source } from "../../src/model/source.js";
import { readCorpus } from "../../src/readers/index.js";
import { defaultReaderOptions, tempCorpus } from "./helpers.js";

const ORIGINAL = "corpus/002_6e2675e3187c4228.txt";
const CYRILLIC = "corpus/000_1532f481ba17c423.txt";

async function readOne(name: string, bytes: Uint8Array): Promise<Source> {
  const dir = await tempCorpus();
  await writeFile(join(dir, name), bytes);
  const { sources } = await readCorpus(dir, defaultReaderOptions());
  expect(sources).toHaveLength(1);
  return sources[0]!;
}

let reference: Source;
let cyrillicReference: Source;
let text: string;
let cyrillicText: string;

beforeAll(async () => {
  text = await readFile(ORIGINAL, "utf8");
  cyrillicText = await readFile(CYRILLIC, "utf8");
  reference = await readOne("a.txt", Buffer.from(text, "utf8"));
  cyrillicReference = await readOne("a.txt", Buffer.from(cyrillicText, "utf8"));
});

const same = (a: Source, b: Source) => {
  expect(b.title).toBe(a.title);
  expect(b.authors).toEqual(a.authors);
  expect(b.blocks.map((x) => x.text)).toEqual(a.blocks.map((x) => x.text));
  expect(b.blocks.map((x) => x.line)).toEqual(a.blocks.map((x) => x.line));
};

describe("encodings: a default source re-encoded reads the same", () => {
  it("UTF-8 with BOM", async () => {
    same(
      reference,
      await readOne("a.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])),
    );
  });
  it("UTF-16 LE with BOM", async () => {
    same(
      reference,
      await readOne(
        "a.txt",
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
      ),
    );
  });
  it("UTF-16 BE with BOM", async () => {
    const le = Buffer.from(text, "utf16le");
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1]!;
      be[i + 1] = le[i]!;
    }
    same(reference, await readOne("a.txt", Buffer.concat([Buffer.from([0xfe, 0xff]), be])));
  });
  it("CRLF and CR line endings", async () => {
    same(reference, await readOne("a.txt", Buffer.from(text.replace(/\n/g, "\r\n"))));
    same(reference, await readOne("a.txt", Buffer.from(text.replace(/\n/g, "\r"))));
  });
  it("windows-1252", async () => {
    same(reference, await readOne("a.txt", iconv.encode(text, "windows-1252")));
  });
  it("windows-1251 (Cyrillic)", async () => {
    const source = await readOne("a.txt", iconv.encode(cyrillicText, "windows-1251"));
    same(cyrillicReference, source);
    expect(
      source.blocks.some((b) => b.text.includes("Відносини з Росією будуть взаємовигідними")),
    ).toBe(true);
  });
  it("ISO-8859-5 (Cyrillic)", async () => {
    const plain =
      "Заголовок статті\n\nАльянс НАТО має тридцять членів. Організація ОДКБ має шість членів і штаб у Москві.\n\nДругий абзац розповідає про Казахстан і події січня 2022 року в Алмати.\n";
    const source = await readOne("a.txt", iconv.encode(plain, "iso-8859-5"));
    expect(source.blocks.map((b) => b.text).join(" ")).toContain(
      "Альянс НАТО має тридцять членів.",
    );
  });
  it("NFD text is normalised to NFC", async () => {
    const source = await readOne(
      "a.md",
      Buffer.from("# Café\n\nLe café de la gare est ouvert depuis 1901.\n".normalize("NFD")),
    );
    expect(source.title).toBe("Café".normalize("NFC"));
    expect(source.blocks[0]!.text).toContain("café".normalize("NFC"));
  });
});
