import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
