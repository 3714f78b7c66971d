import { type PrismServer, startPrism } from "@payclients/scripts/testing/prism";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelnessClient } from "../src/index";

// Prism mocks the spec recovered from the rendered docs and validates each request against it.
let prism: PrismServer;
beforeAll(async () => {
  prism = await startPrism("specs/telness/openapi.yaml");
});
afterAll(() => prism?.stop());

describe("Telness client against the spec (Prism)", () => {
  it("gets a payment session with no violations", async () => {
    const telness = createTelnessClient({ apiKey: "tk_contract", baseUrl: prism.baseUrl });
    const { data, response } = await telness.GET("/payment-sessions/{paymentSessionId}", {
      params: { path: { paymentSessionId: "d2e3f4a5-b6c7-8901-2345-012345678901" } },
    });
    expect(response.status).toBe(200);
    expect(["PENDING", "REQUIRES_ACTION", "COMPLETED", "FAILED"]).toContain(data?.status);
    expect(typeof data?.provider).toBe("object");
    expect(prism.violations()).toEqual([]);
  });

  it("is answered 401 without the X-Api-Key header", async () => {
    const response = await fetch(`${prism.baseUrl}/payment-sessions/abc`);
    expect(response.status).toBe(401);
  });
});
