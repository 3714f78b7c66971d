import { inferSchema, isPlainObject } from "../model/infer.ts";
import { parseJson } from "../model/json.ts";
import type { OpenAPIDocument } from "../types.ts";
import type { Fence } from "./fence.ts";

/**
 * A hand-kept spec whose success response says nothing of its body (`{}`, or no content), under
 * a page that shows the response by example above the spec (`<ResponseExample>`, an `Example
 * Response` accordion or heading): Mintlify renders that example as the response, so the
 * response's schema is what the example shows (inferred: types only, nothing required) and the
 * example is kept. One whose schema is bare beside the spec's own example is typed from that
 * example. A response the spec describes is left as it is, and a 204 has no body.
 */
export function fillShownResponse(doc: OpenAPIDocument, lines: string[], fence: Fence): void {
  const target = fence.target;
  if (target?.kind !== "operation") return;
  const responses = doc.paths?.[target.path]?.[target.method]?.responses;
  if (!isPlainObject(responses)) return;
  const code = Object.keys(responses)
    .filter((key) => /^2\d\d$/.test(key))
    .sort()[0];
  if (code === undefined || code === "204" || code === "205") return;
  const response = responses[code];
  if (!isPlainObject(response) || "$ref" in response) return;
  if (bareWithExample(response.content)) return;
  if (!saysNothing(response.content)) return;
  const shown = shownExample(lines, fence.line - 1);
  if (shown === undefined) return;
  response.content = { "application/json": { schema: inferSchema(shown), example: shown } };
}

/**
 * JSON content with no schema, or a bare one (`{}`, `type: object`), beside its own example
 * (`success: true`, `data: …`): Mintlify shows the example as the response, so its keys are the
 * response's fields (inferred, as an example's are). True when so filled.
 */
function bareWithExample(content: unknown): boolean {
  const json = isPlainObject(content) ? content["application/json"] : undefined;
  if (!isPlainObject(json) || !isPlainObject(json.example)) return false;
  const schema = json.schema ?? {};
  if (!isPlainObject(schema)) return false;
  const keys = Object.keys(schema);
  if (keys.length > 1 || (keys.length === 1 && schema.type !== "object")) return false;
  json.schema = inferSchema(json.example);
  return true;
}

/** No content, or JSON content whose schema is empty (`{}`) with no example. */
function saysNothing(content: unknown): boolean {
  if (content === undefined) return true;
  if (!isPlainObject(content)) return false;
  const json = content["application/json"];
  if (Object.keys(content).length !== 1 || !isPlainObject(json)) return false;
  const bare = (value: unknown) => isPlainObject(value) && Object.keys(value).length === 0;
  const shown = json.example !== undefined || json.examples !== undefined;
  return (json.schema === undefined || bare(json.schema)) && !shown;
}

// What labels a response's example on a hand-written page (not the page's own `#` title).
const LABEL =
  /<ResponseExample\b|<Accordion\b[^>]*\btitle=["'][^"']*\bresponse|^#{2,6}[ \t].*\bresponse/i;
const UNLABEL = /<\/ResponseExample>|<\/Accordion>|^#{1,6}[ \t]/;
// An error's example, a request's, or another status's is not the success response.
const OTHER =
  /\berror|\brequest\b|\b[13-5]\d\d\b|not found|unauthori[sz]ed|forbidden|conflict|rate.?limit|too many|payment required|unprocessable|\bgone\b|time(?:d )?out|unavailable|bad gateway/i;
const FENCE = /^[ \t]*(`{3,}|~{3,})[ \t]*(\S*)(.*)$/;

/** The first JSON code block under a response label in lines[0..end): its value. */
function shownExample(lines: string[], end: number): unknown {
  let labelled = false;
  for (let i = 0; i < end; i++) {
    const line = lines[i] as string;
    const open = FENCE.exec(line);
    if (open === null) {
      if (LABEL.test(line)) labelled = !OTHER.test(line);
      else if (UNLABEL.test(line)) labelled = false;
      continue;
    }
    // The block closes on a fence of its character, at least as long (as CommonMark has it).
    const marker = open[1] as string;
    const closing = new RegExp(`^[ \\t]*\\${marker[0]}{${marker.length},}[ \\t]*$`);
    let close = i + 1;
    while (close < end && !closing.test(lines[close] as string)) close++;
    const lang = (open[2] as string).toLowerCase();
    const json = lang === "json" || lang === "jsonc" || lang === "";
    if (labelled && json && !OTHER.test(open[3] as string)) {
      const parsed = parseJson(lines.slice(i + 1, close).join("\n"));
      if (parsed.ok && parsed.value !== null && typeof parsed.value === "object")
        return parsed.value;
    }
    i = close;
  }
  return undefined;
}
