import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createApiClient,
  type DataOf,
  InternalServerError,
  NotFoundError,
  PayclientsError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  unwrap,
} from "../src/index";
import type { AnyPaths } from "./paths";
import { json, startServer } from "./server";

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer((s, res) => {
    const status = Number(s.url.slice(1, 4));
    if (s.url.endsWith("/text")) {
      res.writeHead(status, { "content-type": "text/plain", "x-request-id": "req_text" });
      return res.end("Unauthorized: bad key");
    }
    if (s.url.endsWith("/empty")) {
      res.writeHead(status);
      return res.end();
    }
    if (status === 200) return json(res, 200, { id: "ps_1", amount: 12.5 });
    json(
      res,
      status,
      { error: { code: `E${status}`, message: `failed with ${status}` } },
      { "request-id": `req_${status}` },
    );
  });
});
afterAll(() => server.close());

const api = () => createApiClient<AnyPaths>({ baseUrl: server.url, maxRetries: 0 });

describe("errors", () => {
  it("maps each status to its class, with code, message, request id and body", async () => {
    const cases = [
      [400, BadRequestError, "BadRequestError"],
      [401, AuthenticationError, "AuthenticationError"],
      [403, PermissionDeniedError, "PermissionDeniedError"],
      [404, NotFoundError, "NotFoundError"],
      [409, ConflictError, "ConflictError"],
      [422, UnprocessableEntityError, "UnprocessableEntityError"],
      [429, RateLimitError, "RateLimitError"],
      [500, InternalServerError, "InternalServerError"],
      [503, InternalServerError, "InternalServerError"],
      [418, ApiError, "ApiError"],
    ] as const;
    for (const [status, Class, name] of cases) {
      const err = await api()
        .GET(`/${status}`)
        .then(unwrap)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Class);
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toBeInstanceOf(PayclientsError);
      // Exactly this class: no other status class claims it.
      for (const [, Other] of cases) {
        if (Other !== Class && Other !== ApiError) expect(err).not.toBeInstanceOf(Other);
      }
      expect(err).toMatchObject({
        name,
        status,
        code: `E${status}`,
        message: `failed with ${status}`,
        requestId: `req_${status}`,
        body: { error: { code: `E${status}` } },
      });
      expect((err as ApiError).headers["content-type"]).toBe("application/json");
    }
  });

  it("turns text and empty error bodies into errors, never parse crashes", async () => {
    const text = await api()
      .GET("/401/text")
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(text).toBeInstanceOf(AuthenticationError);
    expect(text).toMatchObject({ message: "Unauthorized: bad key", requestId: "req_text" });
    expect((text as ApiError).body).toBe("Unauthorized: bad key");
    const empty = await api()
      .GET("/502/empty")
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(InternalServerError);
    expect(empty).toMatchObject({ status: 502, message: "Bad Gateway" });
  });

  it("unwrap returns the data of a success", async () => {
    expect(unwrap(await api().GET("/200"))).toEqual({ id: "ps_1", amount: 12.5 });
  });

  it("types unwrap's result as the success branch of openapi-fetch's result", () => {
    type Result =
      | { data: { id: string }; error?: never; response: Response }
      | { data?: never; error: { message: string }; response: Response };
    expectTypeOf<DataOf<Result>>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<ReturnType<typeof unwrap<Result>>>().toEqualTypeOf<{ id: string }>();
  });
});
