import type { CurlExample } from "../mintlify-page/curl.ts";
import type { OperationModel } from "../model/operation.ts";
import { CREDENTIAL, headerField, PROTOCOL } from "./header-values.ts";

/**
 * A hand-written page often shows its headers only in the curl example (`-H "Authorization:
 * Bearer …"`, `-H "Idempotency-Key: …"`). What the page documents nowhere else is filled from
 * it: the credential header as the security entry when the page names none, the others as
 * optional header parameters (with the example's value, unless it may be a secret).
 */
export function addCurlHeaders(
  model: OperationModel,
  curl: { example: CurlExample; line: number } | undefined,
): void {
  if (curl === undefined) return;
  const known = new Set(
    [...model.parameters, ...model.security]
      .filter((f) => f.location === "header")
      .map((f) => f.name.toLowerCase()),
  );
  const secured = model.security.length > 0;
  for (const [name, value] of curl.example.headers) {
    const key = name.toLowerCase();
    if (PROTOCOL.test(name) || known.has(key) || !/^[A-Za-z][\w-]*$/.test(name)) continue;
    known.add(key);
    if (!CREDENTIAL.test(name)) {
      model.parameters.push(headerField(name, value, curl.line));
      continue;
    }
    if (secured) continue;
    // The security entry: its value says the scheme (`Bearer …`), and stays out of the spec.
    const field = headerField(name, "", curl.line);
    field.required = true;
    field.example = { value: value.trim() };
    model.security.push(field);
  }
}
