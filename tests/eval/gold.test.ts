/**
 * Keeps the evaluation yardstick honest (`npm run eval` measures against it): every labelled
 * sentence is still the reader's sentence at that ¶ and position, labels use only the brief's
 * names, and the set is big enough to measure with.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Source } from "../../src/model/source.js";
import { readBrief } from "../../src/pipeline/inspect.js";

interface Ref {
  file: string;
  block: number;
  sentence: number;
}
interface Labelled extends Ref {
  text: string;
  subjects: string[];
  dimensions: string[];
  standalone: boolean;
  referent?: string;
}
interface Gold {
  corpus: string;
  sentences: Labelled[];
  pairs: { a: Ref; b: Ref; label: string; note?: string }[];
}

const DIR = "tests/eval/gold";
const golds: { file: string; gold: Gold }[] = readdirSync(DIR)
  .filter((f) => /\.ya?ml$/u.test(f) && !f.startsWith("values-"))
  .sort()
  .map((file) => ({ file, gold: parse(readFileSync(join(DIR, file), "utf8")) as Gold }));
const key = (r: Ref) => `${r.file}#${r.block}.${r.sentence}`;

describe("evaluation gold set", () => {
  it("labels at least 200 sentences and 60 pairs over the three corpora", () => {
    expect(golds.map((g) => g.gold.corpus).sort()).toEqual([
      "corpus",
      "tests/fixtures/handhelds",
      "tests/fixtures/topic-html-parsers",
    ]);
    expect(golds.reduce((n, g) => n + g.gold.sentences.length, 0)).toBeGreaterThanOrEqual(200);
    expect(golds.reduce((n, g) => n + g.gold.pairs.length, 0)).toBeGreaterThanOrEqual(60);
  });

  describe.each(golds)("$file", ({ gold }) => {
    let sources: Source[];
    let subjects: string[];
    let dimensions: string[];
    beforeAll(async () => {
      const corpus = await readBrief(gold.corpus);
      sources = corpus.sources;
      subjects = corpus.spec.subjects?.map((s) => s.name) ?? [];
      dimensions = corpus.spec.dimensions?.map((d) => d.name) ?? [];
    });

    it("each sentence's text is the reader's sentence at that file, ¶ and position", () => {
      const drift: string[] = [];
      for (const s of gold.sentences) {
        const found = sources
          .find((src) => src.file === s.file)
          ?.blocks.find((b) => b.index === s.block)
          ?.sentences.find((x) => x.index === s.sentence);
        if (found?.text !== s.text)
          drift.push(`${key(s)}: gold "${s.text}" / reader "${found?.text ?? "(none)"}"`);
      }
      expect(drift).toEqual([]);
    });

    it("labels only name the brief's subjects and dimensions, once per sentence", () => {
      const seen = new Set<string>();
      for (const s of gold.sentences) {
        expect(seen.has(key(s)), key(s)).toBe(false);
        seen.add(key(s));
        for (const name of s.subjects) expect(subjects, key(s)).toContain(name);
        for (const name of s.dimensions) expect(dimensions, key(s)).toContain(name);
        expect(typeof s.standalone, key(s)).toBe("boolean");
        if (!s.standalone) expect(s.referent?.trim(), key(s)).toBeTruthy();
      }
    });

    it("pairs join labelled sentences of different sources and say same or not", () => {
      const labelled = new Set(gold.sentences.map(key));
      for (const p of gold.pairs) {
        const name = `${key(p.a)} ~ ${key(p.b)}`;
        expect(p.a.file, name).not.toBe(p.b.file);
        expect(["same", "not"], name).toContain(p.label);
        expect(labelled.has(key(p.a)) && labelled.has(key(p.b)), name).toBe(true);
      }
    });
  });
});

interface ValueGold {
  corpus: string;
  sentences: (Ref & {
    text: string;
    quantities: { value: number; unit: string | null; entity: string | null; kind: string }[];
    events: { date: string; kind: string }[];
  })[];
}
const valueGolds = readdirSync(DIR)
  .filter((f) => /^values-.*\.ya?ml$/u.test(f))
  .sort()
  .map((file) => ({ file, gold: parse(readFileSync(join(DIR, file), "utf8")) as ValueGold }));

describe("value gold set", () => {
  it("holds at least 40 quantities and 25 dated events over two corpora", () => {
    expect(valueGolds.map((g) => g.gold.corpus).sort()).toEqual([
      "corpus",
      "tests/fixtures/handhelds",
    ]);
    const all = valueGolds.flatMap((g) => g.gold.sentences);
    expect(all.reduce((n, s) => n + s.quantities.length, 0)).toBeGreaterThanOrEqual(40);
    expect(all.reduce((n, s) => n + s.events.length, 0)).toBeGreaterThanOrEqual(25);
  });

  describe.each(valueGolds)("$file", ({ gold }) => {
    it("labels the reader's sentences, once each, with known kinds and units", async () => {
      const { sources } = await readBrief(gold.corpus);
      const seen = new Set<string>();
      for (const s of gold.sentences) {
        expect(seen.has(key(s)), key(s)).toBe(false);
        seen.add(key(s));
        const found = sources
          .find((src) => src.file === s.file)
          ?.blocks.find((b) => b.index === s.block)
          ?.sentences.find((x) => x.index === s.sentence);
        expect(found?.text, key(s)).toBe(s.text);
        for (const q of s.quantities) {
          expect(["count", "difference", "target", "forecast", "share"], key(s)).toContain(q.kind);
          expect([null, "GBP", "USD", "EUR", "JPY", "%", "years"], key(s)).toContain(q.unit);
          expect(Number.isFinite(q.value), key(s)).toBe(true);
        }
        for (const e of s.events) {
          expect(["happened", "scheduled", "target", "forecast"], key(s)).toContain(e.kind);
          expect(String(e.date), key(s)).toMatch(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/u);
        }
      }
    });
  });
});
