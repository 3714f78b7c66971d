import type { Middleware } from "openapi-fetch";
import { PayclientsError } from "./errors";

/**
 * Per-operation facts generated from the spec, keyed by `"<METHOD> <schemaPath>"`
 * (e.g. `"POST /payment-sessions"`).
 */
export type OperationMetadata = Record<
  string,
  { idempotencyHeader?: string; idempotencyKeyMaxLength?: number }
>;

/**
 * Middleware that gives each logical request of an operation declaring an idempotency header a
 * key (`crypto.randomUUID()`) unless the caller set one, and checks a caller's key length. It runs
 * once per call, above the retrying fetch, so every attempt carries the same key.
 */
export const idempotency = (operations: OperationMetadata): Middleware => ({
  onRequest({ request, schemaPath }) {
    const { idempotencyHeader: header, idempotencyKeyMaxLength: max = 1e9 } =
      operations[`${request.method} ${schemaPath}`] ?? {};
    if (!header) return;
    const key = request.headers.get(header);
    if (!key) request.headers.set(header, crypto.randomUUID());
    else if (key.length > max) throw new PayclientsError(`${header} is over ${max} characters`);
  },
});
