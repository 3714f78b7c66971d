import type { components, paths } from "./generated/openapi";

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
export type { components, operations, paths } from "./generated/openapi";

/** A payment session, as `GET /payment-sessions/{paymentSessionId}` returns it. */
export type PaymentSession =
  paths["/payment-sessions/{paymentSessionId}"]["get"]["responses"][200]["content"]["application/json"];
/** Where a payment session is in its lifecycle. */
export type PaymentSessionStatus = PaymentSession["status"];
/** Stripe payment intent details of a payment session (`provider`). */
export type StripePaymentIntentConfiguration =
  components["schemas"]["StripePaymentIntentConfiguration"];
