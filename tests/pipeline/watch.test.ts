// Watch mode does each change's work once: one read, one analysis and one outline compile per
// change, shared by the quick HTML pass and the PDFs that follow (real Chromium); a change that
// leaves the sources and the engine's options as they were is not analysed again.
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";

const calls = { read: 0, analyse: 0, compile: 0 };

vi.mock("../../src/readers/index.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/readers/index.js")>();
  return {
    ...original,
    readCorpus: (...args: Parameters<typeof original.readCorpus>) => {
      calls.read++;
      return original.readCorpus(...args);
    },
  };
});
vi.mock("../../src/engine/index.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/engine/index.js")>();
  return {
    ...original,
    analyse: (...args: Parameters<typeof original.analyse>) => {
      calls.analyse++;
      return original.analyse(...args);
    },
  };
});
vi.mock("../../src/outline/index.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/outline/index.js")>();
  return {
    ...original,
    compileOutline: (...args: Parameters<typeof original.compileOutline>) => {
      calls.compile++;
      return original.compileOutline(...args);
    },
  };
});

const { startWatch } = await import("../../src/pipeline/watch.js");
type WatchEvent = Parameters<Parameters<typeof startWatch>[1]>[0];

const corpus = fileURLToPath(new URL("../../corpus", import.meta.url));
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("watch", () => {
  it("reads, analyses and compiles once per change, and analyses only changed inputs", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bw-watch-once-"));
    dirs.push(dir);
    await cp(corpus, join(dir, "corpus"), { recursive: true });
    const outDir = join(dir, "out");
    const events: WatchEvent[] = [];
    const handle = await startWatch({ corpusDir: join(dir, "corpus"), outDir }, (e) =>
      events.push(e),
    );
    // Waits for the rebuild after a change; no errors.
    const changed = async () => {
      const until = Date.now() + 120_000;
      while (!events.some((e) => e.kind === "full" || e.kind === "error")) {
        if (Date.now() > until) throw new Error("no rebuild after the change");
        await new Promise((r) => setTimeout(r, 50));
      }
      await handle.idle();
      expect(events.filter((e) => e.kind === "error")).toEqual([]);
    };
    // The quick passes since the last reset: HTML events, then the one full build.
    const quickPasses = () => {
      const kinds = events.map((e) => e.kind);
      expect(kinds.at(-1)).toBe("full");
      expect(kinds.slice(0, -1).every((k) => k === "html")).toBe(true);
      expect(kinds.length).toBeGreaterThan(1);
      return kinds.length - 1;
    };
    try {
      // The first build.
      expect(events.map((e) => e.kind)).toEqual(["full"]);
      expect(calls).toEqual({ read: 1, analyse: 1, compile: 1 });
      const pdfBefore = await stat(join(outDir, "briefing.pdf"));
      const words = async () =>
        JSON.parse(await readFile(join(outDir, "briefing.json"), "utf8")).sources.find(
          (s: { file: string }) => s.file === "002_6e2675e3187c4228.txt",
        ).words as number;
      const wordsBefore = await words();

      calls.read = calls.analyse = calls.compile = 0;
      events.length = 0;
      const file = join(dir, "corpus", "002_6e2675e3187c4228.txt");
      const marker = "Kyrgyzstan announced a review of its membership in March 2022.";
      const text = await readFile(file, "utf8");
      await writeFile(
        file,
        text.replace(
          "Meanwhile, Russia’s CSTO partners",
          `${marker}\n\nMeanwhile, Russia’s CSTO partners`,
        ),
      );
      await changed();
      // The HTML first, then the PDFs, from one read, one analysis and one compile. (One write
      // may reach the watcher as two changes apart: each quick pass then compiles once, and only
      // the last one's compile is printed.)
      let passes = quickPasses();
      expect(calls).toEqual({ read: passes, analyse: passes, compile: passes });
      // Both passes wrote the changed corpus: the model has the new paragraph, the PDF is new.
      expect(await words()).toBeGreaterThan(wordsBefore);
      const pdfAfter = await stat(join(outDir, "briefing.pdf"));
      expect(pdfAfter.ino !== pdfBefore.ino || pdfAfter.mtimeMs > pdfBefore.mtimeMs).toBe(true);
      const full = events.find((e) => e.kind === "full");
      expect(
        full?.kind === "full" && full.result.outputs.map((o) => o.slice(outDir.length + 1)),
      ).toEqual(expect.arrayContaining(["briefing.json", "briefing.pdf", "slides.pdf"]));

      // A writer setting: read and compiled again, the analysis reused, the PDF in Letter.
      calls.read = calls.analyse = calls.compile = 0;
      events.length = 0;
      const brief = join(dir, "corpus", "brief.yaml");
      await writeFile(brief, `${await readFile(brief, "utf8")}report:\n  paper: Letter\n`);
      await changed();
      passes = quickPasses();
      expect(calls).toEqual({ read: passes, analyse: 0, compile: passes });
      const size = /Page size:\s+([\d.]+) x ([\d.]+)/u.exec(
        execFileSync("pdfinfo", [join(outDir, "briefing.pdf")], { encoding: "utf8" }),
      );
      expect([Number(size?.[1]), Number(size?.[2])]).toEqual([612, 792]);
    } finally {
      await handle.close();
    }
  });
});
