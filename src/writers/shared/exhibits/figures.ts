/**
 * The figures exhibit drawn: one panel per kind of thing counted, a numbered bar per figure,
 * coloured by subject and labelled with the number as the source writes it.
 */
import type { TopLevelSpec } from "vega-lite";
import type { FiguresChart } from "../../../model/exhibits.js";
import { type ExhibitFrame, SUBJECT_COLOURS } from "./frame.js";
import { textWidth } from "./metrics.js";
import { baseConfig } from "./vega.js";

export function figuresSpec(
  chart: FiguresChart,
  subjects: readonly string[],
  frame: ExhibitFrame,
): TopLevelSpec {
  const f = frame.fontSize;
  const label = (b: { n: number; subject: string; counts: string }) =>
    `${b.n}  ${b.subject}: ${b.counts}`;
  const widest = Math.max(
    ...chart.panels.flatMap((p) => p.bars.map((b) => textWidth(label(b), f))),
  );
  const labelWidth = Math.round(Math.min(frame.width * 0.45, widest + f * 1.5));
  const valueRoom = Math.round(f * 5.5);
  const plotWidth = frame.width - labelWidth - valueRoom;
  const barRow = Math.round(f * 2.1);
  const colours = subjects.map((_, i) => SUBJECT_COLOURS[i % SUBJECT_COLOURS.length]!);
  const panels = chart.panels.map((panel) => {
    const values = panel.bars.map((b) => ({
      label: label(b),
      value: b.value,
      valueText: b.valueText,
      subject: b.subject,
    }));
    const max = Math.max(...panel.bars.map((b) => b.value));
    return {
      title: { text: `${panel.title}${panel.unit ? ` (${panel.unit})` : ""}` },
      width: plotWidth,
      height: barRow * panel.bars.length,
      data: { values },
      encoding: {
        y: {
          field: "label",
          type: "nominal",
          sort: null,
          axis: {
            title: null,
            ticks: false,
            domain: false,
            labelLimit: labelWidth - f,
            labelPadding: Math.round(f * 0.5),
          },
        },
        x: {
          field: "value",
          type: "quantitative",
          scale: { domain: [0, max], nice: false },
          axis: null,
        },
      },
      layer: [
        {
          mark: { type: "bar", height: Math.round(barRow * 0.68) },
          encoding: {
            color: {
              field: "subject",
              type: "nominal",
              scale: { domain: [...subjects], range: colours },
            },
          },
        },
        {
          mark: {
            type: "text",
            align: "left",
            baseline: "middle",
            dx: Math.round(f * 0.4),
            fontWeight: 600,
          },
          encoding: { text: { field: "valueText" } },
        },
      ],
    };
  });
  return {
    config: baseConfig(frame),
    vconcat: panels,
    resolve: { scale: { color: "shared" } },
  } as TopLevelSpec;
}
