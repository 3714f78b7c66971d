import { stringify } from "yaml";
import type { OpenAPIDocument } from "./sources/types.ts";

/**
 * Deterministic YAML: no line folding (a re-wrapped description would be a spurious diff), no
 * anchors for repeated objects, block style throughout.
 */
export function toYaml(doc: OpenAPIDocument): string {
  return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false, indent: 2 });
}
