/** Paths inside the installed package (`templates/`, `package.json`), the same from `src/` and `dist/`. */
import { fileURLToPath } from "node:url";

/** The package's root folder (this file is `src/util/package.ts` or `dist/util/package.js`). */
export const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** `packagePath("templates", "report")` → the absolute path, with a trailing slash kept off. */
export function packagePath(...parts: string[]): string {
  return `${PACKAGE_ROOT}${parts.join("/")}`;
}
