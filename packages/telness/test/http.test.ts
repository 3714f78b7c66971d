import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTelnessClient } from "../src/index";

let server: Server;
let baseUrl: string;
let seen: { url: string; headers: IncomingHttpHeaders }[];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? "", headers: req.headers });
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ paymentSessionId: "ps_1", status: "COMPLETED" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/connect`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  seen = [];
});

describe("Telness client over HTTP", () => {
  it("sends the key in X-Api-Key to the given baseUrl", async () => {
    const telness = createTelnessClient({ apiKey: "tk_test_telness", baseUrl });
    const { data } = await telness.GET("/payment-sessions/{paymentSessionId}", {
      params: { path: { paymentSessionId: "ps_1" } },
    });
    expect(seen[0]?.url).toBe("/connect/payment-sessions/ps_1");
    expect(seen[0]?.headers["x-api-key"]).toBe("tk_test_telness");
    expect(seen[0]?.headers.authorization).toBeUndefined();
    expect(data?.status).toBe("COMPLETED");
  });
});
