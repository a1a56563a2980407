/**
 * Source profiles: bibliographic fields, short labels ("Putz 2022", "Handelsblatt n.d."), who to
 * credit in an attribution, the thesis sentence, and which subjects and dimensions each covers.
 */

import type { SourceProfile } from "../model/briefing.js";
import type { Source } from "../model/source.js";
import { makeClaim } from "./claims.js";
import { cosine, type Vector } from "./rank.js";
import { type Analysis, isFree, markUsed, type SourceLabel, unitsOf } from "./state.js";

function surname(name: string): string {
  const parts = name.trim().split(/\s+/u);
  return parts[parts.length - 1] ?? name;
}

export function shortLabel(source: Source): string {
  const year = source.date ? source.date.slice(0, 4) : "n.d.";
  const a = source.authors;
  let who: string;
  if (a.length === 1) who = surname(a[0]!);
  else if (a.length === 2) who = `${surname(a[0]!)} & ${surname(a[1]!)}`;
  else if (a.length > 2) who = `${surname(a[0]!)} et al.`;
  else if (source.publisher) who = source.publisher;
  else if (source.title.split(/\s+/u).length <= 4) who = source.title;
  else who = source.id.replace(/-(?:\d{4}|n-?d)[a-z]?$/u, "");
  return `${who} ${year}`;
}

/**
 * Each source's label and credit. A label must tell sources apart wherever it appears (sources
 * list, stance table, slide footers): authors and year ("Putz 2022"), else the publisher and year;
 * when that label repeats (five undated BBC News articles), the publisher and a short title
 * ("BBC News, ‘Nintendo DS aims to touch gamers’"); a source with neither author nor publisher is
 * named by its short title, never by its file name or key.
 */
export function sourceLabels(sources: Source[]): Map<string, SourceLabel> {
  const shortTitle = (title: string): string => {
    const words = title.trim().split(/\s+/u);
    return words.length <= 6 ? title.trim() : `${words.slice(0, 5).join(" ")} …`;
  };
  const quoted = (title: string) => `‘${shortTitle(title)}’`;
  const who = (s: Source): string | undefined =>
    s.authors.length > 0 ? shortLabel(s).replace(/ (?:n\.d\.|\d{4})$/u, "") : s.publisher;
  const base = sources.map((s) => {
    if (who(s)) return shortLabel(s);
    const year = s.date ? ` ${s.date.slice(0, 4)}` : "";
    return `${quoted(s.title)}${year}`;
  });
  const count = new Map<string, number>();
  for (const b of base) count.set(b, (count.get(b) ?? 0) + 1);
  const labels = sources.map((s, i) => {
    const label = base[i]!;
    const name = who(s);
    if ((count.get(label) ?? 0) < 2 || !name) return label;
    const year = s.date ? ` ${s.date.slice(0, 4)}` : "";
    return `${name}${year}, ${quoted(s.title)}`;
  });
  // Still the same (one title saved twice under one name): letters, as Chicago does.
  const seen = new Map<string, number>();
  const final = labels.map((l) => {
    const n = labels.filter((x) => x === l).length;
    if (n < 2) return l;
    const k = seen.get(l) ?? 0;
    seen.set(l, k + 1);
    return `${l} (${String.fromCharCode(97 + (k % 26))})`;
  });
  const out = new Map<string, SourceLabel>();
  sources.forEach((s, i) => {
    const credit =
      s.authors.length > 0
        ? s.authors.length > 2
          ? `${s.authors[0]} and others`
          : s.authors.join(" and ")
        : (s.publisher ?? `“${shortTitle(s.title)}”`);
    out.set(s.id, { short: final[i]!, credit });
  });
  return out;
}

function centroid(vectors: Vector[]): Vector {
  const c: Vector = new Map();
  for (const v of vectors) for (const [t, w] of v) c.set(t, (c.get(t) ?? 0) + w);
  let norm = 0;
  for (const w of c.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of c) c.set(t, w / norm);
  return c;
}

/** The passage that best states a source's thesis: central, names a subject, early or late. */
function thesis(a: Analysis, sourceIndex: number): number | undefined {
  const idx = unitsOf(a, sourceIndex);
  if (idx.length === 0) return undefined;
  const center = centroid(idx.map((i) => a.vectors[i]!));
  const maxOrder = Math.max(...idx.map((i) => a.units[i]!.order));
  let best: number | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const i of idx) {
    const u = a.units[i]!;
    if (!isFree(a, u) || u.quoted || u.attributedOnly || u.words < 8) continue;
    const position = u.order <= 3 || u.order >= maxOrder - 2 ? 0.15 : 0;
    const quoting = /["“”]/u.test(u.text) ? 0.4 : 0;
    const score =
      cosine(a.vectors[i]!, center) +
      (u.named.length > 0 ? 0.2 : 0) +
      0.2 * u.info +
      position -
      quoting;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

export function buildProfiles(a: Analysis): SourceProfile[] {
  return a.sources.map((source, sourceIndex) => {
    const t = thesis(a, sourceIndex);
    if (t !== undefined) markUsed(a, a.units[t]!);
    const own = unitsOf(a, sourceIndex).map((i) => ({ u: a.units[i]!, i }));
    const subjects = a.subjects
      .map((s) => s.name)
      .filter((n) => own.some((x) => x.u.named.includes(n)));
    const dimensions = a.dimensions
      .filter((_, d) => own.some((x) => a.relevance[d]![x.i]! >= 0.35))
      .map((d) => d.name);
    const profile: SourceProfile = {
      id: source.id,
      file: source.file,
      title: source.title,
      ...(source.subtitle ? { subtitle: source.subtitle } : {}),
      authors: source.authors,
      ...(source.publisher ? { publisher: source.publisher } : {}),
      ...(source.date ? { date: source.date } : {}),
      ...(source.url ? { url: source.url } : {}),
      language: source.language,
      words: source.words,
      shortLabel: a.labels.get(source.id)?.short ?? source.id,
      ...(t !== undefined ? { thesis: makeClaim(a.units[t]!) } : {}),
      subjects,
      dimensions,
    };
    return profile;
  });
}
