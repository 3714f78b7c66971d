// How a hand-written page names its operation outside the frontmatter: a heading or code line
// `METHOD /path`, bold method and code path, list items (`- **Method:** GET`, `- **URL:** /x`),
// or an API doc generator's labels on lines of their own (`**API Address**:`, 接口地址).
import { inlineMarkdown, plainText } from "./prose.ts";
import { lineOf, type MdNode, type Tree } from "./tree.ts";

export const METHOD_LINE = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\S+$/i;
// Upper case and a path: "Get balance" is a title, "GET /balance" an operation; a title may follow
// (`### GET /users/{id} - Get a user`).
// `GET - /domains/{domain}/lock`: a dash or colon between them is still the operation.
const METHOD_HEADING =
  /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s*(?:[-\u2013\u2014:]\s+)?((?:https?:\/\/|\/|\{)\S*)(?:\s+[-\u2013\u2014:|].*)?$/;
// `- **Method:** `GET`` and `- **URL:** `/v1/things``: the operation as a hand-written list.
const METHOD_ITEM = /\b(?:HTTP )?method\s*:\s*(GET|POST|PUT|PATCH|DELETE)\b/i;
// `**API Address**:\`/v2/x\`` (and 接口地址) is how API doc generators (knife4j) name the path.
const URL_ITEM =
  /(?:\b(?:url|endpoint|path|route|address)|接口地址|请求地址)\s*[:：]\s*((?:https?:\/\/|\/)\S*)/i;
const METHOD_WORD =
  /(?:\b(?:HTTP |request )?method|请求方式|请求方法)\s*[:：]\s*(GET|POST|PUT|PATCH|DELETE)\b/i;

/** `METHOD /path` from a heading or a line of bold method and code path, if it is one. */
export function operationWords(text: string): string | undefined {
  const match = METHOD_HEADING.exec(text.trim());
  return match === null ? undefined : `${match[1]} ${match[2]}`;
}

/** A paragraph whose first line is `METHOD /path` and more lines follow: the words and the rest. */
export function leadingOperation(node: MdNode): [string, string] | undefined {
  const first = node.children?.[0];
  if (first?.type !== "text") return undefined;
  const value = first.value ?? "";
  const cut = value.indexOf("\n");
  if (cut < 0) return undefined;
  const words = operationWords(value.slice(0, cut));
  if (words === undefined || !METHOD_LINE.test(words)) return undefined;
  const rest = inlineMarkdown([
    { ...first, value: value.slice(cut + 1) },
    ...(node.children ?? []).slice(1),
  ]);
  return [words, rest.trim()];
}

/**
 * `**Request Method**:\`GET\``: a bold label and a code value, as API doc generators print the
 * operation's particulars; what the schema says, not description.
 */
export function labelledValue(node: MdNode): boolean {
  if (node.type !== "paragraph") return false;
  const parts = (node.children ?? []).filter(
    (c) => !(c.type === "text" && /^\s*[:：]?\s*$/.test(c.value ?? "")),
  );
  return parts.length === 2 && parts[0]?.type === "strong" && parts[1]?.type === "inlineCode";
}

export interface Endpoint {
  text: string;
  line: number;
  /** True when the block does nothing but name the operation (no description in it). */
  only: boolean;
}

/** A path and a method named on separate lines, each kept until the other is found. */
export interface Apart {
  url?: { url: string; line: number };
  method?: string;
}

/** The operation a paragraph or list names, alone or with what `apart` kept from earlier lines. */
export function endpointIn(node: MdNode, tree: Tree, apart: Apart): Endpoint | undefined {
  const line = lineOf(node, tree);
  const codes = (node.children ?? []).filter((c) => c.type === "inlineCode");
  const joined = codes.map((c) => c.value ?? "").join(" ");
  if (codes.length <= 2 && METHOD_LINE.test(joined)) {
    // `**Endpoint:** \`GET /x\``: a line that only names the operation describes nothing.
    const label = plainText(node.children).replace(joined, "").trim();
    return { text: joined, line, only: /^(?:[\p{L} ]{1,24}:)?$/u.test(label) };
  }
  // `Send a POST request to the \`/v1/refunds\` endpoint`: the operation in a sentence.
  const said = requestTo(node.children ?? []);
  if (said !== undefined) return { text: said, line, only: false };
  // Each list item on its own, or `- Method: GET` `- URL: /x` would read "GETURL".
  const items = node.type === "list" ? (node.children ?? []) : [node];
  const text = items.map((item) => plainText(item.children)).join("\n");
  const method = METHOD_ITEM.exec(text)?.[1];
  const url = URL_ITEM.exec(text)?.[1];
  // The list that names the operation is no part of its description.
  if (method !== undefined && url !== undefined)
    return { text: `${method.toUpperCase()} ${url}`, line, only: true };
  // The two on lines of their own (`**API Address**:` then `**Request Method**:`).
  if (url !== undefined) apart.url ??= { url, line };
  const word = METHOD_WORD.exec(text)?.[1];
  if (word !== undefined) apart.method ??= word.toUpperCase();
  if (apart.url === undefined || apart.method === undefined) return undefined;
  return { text: `${apart.method} ${apart.url.url}`, line: apart.url.line, only: false };
}

/**
 * `| **Method** | POST |` over `| Endpoint | \`https://…/v1/x\` |`: a two-column table of the
 * operation's particulars, whose header row may be one of them (`| **METHOD** | **GET** |`).
 */
export function endpointInTable(table: MdNode, tree: Tree): Endpoint | undefined {
  const rows = table.children ?? [];
  if (rows.length > 12 || rows.some((row) => (row.children ?? []).length !== 2)) return undefined;
  const text = rows
    .map((row) => (row.children ?? []).map((cell) => plainText(cell.children).trim()).join(": "))
    .join("\n");
  const method = METHOD_ITEM.exec(text)?.[1];
  const url = URL_ITEM.exec(text)?.[1];
  if (method === undefined || url === undefined) return undefined;
  return { text: `${method.toUpperCase()} ${url}`, line: lineOf(table, tree), only: true };
}

// The words before a path in code that make the sentence name the operation.
const REQUEST_TO = /\b(GET|POST|PUT|PATCH|DELETE) request (?:to|at)\b[^.`]{0,60}$/;

/** `a POST request to \`/path\``: the method the sentence says and the path in code after it. */
function requestTo(children: MdNode[]): string | undefined {
  for (const [k, child] of children.entries()) {
    if (child.type !== "inlineCode" || !/^\/\S*$/.test(child.value ?? "")) continue;
    const method = REQUEST_TO.exec(plainText(children.slice(0, k)))?.[1];
    if (method !== undefined) return `${method} ${child.value}`;
  }
  return undefined;
}
