/** Names (headers, query parameters, body fields) whose values are credentials. */
const SENSITIVE = /auth|key|secret|token|signature|password|cookie/i;

/** The placeholder stored wherever a credential was. */
export const REDACTED = "REDACTED";

/** A plain copy of headers with every credential-bearing value replaced. */
export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = SENSITIVE.test(name) ? REDACTED : value;
  });
  return out;
}

/** A copy of a parsed JSON value with credential-named fields replaced, at any depth. */
export function redactValue(value: unknown): unknown {
  if (!value || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(redactValue);
  const out: Record<string, unknown> = {};
  for (const k in value) {
    out[k] = SENSITIVE.test(k) ? REDACTED : redactValue((value as Record<string, unknown>)[k]);
  }
  return out;
}

/** The URL without user info and with credential-named query values replaced. */
export function redactUrl(url: string): string {
  const u = new URL(url);
  u.username = u.password = "";
  for (const k of [...u.searchParams.keys()])
    if (SENSITIVE.test(k)) u.searchParams.set(k, REDACTED);
  return u.href;
}
