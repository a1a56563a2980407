/**
 * The engine's one NLP library: wink-nlp with its English lite model (the model ships inside the
 * npm package; nothing is fetched). Loaded once, on first use (a few hundred ms), and shared by
 * the sentence structure (syntax.ts) and the corroboration check (corroboration.ts). An immutable
 * library handle, not analysis state: every analysis passes its own state explicitly.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { WinkMethods } from "wink-nlp";

let loaded: WinkMethods | null | undefined;

/**
 * Documents read most recently, by text. The sentence structure, the referents and the
 * corroboration check each read the same sentences (about a third of the calls on the default
 * corpus repeat a text); a wink document is only read from once built, so a repeat reuses it.
 * Bounded (oldest out first), so memory does not grow with the corpus.
 */
const RECENT_DOCS = 2048;

function memoised(nlp: WinkMethods): WinkMethods {
  const read = nlp.readDoc.bind(nlp);
  const recent = new Map<string, ReturnType<WinkMethods["readDoc"]>>();
  nlp.readDoc = (text: string) => {
    let doc = recent.get(text);
    if (doc === undefined) {
      doc = read(text);
      if (recent.size >= RECENT_DOCS) recent.delete(recent.keys().next().value as string);
      recent.set(text, doc);
    }
    return doc;
  };
  return nlp;
}

/** wink-nlp (sentence boundaries, negation, part of speech), or null when it cannot load. */
export function winkNlp(): WinkMethods | null {
  if (loaded !== undefined) return loaded;
  try {
    const require = createRequire(import.meta.url);
    const winkNLP = require("wink-nlp") as (model: unknown, pipe?: string[]) => WinkMethods;
    const pipe = ["sbd", "negation", "sentiment", "pos"];
    let nlp: WinkMethods;
    try {
      nlp = winkNLP(englishModel(require), pipe);
    } catch {
      // The fast loader read a model it did not expect: the package's own loader, as before.
      nlp = winkNLP(require("wink-eng-lite-web-model"), pipe);
    }
    loaded = memoised(nlp);
  } catch {
    loaded = null;
  }
  return loaded;
}

/** The model version `fastCoreModel` was checked against (tests/engine/nlp-model.test.ts). */
const CHECKED_MODEL = "1.8.1";

/**
 * wink-eng-lite-web-model, with its core model read by `fastCoreModel` when the installed model
 * is the version that loader was checked against; otherwise the package's own, unchanged.
 */
export function englishModel(require: NodeRequire): unknown {
  const version = (require("wink-eng-lite-web-model/package.json") as { version: string }).version;
  if (version !== CHECKED_MODEL) return require("wink-eng-lite-web-model");
  const dist = dirname(require.resolve("wink-eng-lite-web-model"));
  const part = (file: string) => require(join(dist, file)) as unknown;
  // The package's dist/model.js, part for part, but for `core`.
  const model = Object.create(null) as Record<string, unknown>;
  model.core = () => fastCoreModel(dist);
  model.sbd = part("load-sbd-model.js");
  model.pos = part("load-pos-model.js");
  model.ner = part("load-ner-model.js");
  model.negation = part("load-negation-model.js");
  model.sa = part("load-sa-model.js");
  model.metaCER = part("load-cer-meta-model.js");
  model.featureFn = part("feature.js");
  const addons = Object.create(null) as Record<string, unknown>;
  addons.stem = part("porter-stemmer.js");
  addons.lemmatize = part("lemmatize.js");
  addons.readabilityStats = part("readability-stats.js");
  addons.wordVectors = undefined;
  model.addons = addons;
  return model;
}

interface CoreModel {
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
  packing: { layout: Record<string, number[]>; efList: string[] };
  features: Record<
    string,
    {
      list: string[];
      hash: Record<string, number>;
      intrinsicSize?: number;
      index?: number;
      maxIndex?: number;
    }
  >;
  pos: { hash: Record<string, number> };
}

/**
 * The package's core model, as its read-core-model.js and load-core-model.js build it, less two
 * costs of a cold process (about 40 ms of the default corpus's analysis): the package parses the
 * 3 MB model with `require` and then deep-copies it (JSON.stringify + JSON.parse) so that a
 * second load starts clean; this reads the file once, fresh, and never needs the copy. Base64 is
 * decoded by Buffer rather than byte by byte. The result equals the package's own (a test checks).
 */
export function fastCoreModel(dist: string): CoreModel {
  const model = JSON.parse(
    readFileSync(join(dist, "languages", "cur", "models", "eng-core-web-model.json"), "utf8"),
  ) as CoreModel;
  const words = (data: string | Uint32Array) => {
    const bytes = Buffer.from(data as string, "base64");
    const buffer = new ArrayBuffer(bytes.length);
    new Uint8Array(buffer).set(bytes);
    return new Uint32Array(buffer);
  };
  const { layout } = model.packing;
  const features = model.features;
  model.lexicon = words(model.lexicon);
  model.xpansions = words(model.xpansions);
  for (const f in layout) {
    if (layout[f]![3] !== 0) continue;
    const hash = Object.create(null) as Record<string, number>;
    const list = features[f]!.list;
    for (let k = 0; k < list.length; k += 1) hash[list[k]!] = k;
    features[f]!.hash = hash;
  }
  const lexeme = features.lexeme!;
  lexeme.hash = Object.create(null) as Record<string, number>;
  for (let k = 0; k < lexeme.list.length; k += 1) lexeme.hash[lexeme.list[k]!] = k;
  const clusters = features.posClusters!.list as unknown as (string | Set<number>)[];
  for (let k = 0; k < clusters.length; k += 1) {
    clusters[k] = new Set((clusters[k] as string).split("_").map((e) => model.pos.hash[e] || 0));
  }
  // load-core-model.js
  model.packing.efList = [];
  for (const f in layout) {
    const l = layout[f]!;
    if (l[3] === 0) {
      features[f]!.intrinsicSize = features[f]!.list.length;
      features[f]!.index = features[f]!.list.length;
      features[f]!.maxIndex = l[1]! >>> l[2]!;
    }
    if (l[4] === 1) model.packing.efList.push(f);
  }
  lexeme.intrinsicSize = lexeme.list.length;
  lexeme.index = lexeme.list.length;
  return model;
}

/**
 * How evaluative a text is: wink-nlp's sentence sentiment (−1 … +1, negation-aware), or 0 when
 * the library is missing. Used only to choose which statement to quote, never shown.
 */
export function sentimentOf(text: string): number {
  const nlp = winkNlp();
  if (!nlp) return 0;
  const value = nlp.readDoc(text).out(nlp.its.sentiment) as unknown;
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}
