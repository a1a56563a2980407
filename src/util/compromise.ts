/**
 * compromise, as its one-file CommonJS build. The package's `import` entry is its source tree
 * (a few hundred ES modules, about 0.25 s to load in a cold process); its `require` entry is the
 * same library bundled into one file (about 0.15 s). Same version, same lexicon and tagger.
 */
import { createRequire } from "node:module";
import type nlpType from "compromise";

export const nlp = createRequire(import.meta.url)("compromise") as typeof nlpType;
