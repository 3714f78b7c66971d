// What a plain JSON block on a hand-written page says about the response: under a response
// heading it is the response's example, and, elided or not, its shape.
import { PART_WORDS } from "./nesting.ts";
import { RESPONSE_SECTION } from "./tables.ts";

/**
 * True under a response heading (`## Response`, or `### Success (200)` under it), not an error
 * response's, whose heading names what the response is not.
 */
export function isResponseHeading(section: string | undefined, outer: string | undefined): boolean {
  // `### Body` (`Cuerpo`, `Corpo`) under `## Response`: the body of what the outer one names.
  const bodyOnly = /^(?:body|cuerpo|corpo|corps|请求体|正文)$/i.test((section ?? "").trim());
  const heading = PART_WORDS.test(section ?? "") && !bodyOnly ? section : outer;
  return (
    RESPONSE_SECTION.test(heading ?? "") && !/\berrors?\b|错误|エラー/i.test(`${section} ${outer}`)
  );
}
