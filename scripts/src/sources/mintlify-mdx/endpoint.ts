import { endsWithTemplate } from "../model/server.ts";

/** The operation a page documents: method and path (or webhook event), with the URL if given. */
export interface Endpoint {
  method: string;
  path: string;
  url?: string | undefined;
  webhook: boolean;
  /** The path is an example's URL (`/payments/pay_123`), not a template the page wrote. */
  fromExample?: boolean | undefined;
  /** A webhook page's other events, sent with the same payload (`balance.low`, `balance.out`). */
  sameFor?: string[] | undefined;
}

const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"]);

/**
 * Reads `POST https://host/v1/things`, `post /v1/things`, `GET {{baseUrl}}/v1/x` (a host
 * placeholder before the path) or `WEBHOOK order.paid`; undefined when it is none of these.
 */
export function parseEndpoint(text: string): Endpoint | undefined {
  const [word = "", target, ...rest] = text.trim().split(/\s+/);
  if (target === undefined || rest.length > 0) return undefined;
  const method = word.toUpperCase();
  if (method === "WEBHOOK") return { method: "POST", path: target, webhook: true };
  if (!METHODS.has(method)) return undefined;
  const path = pathOf(target);
  if (path === undefined) return undefined;
  return { method, path, url: /^https?:\/\//i.test(target) ? target : undefined, webhook: false };
}

/**
 * `https://api.x.com/v1//v1/things`: a base URL joined to a path that already held it (an empty
 * segment marks the join). The URL as it was meant: the path after the join when it repeats the
 * base, else the two with one slash between.
 */
export function foldJoinedBase(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(\/[^?#]*)(.*)$/i.exec(url);
  if (match === null) return url;
  const path = match[2] as string;
  const join = path.indexOf("//");
  if (join < 0) return url;
  const base = path.slice(0, join);
  const rest = path.slice(join + 1);
  // The base again after the join (`/v2//v2/x`), or its first segment (`/api/v1/submit//api/v1/
  // query/x`, a base with a path before a whole path): the path already held it. Any other `//`
  // (`/v1//payments`) is one slash too many.
  const first = /^\/[^/]+/.exec(base)?.[0];
  const whole = first !== undefined && base.includes("/", 1) && rest.startsWith(`${first}/`);
  const folded =
    base !== "" && (rest === base || rest.startsWith(`${base}/`) || whole) ? rest : base + rest;
  return `${match[1]}${folded.replace(/\/{2,}/g, "/")}${match[3]}`;
}

/**
 * The path of a URL or path: query and fragment dropped, `:id` segments and Postman's
 * `{{id}}` variables written `{id}`.
 */
export function pathOf(target: string): string | undefined {
  let rest = foldJoinedBase(target).split(/[?#]/)[0] as string;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(rest);
  if (scheme !== null) {
    const slash = rest.indexOf("/", scheme[0].length);
    rest = slash < 0 ? "/" : rest.slice(slash);
  } else if (!rest.startsWith("/")) {
    const slash = rest.indexOf("/");
    // `{{baseUrl}}/v1/x`, `<host>/v1/x`: a placeholder for the server, then the path.
    if (slash <= 0 || !/[{<$]/.test(rest.slice(0, slash))) return undefined;
    rest = rest.slice(slash);
  }
  const path = rest
    .split("/")
    .map((segment) => (/^:[A-Za-z_][\w-]*$/.test(segment) ? `{${segment.slice(1)}}` : segment))
    .join("/")
    .replace(/\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/g, "{$1}");
  return path === "" ? "/" : path;
}

/** What an `openapi:` frontmatter value points to: the spec file (if named) and the operation. */
export function describeOpenapiPointer(text: string): string {
  const words = text.trim().split(/\s+/);
  const last = words.length >= 2 ? words.slice(-2) : words;
  const spec = words.length > 2 ? words.slice(0, -2).join(" ") : undefined;
  const operation = `${(last[0] ?? "").toUpperCase()} ${last[1] ?? ""}`.trim();
  return spec === undefined
    ? `the operation ${operation} of the site's OpenAPI spec`
    : `the operation ${operation} of the spec ${spec}`;
}

export { endsWithTemplate };
