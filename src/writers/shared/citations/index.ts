/** Citations: CSL-JSON items from source profiles, CSL styles, notes and bibliography. */
export { type CslItem, type CslName, toCslItem, toCslName, toDateParts } from "./csl-item.js";
export {
  type CitationFormat,
  type CitationFormatter,
  citationFormatter,
  type FormattedCitations,
  formatCitations,
} from "./formatter.js";
export {
  type CitationStyle,
  DEFAULT_CSL_DIR,
  loadCitationStyle,
  withPilcrowLocator,
} from "./style.js";
