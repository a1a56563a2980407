const root = "/work/main";
const { readBrief } = await import(root + "/dist/pipeline/inspect.js");
const { createAnalysis } = await import(root + "/dist/engine/state.js");
const { makeClaim } = await import(root + "/dist/engine/claims.js");
const corpus = await readBrief(root + "/tests/fixtures/handhelds");
const o = corpus.options.engine;
const a = createAnalysis(corpus.sources, o.subjects.map(x=>({name:x.name,aliases:[...x.aliases]})), o.dimensions.map(d=>({name:d.name,terms:[...d.terms]})), new Map(), {evidencePerCell:2,maxWords:2500});
for (const u of a.units.slice(10,16)) { const c = makeClaim(u); console.log(u.sentenceKeys, c.citations[0].block, c.citations[0].sentence, u.text.slice(0,60)); }
console.log("----");
for (const u of a.units) if (u.sourceId==="bbc-news-debut") console.log(u.sentenceKeys.join(","), u.text.slice(0,80));
const s = corpus.sources.find(s=>s.id==="bbc-news-debut");
for (const b of s.blocks.slice(0,6)) console.log(b.index, b.kind, b.sentences.length, b.text.slice(0,100));
console.log("====");
for (const b of s.blocks.slice(1,5)) for (const x of b.sentences) console.log(b.index, JSON.stringify(x).slice(0,200));
