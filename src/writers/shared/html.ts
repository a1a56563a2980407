/** Escaping for generated HTML (text and attribute values), and a quote's `lang`. */
import { baseLanguage } from "../../util/text.js";

const BCP47 = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u;

/**
 * The `lang` a quote from a source in `sourceLanguage` carries in a document in
 * `documentLanguage`: the source's tag when it is another language (and a well-formed BCP 47 tag:
 * it comes from the model, never from corpus markup), else none.
 */
export function quoteLanguage(
  sourceLanguage: string | undefined,
  documentLanguage: string,
): string | undefined {
  if (!sourceLanguage || !BCP47.test(sourceLanguage)) return undefined;
  return baseLanguage(sourceLanguage) === baseLanguage(documentLanguage)
    ? undefined
    : sourceLanguage;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
