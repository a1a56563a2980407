/** Small formatters shared by the outline and the writers. */

/** A stance score as shown: "+0.63", "−0.53", "0.00". */
export const signedScore = (x: number) => {
  const shown = Math.abs(x).toFixed(2);
  const sign = shown === "0.00" ? "" : x < 0 ? "−" : "+";
  return `${sign}${shown}`;
};
