import type { Field } from "../model/field.ts";
import type { AuthHeader } from "./auth.ts";
import { CREDENTIAL, headerField, PROTOCOL } from "./header-values.ts";

/** What an ```http block written as the request says: operation, auth, other headers. */
export interface RequestBlock {
  /** `POST https://api.x.com/v2/things` (the host from its `Host:` line), or a bare path. */
  endpoint: string;
  /** `Authorization: Bearer <token>`, else an API key header: how every request authenticates. */
  auth: AuthHeader[];
  /** The other headers it sends (`X-Region: eu | us`): the operation's header parameters. */
  headers: Field[];
}

// The request line of an HTTP message, then header lines only.
const REQUEST_LINE =
  /^((?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\S+)(?:\s+HTTP\/[\d.]+)?\s*(?:\n[\w-]+\s*:[^\n]*)*(?:\n\s*(?:\n[\s\S]*)?)?$/i;
const HEADER_LINE = /^([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$/;

/**
 * The request an ```http block shows (`POST /v2/receipts HTTP/1.1`, then header lines); undefined
 * for any other block. `line` is the block's first line in the file.
 */
export function readRequestBlock(text: string, line: number): RequestBlock | undefined {
  const request = REQUEST_LINE.exec(text);
  if (request === null) return undefined;
  const [method, path] = (request[1] as string).split(/\s+/) as [string, string];
  const lines = text.split("\n");
  const pairs = lines.flatMap((raw, i) => {
    const match = i === 0 ? null : HEADER_LINE.exec(raw);
    return match === null
      ? []
      : [{ name: match[1] as string, value: match[2] as string, line: line + i }];
  });
  const host = pairs.find((p) => /^host$/i.test(p.name))?.value;
  const endpoint =
    host !== undefined && /^[\w.-]+(?::\d+)?$/.test(host) && path.startsWith("/")
      ? `${method} https://${host}${path}`
      : `${method} ${path}`;
  const authorization = pairs.filter((p) => /^authorization$/i.test(p.name));
  const keyed =
    authorization.length > 0 ? [] : pairs.filter((p) => CREDENTIAL.test(p.name)).slice(0, 1);
  const auth = [...authorization, ...keyed];
  const headers = pairs
    .filter((p) => !PROTOCOL.test(p.name) && !auth.includes(p))
    .map(({ name, value, line: at }) => headerField(name, value, at));
  return {
    endpoint,
    auth: auth.map((p) => ({ name: p.name, value: p.value, description: "", line: p.line })),
    headers,
  };
}
