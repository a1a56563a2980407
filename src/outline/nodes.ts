/**
 * Small mdast builders for directive output: headings that say which part of the briefing they
 * open, claim paragraphs that end in a `cite` node linking back to the claim, lists, table rows.
 */

import type {
  Emphasis,
  Heading,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  RootContent,
  TableCell,
  TableRow,
  Text,
} from "mdast";
import type { Citation, Claim } from "../model/briefing.js";
import type { CiteNode, SectionData } from "../model/document.js";
import { nlp } from "../util/compromise.js";
import { formatDate } from "../util/dates.js";
import { chromeFor } from "../util/locale.js";
import { STOP_WORDS } from "../util/text.js";
import { type CaseEvidence, caseOf } from "./casing.js";

export function text(value: string): Text {
  return { type: "text", value };
}

export function heading(depth: number, title: string, data: SectionData): Heading {
  const d = Math.min(6, Math.max(1, depth)) as Heading["depth"];
  return { type: "heading", depth: d, children: [text(title)], data: { briefwright: data } };
}

export function cite(citations: Citation[], claimId?: string): CiteNode {
  return {
    type: "cite",
    citations,
    ...(claimId ? { claimId, generated: true } : {}),
  };
}

function openingVerb(sentence: string): boolean {
  const first = nlp(sentence.slice(0, 200)).terms().json()[0]?.terms?.[0] as
    | { tags?: string[] }
    | undefined;
  const tags = new Set(first?.tags ?? []);
  return tags.has("Verb") && !tags.has("ProperNoun");
}

/**
 * After an attribution ("According to Catherine Putz, the CSTO …") a sentence-initial common
 * word reads lower-cased, the changed letter in brackets ("[t]he CSTO"); names and acronyms
 * keep their capitals. Only the display changes: the claim text and its quote stay the source's.
 */
export function afterAttribution(sentence: string, casing?: CaseEvidence): string {
  // A start already upper-cased in brackets ("[T]he DS …") reads as the source wrote it.
  const marked = /^\[(\p{Lu})\](\p{Ll}*)/u.exec(sentence);
  if (marked) {
    const word = `${marked[1]}${marked[2]}`;
    if (STOP_WORDS.has(word.toLowerCase()) || /^\p{Ll}/u.test(marked[2] ?? "x")) {
      return marked[1]!.toLowerCase() + sentence.slice(3);
    }
  }
  const m = /^(\p{Lu}\p{Ll}*)\b/u.exec(sentence);
  if (!m) return sentence;
  const word = m[1]!;
  // How the corpus writes the word mid-sentence decides first when it says (see casing.ts).
  const evidence = STOP_WORDS.has(word.toLowerCase()) ? "common" : caseOf(casing, word);
  if (evidence === "name") return sentence;
  const common =
    evidence === "common" ||
    STOP_WORDS.has(word.toLowerCase()) ||
    /^(?:Many|Some|Most|All|Both|Several|Few|Each|Currently|Officially|Initially|Today|Now|Since|Following|Despite|Unlike|Like|After|During|Thanks|Ahead|Two|Three|Four|Five|Six)$/u.test(
      word,
    );
  // A verb form opening the sentence ("Founded in 1992 …", "Looking ahead, …") is not a name
  // either; compromise reads it in its sentence ("Harding was …" stays a name).
  if (!common && !openingVerb(sentence)) {
    return sentence;
  }
  // The changed letter is marked the way quotations mark it: "According to X, [t]he CSTO …".
  return `[${word.charAt(0).toLowerCase()}]${sentence.slice(1)}`;
}

/**
 * The phrasing content of a claim: attribution (if any), text, closing cite. The engine's
 * attribution ("According to BBC News") is phrased in `lang` ("Laut BBC News: …").
 */
export function claimPhrasing(claim: Claim, lang = "en", casing?: CaseEvidence): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const who = claim.attribution ? /^According to (.+)$/u.exec(claim.attribution)?.[1] : undefined;
  if (who) {
    const { prefix, lowerFirst } = chromeFor(lang).according(who);
    out.push(text(`${prefix}${lowerFirst ? afterAttribution(claim.text, casing) : claim.text}`));
  } else if (claim.attribution) {
    out.push(text(`${claim.attribution}, ${afterAttribution(claim.text, casing)}`));
  } else out.push(text(claim.text));
  out.push(cite(claim.citations, claim.id));
  return out;
}

export function claimParagraph(claim: Claim, lang = "en", casing?: CaseEvidence): Paragraph {
  return { type: "paragraph", children: claimPhrasing(claim, lang, casing) };
}

export function cell(children: PhrasingContent[]): TableCell {
  return { type: "tableCell", children };
}

export function row(cells: PhrasingContent[][]): TableRow {
  return { type: "tableRow", children: cells.map(cell) };
}

export function bulletList(items: PhrasingContent[][]): List {
  return {
    type: "list",
    ordered: false,
    spread: false,
    children: items.map(
      (children): ListItem => ({
        type: "listItem",
        spread: false,
        children: [{ type: "paragraph", children }],
      }),
    ),
  };
}

/** What an empty section says instead of nothing (tool-authored, no citation). */
export function none(message: string): RootContent[] {
  return [{ type: "paragraph", children: [{ type: "emphasis", children: [text(message)] }] }];
}

/**
 * What a cell no source addresses says, in the brief's language ("No source in this corpus
 * addresses military weight for NATO."; German keeps the dimension's capitals).
 */
export function gapText(language: string, dimension: string, subject: string): string {
  const english = !language || language.toLowerCase().startsWith("en");
  return chromeFor(language).gap(english ? dimension.toLowerCase() : dimension, subject);
}

/** The statement that no source addresses a cell, marked as such for the writers. */
export function gapStatement(value: string): Emphasis {
  return { type: "emphasis", children: [text(value)], data: { briefwright: { gap: true } } };
}

/** A dated event: the date in bold, a dash, the claim with its cite. */
export function datedPhrasing(
  date: string,
  claim: Claim,
  lang: string,
  kind?: string,
  dateText?: string,
): PhrasingContent[] {
  // What did not (yet) happen says so: "target: March 2005". A date partly resolved against the
  // source's own date shows the resolved part bracketed, as the source did not write it:
  // "16 May [2022]" (the source says "On 16 May").
  const when = dateText?.includes("[") ? dateText : formatDate(date, lang);
  const kinds = chromeFor(lang).kinds as Record<string, string>;
  const label = kind && kind !== "happened" ? `${kinds[kind] ?? kind}: ${when}` : when;
  return [{ type: "strong", children: [text(label)] }, text(" — "), ...claimPhrasing(claim, lang)];
}
