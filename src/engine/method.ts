/**
 * The method note: how this briefing was made, in plain sentences, in the brief's language (the
 * sentences are in `templates/locales/<lang>.json` under `methodNote`). Tool-authored (it states
 * what the tool did, never what the sources say), so it carries no citations.
 */
import type { Briefing } from "../model/briefing.js";
import { type Chrome, chromeFor } from "../util/locale.js";

function list(items: string[], c: Chrome): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${c.and} ${items[items.length - 1]}`;
}

export function methodNote(b: Briefing, candidates: number): string[] {
  const c = chromeFor(b.meta.language);
  const words = b.sources.reduce((n, s) => n + s.words, 0);
  const out: string[] = [];
  out.push(
    c.methodText("compiled", {
      sources: b.sources.length,
      words: String(words).replace(/\B(?=(\d{3})+(?!\d))/g, c.thousands),
    }),
  );
  const subjects = list(
    b.subjects.map((s) => s.name),
    c,
  );
  out.push(
    c.methodText(b.meta.inferred.subjects ? "subjectsInferred" : "subjectsBrief", { subjects }),
  );
  const dimensions = list(
    b.dimensions.map((d) => d.name),
    c,
  );
  out.push(
    c.methodText(b.meta.inferred.dimensions ? "dimensionsInferred" : "dimensionsBrief", {
      dimensions,
    }),
  );
  out.push(c.methodText("candidates", { candidates }));
  out.push(c.methodText("ranking"));
  const copies = b.copies ?? [];
  if (copies.length > 0) {
    const named = list(
      copies.map((x) => c.methodText("copyOf", { file: x.file, original: x.copyOf })),
      c,
    );
    out.push(
      copies.length === 1
        ? c.methodText("copyOne", { copies: named })
        : c.methodText("copyMany", { n: copies.length, copies: named }),
    );
  }
  const gaps = b.matrix.filter((x) => x.gap).length;
  if (gaps > 0) out.push(c.methodText("gaps", { n: gaps }));
  return out;
}
