/**
 * The timeline exhibit drawn: one lane per subject, a numbered marker per event on a shared
 * axis of years. Markers that would touch are stacked inside their lane.
 */
import type { TopLevelSpec } from "vega-lite";
import type { TimelineChart } from "../../../model/exhibits.js";
import { OTHER_LANE, SEVERAL_LANE } from "../../../model/exhibits.js";
import { type ExhibitFrame, OTHER_COLOUR, SHARED_COLOUR, SUBJECT_COLOURS } from "./frame.js";
import { textWidth } from "./metrics.js";
import { baseConfig } from "./vega.js";

/** A subject keeps its colour in every chart: its position among the briefing's subjects. */
export function laneColours(lanes: readonly string[], subjects: readonly string[]): string[] {
  return lanes.map((l) => {
    if (l === OTHER_LANE) return OTHER_COLOUR;
    if (l === SEVERAL_LANE) return SHARED_COLOUR;
    const i = Math.max(0, subjects.indexOf(l));
    return SUBJECT_COLOURS[i % SUBJECT_COLOURS.length]!;
  });
}

/**
 * Offsets (in marker rows) so that no two markers of a lane overlap: markers closer than a
 * marker's width form a cluster, a cluster's markers take rows greedily, and each cluster is
 * centred on the lane (a lone marker sits on the lane's line).
 */
export function stackRows(ats: readonly number[], pxPerUnit: number, diameter: number): number[] {
  const gap = diameter + 2;
  const order = ats
    .map((at, i) => ({ x: at * pxPerUnit, i }))
    .sort((a, b) => a.x - b.x || a.i - b.i);
  const out = new Array<number>(ats.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && order[end]!.x - order[end - 1]!.x < gap) end++;
    const rowEnds: number[] = [];
    const rows: number[] = [];
    for (let k = start; k < end; k++) {
      const { x } = order[k]!;
      let row = rowEnds.findIndex((last) => x - last >= gap);
      if (row < 0) {
        row = rowEnds.length;
        rowEnds.push(x);
      } else rowEnds[row] = x;
      rows.push(row);
    }
    const centre = (rowEnds.length - 1) / 2;
    for (let k = start; k < end; k++) out[order[k]!.i] = rows[k - start]! - centre;
    start = end;
  }
  return out;
}

/** Whole years at a round step (1, 2, 5, 10, …) with at most `max` ticks. */
export function yearTicks(first: number, last: number, max: number): number[] {
  const step =
    [1, 2, 5, 10, 20, 25, 50, 100, 250, 500].find((s) => (last - first) / s < max) ?? 1000;
  const out: number[] = [];
  for (let y = Math.ceil(first / step) * step; y <= last; y += step) out.push(y);
  return out;
}

export function timelineSpec(
  chart: TimelineChart,
  subjects: readonly string[],
  frame: ExhibitFrame,
): TopLevelSpec {
  const f = frame.fontSize;
  const diameter = Math.round(f * 1.9);
  // The lanes are keys (subjects, "Several subjects", "Other"); a lane is shown by its label in
  // the briefing's language when the chart gives one ("Mehrere Gegenstände").
  const shown = chart.lanes.map((l, i) => chart.laneLabels?.[i] ?? l);
  const renamed = chart.lanes.flatMap((l, i) => (shown[i] !== l ? [[l, shown[i]!] as const] : []));
  const labelWidth = Math.round(
    Math.min(frame.width * 0.3, f * 1.5 + Math.max(...shown.map((l) => textWidth(l, f)))),
  );
  const plotWidth = frame.width - labelWidth;
  const ats = chart.marks.map((m) => m.at);
  const first = Math.floor(Math.min(...ats));
  const last = Math.floor(Math.max(...ats)) + 1;
  // Room for half a marker beyond the first and last event.
  const pad = ((last - first) * (diameter * 0.75)) / plotWidth;
  const x0 = first - pad;
  const x1 = last + pad;
  const pxPerYear = plotWidth / (x1 - x0);
  const offsets = new Array<number>(chart.marks.length).fill(0);
  for (const lane of chart.lanes) {
    const idx = chart.marks.flatMap((m, i) => (m.lane === lane ? [i] : []));
    const rows = stackRows(
      idx.map((i) => ats[i]!),
      pxPerYear,
      diameter,
    );
    idx.forEach((i, k) => {
      offsets[i] = rows[k]!;
    });
  }
  const reach = Math.max(0.75, ...offsets.map((o) => Math.abs(o) + 0.75));
  const wanted = Math.round(diameter * 2 * reach * 1.1 * chart.lanes.length);
  const height = Math.min(frame.height, wanted);
  // When the frame caps the height, markers shrink with it so that stacked ones still do not touch.
  const marker = height < wanted ? Math.floor((diameter * height) / wanted) : diameter;
  const values = chart.marks.map((m, i) => ({
    n: String(m.n),
    at: m.at,
    lane: m.lane,
    off: offsets[i],
  }));
  return {
    width: plotWidth,
    height,
    config: baseConfig(frame),
    data: { values },
    encoding: {
      x: {
        field: "at",
        type: "quantitative",
        scale: { domain: [x0, x1], nice: false, zero: false },
        axis: {
          title: null,
          format: "d",
          grid: true,
          values: yearTicks(first, last, Math.max(2, Math.floor(plotWidth / (f * 3.5)))),
        },
      },
      y: {
        field: "lane",
        type: "nominal",
        sort: chart.lanes,
        scale: { domain: chart.lanes, paddingInner: 0, paddingOuter: 0 },
        axis: {
          title: null,
          domain: false,
          ticks: false,
          grid: false,
          labelPadding: Math.round(f * 0.6),
          labelLimit: labelWidth - f,
          ...(renamed.length
            ? {
                labelExpr: `${JSON.stringify(Object.fromEntries(renamed))}[datum.label] || datum.label`,
              }
            : {}),
        },
      },
      yOffset: {
        field: "off",
        type: "quantitative",
        scale: { domain: [-reach, reach] },
      },
    },
    layer: [
      {
        mark: { type: "rule", strokeWidth: 1, color: "#e4e4e4" },
        encoding: { x: { datum: x0 }, x2: { datum: x1 }, yOffset: { datum: 0 } },
      },
      {
        mark: { type: "circle", size: Math.round(Math.PI * (marker / 2) ** 2), opacity: 1 },
        encoding: {
          color: {
            field: "lane",
            type: "nominal",
            scale: { domain: chart.lanes, range: laneColours(chart.lanes, subjects) },
          },
        },
      },
      {
        mark: {
          type: "text",
          color: "#ffffff",
          fontWeight: 600,
          align: "center",
          baseline: "middle",
          fontSize: Math.round((f * 0.95 * marker) / diameter),
        },
        encoding: { text: { field: "n" } },
      },
    ],
  } as TopLevelSpec;
}
