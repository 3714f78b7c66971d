import {
  type Loopback,
  type SeenRequest,
  startLoopback,
} from "@payclients/scripts/testing/loopback";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createClinkClient } from "../src/index";

let server: Loopback;
let baseUrl: string;

beforeAll(async () => {
  server = await startLoopback(({ method }) => ({
    json: {
      code: 200,
      msg: "success",
      data:
        method === "POST"
          ? { sessionId: "sess_9", expireTime: "2026-11-21T10:00:00Z" }
          : { sessionId: "sess_9", amount: 12.5, currency: "USD" },
    },
  }));
  baseUrl = `${server.url}/api`;
});
afterAll(() => server.close());
beforeEach(() => {
  server.seen.length = 0;
});

describe("Clink client over HTTP", () => {
  it("sends the API key and a fresh millisecond timestamp, and the body as given", async () => {
    const clink = createClinkClient({ apiKey: "sk_test_http", baseUrl });
    const before = Date.now();
    const { data } = await clink.POST("/order/payment-session", {
      body: { customerEmail: "ada@example.com", amount: 12.5, currency: "USD" },
    });
    const request = server.seen[0] as SeenRequest;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/api/order/payment-session");
    expect(request.headers["x-api-key"]).toBe("sk_test_http");
    const timestamp = Number(request.headers["x-timestamp"]);
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(Date.now());
    expect(JSON.parse(request.body)).toEqual({
      customerEmail: "ada@example.com",
      amount: 12.5,
      currency: "USD",
    });
    expect(data?.data?.sessionId).toBe("sess_9");
  });

  it("computes the timestamp per request, and passes custom headers", async () => {
    const clink = createClinkClient({
      apiKey: "sk_test_http",
      baseUrl,
      headers: { "X-Trace": "t1" },
    });
    await clink.GET("/order/payment-session/{sessionId}", { params: { path: { sessionId: "a" } } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await clink.GET("/order/payment-session/{sessionId}", { params: { path: { sessionId: "b" } } });
    expect(server.seen.map((s) => s.url)).toEqual([
      "/api/order/payment-session/a",
      "/api/order/payment-session/b",
    ]);
    expect(Number(server.seen[1]?.headers["x-timestamp"])).toBeGreaterThan(
      Number(server.seen[0]?.headers["x-timestamp"]),
    );
    expect(server.seen[0]?.headers["x-trace"]).toBe("t1");
  });

  it("defaults to the sandbox (UAT) server", async () => {
    const requested: string[] = [];
    const clink = createClinkClient({
      apiKey: "sk_test_http",
      fetch: async (input: Request) => {
        requested.push(input.url);
        return new Response(JSON.stringify({ code: 200, msg: "ok", data: {} }), {
          headers: { "content-type": "application/json" },
        });
      },
    });
    await clink.GET("/order/payment-session/{sessionId}", { params: { path: { sessionId: "x" } } });
    expect(requested).toEqual(["https://uat-api.clinkbill.com/api/order/payment-session/x"]);
  });
});
