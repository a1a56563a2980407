/**
 * The engine reads wink-eng-lite-web-model's core model with its own loader (nlp.ts
 * `fastCoreModel`, which skips the package's deep copy); it must build exactly the package's
 * model, and the tagger must read sentences exactly as with the package's own loader.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import type { WinkMethods } from "wink-nlp";
import { englishModel, fastCoreModel } from "../../src/engine/nlp.js";

const require = createRequire(import.meta.url);
const dist = dirname(require.resolve("wink-eng-lite-web-model"));

describe("the engine's wink model loader", () => {
  it("builds the package's own core model", () => {
    const own = (require(join(dist, "load-core-model.js")) as () => unknown)();
    const fast = fastCoreModel(dist);
    expect(isDeepStrictEqual(fast, own)).toBe(true);
  });

  it("tags, negates and scores sentences as the package's model does", () => {
    const winkNLP = require("wink-nlp") as (model: unknown, pipe?: string[]) => WinkMethods;
    const pipe = ["sbd", "negation", "sentiment", "pos"];
    // Ours without the named-entity model, which this pipe never runs.
    const ours = winkNLP(englishModel(require, pipe), pipe);
    const theirs = winkNLP(require("wink-eng-lite-web-model"), pipe);
    const read = (nlp: WinkMethods, text: string) => {
      const doc = nlp.readDoc(text);
      return {
        tokens: doc.tokens().out(),
        pos: doc.tokens().out(nlp.its.pos),
        negated: doc.tokens().out(nlp.its.negationFlag),
        sentiment: doc.out(nlp.its.sentiment),
        sentences: doc.sentences().out(),
      };
    };
    for (const text of [
      "The CSTO did not deploy troops to Armenia in 2022. NATO condemned the invasion!",
      "Sony's PSP sold 185,000 units in its UK launch week, far more than the DS's 87,000.",
      "Unbeknownst to many, the treaty's Article 5 wasn't invoked until 2001 — after 9/11.",
    ]) {
      expect(read(ours, text)).toEqual(read(theirs, text));
    }
  });
});
