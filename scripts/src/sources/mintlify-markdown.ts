import { ParseError } from "../errors.ts";
import { parseOpenAPIAt } from "./openapi.ts";
import type { Parser } from "./types.ts";

// The fence is four backticks so the YAML may itself contain triple-backtick code in descriptions.
const FENCE_OPEN = /^````ya?ml\s+([A-Z]+)\s+(\S+)\s*$/;
const FENCE_CLOSE = /^````\s*$/;

/**
 * Parses Mintlify's markdown export of one reference page: the `## OpenAPI` section holds a
 * four-backtick `yaml METHOD /path` fence with a one-operation OpenAPI document, which must
 * contain exactly the operation the fence names.
 */
export const parseMintlifyMarkdown: Parser = (text, { file }) => {
  const lines = text.split(/\r?\n/);
  const open = lines.findIndex((line) => FENCE_OPEN.test(line));
  if (open < 0) {
    const heading = lines.findIndex((line) => /^##\s+OpenAPI\s*$/.test(line));
    const line = heading >= 0 ? heading + 2 : lines.length;
    const expected = "a ````yaml METHOD /path fence under `## OpenAPI`";
    throw new ParseError({ file, line }, expected, lines[line - 1] ?? "end of file");
  }
  const close = lines.findIndex((line, i) => i > open && FENCE_CLOSE.test(line));
  if (close < 0) {
    const last = lastNonEmpty(lines);
    const expected = `the closing \`\`\`\` of the OpenAPI fence opened on line ${open + 1}`;
    throw new ParseError({ file, line: last + 1 }, expected, lines[last] ?? "end of file");
  }
  const [, method = "", path = ""] = FENCE_OPEN.exec(lines[open] ?? "") ?? [];
  const yamlText = lines.slice(open + 1, close).join("\n");
  const doc = parseOpenAPIAt(yamlText, file, open + 2);
  const operation = doc.paths?.[path]?.[method.toLowerCase()];
  if (!operation || typeof operation !== "object") {
    throw new ParseError(
      { file, line: open + 1 },
      `the document to define ${method} ${path}`,
      lines[open],
    );
  }
  return doc;
};

/** True when the text is a Mintlify markdown export with an embedded OpenAPI fence. */
export function looksLikeMintlifyMarkdown(text: string): boolean {
  return /^````ya?ml\s+[A-Z]+\s+\//m.test(text) || /^##\s+OpenAPI\s*$/m.test(text);
}

/** Index of the last line with text: where a cut-off file visibly ends. */
function lastNonEmpty(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]?.trim()) return i;
  return 0;
}
