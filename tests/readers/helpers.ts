import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSpec, loadBriefSpec, resolveOptions } from "../../src/brief/index.js";
import type { ReaderOptions } from "../../src/model/options.js";

/** A fresh, empty corpus folder under the system temp dir. */
export async function tempCorpus(prefix = "bw-corpus-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A small valid source so that a corpus is never empty. */
export const GOOD_SOURCE = `---
title: A good source
author: Ann Example
date: 2021-05-04
---

The first paragraph says that NATO has thirty members. It is a plain sentence.

The second paragraph says that the CSTO has six members.
`;

/** The reader's options with every default (a corpus with no brief.yaml). */
export function defaultReaderOptions(): ReaderOptions {
  return resolveOptions(defaultSpec()).reader;
}

/** The reader's options from the brief.yaml of a corpus folder (defaults when it has none). */
export async function readerOptionsFor(dir: string): Promise<ReaderOptions> {
  return resolveOptions((await loadBriefSpec(dir)).spec).reader;
}
