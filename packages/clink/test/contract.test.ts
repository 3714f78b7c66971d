import { type PrismServer, startPrism } from "@payclients/scripts/testing/prism";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClinkClient } from "../src/index";

// Prism mocks specs/clink/openapi.yaml and validates every request against it: a 2xx with no
// violation means client and spec agree. It answers 401 without auth and 422 for a bad body.
let prism: PrismServer;
beforeAll(async () => {
  prism = await startPrism("specs/clink/openapi.yaml");
});
afterAll(() => prism?.stop());

describe("Clink client against the spec (Prism)", () => {
  it("creates a payment session", async () => {
    const clink = createClinkClient({ apiKey: "sk_test_contract", baseUrl: prism.baseUrl });
    const { data, response } = await clink.POST("/order/payment-session", {
      body: { customerEmail: "ada@example.com", amount: 12.5, currency: "USD" },
    });
    expect(response.status).toBe(200);
    expect(data?.code).toBe(200);
    expect(typeof data?.data?.sessionId).toBe("string");
  });

  it("gets a payment session", async () => {
    const clink = createClinkClient({ apiKey: "sk_test_contract", baseUrl: prism.baseUrl });
    const { data, response } = await clink.GET("/order/payment-session/{sessionId}", {
      params: { path: { sessionId: "sess_1" } },
    });
    expect(response.status).toBe(200);
    expect(typeof data?.data?.amount).toBe("number");
    expect(prism.violations()).toEqual([]);
  });

  it("is answered 422 for a body the spec rejects", async () => {
    const clink = createClinkClient({ apiKey: "sk_test_contract", baseUrl: prism.baseUrl });
    const body = { customerEmail: "ada@example.com", amount: 12.5 } as never;
    const { response } = await clink.POST("/order/payment-session", { body });
    expect(response.status).toBe(422);
  });

  it("is answered 401 without the auth headers (so the client's headers are what Prism checks)", async () => {
    const response = await fetch(`${prism.baseUrl}/order/payment-session/sess_1`);
    expect(response.status).toBe(401);
  });
});
