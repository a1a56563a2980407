// Verification of a generated claim's marked edits (brackets, deletions, case changes).
import type { Root } from "mdast";
import { describe, expect, it } from "vitest";
import type { Claim, Edit } from "../../src/model/briefing.js";
import type { CiteNode } from "../../src/model/document.js";
import { verifyTree } from "../../src/outline/plugins/verify.js";
import { verifyClaimEdits } from "../../src/outline/verify.js";
import { makeSource } from "../engine/helpers.js";

const source = makeSource("s", [
  "The CSTO was founded in 1992 by six states.",
  "It deployed troops to Kazakhstan in January 2022. Russia did not send more than 3,000 soldiers.",
]);
const block = source.blocks.find((b) => b.text.startsWith("It deployed"))!;

function claim(sentence: number, text: string, edits: Edit[]): Claim {
  const s = block.sentences[sentence - 1]!;
  return {
    id: `c-s-${block.index}-${sentence}`,
    text,
    edits,
    citations: [
      {
        sourceId: "s",
        block: block.index,
        sentence,
        quote: { type: "TextQuoteSelector", exact: block.text.slice(s.start, s.end) },
      },
    ],
  };
}

const bracket = (name: string): Edit[] => [
  { kind: "delete", text: "It", at: 0, reason: "referent" },
  { kind: "insert", text: name, at: 0, reason: "referent" },
];

describe("verifying marked edits", () => {
  it("accepts a bracketed referent the source names before the sentence", () => {
    const c = claim(
      1,
      "[The CSTO] deployed troops to Kazakhstan in January 2022.",
      bracket("The CSTO"),
    );
    expect(verifyClaimEdits(c, [source])).toBeUndefined();
  });

  it("rejects a bracket inserting a name the source does not use before the sentence", () => {
    const c = claim(1, "[NATO] deployed troops to Kazakhstan in January 2022.", bracket("NATO"));
    expect(verifyClaimEdits(c, [source])).toMatch(/not a name s uses before/u);
    // "Russia" is in the source, but only after the sentence.
    const later = claim(
      1,
      "[Russia] deployed troops to Kazakhstan in January 2022.",
      bracket("Russia"),
    );
    expect(verifyClaimEdits(later, [source])).toMatch(/not a name/u);
  });

  it("rejects a deletion of a negation or a number, and text that does not undo to the source", () => {
    const not = claim(2, "Russia did send more than 3,000 soldiers.", [
      { kind: "delete", text: "not ", at: 11, reason: "filler" },
    ]);
    expect(verifyClaimEdits(not, [source])).toMatch(/number or a negation/u);
    const number = claim(2, "Russia did not send more than soldiers.", [
      { kind: "delete", text: "3,000 ", at: 30, reason: "filler" },
    ]);
    expect(verifyClaimEdits(number, [source])).toMatch(/number or a negation/u);
    const changed = claim(
      1,
      "[The CSTO] sent troops to Kazakhstan in January 2022.",
      bracket("The CSTO"),
    );
    expect(verifyClaimEdits(changed, [source])).toMatch(/does not give the source sentence/u);
  });

  it("reports a tampered claim on its cite as an unverified citation", () => {
    const c = claim(1, "[NATO] deployed troops to Kazakhstan in January 2022.", bracket("NATO"));
    const cite: CiteNode = {
      type: "cite",
      citations: c.citations,
      claimId: c.id,
      generated: true,
      claim: { id: c.id, text: c.text, edits: c.edits, citations: c.citations },
    };
    const tree = {
      type: "root",
      children: [{ type: "paragraph", children: [{ type: "text", value: c.text }, cite] }],
    } as unknown as Root;
    const problems = verifyTree(tree, [source]);
    expect(problems.map((d) => d.message).join("\n")).toMatch(/claim edits could not be verified/u);
    const good = claim(
      1,
      "[The CSTO] deployed troops to Kazakhstan in January 2022.",
      bracket("The CSTO"),
    );
    cite.claim = { id: good.id, text: good.text, edits: good.edits, citations: good.citations };
    expect(verifyTree(tree, [source])).toEqual([]);
  });
});
