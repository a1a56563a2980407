import { describe, expect, it } from "vitest";
import { checkEventDate, eventDate } from "../../src/engine/dates.js";

describe("German event dates", () => {
  it("reads a day with an ordinal dot and the year", () => {
    expect(
      eventDate("Die PlayStation Portable erscheint in Europa am 1. September 2005.", undefined),
    ).toMatchObject({ iso: "2005-09-01", text: "1. September 2005", kind: "scheduled" });
  });

  it("a date set as a Termin (release date) is a schedule, not a report", () => {
    expect(
      eventDate(
        "Nachdem Nintendo den Erscheinungstermin ihres neuen Handheld auf den 2. Dezember 2004 datiert haben, zieht nun Sony nach.",
        undefined,
      ),
    ).toMatchObject({ iso: "2004-12-02", kind: "scheduled" });
    // A terminal is no Termin.
    expect(
      eventDate("Am 2. Dezember 2004 öffnete das neue Terminal in Tokio.", undefined),
    ).toMatchObject({ iso: "2004-12-02", kind: "happened" });
  });

  it("reads month and year, and a target with bis", () => {
    expect(
      eventDate(
        "Bis März 2005 will Sony drei Millionen Stück der portablen Konsole ausliefern.",
        undefined,
      ),
    ).toMatchObject({ iso: "2005-03", kind: "target" });
  });

  it("places a day without a year by the source's date, and says so", () => {
    const d = eventDate(
      "Der Handheld soll ab dem 21. November in den USA für 149,99 $ angeboten werden.",
      "2004-09",
      "de",
    );
    expect(d).toMatchObject({ iso: "2004-11-21", relative: true, kind: "scheduled" });
    expect(d?.text).toContain("[2004]");
  });

  it("leaves a day without a year out when the source has no date", () => {
    const r = checkEventDate(
      "Der Handheld soll ab dem 2. Dezember in Japan im Handel sein.",
      undefined,
    );
    expect(r.date).toBeUndefined();
    expect(r.leftOut[0]?.reason).toMatch(/without a date/u);
  });

  it("does not take a weekday or a boundary for an event", () => {
    expect(
      eventDate("Sony hat am Sonntag seinen ersten Handheld auf den Markt gebracht.", undefined),
    ).toBeUndefined();
    expect(
      eventDate("In Japan ist die Konsole seit Anfang Dezember erhältlich.", "2005-01", "de"),
    ).toBeUndefined();
  });

  it("leaves English sentences to the English parser", () => {
    expect(
      eventDate("Nintendo's DS will launch in Europe on 11 March 2005.", undefined),
    ).toMatchObject({
      iso: "2005-03-11",
      kind: "scheduled",
    });
  });
});
