/**
 * The engine's one NLP library: wink-nlp with its English lite model (the model ships inside the
 * npm package; nothing is fetched). Loaded once, on first use (a few hundred ms), and shared by
 * the sentence structure (syntax.ts) and the corroboration check (corroboration.ts). An immutable
 * library handle, not analysis state: every analysis passes its own state explicitly.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from "node:worker_threads";
import type { ItemSentence, WinkMethods } from "wink-nlp";

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

/** What the engine asks of wink-nlp; it never asks for its named entities. */
export const PIPE: readonly string[] = ["sbd", "negation", "sentiment", "pos"];

/**
 * wink-nlp (sentence boundaries, negation, part of speech), or null when it cannot load.
 * `recent`: whether documents are kept for a repeated text (the NLP thread is never asked for
 * the same text twice in a row; the main thread is).
 */
export function winkNlp(recent = true): WinkMethods | null {
  if (loaded !== undefined) return loaded;
  try {
    const require = createRequire(import.meta.url);
    const winkNLP = require("wink-nlp") as (
      model: unknown,
      pipe?: readonly string[],
    ) => WinkMethods;
    let nlp: WinkMethods;
    try {
      nlp = winkNLP(englishModel(require, PIPE), PIPE);
    } catch {
      // The fast loader read a model it did not expect: the package's own loader, as before.
      nlp = winkNLP(require("wink-eng-lite-web-model"), PIPE);
    }
    loaded = recent ? memoised(nlp) : nlp;
  } catch {
    loaded = null;
  }
  return loaded;
}

/** The model version `fastCoreModel` was checked against (tests/engine/nlp-model.test.ts). */
const CHECKED_MODEL = "1.8.1";

/**
 * wink-eng-lite-web-model, with its core model read by `fastCoreModel` when the installed model
 * is the version that loader was checked against; otherwise the package's own, unchanged. When
 * `pipe` leaves out "ner", the named-entity model (171 KB of automata that wink-nlp parses at
 * load whether or not its pipe runs them) is given empty: a pipe without "ner" never reads it.
 */
export function englishModel(require: NodeRequire, pipe?: readonly string[]): unknown {
  const version = (require("wink-eng-lite-web-model/package.json") as { version: string }).version;
  if (version !== CHECKED_MODEL) return require("wink-eng-lite-web-model");
  const dist = dirname(require.resolve("wink-eng-lite-web-model"));
  const part = (file: string) => require(join(dist, file)) as unknown;
  // The package's dist/model.js, part for part, but for `core`.
  const model = Object.create(null) as Record<string, unknown>;
  model.core = () => fastCoreModel(dist);
  model.sbd = part("load-sbd-model.js");
  model.pos = part("load-pos-model.js");
  model.ner =
    pipe && !pipe.includes("ner")
      ? () => ({ machines: [], transformers: [] })
      : part("load-ner-model.js");
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
 * What the engine reads of a text from wink-nlp, as plain data: its tokens with their part of
 * speech, lemma, preceding spaces and negation flag, its sentences as token ranges, and its
 * sentiment. The same whichever thread read it (see `startNlpThread`).
 */
export interface Tagged {
  values: string[];
  pos: string[];
  lemmas: string[];
  spaces: string[];
  negated: boolean[];
  /** Sentences as token ranges `[first, end)`, in order; sentences without tokens left out. */
  sentences: [number, number][];
  /** wink-nlp's sentiment of the whole text (−1 … +1, negation-aware); 0 when not a number. */
  sentiment: number;
}

/** `text` as `nlp` reads it, or null when wink-nlp throws on it. */
export function tagWith(nlp: WinkMethods, text: string): Tagged | null {
  try {
    const its = nlp.its;
    const doc = nlp.readDoc(text);
    const tokens = doc.tokens();
    const sentences: [number, number][] = [];
    doc.sentences().each((s: ItemSentence) => {
      const st = s.tokens();
      const n = st.length();
      if (n > 0) sentences.push([st.itemAt(0).index(), st.itemAt(n - 1).index() + 1]);
    });
    const sentiment = doc.out(its.sentiment) as unknown;
    return {
      values: tokens.out(its.value) as string[],
      pos: tokens.out(its.pos) as string[],
      lemmas: tokens.out(its.lemma as never) as string[],
      spaces: tokens.out(its.precedingSpaces) as string[],
      negated: tokens.out(its.negationFlag) as unknown as boolean[],
      sentences,
      sentiment: typeof sentiment === "number" && Number.isFinite(sentiment) ? sentiment : 0,
    };
  } catch {
    return null;
  }
}

/**
 * The NLP thread: wink-nlp loaded and run on a worker thread of this process, so that its model
 * (about a tenth of a second of a cold process, and 30 MB of heap) loads on the second core while
 * the corpus is read (the pipeline starts it as it starts its browser), and sentences are read
 * there ahead of the analysis that needs them (`prefetchTags`). Asked synchronously, since the
 * analysis is synchronous: a request is a message to the thread, and an answer is taken off the
 * port with `receiveMessageOnPort`, waiting on a counter the thread bumps when it has answered
 * (`Atomics.wait`), never on the event loop.
 */
interface NlpThread {
  worker: Worker;
  port: MessagePort;
  /** [0]: answers sent so far; [1]: 1 once the thread cannot answer (wink-nlp did not load, or it threw). */
  counter: Int32Array;
  /** Texts sent and not answered yet. */
  pending: Set<string>;
  /** Texts to read ahead, not sent yet, in the order they will be needed. */
  ahead: string[];
  /** Where `ahead` continues. */
  next: number;
  failed: boolean;
}

let thread: NlpThread | undefined;

/**
 * How long the thread may go without answering before it is given up for this process: only a
 * thread that dies without saying so (out of memory) is noticed this way.
 */
const THREAD_PATIENCE_MS = 30_000;
/** Texts at most in one message to the thread. */
const BATCH = 16;
/** Texts at most sent ahead and not answered: a text asked for waits behind no more than these. */
const WINDOW = 256;

/**
 * Starts the NLP thread, once per process (the pipeline calls it before reading). Nothing happens
 * when wink-nlp is already loaded on this thread, or when the thread's compiled script is not
 * there (the engine run from its TypeScript sources, as the tests do): wink-nlp is then loaded
 * here on first use, as without a thread. A thread that fails to start, stops answering or dies
 * leaves the same fallback.
 */
export function startNlpThread(): void {
  if (thread || loaded !== undefined) return;
  try {
    const script = new URL("./nlp-thread.js", import.meta.url);
    if (script.protocol !== "file:" || !existsSync(fileURLToPath(script))) return;
    const { port1, port2 } = new MessageChannel();
    const counter = new Int32Array(new SharedArrayBuffer(8));
    const worker = new Worker(script, {
      workerData: { port: port2, counter },
      transferList: [port2],
      // This process's command-line options are its own (`--input-type`, `--import` …); V8's
      // flags apply to every thread anyway.
      execArgv: [],
    });
    worker.unref();
    const started: NlpThread = {
      worker,
      port: port1,
      counter,
      pending: new Set(),
      ahead: [],
      next: 0,
      failed: false,
    };
    worker.on("error", () => {
      started.failed = true;
    });
    thread = started;
  } catch {
    thread = undefined;
  }
}

/** Whether texts are read on the NLP thread: "on", "off" (never started), "failed" (given up). */
export function nlpThreadStatus(): "on" | "off" | "failed" {
  return !thread ? "off" : thread.failed ? "failed" : "on";
}

/** Sends texts to read ahead while fewer than `WINDOW` are unanswered. */
function pump(t: NlpThread): void {
  while (t.pending.size < WINDOW && t.next < t.ahead.length) {
    const batch: string[] = [];
    while (batch.length < BATCH && t.next < t.ahead.length) {
      const text = t.ahead[t.next++]!;
      if (readings.has(text) || t.pending.has(text)) continue;
      t.pending.add(text);
      batch.push(text);
    }
    if (batch.length > 0) t.port.postMessage(batch);
  }
  if (t.next >= t.ahead.length) {
    t.ahead = [];
    t.next = 0;
  }
}

/** Answers taken off the thread's port, into `readings`; true when there were any. */
function drain(t: NlpThread): boolean {
  let any = false;
  for (let m = receiveMessageOnPort(t.port); m; m = receiveMessageOnPort(t.port)) {
    const answer = m.message as { texts: string[]; readings: (Tagged | null)[] };
    answer.texts.forEach((text, i) => {
      t.pending.delete(text);
      remember(text, answer.readings[i] ?? null);
    });
    any = true;
  }
  return any;
}

/**
 * Asks the NLP thread to read `texts` ahead, in the order given, which is the order they will be
 * asked for: a text read by the time `tagged` asks for it costs no wait. They replace what an
 * earlier call queued and did not send yet (that part of the analysis has moved on). Nothing
 * without a thread.
 */
export function prefetchTags(texts: Iterable<string>): void {
  const t = thread;
  if (!t || t.failed) return;
  t.ahead = [...texts];
  t.next = 0;
  pump(t);
}

/** The NLP thread's reading of `text`; undefined when the thread is gone or too slow to answer. */
function askThread(t: NlpThread, text: string): Tagged | null | undefined {
  if (!t.pending.has(text)) {
    t.pending.add(text);
    t.port.postMessage([text]);
  }
  let since = performance.now();
  for (;;) {
    const answered = Atomics.load(t.counter, 0);
    if (drain(t)) {
      since = performance.now();
      pump(t);
    }
    const known = readings.get(text);
    if (known !== undefined) return known;
    const gone = Atomics.load(t.counter, 1) !== 0;
    if (t.failed || gone || performance.now() - since > THREAD_PATIENCE_MS) break;
    Atomics.wait(t.counter, 0, answered, 1000);
  }
  t.failed = true;
  t.worker.terminate().catch(() => {});
  return undefined;
}

/** Readings by text, oldest first: the same sentence is read from several stages. */
const readings = new Map<string, Tagged | null>();
/** Readings kept; more than `WINDOW`, so nothing read ahead is dropped before it is asked for. */
const MAX_READINGS = 4096;

function remember(text: string, reading: Tagged | null): void {
  if (readings.size >= MAX_READINGS) readings.delete(readings.keys().next().value as string);
  readings.set(text, reading);
}

/**
 * `text` as wink-nlp reads it (see `Tagged`), or null when wink-nlp cannot load or throws on it:
 * read on the NLP thread when it runs, else here.
 */
export function tagged(text: string): Tagged | null {
  const t = thread;
  if (t && !t.failed && drain(t)) pump(t);
  const known = readings.get(text);
  if (known !== undefined) return known;
  let reading: Tagged | null | undefined;
  if (t && !t.failed) reading = askThread(t, text);
  if (reading === undefined) {
    const nlp = winkNlp();
    reading = nlp ? tagWith(nlp, text) : null;
    remember(text, reading);
  }
  return reading;
}

/**
 * How evaluative a text is: wink-nlp's sentence sentiment (−1 … +1, negation-aware), or 0 when
 * the library is missing or cannot read the text. Used only to choose which statement to quote,
 * never shown.
 */
export function sentimentOf(text: string): number {
  return tagged(text)?.sentiment ?? 0;
}
