/**
 * The coverage map drawn: sources across, dimensions down (how many of each source's statements
 * the evidence matrix uses). It counts evidence; it scores no stance (see `Stance.framing`).
 */
import type { TopLevelSpec } from "vega-lite";
import type { CoverageChart } from "../../../model/exhibits.js";
import { type ExhibitFrame, INK } from "./frame.js";
import { textWidth } from "./metrics.js";
import { baseConfig } from "./vega.js";

/** Column labels must be unique: a repeated label gets its ordinal. */
export function uniqueLabels(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const k = (seen.get(l) ?? 0) + 1;
    seen.set(l, k);
    return k === 1 ? l : `${l} (${k})`;
  });
}

export function coverageSpec(chart: CoverageChart, frame: ExhibitFrame): TopLevelSpec {
  const f = frame.fontSize;
  const sources = uniqueLabels(chart.rows.map((r) => r.label));
  const rowLabelWidth = Math.round(
    Math.min(frame.width * 0.36, f + Math.max(...chart.dimensions.map((d) => textWidth(d, f)))),
  );
  const plotWidth = frame.width - rowLabelWidth;
  const column = plotWidth / Math.max(1, sources.length);
  const longest = Math.max(...sources.map((s) => textWidth(s, f)));
  const angle = longest > column - 4 ? -35 : 0;
  // Rows shrink (to no less than the type) so that the map keeps within the frame's height.
  const rows = chart.dimensions.length;
  const room = frame.height - f * (angle ? 9 : 7);
  const cell = Math.max(Math.round(f * 1.3), Math.min(Math.round(f * 2), Math.floor(room / rows)));
  const max = Math.max(1, ...chart.rows.flatMap((r) => r.evidence));
  const evidence = chart.rows.flatMap((r, i) =>
    chart.dimensions.map((d, j) => {
      const count = r.evidence[j] ?? 0;
      return {
        source: sources[i],
        dimension: d,
        count,
        text: count > 0 ? String(count) : "·",
        light: count / max > 0.55,
      };
    }),
  );
  const x = (top: boolean) => ({
    field: "source",
    type: "nominal",
    sort: sources,
    scale: { domain: sources },
    axis: top
      ? {
          title: null,
          orient: "top",
          ticks: false,
          domain: false,
          labelAngle: angle,
          labelAlign: angle ? "left" : "center",
          labelLimit: Math.round(f * 10),
        }
      : null,
  });
  const y = (field: string, domain: readonly string[]) => ({
    field,
    type: "nominal",
    sort: [...domain],
    scale: { domain: [...domain] },
    axis: { title: null, ticks: false, domain: false, labelLimit: rowLabelWidth - f },
  });
  // Numbers in white on dark cells, in ink on light ones (a field predicate, no expression).
  const text = (light: boolean) => ({
    transform: [{ filter: { field: "light", equal: light } }],
    mark: { type: "text", baseline: "middle", align: "center", color: light ? "#ffffff" : INK },
    encoding: { text: { field: "text" } },
  });
  return {
    config: { ...baseConfig(frame), scale: { bandPaddingInner: 0.08 } },
    resolve: { scale: { color: "independent", x: "shared" } },
    vconcat: [
      {
        title: { text: "Statements used as evidence, by dimension" },
        width: plotWidth,
        height: cell * chart.dimensions.length,
        data: { values: evidence },
        encoding: { x: x(true), y: y("dimension", chart.dimensions) },
        layer: [
          {
            mark: { type: "rect" },
            encoding: {
              color: {
                field: "count",
                type: "quantitative",
                scale: { domain: [0, max], range: ["#f3f5f8", "#1d4e89"] },
              },
            },
          },
          text(true),
          text(false),
        ],
      },
    ],
  } as TopLevelSpec;
}
