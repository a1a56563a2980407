const { analyse } = await import("/work/main/dist/engine/index.js");
const { resolveOptions } = await import("/work/main/dist/brief/resolve.js");
const { BriefSpecSchema } = await import("/work/main/dist/brief/schema.js");
const { sentimentOf } = await import("/work/main/dist/engine/nlp.js");
const s = process.argv[2];
console.log("sentiment", sentimentOf(s));
