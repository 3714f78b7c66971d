import { redactHeaders, redactValue } from "./redact";

/** Base class of every error payclients throws. */
export class PayclientsError extends Error {
  override name = "PayclientsError";

  /** A JSON form of the error: its name, message and (already redacted) fields, no stack. */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), message: this.message };
  }

  // util.inspect would print own fields as they are; print the redacted JSON form instead.
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `${this.stack}\n${JSON.stringify(this.toJSON(), null, 2)}`;
  }
}

/** What an ApiError is built from. */
export interface ApiErrorInit {
  status: number;
  code?: unknown;
  requestId?: string | undefined;
  headers?: Record<string, string>;
  body?: unknown;
}

/** An error response from the API: HTTP status, provider code and message, request id, body. */
export class ApiError extends PayclientsError {
  override name = "ApiError";
  /** HTTP status of the response. */
  status: number;
  /** The provider's own error code, when the body carries one. */
  code?: unknown;
  /** The provider's request id (x-request-id and friends), for support tickets. */
  requestId?: string | undefined;
  /** Response headers, credentials redacted. */
  headers: Record<string, string>;
  /** Parsed response body (JSON, else text), credential-named fields redacted. */
  body: unknown;

  constructor(message: string, init: ApiErrorInit) {
    super(message);
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.headers = init.headers ?? {};
    this.body = init.body;
  }
}

/** HTTP 400. */
export class BadRequestError extends ApiError {
  override name = "BadRequestError";
}
/** HTTP 401. */
export class AuthenticationError extends ApiError {
  override name = "AuthenticationError";
}
/** HTTP 403. */
export class PermissionDeniedError extends ApiError {
  override name = "PermissionDeniedError";
}
/** HTTP 404. */
export class NotFoundError extends ApiError {
  override name = "NotFoundError";
}
/** HTTP 409. */
export class ConflictError extends ApiError {
  override name = "ConflictError";
}
/** HTTP 422. */
export class UnprocessableEntityError extends ApiError {
  override name = "UnprocessableEntityError";
}
/** HTTP 429. */
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
}
/** HTTP 500 and above. */
export class InternalServerError extends ApiError {
  override name = "InternalServerError";
}
/** The request never got a response: refused, reset or otherwise failed on the network. */
export class ConnectionError extends PayclientsError {
  override name = "ConnectionError";
}
/** An attempt took longer than `timeoutMs`. */
export class TimeoutError extends PayclientsError {
  override name = "TimeoutError";
}
/** A webhook's signature or timestamp did not verify. */
export class WebhookVerificationError extends PayclientsError {
  override name = "WebhookVerificationError";
}

const BY_STATUS: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** What createApiError reads; `status`, `code` and `message` override what the body says. */
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
  const { response, body } = input;
  const status = input.status ?? response.status;
  const b: Loose = body && typeof body === "object" ? body : {};
  const e: Loose = b.error && typeof b.error === "object" ? b.error : b;
  const h = response.headers;
  const message =
    input.message ??
    str(e.message ?? e.msg ?? b.error ?? body)?.slice(0, 500) ??
    (response.statusText || `HTTP ${status}`);
  const Class = status >= 500 ? InternalServerError : (BY_STATUS[status] ?? ApiError);
  return new Class(message, {
    status,
    code: input.code ?? e.code ?? e.type,
    requestId: str(h.get("x-request-id") ?? h.get("request-id") ?? h.get("x-correlation-id")),
    headers: redactHeaders(h),
    body: redactValue(body),
  });
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v ? v : undefined);

/** The data type of a successful openapi-fetch result. */
export type DataOf<R> = R extends { data: infer D; error?: never } ? D : never;

/** openapi-fetch's `{ data, error, response }`: returns `data`, or throws the ApiError subclass. */
export function unwrap<R extends { data?: unknown; error?: unknown; response: Response }>(
  result: R,
): DataOf<R> {
  if (!result.response.ok) throw createApiError({ response: result.response, body: result.error });
  return result.data as DataOf<R>;
}
