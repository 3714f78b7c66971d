import { named } from "./named";
import { redact } from "./redact";

/** Base class of every error payclients throws. */
export class PayclientsError extends Error {
  /** A JSON form of the error: name, message and its (already redacted) fields, no stack. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, ...(this as object), message: this.message };
  }
}

/** What an ApiError carries besides its message. */
export interface ApiErrorInit {
  /** HTTP status (or the provider's status-like code when it signals errors under HTTP 200). */
  status: number;
  /** The provider's own error code, when the body carries one. */
  code?: unknown;
  /** The provider's request id (x-request-id / request-id), for support tickets. */
  requestId?: string | undefined;
  /** Response headers, credentials redacted. */
  headers: Record<string, string>;
  /** Parsed response body (JSON, else text), credential-named fields redacted. */
  body?: unknown;
}

/** An error response from the API: HTTP status, provider code and message, request id, body. */
export class ApiError extends PayclientsError {
  declare status: number;
  declare code?: unknown;
  declare requestId?: string | undefined;
  declare headers: Record<string, string>;
  declare body: unknown;

  constructor(message: string, init: ApiErrorInit) {
    super(message);
    Object.assign(this, init);
  }
}

PayclientsError.prototype.name = "PayclientsError";
ApiError.prototype.name = "ApiError";

/** HTTP 400. */
export const BadRequestError = /* @__PURE__ */ named("BadRequestError", ApiError);
export type BadRequestError = ApiError;
/** HTTP 401. */
export const AuthenticationError = /* @__PURE__ */ named("AuthenticationError", ApiError);
export type AuthenticationError = ApiError;
/** HTTP 403. */
export const PermissionDeniedError = /* @__PURE__ */ named("PermissionDeniedError", ApiError);
export type PermissionDeniedError = ApiError;
/** HTTP 404. */
export const NotFoundError = /* @__PURE__ */ named("NotFoundError", ApiError);
export type NotFoundError = ApiError;
/** HTTP 409. */
export const ConflictError = /* @__PURE__ */ named("ConflictError", ApiError);
export type ConflictError = ApiError;
/** HTTP 422. */
export const UnprocessableEntityError = /* @__PURE__ */ named("UnprocessableEntityError", ApiError);
export type UnprocessableEntityError = ApiError;
/** HTTP 429. */
export const RateLimitError = /* @__PURE__ */ named("RateLimitError", ApiError);
export type RateLimitError = ApiError;
/** HTTP 500 and above. */
export const InternalServerError = /* @__PURE__ */ named("InternalServerError", ApiError);
export type InternalServerError = ApiError;
/** No response: the connection was refused, reset or failed otherwise (after any retries). */
export const ConnectionError = /* @__PURE__ */ named("ConnectionError", PayclientsError);
export type ConnectionError = PayclientsError;
/** An attempt took longer than `timeoutMs` (after any retries). */
export const TimeoutError = /* @__PURE__ */ named("TimeoutError", PayclientsError);
export type TimeoutError = PayclientsError;

const BY_STATUS: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** What createApiError reads; `status`, `code` and `message` override what the reply says. */
export interface CreateApiErrorInput {
  response: Response;
  body?: unknown;
  status?: number;
  code?: unknown;
  message?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: error bodies have no schema worth typing here
type Loose = any;

/** The ApiError subclass for a status, with code, message and request id read from the reply. */
export function createApiError(input: CreateApiErrorInput): ApiError {
  const { response, body, status = response.status } = input;
  const h = response.headers;
  const b: Loose = body || {};
  // `{ error: { code, message } }`, else `{ code, message }` or Clink's `{ code, msg }`.
  const e: Loose = b.error instanceof Object ? b.error : b;
  const text = e.message ?? e.msg ?? b.error ?? body;
  return new (status > 499 ? InternalServerError : (BY_STATUS[status] ?? ApiError))(
    input.message ??
      (typeof text === "string" && text
        ? text.slice(0, 500)
        : response.statusText || `HTTP ${status}`),
    {
      status,
      code: input.code ?? e.code,
      requestId: h.get("x-request-id") ?? h.get("request-id") ?? undefined,
      headers: redact(h) as Record<string, string>,
      body: redact(body),
    },
  );
}

/** The data type of a successful openapi-fetch result. */
export type DataOf<R> = R extends { data: infer D; error?: never } ? D : never;

/** openapi-fetch's `{ data, error, response }`: returns `data`, or throws the ApiError subclass. */
export function unwrap<R extends { data?: unknown; error?: unknown; response: Response }>(
  result: R,
): DataOf<R> {
  if (!result.response.ok) throw createApiError({ response: result.response, body: result.error });
  return result.data as DataOf<R>;
}
