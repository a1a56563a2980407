import { describe, expect, it } from "vitest";
import { briefingDate, formatDate } from "../../src/util/dates.js";

describe("the briefing's own date", () => {
  it("is brief.yaml's date, else SOURCE_DATE_EPOCH's day, else today — never a source's", () => {
    expect(briefingDate("2006-01", { SOURCE_DATE_EPOCH: "0" })).toBe("2006-01");
    expect(briefingDate(undefined, { SOURCE_DATE_EPOCH: "1136073600" })).toBe("2006-01-01");
    expect(briefingDate(undefined, {}, new Date(Date.UTC(2026, 11, 2, 9)))).toBe("2026-12-02");
    expect(
      briefingDate(undefined, { SOURCE_DATE_EPOCH: "soon" }, new Date(Date.UTC(2026, 0, 5))),
    ).toBe("2026-01-05");
  });

  it("is written in the brief's language by the one formatter", () => {
    expect(formatDate("2005-09-01", "de")).toBe("1. September 2005");
    expect(formatDate("2005-09-01", "en")).toBe("September 1, 2005");
    expect(formatDate("2005-09", "de")).toBe("September 2005");
  });
});
