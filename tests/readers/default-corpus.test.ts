import { beforeAll, describe, expect, it } from "vitest";
import type { Source } from "../../src/model/source.js";
import { type CorpusResult, readCorpus } from "../../src/readers/index.js";
import { readerOptionsFor } from "./helpers.js";

let corpus: CorpusResult;
const byFile = (prefix: string): Source => {
  const s = corpus.sources.find((x) => x.file.startsWith(prefix));
  if (!s) throw new Error(`no source ${prefix}`);
  return s;
};
const allText = (s: Source) => s.blocks.map((b) => b.text).join("\n");

beforeAll(async () => {
  corpus = await readCorpus("corpus", await readerOptionsFor("corpus"));
});

describe("the default corpus", () => {
  it("reads all five sources with unique ids in file order", () => {
    expect(corpus.sources.map((s) => s.file)).toEqual([
      "000_1532f481ba17c423.txt",
      "001_df2822391fd8f1ba.txt",
      "002_6e2675e3187c4228.txt",
      "003_b48cbbf5d40aa17b.txt",
      "004_a0dfb8ddec9f4bbe.txt",
    ]);
    expect(new Set(corpus.sources.map((s) => s.id)).size).toBe(5);
  });

  it("000: Markdown with front matter inside a .txt file", () => {
    const s = byFile("000");
    expect(s.format).toBe("markdown");
    expect(s.title).toBe("Why Ukraine chose NATO and not Russian CSTO?");
    expect(s.authors).toEqual([]);
    expect(s.publisher).toBe("Medium");
    expect(s.date).toBeUndefined();
    expect(s.id).toBe("medium");
    expect(s.references.map((r) => r.label)).toEqual(["1", "2", "3"]);
    expect(s.references[0]!.url).toBe("https://www.pravda.com.ua/news/2004/07/9/3001064/");
    expect(s.blocks.find((b) => b.kind === "heading")?.text).toBe("Ukraine was neutral");
    expect(s.blocks.some((b) => b.kind === "quote" && b.text.includes("Відносини з Росією"))).toBe(
      true,
    );
    expect(s.dropped.map((d) => d.rule)).toContain("boilerplate-credit");
    expect(allText(s)).not.toContain("Flag of CSTO taken from Wikipedia");
  });

  it("001: title, subtitle, date line and author from the text", () => {
    const s = byFile("001");
    expect(s.format).toBe("text");
    expect(s.title).toBe("NATO vs CSTO — Who Will Gain the Upper Hand?");
    expect(s.subtitle).toBe("The traditional rule-based order is over");
    expect(s.date).toBe("2022-08-03");
    expect(s.authors).toEqual(["Christine Karelska"]);
    expect(s.id).toBe("karelska-2022");
    expect(s.blocks[0]!.text.startsWith("The Russian invasion of Ukraine")).toBe(true);
    expect(s.blocks.find((b) => b.text === "Madrid’s Strategic Concept")?.kind).toBe("heading");
  });

  it("001: teaser, promotion, credit, bio and subscription prompt are dropped and listed", () => {
    const s = byFile("001");
    const rules = s.dropped.map((d) => d.rule);
    for (const rule of [
      "boilerplate-teaser",
      "boilerplate-promo",
      "boilerplate-credit",
      "boilerplate-bio",
      "boilerplate-subscribe",
    ]) {
      expect(rules).toContain(rule);
    }
    const text = allText(s);
    for (const gone of [
      "Editor’s Pick",
      "Subscribe now",
      "Visegrad Insight Fellow",
      "Picture: “NAC 1”",
      "Published as part of",
    ]) {
      expect(text).not.toContain(gone);
      expect(s.dropped.some((d) => d.text.includes(gone))).toBe(true);
    }
    expect(text).toContain(
      "between Western liberal values and the rise of the new authoritarian no-rule world",
    );
  });

  it("002: byline, masthead publisher, dek; related articles and bio dropped", () => {
    const s = byFile("002");
    expect(s.title).toBe("What Is the Value of the CSTO Now?");
    expect(s.authors).toEqual(["Catherine Putz"]);
    expect(s.publisher).toBe("The Diplomat");
    expect(s.subtitle).toBe(
      "In February, Russian officials complained that NATO didn’t take the CSTO seriously. There’s clearly no reason to do so.",
    );
    expect(s.date).toBeUndefined();
    expect(s.id).toBe("putz");
    const text = allText(s);
    for (const gone of [
      "Want to read more?",
      "Catherine Putz is Managing Editor",
      "The Boycott of Uzbek Cotton Is Over",
      "via AP",
    ]) {
      expect(text).not.toContain(gone);
      expect(s.dropped.some((d) => d.text.includes(gone))).toBe(true);
    }
    expect(s.dropped.find((d) => d.text.includes("via AP"))?.rule).toBe("boilerplate-credit");
    expect(s.dropped.find((d) => d.text === "Already a subscriber?")?.rule).toBe(
      "boilerplate-subscribe",
    );
    expect(s.blocks[0]!.text.startsWith("On February 9, speaking at the Moscow-based Valdai")).toBe(
      true,
    );
  });

  it("003: byline with a view counter", () => {
    const s = byFile("003");
    expect(s.title).toBe("CSTO & Ukraine War: Unpacking The Alliance's Position");
    expect(s.authors).toEqual(["Jhon Lennon"]);
    expect(s.dropped).toContainEqual(
      expect.objectContaining({ text: "54 views", rule: "boilerplate-views" }),
    );
    expect(allText(s)).not.toContain("54 views");
    expect(s.blocks[0]).toMatchObject({ kind: "heading", line: 5 });
  });

  it("004: publisher from brief.yaml, signature on the last line", () => {
    const s = byFile("004");
    expect(s.title).toBe(
      "Response to NATO expansion: how dangerous is the CSTO military pact formed by Russia?",
    );
    expect(s.authors).toEqual(["Eva Fischer"]);
    expect(s.publisher).toBe("Handelsblatt");
    expect(s.date).toBeUndefined();
    expect(allText(s)).not.toMatch(/Eva Fischer$/);
    expect(
      s.blocks.find((b) => b.text === "CSTO members don't get along with each other")?.kind,
    ).toBe("heading");
  });

  it("gives blocks 1-based ¶ numbers, lines and sentences with exact offsets", () => {
    for (const s of corpus.sources) {
      s.blocks.forEach((b, i) => {
        expect(b.index).toBe(i + 1);
        expect(b.line).toBeGreaterThan(0);
        for (const sentence of b.sentences)
          expect(b.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
      });
      expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(s.words).toBeGreaterThan(500);
    }
    const putz = byFile("002");
    const para = putz.blocks.find((b) => b.text.includes("U.S. area of responsibility"))!;
    expect(
      para.sentences.some((x) =>
        x.text.includes("because the U.S. area of responsibility is declared as global."),
      ),
    ).toBe(true);
  });

  it("warns that undated sources have no date instead of inventing one", () => {
    const noDate = corpus.diagnostics.filter((d) => d.ruleId === "meta-no-date").map((d) => d.file);
    expect(noDate).toHaveLength(4);
    expect(noDate.every((f) => f && !f.includes("001_"))).toBe(true);
  });
});
