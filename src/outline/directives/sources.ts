/**
 * `::sources`: the listed sources (who, title, publisher, date, length, subjects, thesis) and
 * how many more were read. The heading says which sources it lists, so a writer need not.
 */
import type { PhrasingContent, RootContent } from "mdast";
import { formatDate } from "../../util/dates.js";
import { chromeFor } from "../../util/locale.js";
import { listedSources, omittedSentence } from "../listed.js";
import { bulletList, claimPhrasing, text } from "../nodes.js";
import { type Directive, open, take } from "./context.js";

export const sources: Directive = {
  title: "Sources",
  expand(call, ctx) {
    const { listed, omitted } = listedSources(ctx.briefing);
    const heading = open(call, "sources", { listed: listed.map((s) => s.id), omitted });
    const lang = ctx.briefing.meta.language;
    const c = chromeFor(lang);
    const count = new Intl.NumberFormat(lang || "en");
    const items = listed.map((s): PhrasingContent[] => {
      const who = s.authors.length ? s.authors.join(", ") : (s.publisher ?? "");
      const bits = [
        who,
        // A label that already is the title ("‘Sonys PSP ab März in Europa’") is not repeated.
        s.shortLabel.includes(s.title) ? "" : `“${s.title}”`,
        s.authors.length && s.publisher ? s.publisher : "",
        s.date ? formatDate(s.date, lang) : c.noDate,
      ]
        .filter(Boolean)
        .join(", ")
        .replace(/\.$/u, "");
      const out: PhrasingContent[] = [
        { type: "strong", children: [text(s.shortLabel)] },
        text(
          ` — ${bits}. ${c.words(count.format(s.words))}; ${c.covers(s.subjects.join(` ${c.and} `) || c.noSubject)}.`,
        ),
      ];
      if (s.thesis && take(ctx, s.thesis)) {
        out.push(text(` ${c.thesis}: `), ...claimPhrasing(s.thesis, lang, ctx.casing));
      }
      return out;
    });
    const rest = omittedSentence(omitted);
    return [
      ...heading,
      bulletList(items),
      ...(rest ? [{ type: "paragraph", children: [text(rest)] } as RootContent] : []),
    ];
  },
};
