/**
 * The citation formatter remembers its results (watch mode formats the same citations after
 * every change): what it returns from memory must be what a fresh engine makes, and any change
 * to a source's description or to the clusters must be formatted anew.
 */
import CSL from "citeproc";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Citation, SourceProfile } from "../../../src/model/briefing.js";
import { loadFixture, TEMPLATES } from "./helpers.js";

const CSL_DIR = `${TEMPLATES}csl`;
const { briefing } = loadFixture("report-sample");
const sources = briefing.sources;
const cite = (sourceId: string, block: number): Citation => ({
  sourceId,
  block,
  quote: { type: "TextQuoteSelector" as const, exact: "x" },
});
const ids = sources.map((s) => s.id);
const clustersA: Citation[][] = [
  [cite(ids[0]!, 1)],
  [cite(ids[1]!, 2)],
  [cite(ids[0]!, 3)],
  [cite(ids[0]!, 3)],
  [cite(ids[2]!, 4), cite(ids[1]!, 5)],
];
const clustersB: Citation[][] = [[cite(ids[1]!, 7)], [cite(ids[1]!, 7)], [cite(ids[0]!, 1)]];

/** A fresh copy of the formatter module: its own, empty memory. */
async function freshModule() {
  vi.resetModules();
  return import("../../../src/writers/shared/citations/index.js");
}

/** Counts the CSL engines made (each one parses the style). */
const RealEngine = CSL.Engine;
let enginesMade = 0;
function countEngines() {
  enginesMade = 0;
  const Counting = function (this: unknown, ...args: ConstructorParameters<typeof RealEngine>) {
    enginesMade++;
    return new RealEngine(...args);
  } as unknown as typeof RealEngine;
  // citeproc keeps its helpers (Engine.Opt, Engine.Tmp …) on the constructor.
  Object.assign(Counting, RealEngine);
  Counting.prototype = RealEngine.prototype;
  CSL.Engine = Counting;
}
afterEach(() => {
  CSL.Engine = RealEngine;
});

describe("the citation formatter's memory", () => {
  it("returns what a fresh engine makes, whatever was formatted before", async () => {
    const m = await freshModule();
    const style = await m.loadCitationStyle(CSL_DIR, "chicago-fullnote-bibliography", "en");
    // One module formats A, B, A, B (the later calls answered from memory) …
    const warm = [clustersA, clustersB, clustersA, clustersB].map((c) =>
      m.formatCitations(sources, c, style, "html"),
    );
    const deck = m.citationFormatter(sources, style, "text");
    const warmNotes = [...clustersA, ...clustersB, ...clustersA].map((c) => deck.note(c));
    const warmBib = [ids.slice(0, 2), ids, ids.slice(0, 2)].map((l) => deck.bibliography(l));
    // … and each answer equals a module that formats only that input.
    for (const [i, clusters] of [clustersA, clustersB, clustersA, clustersB].entries()) {
      const cold = await freshModule();
      expect(warm[i]).toEqual(cold.formatCitations(sources, clusters, style, "html"));
    }
    const cold = await freshModule();
    const coldDeck = cold.citationFormatter(sources, style, "text");
    for (const [i, c] of [...clustersA, ...clustersB, ...clustersA].entries())
      expect(warmNotes[i]).toBe(
        (await freshModule()).citationFormatter(sources, style, "text").note(c),
      );
    expect(warmBib[1]).toEqual(coldDeck.bibliography(ids));
    expect(warmBib[2]).toEqual(
      (await freshModule()).citationFormatter(sources, style, "text").bibliography(ids.slice(0, 2)),
    );
    // Short later notes and "Ibid." still depend on the notes before them.
    expect(warm[0]!.notes[3]).not.toBe(warm[0]!.notes[0]);
  });

  it("formats any sequence of note lists as a fresh engine does, twin sources included", async () => {
    const m = await freshModule();
    const style = await m.loadCitationStyle(CSL_DIR, "chicago-fullnote-bibliography", "en");
    // Two sources described alike (an article saved twice, undated): a reused engine kept its
    // disambiguation state from one list to the next and formatted them otherwise than a fresh
    // one (a reviewer's reproduction: bibliography order c, b instead of b, c; "n.d." added).
    const twin = (id: string): SourceProfile => ({
      ...sources[0]!,
      id,
      title: "Untitled Report",
      authors: [],
      publisher: "BBC News",
      date: undefined,
      url: undefined,
    });
    const all = [...sources, twin("twin-b"), twin("twin-c")];
    const ids = all.map((x) => x.id);
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    // Repeats, ibid. runs, shared and dropped sources: what an edit does to the note list.
    const lists = Array.from({ length: 40 }, () =>
      Array.from({ length: 1 + Math.floor(random() * 12) }, () =>
        Array.from({ length: 1 + Math.floor(random() * 2) }, () =>
          cite(
            pick(ids.slice(0, 1 + Math.floor(random() * ids.length))),
            1 + Math.floor(random() * 3),
          ),
        ),
      ),
    );
    const warm = lists.map((l) => m.formatCitations(all, l, style, "html"));
    for (const [i, l] of lists.entries()) {
      const fresh = (await freshModule()).formatCitations(all, l, style, "html");
      expect(warm[i], `list ${i}`).toEqual(fresh);
    }
  });

  it("builds no engine for an input it has formatted, and a new one when a source changes", async () => {
    const m = await freshModule();
    const style = await m.loadCitationStyle(CSL_DIR, "chicago-fullnote-bibliography", "en");
    countEngines();
    const first = m.formatCitations(sources, clustersA, style, "html");
    const made = enginesMade;
    expect(made).toBeGreaterThan(0);
    // A copy: changing what was returned does not change what is remembered.
    first.notes[0] = "changed";
    const again = m.formatCitations(structuredClone(sources), structuredClone(clustersA), style);
    expect(enginesMade).toBe(made);
    expect(again.notes[0]).not.toBe("changed");

    const retitled: SourceProfile[] = sources.map((s, i) =>
      i === 0 ? { ...s, title: "A Title Nobody Used Before" } : s,
    );
    const changed = m.formatCitations(retitled, clustersA, style, "html");
    expect(enginesMade).toBeGreaterThan(made);
    expect(changed.notes[0]).toContain("A Title Nobody Used Before");
    // Another cluster list for the same sources is formatted anew too.
    const other = m.formatCitations(sources, clustersB, style, "html");
    expect(other.notes).toHaveLength(clustersB.length);
  });
});
