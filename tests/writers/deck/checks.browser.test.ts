/**
 * The deck's own checks, in real Chromium: a slide that shows too much fails the write and names
 * the slide; a section with nothing to show gets no slide; no continuation is left thin.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Heading, RootContent } from "mdast";
import { beforeAll, describe, expect, it } from "vitest";
import { BriefwrightError } from "../../../src/diagnostics/types.js";
import {
  MAX_BULLET_WORDS,
  MAX_SLIDE_WORDS,
  planDeck,
  type WriteSlidesResult,
  writeSlides,
} from "../../../src/writers/deck/index.js";
import { deckCitationsOf, documentOf } from "../document.js";
import { browserSuite, visitSlides } from "./deck-checks.js";
import { loadFixture, type SlidesFixture, TEMPLATES } from "./fixture.js";

const suite = browserSuite("bw-deck-checks-");
const tempDir = suite.tempDir;

const headingText = (h: Heading) => h.children.map((c) => ("value" in c ? c.value : "")).join("");

/** The fixture with the depth-2 section titled `title` changed by `edit`. */
function withSection(
  title: string,
  edit: (heading: Heading, content: RootContent[]) => RootContent[],
): SlidesFixture {
  const fx = loadFixture();
  const nodes = fx.tree.children;
  const at = nodes.findIndex(
    (n) => n.type === "heading" && n.depth === 2 && headingText(n) === title,
  );
  expect(at, title).toBeGreaterThan(0);
  let end = at + 1;
  while (
    end < nodes.length &&
    !(nodes[end]!.type === "heading" && (nodes[end] as Heading).depth <= 2)
  )
    end++;
  const content = edit(nodes[at] as Heading, nodes.slice(at + 1, end));
  nodes.splice(at + 1, end - at - 1, ...content);
  fx.document = documentOf(fx.briefing, fx.tree, fx.spec);
  return fx;
}

describe("a slide that shows too much", () => {
  it("fails the deck write, naming the slide, and writes nothing", async () => {
    // The sources slide is headed by its section's name (a list to look up, not an assertion).
    const long = `Sources ${Array.from({ length: 64 }, (_, i) => `word${i}`).join(" ")}`;
    const fx = withSection("Sources", (heading, content) => {
      heading.children = [{ type: "text", value: long }];
      return content;
    });
    const out = await tempDir();
    const error = await writeSlides({
      ...fx,
      outDir: out,
      templatesDir: TEMPLATES,
      browser: suite.browser,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BriefwrightError);
    const failure = error as BriefwrightError;
    expect(failure.errorClass).toBe("input");
    expect(failure.message).toContain(long);
    const rules = failure.diagnostics.map((d) => d.ruleId);
    expect(rules).toContain("slides-too-many-words");
    expect(rules).toContain("slides-headline-too-long");
    for (const d of failure.diagnostics) expect(d.severity).toBe("error");
    const named = (rule: string) =>
      failure.diagnostics.some((d) => d.ruleId === rule && d.message.includes(`"${long}`));
    expect(named("slides-too-many-words")).toBe(true);
    expect(named("slides-headline-too-long")).toBe(true);
    // The slides were staged, never swapped in.
    expect(existsSync(join(out, "slides"))).toBe(false);
    expect(existsSync(join(out, "slides.pdf"))).toBe(false);
  }, 120_000);
});

describe("a section whose only content is a 'none found' statement", () => {
  const fixture = () =>
    withSection("Timeline", () => [
      {
        type: "paragraph",
        children: [
          {
            type: "emphasis",
            children: [{ type: "text", value: "The sources report no dated events." }],
          },
        ],
      },
    ]);

  it("gets no slide and no agenda entry", async () => {
    const fx = fixture();
    const plan = planDeck(fx.document, await deckCitationsOf(fx.document));
    const slides = plan.columns.flat();
    expect(slides.map((s) => s.title)).not.toContain("Timeline");
    const agenda = slides.find((s) => s.kind === "agenda")!.groups[0]!.items.map((i) => i.text);
    expect(agenda).not.toContain("Timeline");
    expect(agenda).toContain("Figures");
  });

  it("is not in the written deck either", async () => {
    const out = await tempDir();
    const result = await writeSlides({
      ...fixture(),
      outDir: out,
      templatesDir: TEMPLATES,
      browser: suite.browser,
    });
    const html = readFileSync(result.indexPath, "utf8");
    expect(html).not.toContain("no dated events");
    expect(html).not.toMatch(/<h2>Timeline/);
    expect(html).not.toMatch(/<li[^>]*><span class="bw-text">Timeline<\/span><\/li>/);
  }, 120_000);
});

describe("the sample deck's figures", () => {
  let out: string;
  let result: WriteSlidesResult;
  let visited: Awaited<ReturnType<typeof visitSlides>>;

  beforeAll(async () => {
    out = await tempDir();
    result = await writeSlides({
      ...loadFixture(),
      outDir: out,
      templatesDir: TEMPLATES,
      browser: suite.browser,
    });
    visited = await visitSlides(suite.browser, result.indexPath, join(out, "slides"));
  }, 120_000);

  it("leaves no continuation slide with a single item", () => {
    const parts = visited.facts.filter((f) => f.part !== "");
    expect(parts.length).toBeGreaterThan(0);
    // A headline stating a claim of its own counts as one of the slide's items.
    for (const f of parts)
      expect(f.items + f.assertions, `${f.id} ${f.part}`).toBeGreaterThanOrEqual(2);
    // Charts and the title aside, every slide shows two items or more.
    expect(result.figures.thin).toEqual([]);
  });

  it("shows at most 60 words on a slide and 25 in a bullet; every content slide has notes", () => {
    expect(result.figures.slides).toBe(result.slides);
    expect(result.figures.words.max).toBeLessThanOrEqual(MAX_SLIDE_WORDS);
    expect(result.figures.words.median).toBeLessThanOrEqual(40);
    expect(result.figures.headlineLines).toBeLessThanOrEqual(2);
    expect(result.figures.notes.withNotes).toBe(result.figures.notes.content);
    // Each bullet or matrix cell (its lead included, its citation marks not).
    const html = readFileSync(result.indexPath, "utf8").replace(/<aside[\s\S]*?<\/aside>/gu, "");
    const cells = [...html.matchAll(/<(li|td)\b[^>]*>([\s\S]*?)<\/\1>/gu)];
    expect(cells.length).toBeGreaterThan(20);
    // A longer one is a claim no deletion could shorten without losing a number, a negation or
    // its main verb: shown whole, its sentence as in the notes.
    const notes = readFileSync(result.indexPath, "utf8");
    for (const [, , inner] of cells) {
      const text = inner!.replace(/<sup[\s\S]*?<\/sup>/gu, "").replace(/<[^>]+>/gu, " ");
      const words = text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
      if (words.length <= MAX_BULLET_WORDS) continue;
      const sentence = (
        /<span class="bw-text">([\s\S]*?)<\/span>\s*<\/span>/u.exec(inner!)?.[1] ?? text
      )
        .replace(/<sup[\s\S]*?<\/sup>/gu, "")
        .replace(/<[^>]+>/gu, "")
        .replace(/\s+/gu, " ")
        .trim();
      expect(sentence.endsWith("…"), text).toBe(false);
      expect(notes.replace(/\s+/gu, " "), text).toContain(sentence.slice(0, 60));
    }
  });

  it("heads content slides with a statement, not a section's name, with its sentence in the notes", () => {
    const html = readFileSync(result.indexPath, "utf8");
    const sections = [...html.matchAll(/<section id="[^"]*"[^>]*>([\s\S]*?)<\/section>/gu)].map(
      (m) => m[1]!,
    );
    const asserted = sections.filter((s) => s.includes('class="bw-assertion"'));
    // A disagreement's slide is headed by what the sources differ on (its topic).
    const pairs = sections.filter((s) => s.includes("bw-pair"));
    expect(pairs.length).toBeGreaterThan(0);
    expect(asserted.length + pairs.length).toBeGreaterThanOrEqual(
      0.75 * result.figures.notes.content,
    );
    const text = (s: string) =>
      s
        .replace(/<sup[\s\S]*?<\/sup>/gu, "")
        .replace(/<[^>]+>/gu, "")
        .trim();
    for (const s of asserted) {
      const kicker = text(/<p class="bw-kicker">([\s\S]*?)<\/p>/u.exec(s)![1]!);
      const headline = text(/<h2 class="bw-assertion"[^>]*>([\s\S]*?)<\/h2>/u.exec(s)![1]!);
      expect(headline).not.toBe(kicker);
      expect(headline.split(/\s+/u).length, headline).toBeGreaterThanOrEqual(4);
      // The notes hold a sentence the headline is a shortening of.
      const notes = text(/<aside class="notes">([\s\S]*?)<\/aside>/u.exec(s)?.[1] ?? "");
      // (Without the date or value it may lead with: "9 February 2022: On February 9, …".)
      const start = headline
        .replace(/^[^:]{1,40}: /u, "")
        .replace(/^…\s*/u, "")
        .replace(/^\[(\p{Lu})\]/u, "$1")
        .replace(/…$/u, "")
        .slice(0, 12);
      expect(notes.toLowerCase(), headline).toContain(start.toLowerCase());
    }
    expect(result.figures.headlineLines).toBeLessThanOrEqual(2);
  });
});
