#!/usr/bin/env node
// Writes schema/brief.schema.json from the zod schema (run after `npm run compile`).
import { writeFileSync } from "node:fs";
import { briefJsonSchema } from "../dist/brief/index.js";

const schema = { title: "briefwright brief.yaml", ...briefJsonSchema() };
writeFileSync(
  new URL("../schema/brief.schema.json", import.meta.url),
  `${JSON.stringify(schema, null, 2)}\n`,
);
