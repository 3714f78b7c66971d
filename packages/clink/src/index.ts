import type { components } from "./generated/openapi";

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
} from "@payclients/core";
export * from "./client";
export * from "./envelope";
export { environments } from "./generated/metadata";
export type { components, operations, paths } from "./generated/openapi";

type Schemas = components["schemas"];
/** An agent payment session, as `GET /order/payment-session/{sessionId}` returns it. */
export type AgentPaymentSession = Schemas["AgentChargeSessionVo"];
/** The body of `POST /order/payment-session`. */
export type CreateAgentPaymentSessionBody = Schemas["AgentChargeSessionBo"];
/** What `POST /order/payment-session` returns inside the envelope. */
export type CreatedAgentPaymentSession = Schemas["AgentChargeSessionCreateVo"];
/** Clink's response envelope `{ code, msg, data }`; `code` mirrors the HTTP status. */
export type ClinkEnvelope<T> = { code: number; msg: string; data?: T };
