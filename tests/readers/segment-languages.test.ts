import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/readers/segment.js";

const texts = (text: string, language: string) => splitSentences(text, language).map((s) => s.text);

describe("sentence segmentation by language", () => {
  it("keeps a German date with an ordinal in one sentence", () => {
    expect(
      texts("Die PSP erscheint in Europa am 1. September 2005. Sie kostet 249 Euro.", "de"),
    ).toEqual(["Die PSP erscheint in Europa am 1. September 2005.", "Sie kostet 249 Euro."]);
  });

  it("keeps German ordinals and abbreviations inside the sentence", () => {
    expect(
      texts(
        "Das kostet z. B. 249 Euro bzw. ca. 150 Euro. Im 21. Jahrhundert kam die 2. Generation. Bis Ende März will Sony drei Mio. Stück ausliefern. Dr. Müller sagt das.",
        "de-AT",
      ),
    ).toEqual([
      "Das kostet z. B. 249 Euro bzw. ca. 150 Euro.",
      "Im 21. Jahrhundert kam die 2. Generation.",
      "Bis Ende März will Sony drei Mio. Stück ausliefern.",
      "Dr. Müller sagt das.",
    ]);
  });

  it("still ends a German sentence after a number or an abbreviation that closes it", () => {
    expect(texts("Es waren 3. Das war alles. Äpfel, Birnen usw. Danach kam nichts.", "de")).toEqual(
      ["Es waren 3.", "Das war alles.", "Äpfel, Birnen usw.", "Danach kam nichts."],
    );
  });

  it("keeps Ukrainian and Russian abbreviations inside the sentence", () => {
    expect(texts("Продажі почалися 16 травня 2022 р. у Києві. Далі буде.", "uk")).toEqual([
      "Продажі почалися 16 травня 2022 р. у Києві.",
      "Далі буде.",
    ]);
    expect(texts("Продано около 200 тыс. консолей за 2004 г. в Японии. Это много.", "ru")).toEqual([
      "Продано около 200 тыс. консолей за 2004 г. в Японии.",
      "Это много.",
    ]);
  });

  it("splits English as before", () => {
    expect(texts("It sold 1.3 million units. Mr. Smith said so. The end.", "en")).toEqual([
      "It sold 1.3 million units.",
      "Mr. Smith said so.",
      "The end.",
    ]);
  });
});

describe("language detection", () => {
  it("never takes a language whose script the text is not written in (code-heavy English is not Hindi)", async () => {
    const { readCorpus } = await import("../../src/readers/index.js");
    const { defaultReaderOptions } = await import("./helpers.js");
    const topic = await readCorpus("tests/fixtures/topic-html-parsers", {
      ...defaultReaderOptions(),
      displayDir: "t",
    });
    expect(new Set(topic.sources.map((s) => s.language))).toEqual(new Set(["en"]));
    const cyrillic = await readCorpus("tests/fixtures/cyrillic", {
      ...defaultReaderOptions(),
      displayDir: "c",
    });
    expect(cyrillic.sources.map((s) => s.language).sort()).toEqual(["ru", "uk"]);
  });

  it("does not read English about the CSTO as Hungarian: acronyms tell no language", async () => {
    const { mkdtemp, writeFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { readCorpus } = await import("../../src/readers/index.js");
    const { defaultReaderOptions } = await import("./helpers.js");
    const dir = await mkdtemp(join(tmpdir(), "bw-lang-"));
    // Two paragraphs of the default corpus (Putz), which tinyld read as Hungarian before.
    await writeFile(
      join(dir, "a.md"),
      [
        '"The CSTO should seriously strengthen its status in the international system of checks and balances," Lukashenko demanded at a recent meeting of the heads of the CSTO member states, as reported by the Belarusian news agency Belta.',
        "The CSTO deployed forces for the very first time in its 20-year existence in January 2022 in response to a request from Kazakhstan’s President Kassym-Jomart Tokayev. As dramatic as “Bloody January” was, the CSTO deployment was miniscule.",
      ].join("\n\n"),
    );
    const read = await readCorpus(dir, { ...defaultReaderOptions(), displayDir: "d" });
    expect(read.sources.map((s) => s.language)).toEqual(["en"]);
  });
});
