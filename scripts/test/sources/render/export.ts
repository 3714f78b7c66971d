import YAML from "yaml";
import { toOpenAPI } from "./openapi.ts";
import { pathOf, type TOperation } from "./operation.ts";

/** The page's markdown export: index preamble, title, description and the OpenAPI fence. */
export function renderExport(op: TOperation): string {
  const doc = toOpenAPI(op);
  // Presentation: YAML or JSON inside, four or three backticks, the method in either case.
  const body = op.style & 2 ? JSON.stringify(doc, null, 2) : YAML.stringify(doc, { lineWidth: 0 });
  const fence = op.style & 1 ? "```" : "````";
  const lang = op.style & 2 ? "json" : "yaml";
  const method = op.style & 1 ? op.method.toUpperCase() : op.method;
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
    op.webhook === undefined
      ? `${fence}${lang} openapi.json ${method} ${pathOf(op)}`
      : `${fence}${lang} openapi.json webhook ${op.webhook}`,
    body.trimEnd(),
    fence,
    "",
  ].join("\n");
}
