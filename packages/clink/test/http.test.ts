import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createClinkClient } from "../src/index";

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}
let server: Server;
let baseUrl: string;
let seen: Seen[];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      res.setHeader("content-type", "application/json");
      const data =
        req.method === "POST"
          ? { sessionId: "sess_9", expireTime: "2026-11-21T10:00:00Z" }
          : { sessionId: "sess_9", amount: 12.5, currency: "USD" };
      res.end(JSON.stringify({ code: 200, msg: "success", data }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  seen = [];
});

describe("Clink client over HTTP", () => {
  it("sends the API key and a fresh millisecond timestamp, and the body as given", async () => {
    const clink = createClinkClient({ apiKey: "sk_test_http", baseUrl });
    const before = Date.now();
    const { data } = await clink.POST("/order/payment-session", {
      body: { customerEmail: "ada@example.com", amount: 12.5, currency: "USD" },
    });
    const request = seen[0] as Seen;
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
    expect(seen.map((s) => s.url)).toEqual([
      "/api/order/payment-session/a",
      "/api/order/payment-session/b",
    ]);
    expect(Number(seen[1]?.headers["x-timestamp"])).toBeGreaterThan(
      Number(seen[0]?.headers["x-timestamp"]),
    );
    expect(seen[0]?.headers["x-trace"]).toBe("t1");
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
