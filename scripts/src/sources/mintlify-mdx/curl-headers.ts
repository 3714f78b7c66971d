import type { CurlExample } from "../mintlify-page/curl.ts";
import { newField } from "../model/field.ts";
import type { OperationModel } from "../model/operation.ts";

// Headers every HTTP client sends or the media types already say: no parameter of the API.
const TRANSPORT =
  /^(?:content-type|accept|accept-encoding|accept-language|user-agent|content-length|host|connection|cache-control|origin|referer|cookie)$/i;
// Headers that carry a credential: `Authorization`, `X-API-Key`, `PublicKey`, `X-Auth-Token`,
// `Api-Secret`. `Idempotency-Key` names a key of another kind.
const CREDENTIAL =
  /^(?:authorization|(?!idempotency)[\w-]*key|[\w-]*(?:token|secret|auth)[\w-]*)$/i;

/**
 * A hand-written page often shows its headers only in the curl example (`-H "Authorization:
 * Bearer …"`, `-H "Idempotency-Key: …"`). What the page documents nowhere else is filled from
 * it: the credential header as the security entry when the page names none, the others as
 * optional header parameters with the example's value.
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
    if (TRANSPORT.test(name) || known.has(key) || !/^[A-Za-z][\w-]*$/.test(name)) continue;
    known.add(key);
    const field = newField(name, curl.line);
    field.location = "header";
    field.schema = { type: "string" };
    field.example = { value: value.trim() };
    if (!CREDENTIAL.test(name)) model.parameters.push(field);
    else if (!secured) {
      field.required = true;
      model.security.push(field);
    }
  }
}
