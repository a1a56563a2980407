#!/usr/bin/env node
// Makes a corpus of N sources from the default one, with fresh metadata. Deterministic (seeded),
// so a benchmark can be repeated. Usage: make-corpus.mjs N OUTDIR [FROM] [--unique]
//   default:  the default corpus's paragraphs recombined: each paragraph recurs in many sources
//             (syndicated or copied text: the case that makes candidate lists long);
//   --unique: every paragraph new: sentences generated word by word from the default corpus's
//             word pairs (a first-order Markov chain), so the vocabulary, the subjects' names and
//             the word frequencies are real but no paragraph repeats.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const unique = process.argv.includes("--unique");
const [n = "100", out = "bench/.scratch/corpus-100", from = "corpus"] = process.argv
  .slice(2)
  .filter((a) => a !== "--unique");
const count = Number(n);
let seed = 20221;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = (list) => list[Math.floor(random() * list.length)];

const paragraphs = [];
for (const name of readdirSync(from).sort()) {
  if (!name.endsWith(".txt") && !name.endsWith(".md")) continue;
  const text = readFileSync(join(from, name), "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
  for (const p of text.split(/\n\s*\n|\n(?=[A-Z“"])/)) {
    const clean = p.replace(/\s+/g, " ").trim();
    if (clean.split(" ").length >= 25 && !/subscribe|^#|^\[\d\]/i.test(clean)) paragraphs.push(clean);
  }
}
// Word pairs of the corpus's sentences: each word → the words that follow it (with repeats,
// so frequent pairs are drawn more often); "" stands for the start and end of a sentence.
const next = new Map();
for (const p of paragraphs)
  for (const sentence of p.split(/(?<=[.!?])\s+(?=[A-Z“"])/)) {
    const words = sentence.split(" ").filter(Boolean);
    ["", ...words].forEach((w, i) => {
      const list = next.get(w) ?? next.set(w, []).get(w);
      list.push(words[i] ?? "");
    });
  }
const sentence = () => {
  const words = [];
  let w = pick(next.get(""));
  while (w && words.length < 40) {
    words.push(w);
    w = pick(next.get(w) ?? [""]);
  }
  const text = words.join(" ");
  return /[.!?]["”]?$/.test(text) ? text : `${text.replace(/[,;:]$/, "")}.`;
};
const paragraph = () => (unique ? Array.from({ length: 2 + Math.floor(random() * 4) }, sentence).join(" ") : pick(paragraphs));
const given = ["Anna", "Boris", "Chloe", "Dmytro", "Elena", "Farid", "Greta", "Hiro", "Irina", "Jonas"];
const family = ["Kovalenko", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Sato", "Tamm"];
const publishers = ["The Observer Desk", "Policy Review", "Eurasia Monitor", "Security Weekly", "Atlantic Notes"];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
// The spec without per-file `sources:` overrides (those files are not in the new corpus).
writeFileSync(join(out, "brief.yaml"), readFileSync(join(from, "brief.yaml"), "utf8").replace(/\nsources:[\s\S]*$/, "\n"));
for (let i = 0; i < count; i++) {
  const body = Array.from({ length: 6 + Math.floor(random() * 10) }, paragraph);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, "0");
  const doc = [
    "---",
    `title: "Briefing note ${i + 1}: ${pick(["alliances", "security", "the war", "deterrence"])} in ${2014 + Math.floor(random() * 9)}"`,
    `author: ${pick(given)} ${pick(family)}`,
    `date: ${2015 + Math.floor(random() * 8)}-${month}`,
    `publisher: ${pick(publishers)}`,
    "---",
    "",
    ...body.flatMap((p, k) => (k > 0 && k % 4 === 0 ? [`## Part ${k / 4}`, "", p, ""] : [p, ""])),
  ].join("\n");
  writeFileSync(join(out, `doc-${String(i + 1).padStart(4, "0")}.md`), doc);
}
process.stderr.write(`wrote ${count} sources${unique ? " (unique paragraphs)" : ""} to ${out}\n`);
