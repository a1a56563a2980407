/** The one slug helper: heading ids, slide ids and citation keys. */

/** Ukrainian and Russian letters in the transliteration citation keys use. */
const CYRILLIC: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  ґ: "g",
  д: "d",
  е: "e",
  є: "ie",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  і: "i",
  ї: "i",
  й: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "iu",
  я: "ia",
};

/**
 * Lower-case words joined by "-", diacritics folded ("Résumé" → "resume"). With `ascii`,
 * only a–z and 0–9 are kept and Cyrillic is transliterated (citation keys); otherwise letters
 * of any script are kept (HTML ids). Empty when nothing is left.
 */
export function slug(text: string, options: { ascii?: boolean } = {}): string {
  let s = text.toLowerCase();
  if (options.ascii) s = s.replace(/[\u0400-\u04ff]/g, (c) => CYRILLIC[c] ?? "");
  s = s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  return s.replace(options.ascii ? /[^a-z0-9]+/g : /[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
}
