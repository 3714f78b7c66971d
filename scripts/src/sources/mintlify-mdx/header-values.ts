import { type Field, newField } from "../model/field.ts";

// What HTTP itself sends or the media types say: no parameter of the operation.
export const PROTOCOL =
  /^(?:host|content-type|content-length|accept|accept-encoding|accept-language|user-agent|connection|cache-control|origin|referer|cookie)$/i;
// Headers that carry a credential: `Authorization`, `X-API-Key`, `PublicKey`, `X-Auth-Token`,
// `Api-Secret`, `X-Passphrase`. An idempotency key is a key of another kind.
export const CREDENTIAL =
  /^(?![\w-]*idempotency)(?:authorization|[\w-]*key|[\w-]*(?:token|secret|auth|passphrase|password|credential)[\w-]*)$/i;
// `<your key>`, `{token}`, `YOUR_KEY`, `...`: a name standing in for the value.
const PLACEHOLDER = /^(?:<[^>]*>|\{[^}]*\}|\.\.\.|…|YOUR[_-]?\w*|\$\w+)$/i;
// `eu | us | apac`: the values it takes.
const OPTIONS = /^[\w.-]+(?:\s*\|\s*[\w.-]+)+$/;
// A value no spec should carry as an example: a credential's, or a signature's (an idempotency
// key is the caller's own reference).
const SECRET =
  /^(?![\w-]*idempotency)[\w-]*(?:key|token|secret|auth|pass|credential|sign|private|cookie|session)/i;

/** True for a header whose value may be a secret: never an example in the spec. */
export function carriesSecret(name: string): boolean {
  return SECRET.test(name);
}

/**
 * A header parameter a page shows with a value (`X-Region: eu | us`, `Idempotency-Key: o-1`):
 * the options it lists, else its value as the example, unless the value is a stand-in or the
 * header may carry a secret (its value never goes into the spec).
 */
export function headerField(name: string, value: string, line: number): Field {
  const field = newField(name, line);
  field.location = "header";
  field.schema = { type: "string" };
  const shown = value.trim();
  if (OPTIONS.test(shown)) field.options = { values: shown.split(/\s*\|\s*/), line };
  else if (shown !== "" && !PLACEHOLDER.test(shown) && !SECRET.test(name))
    field.example = { value: shown };
  return field;
}
