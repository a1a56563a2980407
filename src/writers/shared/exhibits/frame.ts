/**
 * Where an exhibit is drawn: its size and type scale. The report draws at its text width
 * (scaled to the paper by CSS); the deck at its slide body, with type readable from the back
 * of a room.
 */
export interface ExhibitFrame {
  target: "report" | "slide";
  /** Width of the drawing in CSS pixels. */
  width: number;
  /** Height available for the drawing (the timeline and coverage map fill it; bars use what they need). */
  height: number;
  /** Size of labels in CSS pixels. */
  fontSize: number;
  /** Typeface of all text in the drawing (the output's own, embedded font), as a CSS font-family list. */
  font: string;
}

/** A4 and Letter text width (170 mm ≈ 642 px) with a little room. */
export const REPORT_FRAME: ExhibitFrame = {
  target: "report",
  width: 640,
  height: 300,
  fontSize: 11,
  font: '"Source Sans 3", sans-serif',
};

/** The slide body below the title and above the citation footer (1280 × 720 slide). */
export const SLIDE_FRAME: ExhibitFrame = {
  target: "slide",
  width: 1120,
  height: 430,
  fontSize: 20,
  font: '"Source Sans 3", sans-serif',
};

/** Colours of the subjects' marks, in subject order, then the shared lanes. */
export const SUBJECT_COLOURS = ["#1d4e89", "#b5522b", "#4d7c3a", "#7a4f9a", "#a07a1a", "#2f7f86"];
export const SHARED_COLOUR = "#6b6b6b";
export const OTHER_COLOUR = "#9a9a9a";
export const INK = "#1b1b1b";
export const MUTED = "#5a5a5a";
export const RULE = "#d0d0d0";
