/** Names (headers, query parameters, body fields) whose values are credentials. */
const SENSITIVE = /auth|key|secret|token|signature|password|cookie/i;

/** The placeholder stored wherever a credential was. */
export const REDACTED = "REDACTED";

/**
 * A JSON copy of a value (headers as a plain object) with credential-named fields replaced at any
 * depth: JSON.stringify's replacer does the walk, so no walker of our own is shipped.
 */
export const redact = (value: unknown): unknown =>
  // (A primitive comes back as it was; undefined, which JSON cannot carry, is left alone.)
  value &&
  JSON.parse(
    JSON.stringify(value instanceof Headers ? Object.fromEntries(value) : value, (k, v) =>
      SENSITIVE.test(k) ? REDACTED : v,
    ),
  );

/** The URL without user info and with credential-named query values replaced. */
export const redactUrl = (url: string): string => {
  const u = new URL(url);
  u.username = u.password = "";
  for (const k of [...u.searchParams.keys()])
    if (SENSITIVE.test(k)) u.searchParams.set(k, REDACTED);
  return u.href;
};
