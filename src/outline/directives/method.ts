/** `::method`: how the briefing was made, one paragraph per step. */
import { text } from "../nodes.js";
import { type Directive, open } from "./context.js";

export const method: Directive = {
  title: "Method",
  expand: (call, ctx) => [
    ...open(call, "method"),
    ...ctx.briefing.method.map((p) => ({ type: "paragraph" as const, children: [text(p)] })),
  ],
};
