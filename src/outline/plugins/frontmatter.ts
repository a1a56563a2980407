/**
 * remark plugin: the outline's YAML front matter (parsed by `remark-frontmatter`) becomes data,
 * `root.data.briefwright = { file, frontmatter }`, and leaves the tree. Front matter that is not
 * valid YAML is an error (`outline-frontmatter`) at its place; a mapping is kept, anything else
 * reads as none.
 */
import type { Root } from "mdast";
import type { VFile } from "vfile";
import { parse as parseYaml } from "yaml";
import { error } from "../../diagnostics/vfile.js";

export function remarkBriefwrightFrontmatter() {
  return (tree: Root, file: VFile): undefined => {
    let frontmatter: Record<string, unknown> = {};
    const first = tree.children[0];
    if (first?.type === "yaml") {
      try {
        const data: unknown = parseYaml(first.value);
        if (data && typeof data === "object" && !Array.isArray(data))
          frontmatter = data as Record<string, unknown>;
      } catch (cause) {
        const reason = `front matter is not valid YAML: ${(cause as Error).message.split("\n")[0]}`;
        error(file, reason, { ruleId: "outline-frontmatter", place: first.position?.start });
      }
      tree.children.shift();
    }
    tree.data = { ...tree.data, briefwright: { file: file.path ?? "", frontmatter } };
  };
}
