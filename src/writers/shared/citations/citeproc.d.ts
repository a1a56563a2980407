/** The part of citeproc-js (npm `citeproc`) that briefwright uses. */
declare module "citeproc" {
  interface CiteprocSys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  interface CiteprocCitation {
    citationID: string;
    citationItems: { id: string; locator?: string; label?: string }[];
    properties: { noteIndex: number };
  }
  class Engine {
    constructor(sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean);
    opt: { development_extensions: Record<string, boolean> };
    setOutputFormat(format: "html" | "text" | "rtf"): void;
    rebuildProcessorState(
      citations: CiteprocCitation[],
      mode?: "html" | "text" | "rtf",
      uncitedItemIDs?: string[],
    ): [string, number, string][];
    updateItems(ids: string[]): void;
    updateUncitedItems(ids: string[]): void;
    makeCitationCluster(items: { id: string; locator?: string; label?: string }[]): string;
    makeBibliography(): [{ entry_ids: string[][] } & Record<string, unknown>, string[]] | false;
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}
