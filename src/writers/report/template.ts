/**
 * `{{name}}` (HTML-escaped) and `{{{name}}}` (raw, generated markup) substitution for the
 * report layout. Unknown placeholders are an error so a typo in a template is caught.
 */
import { BriefwrightError } from "../../diagnostics/types.js";
import { escapeHtml } from "../shared/html.js";

export { escapeHtml };

export function fillTemplate(
  template: string,
  values: Record<string, string>,
  templateName = "layout.html",
): string {
  return template.replace(/\{\{(\{)?\s*([A-Za-z][\w-]*)\s*\}?\}\}/g, (match, raw, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new BriefwrightError("input", `Unknown placeholder ${match} in ${templateName}`, [
        {
          severity: "error",
          ruleId: "report-template-placeholder",
          message: `Unknown placeholder ${match}`,
          file: templateName,
          hint: `Known placeholders: ${Object.keys(values).sort().join(", ")}`,
        },
      ]);
    }
    return raw ? value : escapeHtml(value);
  });
}
