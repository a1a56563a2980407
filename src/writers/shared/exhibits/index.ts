/**
 * Exhibits drawn as static SVG for both writers. The same exhibit and frame always give the
 * same bytes. The SVG's text is the exhibit's (escaped by Vega's serialiser); the drawing is
 * one image to assistive technology, labelled with the exhibit's alt text (Chromium writes it
 * as the /Alt of a /Figure in the tagged PDF).
 */
import type { Exhibit } from "../../../model/exhibits.js";
import { escapeHtml } from "../html.js";
import { coverageSpec } from "./coverage.js";
import { figuresSpec } from "./figures.js";
import type { ExhibitFrame } from "./frame.js";
import { timelineSpec } from "./timeline.js";
import { drawSvg } from "./vega.js";

export { type ExhibitFrame, REPORT_FRAME, SLIDE_FRAME } from "./frame.js";

function specFor(exhibit: Exhibit, subjects: readonly string[], frame: ExhibitFrame) {
  const chart = exhibit.chart;
  switch (chart.kind) {
    case "timeline":
      return timelineSpec(chart, subjects, frame);
    case "figures":
      return figuresSpec(chart, subjects, frame);
    case "coverage":
      return coverageSpec(chart, frame);
  }
}

/** Vega's root element replaced by ours: sized by its container, one labelled image. */
function finish(svg: string, exhibit: Exhibit): string {
  const root =
    /^<svg\b[^>]*?\bwidth="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)" viewBox="([^"]+)"[^>]*>/u;
  if (!root.test(svg)) throw new Error("Vega's SVG has no root element with a size");
  return svg.replace(
    root,
    (_m, w: string, h: string, box: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" class="bw-chart bw-chart-${exhibit.kind}" viewBox="${box}" width="${w}" height="${h}" role="img" aria-label="${escapeHtml(exhibit.alt)}">`,
  );
}

/** The exhibit as SVG, drawn for `frame`. */
export async function exhibitSvg(
  exhibit: Exhibit,
  subjects: readonly string[],
  frame: ExhibitFrame,
): Promise<string> {
  return finish(await drawSvg(specFor(exhibit, subjects, frame)), exhibit);
}
