import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

describe(".github/workflows/briefing.yml", () => {
  it("is valid YAML with the steps a user copies, calling the same script as .ci/run", async () => {
    const wf = parse(await readFile(".github/workflows/briefing.yml", "utf8"));
    for (const event of ["push", "pull_request"]) {
      expect(wf.on[event].paths).toEqual(
        expect.arrayContaining(["corpus/**", "templates/**", "src/**"]),
      );
    }
    const steps: { uses?: string; run?: string; with?: Record<string, string> }[] =
      wf.jobs.build.steps;
    const uses = steps.map((s) => s.uses ?? "");
    expect(uses.some((u) => u.startsWith("actions/setup-node"))).toBe(true);
    expect(steps.find((s) => s.uses?.startsWith("actions/setup-node"))?.with?.cache).toBe("npm");
    const runs = steps.map((s) => s.run ?? "").join("\n");
    expect(runs).toMatch(/apt-get install -y .*chromium/);
    expect(runs).toContain("npm ci");
    expect(runs).toContain("bash scripts/ci.sh");
    expect(uses.some((u) => u.startsWith("actions/upload-artifact"))).toBe(true);
    expect(wf.jobs.pages.steps[0].uses).toMatch(/^actions\/deploy-pages/);
    expect(await readFile(".ci/run", "utf8")).toContain("scripts/ci.sh");
    const ci = await readFile("scripts/ci.sh", "utf8");
    expect(ci).toContain("npm test");
    expect(ci).toContain("npm run build");
  });
});
