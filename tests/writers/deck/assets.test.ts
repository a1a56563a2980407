import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BriefSpecSchema } from "../../../src/brief/schema.js";
import { BriefwrightError } from "../../../src/diagnostics/types.js";
import {
  revealDist,
  speakerViewScriptHash,
  themeSource,
} from "../../../src/writers/deck/assets.js";
import { revealConfig } from "../../../src/writers/deck/html.js";
import { TEMPLATES } from "./fixture.js";

describe("themes", () => {
  it("takes templates/slides/<theme>.css first, then reveal.js's own themes", async () => {
    expect(await themeSource(TEMPLATES, "briefwright")).toBe(
      join(TEMPLATES, "slides", "briefwright.css"),
    );
    expect(await themeSource(TEMPLATES, "white")).toBe(join(revealDist(), "theme", "white.css"));
  });

  it("rejects names that are not themes, or that try to leave the folder", async () => {
    await expect(themeSource(TEMPLATES, "no-such-theme")).rejects.toBeInstanceOf(BriefwrightError);
    await expect(themeSource(TEMPLATES, "../../etc/passwd")).rejects.toMatchObject({
      errorClass: "input",
    });
  });
});

describe("reveal.js options", () => {
  it("come from spec.slides, at the measured 1280×720 with no margin", () => {
    const spec = BriefSpecSchema.parse({ slides: { transition: "zoom", slideNumber: false } });
    expect(revealConfig(spec.slides)).toMatchObject({
      width: 1280,
      height: 720,
      margin: 0,
      transition: "zoom",
      slideNumber: false,
    });
    expect(revealConfig(BriefSpecSchema.parse({}).slides)).toMatchObject({
      transition: "slide",
      slideNumber: "c/t",
    });
  });

  it("allow the speaker view's inline script by hash only", () => {
    expect(speakerViewScriptHash()).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
  });
});
