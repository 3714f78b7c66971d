/** Names (headers, query parameters, body fields) whose values are credentials. */
const SENSITIVE = /auth|key|secret|token|signature|password|cookie/i;

/** The placeholder stored wherever a credential was. */
export const REDACTED = "REDACTED";

/** Whether a header, parameter or field of this name holds a credential. */
export const isSensitive = (name: string): boolean => SENSITIVE.test(name);

/** A plain copy of headers with every credential-bearing value replaced. */
export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = isSensitive(name) ? REDACTED : value;
  });
  return out;
}

/** A copy of a parsed JSON value with credential-named fields replaced, at any depth. */
export function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (!value || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = isSensitive(k) ? REDACTED : redactValue(v);
  return out;
}

/** The URL without user info and with credential-named query values replaced. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = u.password = "";
    for (const k of new Set(u.searchParams.keys()))
      if (isSensitive(k)) u.searchParams.set(k, REDACTED);
    return u.href;
  } catch {
    return "";
  }
}
