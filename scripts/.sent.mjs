const root = "/work/main";
const { readBrief } = await import(root + "/dist/pipeline/inspect.js");
const corpus = await readBrief(root + "/" + process.argv[2]);
const s = corpus.sources.find(s=>s.id===process.argv[3]);
const b = s.blocks.find(b=>b.index===Number(process.argv[4]));
console.log(b.sentences.find(x=>x.index===Number(process.argv[5])).text);
