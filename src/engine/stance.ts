/**
 * Each source's stance toward each subject: the sum of `FAVOUR` lexicon weights over the
 * passages that are mainly about the subject (it is named first or alone), squashed to −1…+1,
 * with the words that drove it.
 */

import type { Stance } from "../model/briefing.js";
import { compareStrings } from "../util/text.js";
import { FAVOUR, lexiconHits } from "./lexicon.js";
import type { Analysis } from "./state.js";

const round = (x: number) => Math.round(x * 100) / 100;

export function buildStances(a: Analysis): Stance[] {
  const out: Stance[] = [];
  for (const source of a.sources) {
    for (const subject of a.subjects) {
      const words = new Map<string, number>();
      let passages = 0;
      for (const unit of a.units) {
        if (unit.sourceId !== source.id || unit.named[0] !== subject.name) continue;
        passages++;
        for (const hit of lexiconHits(unit.tokens, FAVOUR, (w) => w)) {
          words.set(hit.word, (words.get(hit.word) ?? 0) + hit.weight);
        }
      }
      if (passages === 0) continue;
      let sum = 0;
      for (const w of words.values()) sum += w;
      const score = round(Math.tanh(sum / Math.max(2, Math.sqrt(passages) * 1.5)));
      const label = score >= 0.2 ? "positive" : score <= -0.2 ? "negative" : "neutral";
      const list = [...words]
        .filter(([, w]) => w !== 0)
        .map(([word, weight]) => ({ word, weight: round(weight) }))
        .sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight) || compareStrings(x.word, y.word))
        .slice(0, 8);
      out.push({ sourceId: source.id, subject: subject.name, score, label, words: list });
    }
  }
  return out;
}
