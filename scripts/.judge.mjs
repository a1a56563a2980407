import { readFileSync } from "node:fs";
import { parse } from "yaml";
const root = "/work/main";
const { readBrief } = await import(root + "/dist/pipeline/inspect.js");
const { createAnalysis } = await import(root + "/dist/engine/state.js");
const { sourceLabels } = await import(root + "/dist/engine/profiles.js");
const { relate, frameOf } = await import(root + "/dist/engine/corroboration.js");
for (const g of ["nato-csto", "handhelds", "topic-html-parsers"]) {
  const gold = parse(readFileSync(`${root}/tests/eval/gold/${g}.yaml`, "utf8"));
  const corpus = await readBrief(root + "/" + gold.corpus);
  const o = corpus.options.engine;
  const a = createAnalysis(corpus.sources, o.subjects.map(x=>({name:x.name,aliases:[...x.aliases]})), o.dimensions.map(d=>({name:d.name,terms:[...d.terms]})), sourceLabels(corpus.sources), {evidencePerCell:o.evidencePerCell,maxWords:o.maxWords,language:o.language});
  const idOf = new Map(corpus.sources.map((x) => [x.file, x.id]));
  const unitOf = new Map();
  a.units.forEach((unit, u) => { for (const k of unit.sentenceKeys) if (!unitOf.has(k)) unitOf.set(k, u); });
  const at = (p) => unitOf.get(`${idOf.get(p.file)}:${p.block}:${p.sentence}`);
  for (const p of gold.pairs) {
    if (p.label !== "same") continue;
    const u = at(p.a), j = at(p.b);
    if (u === undefined || j === undefined) { console.log("MISSING", u, j, p.note); continue; }
    const v = relate(a, u, j);
    const fx = frameOf(a,u), fy = frameOf(a,j);
    console.log(JSON.stringify(v), "|", p.note, "| who", [...fx.who].join(","), "/", [...fy.who].join(","), "| main", [...fx.main].join(","), "/", [...fy.main].join(","));
  }
}
