const { analyseStructure } = await import("/work/main/dist/engine/syntax.js");
const st = analyseStructure(process.argv[2]);
console.log(st.words.map((w,i)=>`${i}:${w.text}/${w.pos}`).join(" "));
for (const c of st.clauses) console.log("subject", c.subject.map(t=>st.words[t].text).join(" "), "| heads", c.heads.map(t=>st.words[t].text).join(" "));
