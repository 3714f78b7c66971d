import { type Loopback, startLoopback } from "@payclients/scripts/testing/loopback";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTelnessClient } from "../src/index";

let server: Loopback;
let baseUrl: string;

beforeAll(async () => {
  server = await startLoopback(() => ({ json: { paymentSessionId: "ps_1", status: "COMPLETED" } }));
  baseUrl = `${server.url}/connect`;
});
afterAll(() => server.close());
beforeEach(() => {
  server.seen.length = 0;
});

describe("Telness client over HTTP", () => {
  it("sends the key in X-Api-Key to the given baseUrl", async () => {
    const telness = createTelnessClient({ apiKey: "tk_test_telness", baseUrl });
    const { data } = await telness.GET("/payment-sessions/{paymentSessionId}", {
      params: { path: { paymentSessionId: "ps_1" } },
    });
    expect(server.seen[0]?.url).toBe("/connect/payment-sessions/ps_1");
    expect(server.seen[0]?.headers["x-api-key"]).toBe("tk_test_telness");
    expect(server.seen[0]?.headers.authorization).toBeUndefined();
    expect(data?.status).toBe("COMPLETED");
  });
});
