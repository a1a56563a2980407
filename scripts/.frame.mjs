const root = "/work/main";
const { readBrief } = await import(root + "/dist/pipeline/inspect.js");
const { createAnalysis } = await import(root + "/dist/engine/state.js");
const { frameOf } = await import(root + "/dist/engine/corroboration.js");
const corpus = await readBrief(root + "/" + process.argv[2]);
const o = corpus.options.engine;
const a = createAnalysis(corpus.sources, o.subjects.map(x=>({name:x.name,aliases:[...x.aliases]})), o.dimensions.map(d=>({name:d.name,terms:[...d.terms]})), new Map(), {evidencePerCell:2,maxWords:2500});
for (const k of process.argv.slice(3)) { const u = a.units.findIndex(x=>x.sentenceKeys.includes(k)); const f = frameOf(a,u); console.log(k, a.units[u].text.slice(0,80), JSON.stringify(Object.fromEntries(Object.entries(f).map(([k,v])=>[k, v instanceof Set? [...v]: v])))); }
