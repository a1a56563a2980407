// The chrome strings come from one JSON file per language under templates/locales/.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chromeFor } from "../../src/util/locale.js";

const dir = "templates/locales";
const table = (lang: string) =>
  JSON.parse(readFileSync(`${dir}/${lang}.json`, "utf8")) as Record<string, unknown>;

describe("locale tables", () => {
  it("reads each language's strings from templates/locales/<lang>.json", () => {
    expect(chromeFor("de").contents).toBe(table("de").contents);
    expect(chromeFor("de-AT").pageOf).toEqual(table("de").pageOf);
    expect(chromeFor("en-GB").keyFindings).toBe(table("en").keyFindings);
  });

  it("fills placeholders and plural forms", () => {
    expect(chromeFor("de").gap("Preis", "Sony PSP")).toBe(
      "Keine Quelle dieses Korpus behandelt Preis für Sony PSP.",
    );
    expect(chromeFor("en").compiledFrom(1)).toBe("Compiled from 1 source");
    expect(chromeFor("en").compiledFrom(5)).toBe("Compiled from 5 sources");
    expect(chromeFor("de").according("BBC News")).toEqual({
      prefix: "Laut BBC News: ",
      lowerFirst: false,
    });
    expect(chromeFor("en").sourcesDated("2004", "2006", 6)).toBe(
      "Sources dated 2004–2006; 6 undated.",
    );
  });

  it("has every English key in every shipped language, and falls back to English without a file", () => {
    const keys = Object.keys(table("en")).sort();
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".json")))
      expect(Object.keys(table(f.slice(0, -5))).sort(), f).toEqual(keys);
    expect(chromeFor("fr").contents).toBe("Contents");
    expect(chromeFor("../etc").contents).toBe("Contents");
  });
});
