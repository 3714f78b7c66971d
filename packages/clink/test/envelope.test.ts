import {
  ApiError,
  AuthenticationError,
  InternalServerError,
  UnprocessableEntityError,
} from "@payclients/core";
import { type Loopback, startLoopback } from "@payclients/scripts/testing/loopback";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { createClinkClient } from "../src/client";
import { unwrap } from "../src/envelope";
import type { components } from "../src/generated/openapi";

// Each path of the session id picks a reply: [HTTP status, content type, body].
const replies: Record<string, [number, string, string]> = {
  ok: [200, "json", JSON.stringify({ code: 200, msg: "success", data: { sessionId: "s_ok" } })],
  "code-401": [200, "json", JSON.stringify({ code: 401, msg: "invalid api key" })],
  "code-10001": [200, "json", JSON.stringify({ code: 10001, msg: "session expired" })],
  "http-401": [401, "text", "Unauthorized"],
  "http-422": [422, "json", JSON.stringify({ code: 422, msg: "amount must be positive" })],
  "http-500": [500, "json", JSON.stringify({ code: 500, msg: "internal error" })],
};

let server: Loopback;
let baseUrl: string;
beforeAll(async () => {
  server = await startLoopback(({ url }) => {
    const [status, type, body] = replies[url.split("/").pop() ?? ""] ?? [404, "text", ""];
    return type === "json" ? { status, json: JSON.parse(body) } : { status, text: body };
  });
  baseUrl = `${server.url}/api`;
});
afterAll(() => server.close());

const get = (sessionId: string) =>
  createClinkClient({ apiKey: "sk_test_env", baseUrl, maxRetries: 0 }).GET(
    "/order/payment-session/{sessionId}",
    { params: { path: { sessionId } } },
  );

const failure = (sessionId: string) =>
  get(sessionId)
    .then(unwrap)
    .then(
      () => expect.unreachable(),
      (e: unknown) => e as ApiError,
    );

describe("Clink envelope unwrap", () => {
  it("returns the envelope's data, typed", async () => {
    const session = unwrap(await get("ok"));
    expectTypeOf(session).toEqualTypeOf<components["schemas"]["AgentChargeSessionVo"]>();
    expect(session).toEqual({ sessionId: "s_ok" });
  });

  it("throws for an error code under HTTP 200, class chosen by the code", async () => {
    const err = await failure("code-401");
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err).toMatchObject({ status: 401, code: 401, message: "invalid api key" });
  });

  it("throws a plain ApiError for a code that is not an HTTP status", async () => {
    const err = await failure("code-10001");
    expect(err.constructor).toBe(ApiError);
    expect(err).toMatchObject({ status: 200, code: 10001, message: "session expired" });
  });

  it("uses core's mapping for HTTP errors, text bodies included", async () => {
    const text = await failure("http-401");
    expect(text).toBeInstanceOf(AuthenticationError);
    expect(text).toMatchObject({ status: 401, message: "Unauthorized", body: "Unauthorized" });
    const invalid = await failure("http-422");
    expect(invalid).toBeInstanceOf(UnprocessableEntityError);
    expect(invalid).toMatchObject({ code: 422, message: "amount must be positive" });
    const server = await failure("http-500");
    expect(server).toBeInstanceOf(InternalServerError);
    expect(server).toMatchObject({ status: 500, code: 500, message: "internal error" });
  });
});
