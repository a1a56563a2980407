/**
 * The coverage map: which source informs which dimension (claims of that source in the
 * evidence matrix). `stances` (the deprecated lexicon scores) stay in the data for
 * briefing.json's schema and are drawn nowhere.
 */
import type { Briefing } from "../../model/briefing.js";
import type { CoverageRow, Exhibit } from "../../model/exhibits.js";
import { chromeFor } from "../../util/locale.js";

/** More sources than this: the map shows those that give the most evidence (and says so). */
export const MAX_COVERAGE_SOURCES = 12;

export function coverageExhibit(briefing: Briefing, n: number): Exhibit | undefined {
  if (briefing.sources.length === 0 || briefing.dimensions.length === 0) return undefined;
  const dimensions = briefing.dimensions.map((d) => d.name);
  const subjects = briefing.subjects.map((s) => s.name);
  const all: CoverageRow[] = briefing.sources.map((source) => ({
    sourceId: source.id,
    label: source.shortLabel,
    evidence: dimensions.map((d) => {
      let count = 0;
      for (const cell of briefing.matrix) {
        if (cell.dimension !== d) continue;
        for (const claim of cell.claims)
          if (claim.citations.some((c) => c.sourceId === source.id)) count++;
      }
      return count;
    }),
    stances: subjects.map((s) => {
      const st = briefing.stances.find((x) => x.sourceId === source.id && x.subject === s);
      return st ? { score: st.score, label: st.label } : undefined;
    }),
  }));
  const total = (r: CoverageRow) => r.evidence.reduce((a, b) => a + b, 0);
  const kept =
    all.length <= MAX_COVERAGE_SOURCES
      ? all
      : new Set(
          all
            .map((r, i) => ({ r, i }))
            .sort((a, b) => total(b.r) - total(a.r) || a.i - b.i)
            .slice(0, MAX_COVERAGE_SOURCES)
            .map((x) => x.r),
        );
  const rows = kept === all ? all : all.filter((r) => (kept as Set<CoverageRow>).has(r));
  const chrome = chromeFor(briefing.meta.language);
  const which =
    rows.length < all.length
      ? chrome.exhibitText("coverageWhich", { shown: rows.length, all: all.length })
      : "";
  const describe = (r: CoverageRow) => {
    const covered = dimensions
      .map((d, i) => (r.evidence[i]! > 0 ? `${d} ${r.evidence[i]}` : ""))
      .filter(Boolean);
    return covered.length
      ? chrome.exhibitText("coverageAltRow", { source: r.label, covered: covered.join(", ") })
      : chrome.exhibitText("coverageAltNone", { source: r.label });
  };
  const map = chrome.exhibitText("coverageAlt", {
    n: rows.length,
    dimensions: dimensions.length,
    which,
  });
  return {
    n,
    id: `exhibit-${n}`,
    kind: "coverage",
    title: chrome.exhibitText("coverageTitle"),
    alt: `${map} ${rows.map(describe).join(" ")}`,
    source: chrome.exhibitText("coverageSource", { which }),
    chart: { kind: "coverage", dimensions, subjects, rows },
    entries: [],
  };
}
