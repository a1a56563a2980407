/**
 * Vega-Lite spec → SVG, headless (Vega's own SVG renderer: no browser, no DOM, no network).
 * Deterministic: no clock, no locale (numbers are formatted by the specs), SVG definition ids
 * reset before every drawing, ARIA left to the figure that holds the drawing.
 */
import type { TopLevelSpec } from "vega-lite";
import { Recent } from "../../../util/recent.js";
import type { ExhibitFrame } from "./frame.js";
import { INK, MUTED, RULE } from "./frame.js";
import { useEstimatedMetrics } from "./metrics.js";

type Vega = typeof import("vega");
type VegaLite = typeof import("vega-lite");
let engines: Promise<[Vega, VegaLite]> | undefined;

/** Vega is loaded on first use: commands that draw no chart never pay for it. */
function load(): Promise<[Vega, VegaLite]> {
  engines ??= Promise.all([import("vega"), import("vega-lite")]).then(([vega, vl]) => {
    useEstimatedMetrics((vega as unknown as { textMetrics: never }).textMetrics);
    return [vega, vl];
  });
  return engines;
}

/** The house style every exhibit shares. */
export function baseConfig(frame: ExhibitFrame): Record<string, unknown> {
  const f = frame.fontSize;
  return {
    font: frame.font,
    aria: false,
    background: null,
    padding: { left: Math.round(f * 0.5), right: Math.round(f * 0.5), top: 0, bottom: 0 },
    view: { stroke: null },
    axis: {
      labelFont: frame.font,
      titleFont: frame.font,
      labelFontSize: f,
      titleFontSize: f,
      titleFontWeight: 600,
      labelColor: INK,
      titleColor: MUTED,
      domainColor: MUTED,
      tickColor: MUTED,
      gridColor: RULE,
    },
    header: { labelFont: frame.font, titleFont: frame.font, labelFontSize: f, titleFontSize: f },
    legend: { disable: true },
    text: { font: frame.font, fontSize: f, color: INK },
    title: {
      font: frame.font,
      fontSize: f,
      fontWeight: 600,
      anchor: "start",
      color: INK,
      offset: Math.round(f * 0.6),
    },
    concat: { spacing: Math.round(f * 1.6) },
  };
}

/** Drawings run one at a time: Vega's SVG definition ids are a global counter reset per drawing. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * The last drawings by their spec: a drawing is a pure function of its spec (ids reset, no clock),
 * and watch mode draws the same exhibits after most changes.
 */
const drawn = new Recent<Promise<string>>(32);

/** Draws a Vega-Lite spec as an SVG string. */
export function drawSvg(spec: TopLevelSpec): Promise<string> {
  const key = JSON.stringify(spec);
  const known = drawn.get(key);
  if (known) return known;
  const drawing = queue.then(() => draw(spec));
  queue = drawing.catch(() => {});
  drawn.set(key, drawing);
  // A failed drawing is not remembered: the next call tries again.
  drawing.catch(() => drawn.delete(key));
  return drawing;
}

async function draw(spec: TopLevelSpec): Promise<string> {
  const [vega, vl] = await load();
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none", logLevel: vega.Error });
  try {
    vega.resetSVGDefIds();
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
