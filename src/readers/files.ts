/**
 * Which files in a corpus folder are sources: walks the folder, never follows a link out of it
 * nor any link to a folder, and skips what cannot be a source (empty, binary, unknown kind, too large) with a warning.
 */
import { constants } from "node:fs";
import { lstat, open, readdir, realpath, stat } from "node:fs/promises";
import { extname, join, relative, resolve, sep } from "node:path";
import { isInsideDir } from "../diagnostics/input.js";
import type { Diagnostic } from "../diagnostics/types.js";
import type { Reader } from "./reader.js";
import { readerFor } from "./registry.js";

export interface CorpusFile {
  /** Relative path with `/` separators. */
  rel: string;
  abs: string;
  /** The reader its extension picks (from the registry). */
  reader: Reader;
  bytes: Uint8Array;
}

/**
 * The bytes of a regular file. Opened without blocking and checked again once open, so a FIFO or
 * device that takes the place of a file is refused rather than waited on.
 */
async function readRegularFile(abs: string): Promise<Uint8Array> {
  const handle = await open(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!(await handle.stat()).isFile())
      throw Object.assign(new Error("not a regular file"), { code: "ENOTREG" });
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Files in the corpus folder that configure the brief rather than being sources. */
const NOT_SOURCES = new Set(["brief.yaml", "brief.yml", "briefing.md"]);

/** Folders below the corpus folder read at most this deep. */
const MAX_DEPTH = 8;

export interface ListOptions {
  maxFileSize: number;
  /** Folders never read as sources (absolute): the build's own output folder inside the corpus. */
  exclude?: readonly string[];
  /** How paths are shown in messages (the corpus folder as the user named it). */
  displayDir: string;
}

function warn(ruleId: string, file: string, message: string, hint?: string): Diagnostic {
  return { severity: "warning", ruleId, file, message, ...(hint ? { hint } : {}) };
}

export async function listCorpus(
  dir: string,
  options: ListOptions,
): Promise<{ files: CorpusFile[]; diagnostics: Diagnostic[] }> {
  const root = await realpath(dir);
  const files: CorpusFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const show = (rel: string) => join(options.displayDir, rel);
  const excluded = new Set<string>();
  for (const d of options.exclude ?? []) excluded.add(await realpath(d).catch(() => resolve(d)));

  const walk = async (absDir: string, depth: number): Promise<void> => {
    const entries = (await readdir(absDir, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const abs = join(absDir, entry.name);
      const rel = relative(root, abs).split(sep).join("/");
      if (depth === 0 && NOT_SOURCES.has(entry.name)) continue;
      // The build's own outputs are not sources, wherever --out puts them.
      if (entry.isDirectory() && excluded.has(abs)) continue;
      let info = await lstat(abs);
      if (info.isSymbolicLink()) {
        let target: string;
        try {
          target = await realpath(abs);
        } catch {
          diagnostics.push(
            warn("corpus-broken-link", show(rel), "skipped: a link whose target does not exist"),
          );
          continue;
        }
        if (!isInsideDir(target, root)) {
          diagnostics.push(
            warn(
              "corpus-symlink-outside",
              show(rel),
              "skipped: a link that leaves the corpus folder (not read)",
              "copy the file into the corpus folder if it belongs to the brief",
            ),
          );
          continue;
        }
        info = await stat(abs);
        if (info.isDirectory()) {
          // Never followed: a link to `.` or a parent would walk the same files again and again.
          diagnostics.push(
            warn(
              "corpus-directory-link",
              show(rel),
              "skipped: a link to a folder (links to folders are not followed)",
              "move or copy the folder into the corpus folder instead of linking to it",
            ),
          );
          continue;
        }
      }
      if (info.isDirectory()) {
        if (depth < MAX_DEPTH) await walk(abs, depth + 1);
        else
          diagnostics.push(
            warn(
              "corpus-too-deep",
              show(rel),
              `skipped: a folder more than ${MAX_DEPTH} levels below the corpus folder (not read)`,
              "move its files nearer the top of the corpus folder",
            ),
          );
        continue;
      }
      const reader = readerFor(extname(entry.name).toLowerCase());
      if (!info.isFile()) {
        // A FIFO, socket or device named like a source: never opened (a FIFO would block).
        if (reader)
          diagnostics.push(
            warn(
              "corpus-unreadable",
              show(rel),
              "skipped: not a regular file (a pipe, socket or device)",
              "sources are regular files",
            ),
          );
        continue;
      }
      if (!reader) {
        diagnostics.push(
          warn(
            "corpus-unknown-extension",
            show(rel),
            `skipped: unknown kind of file \`${extname(entry.name) || entry.name}\``,
            "sources are .md, .txt or .html files",
          ),
        );
        continue;
      }
      if (info.size > options.maxFileSize) {
        diagnostics.push(
          warn(
            "corpus-too-large",
            show(rel),
            `skipped: ${info.size} bytes is over the limit of ${options.maxFileSize} bytes`,
            "raise `corpus.maxFileSize` in brief.yaml if the file belongs to the brief",
          ),
        );
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = await readRegularFile(abs);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? "error";
        diagnostics.push(
          warn(
            "corpus-unreadable",
            show(rel),
            `skipped: cannot read the file (${code})`,
            "check the file's permissions",
          ),
        );
        continue;
      }
      files.push({ rel, abs, reader, bytes });
    }
  };
  await walk(root, 0);
  return { files, diagnostics };
}
