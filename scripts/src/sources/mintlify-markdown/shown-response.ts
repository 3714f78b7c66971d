import { inferSchema } from "../model/infer.ts";
import { parseJson } from "../model/json.ts";
import type { OpenAPIDocument } from "../types.ts";
import type { Fence } from "./fence.ts";

/**
 * A hand-kept spec whose success response says nothing of its body (`{}`, or no content), under
 * a page that shows the response by example above the spec (`<ResponseExample>`, an `Example
 * Response` accordion or heading): Mintlify renders that example as the response, so the
 * response's schema is what the example shows (inferred: types only, nothing required) and the
 * example is kept. A response the spec describes is left as it is.
 */
export function fillShownResponse(doc: OpenAPIDocument, lines: string[], fence: Fence): void {
  const target = fence.target;
  if (target?.kind !== "operation") return;
  const operation = doc.paths?.[target.path]?.[target.method];
  const responses = operation?.responses;
  if (!isObject(responses)) return;
  const code = Object.keys(responses)
    .filter((key) => /^2\d\d$/.test(key))
    .sort()[0];
  const response = code === undefined ? undefined : responses[code];
  if (!isObject(response) || "$ref" in response || !saysNothing(response.content)) return;
  const shown = shownExample(lines, fence.line - 1);
  if (shown === undefined) return;
  response.content = { "application/json": { schema: inferSchema(shown), example: shown } };
}

/** No content, or JSON content whose schema is empty (`{}`) with no example. */
function saysNothing(content: unknown): boolean {
  if (content === undefined) return true;
  if (!isObject(content)) return false;
  const keys = Object.keys(content);
  const json = content["application/json"];
  if (keys.length !== 1 || !isObject(json)) return false;
  const bare = (value: unknown) => isObject(value) && Object.keys(value).length === 0;
  return (json.schema === undefined || bare(json.schema)) && json.example === undefined;
}

// What labels a response's example on a hand-written page; an error's is not the response.
const LABEL =
  /<ResponseExample\b|<Accordion\b[^>]*\btitle=["'][^"']*\bresponse|^#{1,6}[ \t].*\bresponse/i;
const ERROR = /\berror|\b[45]\d\d\b/i;
const UNLABEL = /<\/ResponseExample>|<\/Accordion>|^#{1,6}[ \t]/;
const FENCE = /^[ \t]*(`{3,}|~{3,})[ \t]*(\S*)/;

/** The first JSON code block under a response label in lines[0..end): its value. */
function shownExample(lines: string[], end: number): unknown {
  let labelled = false;
  for (let i = 0; i < end; i++) {
    const line = lines[i] as string;
    const open = FENCE.exec(line);
    if (open === null) {
      if (LABEL.test(line)) labelled = !ERROR.test(line);
      else if (UNLABEL.test(line)) labelled = false;
      continue;
    }
    const marker = open[1] as string;
    let close = i + 1;
    while (close < end && !(lines[close] as string).trim().startsWith(marker)) close++;
    const lang = (open[2] as string).toLowerCase();
    if (labelled && (lang === "json" || lang === "jsonc" || lang === "")) {
      const parsed = parseJson(lines.slice(i + 1, close).join("\n"));
      if (parsed.ok && parsed.value !== null && typeof parsed.value === "object")
        return parsed.value;
    }
    i = close;
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
