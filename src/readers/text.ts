/**
 * Plain-text reader. Articles pasted from the web: a head (masthead, title, dek, date, byline),
 * the body (paragraphs, short heading lines), and a tail of page furniture.
 */

import type { DroppedText, SourceReference } from "../model/source.js";
import {
  isShortFurniture,
  matchAnywhere,
  matchCredit,
  splitTail,
  type Unit,
} from "./boilerplate.js";
import { decode } from "./decode.js";
import { readMarkdownText } from "./markdown.js";
import { looksLikeName, parseByline, parseDateLine } from "./metadata.js";
import { cleanText, parseReference, type RawBlock, type RawDoc, type RawMeta } from "./raw.js";
import type { Reader } from "./reader.js";

/** Lines → units: one unit per line, hard-wrapped prose joined back together. */
function toUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let previousBlank = true;
  text.split("\n").forEach((raw, i) => {
    const line = cleanText(raw);
    if (!line) {
      previousBlank = true;
      return;
    }
    const last = units[units.length - 1];
    const wrapped =
      !previousBlank &&
      last !== undefined &&
      last.text.length >= 50 &&
      !/[.!?:;"”’)]$/.test(last.text) &&
      /^[\p{Ll}(“"'‘]/u.test(line);
    if (wrapped) last.text = `${last.text} ${line}`;
    else units.push({ text: line, line: i + 1 });
    previousBlank = false;
  });
  return units;
}

const words = (s: string) => s.split(/\s+/).length;

/** A short line standing alone that names a section. */
function isHeading(text: string): boolean {
  const n = words(text);
  if (n > 14 || text.length > 120) return false;
  if (/^["“].+["”]$/.test(text) && n <= 8) return true;
  if (/[.!,;:…]$/.test(text)) return false;
  if (text.endsWith("?")) {
    const caps = text.split(/\s+/).filter((w) => /^[\p{Lu}\d"“‘]/u.test(w)).length;
    return caps / n >= 0.5;
  }
  return true;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

interface Head {
  end: number;
  stated: RawMeta;
  dropped: DroppedText[];
}

/** Reads the head of the page: title, dek, masthead, date and byline. */
function readHead(units: Unit[]): Head {
  const stated: RawMeta = {};
  const dropped: DroppedText[] = [];
  const window = units.slice(0, 12);
  let limit = window.findIndex((u) => words(u.text) > 40);
  if (limit < 0) limit = window.length;

  // The title: a line the page repeats near its top (masthead + headline), else the first line.
  let titleAt = 0;
  for (let i = 1; i < limit; i++) {
    const earlier = window.slice(0, i).findIndex((u) => norm(u.text) === norm(window[i]!.text));
    if (earlier >= 0) titleAt = i;
  }
  const first = units[0];
  if (!first) return { end: 0, stated, dropped };
  stated.title = units[titleAt]!.text;

  let end = titleAt; // index of the last head unit
  const meta = new Map<number, "date" | "byline" | "author" | "role">();
  for (let i = titleAt + 1; i < limit; i++) {
    const text = window[i]!.text;
    const date = parseDateLine(text);
    if (date && !stated.date) {
      stated.date = date;
      meta.set(i, "date");
      end = i;
      continue;
    }
    const byline = parseByline(text);
    if (byline && !stated.authors) {
      stated.authors = byline.authors;
      meta.set(i, "byline");
      if (byline.rest)
        dropped.push({
          text: byline.rest,
          line: window[i]!.line,
          rule: "boilerplate-views",
          reason: "view counter",
        });
      end = i;
      continue;
    }
    const nearDate =
      meta.get(i - 1) === "date" || parseDateLine(window[i + 1]?.text ?? "") !== undefined;
    if (!stated.authors && nearDate && looksLikeName(text)) {
      stated.authors = [text];
      meta.set(i, "author");
      end = i;
      continue;
    }
    if (meta.get(i - 1) === "author" && isShortFurniture(text) && !parseDateLine(text)) {
      meta.set(i, "role");
      dropped.push({
        text,
        line: window[i]!.line,
        rule: "boilerplate-byline",
        reason: "author's role in the byline",
      });
      end = i;
    }
  }
  // The dek: the line right after the title, when the head goes on past it.
  const next = titleAt + 1;
  if (end > titleAt && next <= end && !meta.has(next) && !matchCredit(window[next]!.text)) {
    stated.subtitle = window[next]!.text;
    meta.set(next, "role");
  }
  // Above the title: a masthead naming the publisher, then navigation and credits.
  for (let i = 0; i < titleAt; i++) {
    const text = window[i]!.text;
    if (i === 0 && words(text) <= 4 && norm(text) !== norm(stated.title)) {
      stated.publisher = text;
      continue;
    }
    if (norm(text) === norm(stated.title)) continue;
    dropped.push({
      text,
      line: window[i]!.line,
      ...(matchCredit(text) ?? {
        rule: "boilerplate-navigation",
        reason: "navigation or section label above the article",
      }),
    });
  }
  for (let i = titleAt + 1; i <= end; i++) {
    if (meta.has(i)) continue;
    const text = window[i]!.text;
    dropped.push({
      text,
      line: window[i]!.line,
      ...(matchCredit(text) ?? {
        rule: "boilerplate-navigation",
        reason: "page furniture in the article head",
      }),
    });
  }
  return { end: end + 1, stated, dropped };
}

function readPlainText(text: string): RawDoc {
  const units = toUnits(text);
  const head = readHead(units);
  const stated = head.stated;
  const dropped = [...head.dropped];
  let body = units.slice(head.end);

  // A personal name alone on the last line signs the article.
  const last = body[body.length - 1];
  if (last && looksLikeName(last.text) && body.length > 1) {
    if (!stated.authors) stated.authors = [last.text];
    body = body.slice(0, -1);
    if (stated.authors.includes(last.text)) {
      // a signature: metadata, not lost
    } else {
      dropped.push({
        text: last.text,
        line: last.line,
        rule: "boilerplate-signature",
        reason: "signature",
      });
    }
  }
  const references: SourceReference[] = [];
  body = body.filter((u) => {
    const ref = parseReference(u.text, u.line);
    if (ref) references.push(ref);
    return !ref;
  });
  const tail = splitTail(body, stated.authors ?? []);
  dropped.push(...tail.dropped);
  body = body.slice(0, tail.end);

  const blocks: RawBlock[] = [];
  body.forEach((unit, i) => {
    const teaser = matchAnywhere(unit.text);
    if (teaser) {
      dropped.push({ text: unit.text, line: unit.line, ...teaser });
      return;
    }
    const following = body[i + 1];
    const heading = following !== undefined && isHeading(unit.text) && !isHeading(following.text);
    blocks.push(
      heading
        ? { kind: "heading", depth: 2, text: unit.text, line: unit.line }
        : { kind: "paragraph", text: unit.text, line: unit.line },
    );
  });
  dropped.sort((a, b) => a.line - b.line);
  return { format: "text", declared: {}, stated, blocks, references, dropped, diagnostics: [] };
}

const FRONT_MATTER = /^---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Plain text; a .txt file that opens with YAML front matter is Markdown in a text file. */
export const textReader: Reader = {
  name: "text",
  extensions: [".txt", ".text"],
  read: (bytes, context) => {
    const { text } = decode(bytes, { escapedApostrophes: true });
    return FRONT_MATTER.test(text) ? readMarkdownText(text, context.display) : readPlainText(text);
  },
};
