/**
 * The server URL from the curl example: the URL minus the operation path. Documentation placeholder
 * hosts (example.com, *.example, *.test, localhost, `<host>`, `your-domain`...) give no server.
 */
export function serverFrom(url: string | undefined, path: string): string | undefined {
  if (url === undefined) return undefined;
  const bare = url.split(/[?#]/)[0] as string;
  const match = /^(https?:\/\/)([^/]*)/i.exec(bare);
  if (match === null) return undefined;
  const authority = match[2] as string;
  const host = (authority.split("@").at(-1) as string).replace(/:\d*$/, "").toLowerCase();
  if (host === "" || isPlaceholderHost(host)) return undefined;
  // `/api/payments/pay_1` for `/payments/{id}`: the server is what precedes the path's match.
  const suffix = templateSuffix(path).exec(bare);
  const base = suffix !== null ? bare.slice(0, suffix.index) : match[0];
  const trimmed = base.replace(/\/+$/, "");
  return trimmed.length > (match[1] as string).length ? trimmed : undefined;
}

/**
 * `https://chain-{chain_id}.api.x.com/v1/run` where the page documents `chain_id` as a path
 * parameter: a server whose host holds a variable (OpenAPI server variables), the URL minus the
 * operation path; undefined unless every `{…}` in the host is one of `names`.
 */
export function templatedServer(
  url: string | undefined,
  path: string,
  names: readonly string[],
): string | undefined {
  // Postman's `{{host}}` is the same variable as OpenAPI's `{host}`.
  const bare = (url ?? "").split(/[?#]/)[0]?.replace(/\{\{\s*([\w-]+)\s*\}\}/g, "{$1}") as string;
  const match = /^(https?:\/\/)([^/]*)/i.exec(bare);
  if (match === null) return undefined;
  const held = [...(match[2] as string).matchAll(/\{([^{}]+)\}/g)].map((m) => m[1] as string);
  if (held.length === 0 || !held.every((name) => names.includes(name))) return undefined;
  const suffix = templateSuffix(path).exec(bare);
  const base = suffix !== null ? bare.slice(0, suffix.index) : match[0];
  return base.replace(/\/+$/, "");
}

/** A pattern for `template` at the end of a URL, each `{name}` standing for one segment. */
function templateSuffix(template: string): RegExp {
  // `/sources/` as written, `/v1/sources` as called: a trailing slash is no difference.
  const pattern = template
    .replace(/(?<=.)\/$/, "")
    .split(/(\{[^}/]*\})/)
    .map((part, i) => (i % 2 === 1 ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`${pattern}/?$`);
}

/** True when `path` ends with `template`, each `{name}` standing for one segment. */
export function endsWithTemplate(path: string, template: string): boolean {
  return templateSuffix(template).test(path);
}

const RESERVED_TLDS = new Set(["example", "test", "invalid", "localhost", "local"]);

function isPlaceholderHost(host: string): boolean {
  if (/[<>{}[\]\s]/.test(host) || host.includes("placeholder")) return true;
  if (host === "localhost" || host.startsWith("your")) return true;
  const labels = host.split(".");
  if (RESERVED_TLDS.has(labels.at(-1) as string)) return true;
  const domain = labels.slice(-2).join(".");
  return domain === "example.com" || domain === "example.org" || domain === "example.net";
}
