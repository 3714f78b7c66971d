import type { paths } from "./generated/openapi";

export {
  ApiError,
  type AttemptLog,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  type Logger,
  NotFoundError,
  PayclientsError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
  unwrap,
} from "@payclients/core";
export * from "./client";
export { environments } from "./generated/metadata";
export type { components, operations, paths } from "./generated/openapi";

/** A payment session, as `GET /v1/payment_sessions/{id}` returns it. */
export type PaymentSession =
  paths["/v1/payment_sessions/{id}"]["get"]["responses"][200]["content"]["application/json"];
/** The status of a payment session. */
export type PaymentSessionStatus = PaymentSession["status"];
