import { describe, expect, it } from "vitest";
import { checkEventDate } from "../../src/engine/dates.js";
import { readCorpus } from "../../src/readers/index.js";
import { defaultReaderOptions } from "./helpers.js";

describe("Ukrainian and Russian sources", () => {
  it("detects each language, keeps abbreviations inside sentences and finds the dates", async () => {
    const { sources } = await readCorpus("tests/fixtures/cyrillic", defaultReaderOptions());
    const uk = sources.find((s) => s.file.endsWith("-uk.txt"))!;
    const ru = sources.find((s) => s.file.endsWith("-ru.txt"))!;
    expect(uk.language).toBe("uk");
    expect(ru.language).toBe("ru");
    const sentences = (s: typeof uk) => s.blocks.flatMap((b) => b.sentences.map((x) => x.text));
    expect(sentences(uk)).toEqual([
      "Продажі PlayStation Portable почалися в Японії 12 грудня 2004 р. у магазинах Токіо.",
      "Для першої партії Sony відвантажила бл. 200 тис. консолей за ціною 19 800 єн.",
      "До Європи PSP прийшла 1 вересня 2005 року.",
      "Ціна становила 249 євро, тобто приблизно на 100 євро більше, ніж Nintendo DS.",
    ]);
    expect(sentences(ru)[1]).toBe(
      "Для первой партии Sony отгрузила ок. 200 тыс. консолей по цене 19 800 иен.",
    );
    const iso = (s: typeof uk, i: number) =>
      checkEventDate(sentences(s)[i]!, s.date, s.language).date?.iso;
    expect(iso(uk, 0)).toBe("2004-12-12");
    expect(iso(uk, 2)).toBe("2005-09-01");
    expect(iso(ru, 0)).toBe("2004-12-12");
    expect(iso(ru, 2)).toBe("2005-09-01");
  });
});
