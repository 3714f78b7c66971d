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
export function idempotency(operations: OperationMetadata): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      const op = operations[`${request.method} ${schemaPath}`];
      const header = op?.idempotencyHeader;
      if (!header) return;
      const key = request.headers.get(header);
      if (key === null) request.headers.set(header, crypto.randomUUID());
      else if (!key || key.length > (op.idempotencyKeyMaxLength ?? Infinity)) {
        throw new PayclientsError(
          `${header} must be 1 to ${op.idempotencyKeyMaxLength} characters, got ${key.length}`,
        );
      }
    },
  };
}
