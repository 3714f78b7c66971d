/** What a section of a reference page documents. */
export type SectionKind = "auth" | "path" | "query" | "header" | "cookie" | "body" | "response";

/**
 * The titles Mintlify gives the sections of an API reference page (h4 in the served HTML, a line
 * of its own in a copy), with the spellings older versions used. Every form reads the same ones.
 */
export const SECTION_HEADINGS: Readonly<Record<string, SectionKind>> = {
  Authorizations: "auth",
  "Path Parameters": "path",
  "Path Params": "path",
  "Query Parameters": "query",
  "Query Params": "query",
  Headers: "header",
  "Request Headers": "header",
  "Header Parameters": "header",
  "Header Params": "header",
  Cookies: "cookie",
  "Cookie Parameters": "cookie",
  "Cookie Params": "cookie",
  Body: "body",
  "Request Body": "body",
  "Body Parameters": "body",
  "Body Params": "body",
  Response: "response",
  Responses: "response",
  // A hand-written page's own titles for the response's fields.
  "Response Parameters": "response",
  "Response Fields": "response",
  "Response Body": "response",
};

const SECTION_TITLES = new Map(Object.keys(SECTION_HEADINGS).map((t) => [t.toLowerCase(), t]));

/**
 * A heading that names a section in another case (`## Request body` on a hand-written page) in
 * Mintlify's spelling. Only for a marked heading, or a title of two words or more: a bare line
 * `body` may be a field's name.
 */
export function sectionSpelling(content: string): string {
  return SECTION_TITLES.get(content.toLowerCase()) ?? content;
}
