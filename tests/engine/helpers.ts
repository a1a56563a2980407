/** Small hand-made `Source`s for unit tests: one paragraph per line, naive sentence split. */

import { resolveOptions } from "../../src/brief/resolve.js";
import { BriefSpecSchema } from "../../src/brief/schema.js";
import type { Block, Source } from "../../src/model/source.js";

/** The handheld-consoles subjects (as the handhelds corpus names them) with `dimensions`. */
export function handheldsEngine(dimensions: { name: string; terms: string[] }[]) {
  return resolveOptions(
    BriefSpecSchema.parse({
      subjects: [
        { name: "Nintendo DS", aliases: ["DS", "Nintendo"] },
        { name: "Sony PSP", aliases: ["PSP", "Sony"] },
      ],
      dimensions,
    }),
  ).engine;
}

function sentences(text: string): Block["sentences"] {
  const out: Block["sentences"] = [];
  const re = /[^.!?]+[.!?]+["”’)]*\s*|[^.!?]+$/gu;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const start = m.index + (raw.length - raw.trimStart().length);
    const end = m.index + raw.trimEnd().length;
    if (end > start) out.push({ index: out.length + 1, start, end, text: text.slice(start, end) });
  }
  return out;
}

export function makeSource(id: string, paragraphs: string[], extra: Partial<Source> = {}): Source {
  const blocks: Block[] = paragraphs.map((p, i) => {
    const heading = /^#\s+/u.test(p);
    const text = p.replace(/^#\s+/u, "");
    return {
      index: i + 1,
      kind: heading ? "heading" : "paragraph",
      ...(heading ? { depth: 2 } : {}),
      text,
      sentences: heading ? [{ index: 1, start: 0, end: text.length, text }] : sentences(text),
      line: i + 1,
    };
  });
  return {
    id,
    file: `${id}.txt`,
    format: "text",
    title: extra.title ?? id,
    authors: [],
    language: "en",
    blocks,
    references: [],
    dropped: [],
    sha256: "0".repeat(64),
    words: paragraphs.join(" ").split(/\s+/u).length,
    ...extra,
  };
}

/** Two short sources on NATO and the CSTO with a spec that compares them (outline and exhibit tests). */
export function natoCstoSample() {
  const sources = [
    makeSource(
      "putz-2022",
      [
        "Of the CSTO’s six members, only Russia and Belarus voted against the measure. All 30 NATO countries voted in favour.",
        "The CSTO deployed forces in January 2022 at the request of Kazakhstan.",
        "NATO pledged to defend every inch of its territory in 2022.",
      ],
      { authors: ["Catherine Putz"], date: "2022-03-01" },
    ),
    makeSource(
      "fischer",
      [
        "The CSTO currently has a rapid reaction group of 20,000 people, while a similar NATO unit has 40,000 soldiers.",
        "In 2014 Russia annexed Crimea, and NATO members raised defence spending after that.",
        "Kazakhstan received CSTO troops in January 2022 during unrest.",
      ],
      { authors: ["Eva Fischer"], publisher: "Handelsblatt" },
    ),
  ];
  const spec = resolveOptions(
    BriefSpecSchema.parse({
      subjects: [
        { name: "NATO", aliases: ["the Alliance"] },
        { name: "CSTO", aliases: [] },
      ],
      dimensions: [
        { name: "Military weight", terms: ["troops", "soldiers", "forces", "spending"] },
        { name: "Cohesion", terms: ["voted", "unity"] },
      ],
    }),
  ).engine;
  return { sources, spec };
}
