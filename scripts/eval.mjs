#!/usr/bin/env node
// `npm run eval`: measures the engine against gold labels made by reading (tests/eval/gold/*.yaml).
// A measurement, not a test: it prints precision/recall figures and always exits 0.
// Needs the compiled dist/ (`npm run eval` compiles it through scripts/bootstrap.mjs).
// Usage: node scripts/eval.mjs [--json]
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const goldDir = join(root, "tests", "eval", "gold");
const { readBrief } = await import(
  pathToFileURL(join(root, "dist", "pipeline", "inspect.js")).href
);
const { analyse } = await import(pathToFileURL(join(root, "dist", "engine", "index.js")).href);

const key = (file, block, sentence) => `${file}#${block}.${sentence}`;
const pairKey = (a, b) => [a, b].sort().join(" ~ ");

/** A ratio with its counts; `null` when nothing was measured. */
const ratio = (hit, of) => ({ value: of ? hit / of : null, hit, of });

/** Every statement of the Briefing with where it sits. */
function statements(briefing) {
  const out = [];
  for (const f of briefing.findings) out.push({ where: "finding", claim: f.claim });
  for (const cell of briefing.matrix)
    for (const claim of cell.claims)
      out.push({ where: "matrix", claim, subject: cell.subject, dimension: cell.dimension });
  for (const t of briefing.timeline) out.push({ where: "timeline", claim: t.claim });
  for (const f of briefing.figures) out.push({ where: "figure", claim: f.claim });
  for (const d of briefing.disagreements)
    for (const claim of d.sides) out.push({ where: "disagreement", claim });
  return out;
}

async function evaluate(goldFile) {
  const gold = parse(readFileSync(join(goldDir, goldFile), "utf8"));
  const corpus = await readBrief(join(root, gold.corpus));
  const { briefing } = analyse(corpus.sources, corpus.options.engine);
  const fileOf = new Map(briefing.sources.map((s) => [s.id, s.file]));
  const citeKey = (c) => key(fileOf.get(c.sourceId), c.block, c.sentence ?? 1);
  const labels = new Map(gold.sentences.map((s) => [key(s.file, s.block, s.sentence), s]));
  const pairs = new Map(
    gold.pairs.map((p) => [
      pairKey(key(p.a.file, p.a.block, p.a.sentence), key(p.b.file, p.b.block, p.b.sentence)),
      p.label,
    ]),
  );
  const all = statements(briefing);
  const matrix = all.filter((s) => s.where === "matrix");

  // Placement: precision over labelled matrix claims, recall over gold (sentence, name) pairs.
  const placement = (field, goldField) => {
    let hit = 0;
    let of = 0;
    let unlabelled = 0;
    const placed = new Set();
    for (const s of matrix) {
      const k = citeKey(s.claim.citations[0]);
      placed.add(`${k}|${s[field]}`);
      const label = labels.get(k);
      if (!label) {
        unlabelled++;
        continue;
      }
      of++;
      if (label[goldField].includes(s[field])) hit++;
    }
    let found = 0;
    let wanted = 0;
    for (const [k, label] of labels)
      for (const name of label[goldField]) {
        wanted++;
        if (placed.has(`${k}|${name}`)) found++;
      }
    return { precision: ratio(hit, of), recall: ratio(found, wanted), unlabelled };
  };

  // Standalone share of the statements in the outputs (each claim's own sentence, once).
  const seen = new Set();
  let standalone = 0;
  let repaired = 0;
  let labelled = 0;
  let unlabelledStatements = 0;
  // A statement the engine repaired by a marked edit: a bracketed referent that names the gold
  // referent, or a deleted opening connective (the sentence then reads without the one before).
  const words = (t) => new Set((t ?? "").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const namesReferent = (edit, referent) => {
    const r = [...words(referent)].filter((w) => !["the", "a", "an", "its", "s"].includes(w));
    const w = words(edit.text);
    return r.length > 0 && r.some((x) => w.has(x));
  };
  const repairs = (claim, label) =>
    (claim.edits ?? []).some(
      (e) =>
        (e.kind === "insert" && namesReferent(e, label.referent)) ||
        (e.kind === "delete" && e.at === 0 && e.reason === "leading-connective"),
    );
  for (const s of all) {
    const k = citeKey(s.claim.citations[0]);
    if (seen.has(`${s.where}|${s.claim.id}`)) continue;
    seen.add(`${s.where}|${s.claim.id}`);
    const label = labels.get(k);
    if (!label) unlabelledStatements++;
    else {
      labelled++;
      if (label.standalone) standalone++;
      else if (repairs(s.claim, label)) repaired++;
    }
  }

  // Corroboration: (claim sentence, further citation from another source) pairs.
  const corroboration = new Set();
  for (const s of all) {
    const [first, ...rest] = s.claim.citations;
    if (new Set(s.claim.citations.map((c) => c.sourceId)).size < 2) continue;
    for (const c of rest)
      if (c.sourceId !== first.sourceId) corroboration.add(pairKey(citeKey(first), citeKey(c)));
  }
  let same = 0;
  let judged = 0;
  let unlabelledPairs = 0;
  for (const p of corroboration) {
    const label = pairs.get(p);
    if (!label) unlabelledPairs++;
    else {
      judged++;
      if (label === "same") same++;
    }
  }

  return {
    corpus: gold.corpus,
    gold: { sentences: gold.sentences.length, pairs: gold.pairs.length },
    subjects: placement("subject", "subjects"),
    dimensions: placement("dimension", "dimensions"),
    standalone: {
      share: ratio(standalone, labelled),
      withEdits: ratio(standalone + repaired, labelled),
      unlabelled: unlabelledStatements,
    },
    corroboration: { precision: ratio(same, judged), unlabelled: unlabelledPairs },
  };
}

function total(results) {
  const sum = (pick) => {
    const parts = results.map(pick);
    return ratio(
      parts.reduce((n, r) => n + r.hit, 0),
      parts.reduce((n, r) => n + r.of, 0),
    );
  };
  const add = (pick) => results.reduce((n, r) => n + pick(r), 0);
  const placement = (f) => ({
    precision: sum((r) => r[f].precision),
    recall: sum((r) => r[f].recall),
    unlabelled: add((r) => r[f].unlabelled),
  });
  return {
    corpus: "overall",
    gold: { sentences: add((r) => r.gold.sentences), pairs: add((r) => r.gold.pairs) },
    subjects: placement("subjects"),
    dimensions: placement("dimensions"),
    standalone: {
      share: sum((r) => r.standalone.share),
      withEdits: sum((r) => r.standalone.withEdits),
      unlabelled: add((r) => r.standalone.unlabelled),
    },
    corroboration: {
      precision: sum((r) => r.corroboration.precision),
      unlabelled: add((r) => r.corroboration.unlabelled),
    },
  };
}

const files = readdirSync(goldDir)
  .filter((f) => /\.ya?ml$/u.test(f))
  .sort();
const results = [];
for (const f of files) results.push(await evaluate(f));
const columns = [...results, total(results)];

if (process.argv.includes("--json")) {
  process.stdout.write(`${JSON.stringify(columns, null, 2)}\n`);
} else {
  const show = (r) =>
    r.value === null ? "—" : `${(100 * r.value).toFixed(0)}% (${r.hit}/${r.of})`;
  const rows = [
    ["gold sentences / pairs", (c) => `${c.gold.sentences} / ${c.gold.pairs}`],
    ["subject precision", (c) => show(c.subjects.precision)],
    ["subject recall", (c) => show(c.subjects.recall)],
    ["dimension precision", (c) => show(c.dimensions.precision)],
    ["dimension recall", (c) => show(c.dimensions.recall)],
    ["matrix claims unlabelled", (c) => String(c.subjects.unlabelled)],
    ["standalone share (source text)", (c) => show(c.standalone.share)],
    ["standalone share (with edits)", (c) => show(c.standalone.withEdits)],
    ["statements unlabelled", (c) => String(c.standalone.unlabelled)],
    ["corroboration precision", (c) => show(c.corroboration.precision)],
    ["corroboration pairs unlabelled", (c) => String(c.corroboration.unlabelled)],
  ];
  const table = [
    ["", ...columns.map((c) => c.corpus)],
    ...rows.map(([n, f]) => [n, ...columns.map(f)]),
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  const line = (row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  process.stdout.write(`${line(table[0])}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n`);
  for (const row of table.slice(1)) process.stdout.write(`${line(row)}\n`);
}
process.exit(0);
