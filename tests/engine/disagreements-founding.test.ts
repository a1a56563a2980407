// Two sources that date one subject's founding differently disagree; an age needs its date.
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../../src/brief/resolve.js";
import { BriefSpecSchema } from "../../src/brief/schema.js";
import { analyse } from "../../src/engine/index.js";
import type { Source } from "../../src/model/source.js";
import { makeSource } from "./helpers.js";

const engine = resolveOptions(
  BriefSpecSchema.parse({
    subjects: [{ name: "NATO" }, { name: "CSTO" }],
    dimensions: [{ name: "Weight", terms: ["weapons"] }],
  }),
).engine;
const founded = (sources: Source[]) =>
  analyse(sources, engine).briefing.disagreements.filter((d) => /founded/u.test(d.topic));

describe("founding years", () => {
  it("finds an age counted back from its sentence's date against another source's", () => {
    const d = founded([
      makeSource("putz", [
        "The CSTO deployed forces for the very first time in its 20-year existence in January 2022 in Kazakhstan.",
      ]),
      makeSource("karelska", [
        "Founded in 1992 and formalized in 2002, the CSTO is a military alliance of six states.",
      ]),
    ]);
    expect(d).toHaveLength(1);
    expect(d[0]!.kind).toBe("year");
    expect(d[0]!.topic).toMatch(/20 years before 2022/u);
    expect(d[0]!.topic).toMatch(/in 1992/u);
    expect(d[0]!.sides.map((s) => s.citations[0]!.sourceId).sort()).toEqual(["karelska", "putz"]);
  });

  it("does not count an age without a date, nor ages a year apart", () => {
    const undated = founded([
      makeSource("a", [
        "The CSTO held its summit in its 20-year existence without a clear agenda.",
      ]),
      makeSource("b", [
        "Founded in 1992, the CSTO is a military alliance of six post-Soviet states.",
      ]),
    ]);
    expect(undated).toHaveLength(0);
    // 2022 − 20 = 2002 against 2001: an age in whole years, one year apart, is no disagreement.
    const close = founded([
      makeSource("a", [
        "The CSTO sent troops for the first time in its 20-year existence in January 2022.",
      ]),
      makeSource("b", [
        "Founded in 2001, the CSTO is a military alliance of six post-Soviet states.",
      ]),
    ]);
    expect(close).toHaveLength(0);
  });

  it("reads a founding only of the subject itself, not of something it set up", () => {
    const d = founded([
      makeSource("a", [
        "The NATO Response Force was set up in 2002 to react to crises within days.",
      ]),
      makeSource("b", [
        "NATO established in 2014 a Readiness Action Plan for its eastern members.",
      ]),
      makeSource("c", [
        "NATO has a 30-year history of partnership with Ukraine, Stoltenberg said in June 2022.",
      ]),
      makeSource("d", ["NATO was founded in 1949 by twelve states in Washington."]),
    ]);
    expect(d).toHaveLength(0);
  });
});
