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
const { quantitiesIn } = await import(
  pathToFileURL(join(root, "dist", "engine", "figures.js")).href
);
const { checkEventDate } = await import(
  pathToFileURL(join(root, "dist", "engine", "dates.js")).href
);
const { buildMatchers, findMentions } = await import(
  pathToFileURL(join(root, "dist", "engine", "subjects.js")).href
);
const { createAnalysis } = await import(
  pathToFileURL(join(root, "dist", "engine", "state.js")).href
);
const { sourceLabels } = await import(
  pathToFileURL(join(root, "dist", "engine", "profiles.js")).href
);
const { relate } = await import(
  pathToFileURL(join(root, "dist", "engine", "corroboration.js")).href
);
const { drawable } = await import(
  pathToFileURL(join(root, "dist", "engine", "exhibits", "figures.js")).href
);

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
  // (or names the same subject of the brief by another of its names: "[PlayStation Portable]"
  // for "the PSP").
  const matchers = buildMatchers(
    corpus.options.engine.subjects.map((s) => ({ name: s.name, aliases: [...s.aliases] })),
  );
  const subjectsIn = (t) => new Set(findMentions(t ?? "", matchers).map((m) => m.subject));
  const namesReferent = (edit, referent) => {
    const r = [...words(referent)].filter((w) => !["the", "a", "an", "its", "s"].includes(w));
    const w = words(edit.text);
    if (r.length > 0 && r.some((x) => w.has(x))) return true;
    const inserted = subjectsIn(edit.text);
    return [...subjectsIn(referent)].some((x) => inserted.has(x));
  };
  const repairs = (claim, label) =>
    (claim.edits ?? []).some(
      (e) =>
        (e.kind === "insert" && namesReferent(e, label.referent)) ||
        (e.kind === "delete" && e.at === 0 && e.reason === "leading-connective") ||
        // "In 2014 Russia [broke this rule. It] annexed …": the words that pointed back elided.
        (e.kind === "delete" && e.reason === "elision"),
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

  // The corroboration judge itself, on every labelled pair (not only the few the outputs cite):
  // does `relate` call the pair support (same fact, or the same with more detail)?
  const opts = corpus.options.engine;
  const a = createAnalysis(
    corpus.sources,
    opts.subjects.map((x) => ({ name: x.name, aliases: [...x.aliases] })),
    opts.dimensions.map((d) => ({ name: d.name, terms: [...d.terms] })),
    sourceLabels(corpus.sources),
    { evidencePerCell: opts.evidencePerCell, maxWords: opts.maxWords, language: opts.language },
  );
  const idOf = new Map(corpus.sources.map((x) => [x.file, x.id]));
  const unitOf = new Map();
  a.units.forEach((unit, u) => {
    for (const k of unit.sentenceKeys) if (!unitOf.has(k)) unitOf.set(k, u);
  });
  const unitAt = (p) => unitOf.get(`${idOf.get(p.file)}:${p.block}:${p.sentence}`);
  let supported = 0;
  let supportedSame = 0;
  let goldSame = 0;
  let foundSame = 0;
  for (const p of gold.pairs) {
    const u = unitAt(p.a);
    const j = unitAt(p.b);
    if (p.label === "same") goldSame++;
    if (u === undefined || j === undefined || u === j) continue;
    const verdict = relate(a, u, j);
    if (verdict.kind !== "support") continue;
    supported++;
    if (p.label === "same") {
      supportedSame++;
      foundSame++;
    }
  }

  return {
    corpus: gold.corpus,
    gold: { sentences: gold.sentences.length, pairs: gold.pairs.length },
    judge: { precision: ratio(supportedSame, supported), recall: ratio(foundSame, goldSame) },
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
    judge: { precision: sum((r) => r.judge.precision), recall: sum((r) => r.judge.recall) },
    corroboration: {
      precision: sum((r) => r.corroboration.precision),
      unlabelled: add((r) => r.corroboration.unlabelled),
    },
  };
}

const files = readdirSync(goldDir)
  .filter((f) => /\.ya?ml$/u.test(f) && !f.startsWith("values-"))
  .sort();
const results = [];
for (const f of files) results.push(await evaluate(f));
const columns = [...results, total(results)];

// ---- Values: quantities and event dates against tests/eval/gold/values-*.yaml -------------------
// A figure (event) in the briefing is correct when its sentence is in the gold file and its
// value + unit + entity (date + kind) match one the gold lists for that sentence. "Strict" needs
// the entity to match; "attributed-or-none" also accepts a figure that names no entity (it claims
// nothing about whose it is). The extractor rows run over every gold sentence, budget aside.
const norm = (e) =>
  e
    ? String(e)
        .toLowerCase()
        .replace(/[^a-z0-9]/gu, "")
    : null;
const sameValue = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const qMatch = (f, g, lenient) =>
  sameValue(f.value, g.value) &&
  (f.unit ?? null) === (g.unit ?? null) &&
  (norm(f.entity ?? f.subject) === norm(g.entity) || (lenient && !(f.entity ?? f.subject)));

/** The figure's number as the sentence writes it, to find its sentence in a passage. */
const numberOf = (f) => f.valueText.replace(/^.*?(?=[\d$£€¥])/u, "").split(" ")[0];

async function evaluateValues(goldFile) {
  const gold = parse(readFileSync(join(goldDir, goldFile), "utf8"));
  const corpus = await readBrief(join(root, gold.corpus));
  const { briefing } = analyse(corpus.sources, corpus.options.engine);
  const fileOf = new Map(briefing.sources.map((s) => [s.id, s.file]));
  const dateOf = new Map(corpus.sources.map((s) => [s.file, s.date]));
  const byKey = new Map(gold.sentences.map((s) => [key(s.file, s.block, s.sentence), s]));
  /** The gold sentence a claim's passage states `needle` in (a passage may hold several sentences). */
  const goldFor = (claim, needle) => {
    const c = claim.citations[0];
    const file = fileOf.get(c.sourceId);
    const first = c.sentence ?? 1;
    for (let n = first; n < first + 4; n++) {
      const g = byKey.get(key(file, c.block, n));
      if (g && (!needle || g.text.includes(needle))) return g;
    }
    return byKey.get(key(file, c.block, first));
  };
  const matchers = buildMatchers(
    corpus.options.engine.subjects.map((s) => ({ name: s.name, aliases: [...s.aliases] })),
  );
  // Briefing figures.
  let strict = 0;
  let lenient = 0;
  let labelled = 0;
  let unlabelled = 0;
  let drawnWrong = 0;
  let drawn = 0;
  const wrong = [];
  for (const f of briefing.figures) {
    const g = goldFor(f.claim, numberOf(f));
    const ok = g?.quantities.some((q) => qMatch(f, q, true));
    if (drawable(f)) {
      drawn++;
      if (!g?.quantities.some((q) => qMatch(f, q, false))) drawnWrong++;
    }
    if (!g) {
      unlabelled++;
      continue;
    }
    labelled++;
    if (g.quantities.some((q) => qMatch(f, q, false))) strict++;
    if (ok) lenient++;
    else
      wrong.push(
        `figure ${f.valueText} ${f.unit ?? ""} (${f.entity ?? "-"}) in “${g.text.slice(0, 70)}”`,
      );
  }
  // Briefing events.
  let evHit = 0;
  let evOf = 0;
  let evUnlabelled = 0;
  for (const e of briefing.timeline) {
    const g = goldFor(e.claim, e.date.slice(0, 4));
    if (!g) {
      evUnlabelled++;
      continue;
    }
    evOf++;
    if (g.events.some((x) => String(x.date) === e.date && x.kind === (e.kind ?? "happened")))
      evHit++;
    else wrong.push(`event ${e.kind ?? "happened"} ${e.date} in “${g.text.slice(0, 70)}”`);
  }
  const goldQ = gold.sentences.flatMap((s) => s.quantities.map((q) => ({ s, q })));
  const goldE = gold.sentences.flatMap((s) => s.events.map((e) => ({ s, e })));
  // Recall: gold values that a briefing figure (event) from the same sentence matches.
  const qFound = goldQ.filter(({ s, q }) =>
    briefing.figures.some((f) => goldFor(f.claim, numberOf(f)) === s && qMatch(f, q, false)),
  ).length;
  const eFound = goldE.filter(({ s, e }) =>
    briefing.timeline.some(
      (t) =>
        goldFor(t.claim, t.date.slice(0, 4)) === s &&
        t.date === String(e.date) &&
        (t.kind ?? "happened") === e.kind,
    ),
  ).length;
  // The extractors alone, over every gold sentence.
  let xq = 0;
  let xqOk = 0;
  let xqKind = 0;
  let xqFound = 0;
  let xe = 0;
  let xeOk = 0;
  let xeFound = 0;
  for (const s of gold.sentences) {
    const found = quantitiesIn(s.text, matchers).quantities;
    for (const f of found) {
      xq++;
      const m = s.quantities.find((q) => qMatch(f, q, true));
      if (m) {
        xqOk++;
        if (m.kind === f.kind) xqKind++;
      } else
        wrong.push(
          `extractor: ${f.valueText} ${f.unit ?? ""} (${f.entity ?? "-"}) in “${s.text.slice(0, 60)}”`,
        );
    }
    for (const q of s.quantities) if (found.some((f) => qMatch(f, q, true))) xqFound++;
    const d = checkEventDate(s.text, dateOf.get(s.file)).date;
    if (d) {
      xe++;
      if (s.events.some((e) => String(e.date) === d.iso && e.kind === d.kind)) xeOk++;
      else wrong.push(`extractor: event ${d.kind} ${d.iso} in “${s.text.slice(0, 60)}”`);
    }
    for (const e of s.events) if (d && String(e.date) === d.iso && e.kind === d.kind) xeFound++;
  }
  // Disagreements: a found disagreement is right when its two sides are two sentences of one
  // gold group on different sides (from different sources), wrong when the pair is listed under
  // `not`.
  const sideKey = (claim) => {
    const c = claim.citations[0];
    return key(fileOf.get(c.sourceId), c.block, c.sentence ?? 1);
  };
  const groups = (gold.disagreements ?? []).map(
    (d) => new Map(d.sides.map((x) => [key(x.file, x.block, x.sentence), x.side])),
  );
  const negatives = new Set(
    (gold.not ?? []).map((p) =>
      pairKey(key(p.a.file, p.a.block, p.a.sentence), key(p.b.file, p.b.block, p.b.sentence)),
    ),
  );
  let dRight = 0;
  let dJudged = 0;
  let dUnlabelled = 0;
  const dFound = new Set();
  for (const d of briefing.disagreements) {
    const [x, y] = d.sides.map(sideKey);
    const g = groups.findIndex(
      (sides) => sides.has(x) && sides.has(y) && sides.get(x) !== sides.get(y),
    );
    if (g >= 0) {
      dRight++;
      dJudged++;
      dFound.add(g);
    } else if (negatives.has(pairKey(x, y))) dJudged++;
    else {
      dUnlabelled++;
      wrong.push(`disagreement not labelled: “${d.topic}” (${x} ~ ${y})`);
    }
  }
  return {
    corpus: gold.corpus,
    gold: { quantities: goldQ.length, events: goldE.length, disagreements: groups.length },
    disagreements: {
      precision: ratio(dRight, dJudged),
      recall: ratio(dFound.size, groups.length),
      unlabelled: dUnlabelled,
    },
    figures: {
      precision: ratio(strict, labelled),
      lenient: ratio(lenient, labelled),
      recall: ratio(qFound, goldQ.length),
      unlabelled,
      drawnWrong: ratio(drawnWrong, drawn),
    },
    events: {
      precision: ratio(evHit, evOf),
      recall: ratio(eFound, goldE.length),
      unlabelled: evUnlabelled,
    },
    extractor: {
      quantityPrecision: ratio(xqOk, xq),
      quantityRecall: ratio(xqFound, goldQ.length),
      kindAgreement: ratio(xqKind, xqOk),
      eventPrecision: ratio(xeOk, xe),
      eventRecall: ratio(xeFound, goldE.length),
    },
    wrong,
  };
}

const valueFiles = readdirSync(goldDir)
  .filter((f) => /^values-.*\.ya?ml$/u.test(f))
  .sort();
const valueResults = [];
for (const f of valueFiles) valueResults.push(await evaluateValues(f));

if (process.argv.includes("--json")) {
  process.stdout.write(
    `${JSON.stringify({ placement: columns, values: valueResults }, null, 2)}\n`,
  );
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
    ["same-fact judge precision (pairs)", (c) => show(c.judge.precision)],
    ["same-fact judge recall (pairs)", (c) => show(c.judge.recall)],
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

  const sumOf = (pick) => {
    const parts = valueResults.map(pick);
    return ratio(
      parts.reduce((n, r) => n + r.hit, 0),
      parts.reduce((n, r) => n + r.of, 0),
    );
  };
  const vcols = [
    ...valueResults,
    {
      corpus: "overall",
      gold: {
        quantities: valueResults.reduce((n, r) => n + r.gold.quantities, 0),
        events: valueResults.reduce((n, r) => n + r.gold.events, 0),
        disagreements: valueResults.reduce((n, r) => n + r.gold.disagreements, 0),
      },
      disagreements: {
        precision: sumOf((r) => r.disagreements.precision),
        recall: sumOf((r) => r.disagreements.recall),
        unlabelled: valueResults.reduce((n, r) => n + r.disagreements.unlabelled, 0),
      },
      figures: {
        precision: sumOf((r) => r.figures.precision),
        lenient: sumOf((r) => r.figures.lenient),
        recall: sumOf((r) => r.figures.recall),
        unlabelled: valueResults.reduce((n, r) => n + r.figures.unlabelled, 0),
        drawnWrong: sumOf((r) => r.figures.drawnWrong),
      },
      events: {
        precision: sumOf((r) => r.events.precision),
        recall: sumOf((r) => r.events.recall),
        unlabelled: valueResults.reduce((n, r) => n + r.events.unlabelled, 0),
      },
      extractor: Object.fromEntries(
        Object.keys(valueResults[0]?.extractor ?? {}).map((k) => [k, sumOf((r) => r.extractor[k])]),
      ),
      wrong: [],
    },
  ];
  const vrows = [
    ["gold quantities / events", (c) => `${c.gold.quantities} / ${c.gold.events}`],
    ["figure precision (value+unit+entity)", (c) => show(c.figures.precision)],
    ["figure precision (entity or none)", (c) => show(c.figures.lenient)],
    ["figure recall (within the budget)", (c) => show(c.figures.recall)],
    ["figures unlabelled", (c) => String(c.figures.unlabelled)],
    ["bars drawn with a wrong value", (c) => show(c.figures.drawnWrong)],
    ["event precision (date+kind)", (c) => show(c.events.precision)],
    ["event recall (within the budget)", (c) => show(c.events.recall)],
    ["events unlabelled", (c) => String(c.events.unlabelled)],
    ["extractor quantity precision", (c) => show(c.extractor.quantityPrecision)],
    ["extractor quantity recall", (c) => show(c.extractor.quantityRecall)],
    ["extractor kind agreement", (c) => show(c.extractor.kindAgreement)],
    ["extractor event precision", (c) => show(c.extractor.eventPrecision)],
    ["extractor event recall", (c) => show(c.extractor.eventRecall)],
    ["gold disagreements", (c) => String(c.gold.disagreements)],
    ["disagreement precision", (c) => show(c.disagreements.precision)],
    ["disagreement recall", (c) => show(c.disagreements.recall)],
    ["disagreements unlabelled", (c) => String(c.disagreements.unlabelled)],
  ];
  const vtable = [
    ["values", ...vcols.map((c) => c.corpus)],
    ...vrows.map(([n, f]) => [n, ...vcols.map(f)]),
  ];
  const vwidths = vtable[0].map((_, i) => Math.max(...vtable.map((row) => row[i].length)));
  const vline = (row) =>
    row
      .map((cell, i) => cell.padEnd(vwidths[i]))
      .join("  ")
      .trimEnd();
  process.stdout.write(`\n${vline(vtable[0])}\n${vwidths.map((w) => "-".repeat(w)).join("  ")}\n`);
  for (const row of vtable.slice(1)) process.stdout.write(`${vline(row)}\n`);
  const wrongs = valueResults.flatMap((r) => r.wrong.map((w) => `${r.corpus}: ${w}`));
  if (process.argv.includes("--verbose")) for (const w of wrongs) process.stdout.write(`  ${w}\n`);
  else if (wrongs.length)
    process.stdout.write(`(${wrongs.length} value mismatches; --verbose lists them)\n`);
}
process.exit(0);
