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
  const envelope = unwrapResponse(result) as { code?: unknown; msg?: string; data?: unknown };
  const code = Number(envelope?.code ?? 200);
  if (code !== 200) {
    throw createApiError({
      response: result.response,
      body: envelope,
      // An HTTP error status; else undefined, and createApiError takes the response status.
      status: code > 399 && code < 600 ? code : undefined,
      code: envelope.code,
      message: envelope.msg || `code ${code}`,
    });
  }
  return envelope?.data as EnvelopeData<R>;
}
