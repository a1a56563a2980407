/**
 * The one guarded way to read a file that configures the build (the outline, `brief.yaml`, a CSL
 * style): it never follows a link out of its folder, never opens a pipe or device, and never reads
 * past a size limit. Here rather than in `readers/` because `brief/`, `outline/` and `writers/`
 * read such files and may import only `diagnostics/` and `util/` besides the model; its refusals
 * are diagnostics with a rule id and the file's name, never its content.
 */
import { constants } from "node:fs";
import { type FileHandle, lstat, open, realpath } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";
import { BriefwrightError } from "./types.js";

/** Whether `path` (a real path) is `root` or below it. */
export function isInsideDir(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

export interface InputFileOptions {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** The file as named in messages (e.g. `corpus/briefing.md`). */
  display: string;
  /** What the file is, for messages: `the outline`, `the brief`, `the citation style`. */
  what: string;
}

function inputRefused(
  ruleId: string,
  file: string,
  message: string,
  hint: string,
): BriefwrightError {
  return new BriefwrightError("input", `${file}: ${message}`, [
    { severity: "error", ruleId, file, message, hint },
  ]);
}

/**
 * The one guarded way to read a file the build is configured by (the outline, `brief.yaml`, a
 * CSL style): `rel` inside folder `dir`, read like a source is. Its real path must stay inside
 * the real path of `dir` (a link out of it is refused, not followed), it must be a regular file
 * (a FIFO or device is refused without waiting on it) and at most `maxBytes` long (checked again
 * while reading, so `/dev/zero` or a growing file cannot exhaust memory). Refusals are input
 * errors with a rule id and the file's name, never its content. `undefined` when there is no such
 * file (nor folder).
 */
export async function readInputFile(
  dir: string,
  rel: string,
  options: InputFileOptions,
): Promise<string | undefined> {
  return (await openInputFile(dir, rel, options))?.text;
}

/** {@link readInputFile}, with the real path of the file it read. */
export async function openInputFile(
  dir: string,
  rel: string,
  options: InputFileOptions,
): Promise<{ text: string; real: string } | undefined> {
  const { display, what, maxBytes } = options;
  /** A missing file or folder is no input (undefined); any other failure is a clear error. */
  const missingOr = (error: unknown, hint: string): undefined => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw inputRefused(
      "input-unreadable",
      display,
      `cannot read ${what} (${code ?? "error"})`,
      hint,
    );
  };
  let root: string;
  try {
    root = await realpath(dir);
  } catch (error) {
    return missingOr(error, "check the folder's permissions");
  }
  const abs = join(root, rel);
  if (!isInsideDir(abs, root))
    throw inputRefused(
      "input-outside-corpus",
      display,
      `${what} is outside its folder: not read`,
      "name a file inside the folder, without `..`",
    );
  let real: string;
  try {
    await lstat(abs);
  } catch (error) {
    return missingOr(error, "check the file's permissions");
  }
  try {
    real = await realpath(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw inputRefused(
      code === "ENOENT" ? "input-broken-link" : "input-unreadable",
      display,
      code === "ENOENT"
        ? `${what} is a link whose target does not exist`
        : `cannot read ${what} (${code})`,
      "replace the link with the file itself",
    );
  }
  if (!isInsideDir(real, root))
    throw inputRefused(
      "input-outside-corpus",
      display,
      `${what} is a link that leaves its folder: not read`,
      "copy the file into the folder instead of linking to it",
    );
  /** A file that exists but cannot be opened or read. */
  const unreadable = (error: unknown) =>
    inputRefused(
      "input-unreadable",
      display,
      `cannot read ${what} (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      "check the file's permissions",
    );
  let handle: FileHandle;
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    throw unreadable(error);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile())
      throw inputRefused(
        "input-not-regular",
        display,
        `${what} is not a regular file (a folder, pipe, socket or device): not read`,
        "make it a plain file",
      );
    const tooLarge = () =>
      inputRefused(
        "input-too-large",
        display,
        `${what} is over the limit of ${maxBytes} bytes: not read`,
        "make the file smaller",
      );
    if (info.size > maxBytes) throw tooLarge();
    // Read until the end, but never past the limit: a file that grows while read is caught too.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw tooLarge();
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return { text: Buffer.concat(chunks, length).toString("utf8"), real };
  } catch (error) {
    if (error instanceof BriefwrightError) throw error;
    throw unreadable(error);
  } finally {
    await handle.close();
  }
}
