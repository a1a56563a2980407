// An exhibit slide's footer cites each mark by its first passage and how many more support it:
// at 1,000 sources a timeline event reported by six sources made the footer 600 words and the
// build failed (slides-overflow). The notes keep every citation.
import { join } from "node:path";
import { expect, it } from "vitest";
import { readBrief } from "../../../src/pipeline/inspect.js";
import { renderDeckHtml } from "../../../src/writers/deck/index.js";
import { analyse, compileOutline, loadOutline } from "../../engine/imports.js";
import { deckOptionsOf, documentOf } from "../document.js";
import { ROOT, TEMPLATES } from "./fixture.js";

it("cites an event many sources report by its first passage and '+N', all of them in the notes", async () => {
  const corpusDir = join(ROOT, "corpus");
  const corpus = await readBrief(corpusDir);
  const { briefing } = analyse(corpus.sources, corpus.options.engine);
  const event = briefing.timeline[0]!;
  const others = briefing.matrix.flatMap((c) => c.claims.map((x) => x.citations[0]!));
  event.claim.citations = [event.claim.citations[0]!, ...others.slice(0, 5)];
  const entry = briefing.exhibits.find((e) => e.kind === "timeline")!.entries[0]!;
  entry.citations = event.claim.citations;
  const { tree } = compileOutline({
    briefing,
    sources: corpus.sources,
    outline: await loadOutline(corpusDir, TEMPLATES),
  });
  const html = await renderDeckHtml({
    document: documentOf(briefing, tree, corpus.spec),
    options: deckOptionsOf(corpus.spec),
    templatesDir: TEMPLATES,
  });
  const slide = /<section id="exhibit-1"[^>]*>([\s\S]*?)<\/section>/u.exec(html)![1]!;
  const footer = /<footer class="bw-cites">([\s\S]*?)<\/footer>/u.exec(slide)![1]!;
  const first = footer.match(
    /<span class="bw-cite">([\s\S]*?)<\/span><\/span>|<span class="bw-cite">[\s\S]*?(?=<span class="bw-cite">|$)/gu,
  )!;
  expect(first.length).toBeGreaterThan(0);
  expect(footer).toContain(" +5");
  expect(footer.split('class="bw-cite"').length - 1).toBe(briefing.timeline.length);
  // Each citation of the event is in the notes.
  const notes = /<aside class="notes">([\s\S]*?)<\/aside>/u.exec(slide)![1]!;
  expect((notes.match(/¶/gu) ?? []).length).toBeGreaterThanOrEqual(6);
});
