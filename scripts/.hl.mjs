import { compile, Stages } from "../dist/pipeline/build.js";
import { planDeck, deckCitations } from "../dist/writers/deck/index.js";
import { packByWords } from "../dist/writers/deck/words.js";
import { assignHeadlines, headlineFor, HEADLINE_CHARS } from "../dist/writers/deck/headline.js";
const corpus = process.argv[2] ?? "corpus";
const c = await compile({ corpusDir: corpus, outDir: "/tmp/hl-out" }, new Stages(() => {}));
const { BriefSpecSchema } = await import("../dist/brief/schema.js");
const spec = BriefSpecSchema.parse({});
const cit = await deckCitations({ document: c.document, options: { ...spec.slides, citationStyle: spec.report.citationStyle } });
const planned = planDeck(c.document, cit);
const plan = assignHeadlines(packByWords(planned));
for (const s of plan.columns.flat()) {
  if (!process.argv[3] || s.id.startsWith(process.argv[3])) {
    console.log("##", s.id, s.layout, "headline:", s.headline?.text, "noHeadline:", s.noHeadline);
    for (const g of s.groups) for (const i of g.items) if (i.full) console.log("   ", JSON.stringify(i.full.slice(0, 140)), "=>", headlineFor(i, HEADLINE_CHARS));
  }
}
console.log("---- topic slides at 92/110/130 chars");
for (const s of plan.columns.flat()) {
  if (s.headline || s.layout === "exhibit" || s.kind === "sources" || s.layout === "title" || s.layout==="agenda" || s.pair) continue;
  console.log("##", s.id, s.layout, s.noHeadline);
  for (const g of s.groups) for (const i of g.items) if (i.full) console.log("   ", i.full.length, JSON.stringify(i.full.slice(0, 200)), "\n      =>", [92,130,140].map(n=>headlineFor(i, n)).join(" | "));
}
