// After "According to X," a sentence-initial common word is lower-cased with the changed letter
// bracketed; a name keeps its capital. A word list and compromise's tags missed "Rival Sony has
// said …" (compromise tags "Rival" an adjective, not a verb): the corpus itself now says how it
// writes a word mid-sentence, the way statistical truecasers decide.
import { describe, expect, it } from "vitest";
import type { Source } from "../../src/model/source.js";
import { caseEvidence, caseOf } from "../../src/outline/casing.js";
import { afterAttribution } from "../../src/outline/nodes.js";

function source(...texts: string[]): Source {
  return {
    id: "s",
    file: "s.md",
    format: "markdown",
    title: "S",
    authors: [],
    language: "en",
    blocks: texts.map((text, index) => ({
      index,
      kind: "paragraph",
      text,
      sentences: [],
      line: index + 1,
    })),
    references: [],
    dropped: [],
    sha256: "",
    words: 0,
  } as unknown as Source;
}

describe("a sentence-initial word's case after an attribution", () => {
  const corpus = caseEvidence([
    source(
      "Nintendo faces its rival in Europe. Analysts call Sony a rival, and Tokayev agreed.",
      "Rival Sony has said it will launch. The firm said President Tokayev asked for help.",
      "Reports say Mark Rutte spoke. A mark was left on the market.",
    ),
  ]);

  it("a word the corpus writes lower-case mid-sentence, and never capitalised there, is common", () => {
    expect(caseOf(corpus, "Rival")).toBe("common");
    expect(afterAttribution("Rival Sony has said it will launch.", corpus)).toBe(
      "[r]ival Sony has said it will launch.",
    );
  });

  it("a word only ever capitalised mid-sentence is a name and keeps its capital", () => {
    expect(caseOf(corpus, "Tokayev")).toBe("name");
    expect(afterAttribution("Tokayev asked for help.", corpus)).toBe("Tokayev asked for help.");
  });

  it("mixed or no evidence leaves the decision to the other rules", () => {
    expect(caseOf(corpus, "Mark")).toBeUndefined();
    expect(caseOf(corpus, "Zzyzx")).toBeUndefined();
    // Without evidence "Rival" (not a stop word, not an opening verb) stays as written.
    expect(afterAttribution("Rival Sony has said it will launch.")).toBe(
      "Rival Sony has said it will launch.",
    );
    // Stop words are lower-cased whatever the evidence.
    expect(afterAttribution("The firm said so.", corpus)).toBe("[t]he firm said so.");
  });
});
