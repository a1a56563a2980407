// The corpus reader and the format reader decode the same bytes: the second decode is the
// first's result, and other bytes or options are decoded afresh.
import { describe, expect, it } from "vitest";
import { decode } from "../../src/readers/decode.js";

describe("decode", () => {
  it("gives the same result for the same bytes and options, a fresh one otherwise", () => {
    const bytes = new TextEncoder().encode("Sony\\'s PSP costs Â£179.\n");
    const first = decode(bytes, { escapedApostrophes: true });
    expect(first.text).toBe("Sony's PSP costs £179.\n");
    expect(decode(bytes, { escapedApostrophes: true })).toBe(first);
    const plain = decode(bytes);
    expect(plain.text).toBe("Sony\\'s PSP costs £179.\n");
    expect(plain.repairs).toHaveLength(1);
    const copy = decode(new Uint8Array(bytes), { escapedApostrophes: true });
    expect(copy).not.toBe(first);
    expect(copy).toEqual(first);
  });
});
