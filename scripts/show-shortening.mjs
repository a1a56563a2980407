#!/usr/bin/env node
// Prints every claim of the slides fixture at each shortening level (0–3), to read what the
// deck's shortening keeps and cuts. Run after `npm run compile`: node scripts/show-shortening.mjs
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(fileURLToPath(import.meta.url), "..", "..");
const { shortenClaim } = await import(join(root, "dist", "writers", "deck", "shorten.js"));
const { claimsOf } = await import(join(root, "dist", "outline", "claims-of.js"));
const briefing = JSON.parse(
  readFileSync(join(root, "tests", "fixtures", "slides-sample", "briefing.json"), "utf8"),
);
for (const c of claimsOf(briefing)) {
  console.log([0, 1, 2, 3].map((l) => `${l}: ${shortenClaim(c.text, l)}`).join("\n"), "\n");
}
