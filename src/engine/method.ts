/**
 * The method note: how this briefing was made, in plain sentences. Tool-authored (it states
 * what the tool did, never what the sources say), so it carries no citations.
 */
import type { Briefing } from "../model/briefing.js";

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function methodNote(b: Briefing, candidates: number): string[] {
  const words = b.sources.reduce((n, s) => n + s.words, 0);
  const out: string[] = [];
  out.push(
    `This briefing was compiled by briefwright from ${b.sources.length} sources (${String(words).replace(/\B(?=(\d{3})+(?!\d))/g, ",")} words). Every statement in it is a sentence taken from a source, shortened only by marked deletions, and cited to the paragraph (¶) it comes from; every citation was checked against the source text.`,
  );
  const subjects = list(b.subjects.map((s) => s.name));
  out.push(
    b.meta.inferred.subjects
      ? `The subjects compared (${subjects}) were inferred from the names and acronyms that occur in most sources, because brief.yaml names none.`
      : `The subjects compared (${subjects}) come from brief.yaml; a passage counts as being about a subject when it names it or one of its aliases, or when its paragraph names that subject and no other.`,
  );
  const dims = list(b.dimensions.map((d) => d.name));
  out.push(
    b.meta.inferred.dimensions
      ? `The dimensions (${dims}) were inferred from clusters of terms that occur together across sources, because brief.yaml names none.`
      : `The dimensions (${dims}) and their terms come from brief.yaml.`,
  );
  out.push(
    `Of ${candidates} candidate statements (questions, first- and second-person sentences and headings excluded), each matrix cell holds the best-ranked ones by BM25 relevance to the dimension's terms, focus on the subject and informativeness, varied across sources (maximal marginal relevance).`,
  );
  out.push(
    "Key findings are ranked by the number of sources that state the same fact: a passage from another source counts as support only when it has the same subject, the same main verb (or a close synonym) with shared words, or reports the same dated event, and gives no different number or date; statements only one source makes are attributed to it. Dates are resolved against each source's own date. How each source frames each subject is shown by quoting its most evaluative statement about it (a sentence whose main clause predicates a quality of the subject, the strongest by wink-nlp's sentiment lexicon), never by a score. Disagreements are found by four checks: different numbers for the same count, different dates for the same event, lists that differ, and one source stating what another denies on the same predicate and subjects; none found means none of them fired.",
  );
  const copies = b.copies ?? [];
  if (copies.length > 0)
    out.push(
      `${copies.length === 1 ? "One source is a copy" : `${copies.length} sources are copies`} of another (most of their five-word sequences are the same), counted as one source for corroboration: ${list(copies.map((c) => `${c.file} of ${c.copyOf}`))}.`,
    );
  const gaps = b.matrix.filter((c) => c.gap).length;
  if (gaps > 0)
    out.push(`${gaps} matrix cells are not addressed by any source and are marked as gaps.`);
  return out;
}
