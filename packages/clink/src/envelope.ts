import { createApiError, unwrap as unwrapResponse } from "@payclients/core";

/** The envelope's `data` type, from the type of an openapi-fetch result of a Clink call. */
export type EnvelopeData<R> = R extends { data: infer E; error?: never }
  ? E extends { data?: infer T }
    ? T
    : never
  : never;

/**
 * Returns the `data` inside Clink's `{ code, msg, data }` envelope. Throws the ApiError subclass
 * for an HTTP error, and also when the envelope's `code` is not 200 under HTTP 200: then `code`
 * and the message are the envelope's, and `status` is `code` when `code` is an HTTP error status.
 */
export function unwrap<R extends { data?: unknown; error?: unknown; response: Response }>(
  result: R,
): EnvelopeData<R> {
  const envelope = unwrapResponse(result) as { code?: unknown; msg?: unknown; data?: unknown };
  const code = envelope?.code;
  if (code !== undefined && Number(code) !== 200) {
    const n = Number(code);
    throw createApiError({
      response: result.response,
      body: envelope,
      status: n >= 400 && n < 600 ? n : result.response.status,
      code,
      message: typeof envelope.msg === "string" && envelope.msg ? envelope.msg : `code ${code}`,
    });
  }
  return envelope?.data as EnvelopeData<R>;
}
