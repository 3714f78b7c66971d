import YAML from "yaml";
import { toOpenAPI } from "./openapi.ts";
import { pathOf, type TOperation } from "./operation.ts";

/** The page's markdown export: index preamble, title, description and the OpenAPI fence. */
export function renderExport(op: TOperation): string {
  const yaml = YAML.stringify(toOpenAPI(op), { lineWidth: 0 });
  return [
    "> ## Documentation Index",
    `> Fetch the complete documentation index at: https://docs.${op.host}/llms.txt`,
    "> Use this file to discover all available pages before exploring further.",
    "",
    `# ${op.title}`,
    "",
    `> ${op.description}`,
    "",
    "",
    "",
    "## OpenAPI",
    "",
    `\`\`\`\`yaml openapi.json ${op.method} ${pathOf(op)}`,
    yaml.trimEnd(),
    "````",
    "",
  ].join("\n");
}
