import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { briefJsonSchema } from "../../src/brief/index.js";

describe("brief.yaml JSON Schema for editors", () => {
  it("schema/brief.schema.json is up to date with the zod schema", async () => {
    const committed = JSON.parse(await readFile("schema/brief.schema.json", "utf8"));
    expect({ ...committed, title: undefined }).toEqual({
      ...(briefJsonSchema() as object),
      title: undefined,
    });
    expect(committed.properties.subjects.items.required).toContain("name");
  });
});
