/**
 * remark plugin, the last: every citation in the compiled tree must point at an existing source
 * and ¶, and its quote must occur there (`verifyCitation`); a generated claim's marked edits
 * must undo to the quoted sentence and insert only names the source used before
 * (`verifyClaimEdits`). Each miss is an error
 * (`cite-unverified`) at the cite's place, naming the generated claim when it closes one.
 */
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { VFile } from "vfile";
import type { Diagnostic } from "../../diagnostics/types.js";
import { error, toDiagnostic } from "../../diagnostics/vfile.js";
import type { CiteNode } from "../../model/document.js";
import type { Source } from "../../model/source.js";
import { verifyCitation, verifyClaimEdits } from "../verify.js";

export interface VerifyOptions {
  /** The sources citations must check out against. */
  sources: Source[];
}

export function remarkBriefwrightVerify(options: VerifyOptions) {
  const { sources } = options;
  return (tree: Root, file: VFile): undefined => {
    visit(tree, "cite", (node: CiteNode) => {
      // The claim's edits are checked against its own quote once that quote checks out.
      const own = node.claim?.citations[0];
      const edited =
        node.claim && own && !verifyCitation(own, sources)
          ? verifyClaimEdits(node.claim, sources)
          : undefined;
      if (edited) {
        error(file, `claim edits could not be verified: ${edited}`, {
          ruleId: "cite-unverified",
          place: node.position?.start,
          ...(node.claimId ? { hint: `generated claim ${node.claimId}` } : {}),
        });
      }
      for (const c of node.citations) {
        const problem = verifyCitation(c, sources);
        if (!problem) continue;
        error(file, `citation could not be verified: ${problem}`, {
          ruleId: "cite-unverified",
          place: node.position?.start,
          ...(node.claimId ? { hint: `generated claim ${node.claimId}` } : {}),
        });
      }
    });
  };
}

/** Errors for every citation in `tree` that does not check out (for a tree compiled earlier). */
export function verifyTree(tree: Root, sources: Source[], file?: string): Diagnostic[] {
  const vfile = new VFile(file ? { path: file } : {});
  remarkBriefwrightVerify({ sources })(tree, vfile);
  return vfile.messages.map(toDiagnostic);
}
