/**
 * How each source frames each subject: its most evaluative statement about it, quoted (see
 * `framingOf`), or none. The old lexicon score (the sum of `FAVOUR` weights over the passages
 * that name the subject first, squashed to −1…+1) is still computed for the deprecated `score`
 * field of briefing.json, and shown nowhere.
 */

import type { Stance } from "../model/briefing.js";
import { compareStrings, countWords } from "../util/text.js";
import { makeClaim } from "./claims.js";
import { FAVOUR, lexiconHits } from "./lexicon.js";
import { sentimentOf } from "./nlp.js";
import { type Analysis, isFree } from "./state.js";
import { findMentions } from "./subjects.js";

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Share of the word limit the framings may take. A corpus of a hundred sources has a framing for
 * most of them; past the share the weaker ones are left out (`framingLeftOut`), strongest kept.
 */
export const FRAMING_SHARE = 0.06;

/** Sentiment strength from which a predication counts as an evaluation. */
const EVALUATIVE = 0.3;
/** Verbs that predicate a quality of their subject. */
const COPULA = new Set(["be", "seem", "remain", "become", "look", "appear", "prove", "sound"]);

/**
 * The source's most evaluative statement about `subject`: among its passages whose main clause
 * is about the subject (or that name it alone), the one wink-nlp's sentiment scores strongest,
 * when that is at least `EVALUATIVE`; passages not yet shown elsewhere first.
 */
function framingOf(a: Analysis, subject: string, units: number[]) {
  let best: { u: number; strength: number; free: boolean } | undefined;
  for (const u of units) {
    const unit = a.units[u]!;
    if (unit.quoted || unit.attributedOnly) continue;
    // An evaluation: the subject is what the main clause is about, and the clause predicates a
    // quality of it ("is not a viable alternative", "was miniscule", "is a sexy bit of kit").
    if (!(a.topics[u] ?? []).includes(subject)) continue;
    const structure = a.structures[u];
    if (!structure) continue;
    const mentions = findMentions(unit.text, a.matchers).filter((m) => m.subject === subject);
    const evaluates = structure.clauses.some((c) => {
      const copula = c.words.findIndex((t) => COPULA.has(structure.words[t]!.lemma));
      if (copula < 0 || !c.words.slice(copula + 1).some((t) => structure.words[t]!.pos === "ADJ"))
        return false;
      // What is evaluated is the subject's head or its possessor ("the CSTO deployment was
      // miniscule", "NATO's reset has been …"), not a complement inside it ("Understanding the
      // nuances of the CSTO's position … is crucial" evaluates the understanding).
      if (c.subject.length === 0) return false;
      const from = structure.words[c.subject[0]!]!.start;
      const to = structure.words[c.subject[c.subject.length - 1]!]!.end;
      return mentions.some(
        (m) =>
          m.start >= from &&
          m.end <= to &&
          !structure.words.some((w) => w.start >= from && w.end <= m.start && w.pos === "ADP"),
      );
    });
    if (!evaluates) continue;
    const strength = Math.abs(sentimentOf(unit.text));
    if (strength < EVALUATIVE) continue;
    const free = isFree(a, unit);
    if (!best || (free && !best.free) || (free === best.free && strength > best.strength + 1e-9))
      best = { u, strength, free };
  }
  return best;
}

export function buildStances(a: Analysis): Stance[] {
  const out: Stance[] = [];
  const found: { stance: number; u: number; strength: number; free: boolean }[] = [];
  const bySource = new Map<string, number[]>();
  a.units.forEach((unit, u) => {
    const list = bySource.get(unit.sourceId) ?? [];
    list.push(u);
    bySource.set(unit.sourceId, list);
  });
  for (const source of a.sources) {
    for (const subject of a.subjects) {
      const words = new Map<string, number>();
      let passages = 0;
      const own = bySource.get(source.id) ?? [];
      const framing = framingOf(a, subject.name, own);
      if (framing) found.push({ stance: out.length, ...framing });
      for (const u of own) {
        const unit = a.units[u]!;
        if (unit.named[0] !== subject.name) continue;
        passages++;
        for (const hit of lexiconHits(unit.tokens, FAVOUR, (w) => w)) {
          words.set(hit.word, (words.get(hit.word) ?? 0) + hit.weight);
        }
      }
      if (passages === 0 && !framing) continue;
      let sum = 0;
      for (const w of words.values()) sum += w;
      const score = round(Math.tanh(sum / Math.max(2, Math.sqrt(passages) * 1.5)));
      const label = score >= 0.2 ? "positive" : score <= -0.2 ? "negative" : "neutral";
      const list = [...words]
        .filter(([, w]) => w !== 0)
        .map(([word, weight]) => ({ word, weight: round(weight) }))
        .sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight) || compareStrings(x.word, y.word))
        .slice(0, 8);
      out.push({
        sourceId: source.id,
        subject: subject.name,
        score,
        label,
        words: list,
      });
    }
  }
  // Within the share: strongest first (not yet shown elsewhere before shown), in source order on ties.
  found.sort(
    (x, y) => Number(y.free) - Number(x.free) || y.strength - x.strength || x.stance - y.stance,
  );
  let words = 0;
  const budget = a.maxWords * FRAMING_SHARE;
  for (const f of found) {
    const n = countWords(a.units[f.u]!.text);
    if (words > 0 && words + n > budget) out[f.stance]!.framingLeftOut = true;
    else {
      words += n;
      out[f.stance]!.framing = makeClaim(a.units[f.u]!);
    }
  }
  return out;
}
