import { type PrismServer, startPrism } from "@payclients/scripts/testing/prism";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createYorletClient } from "../src/index";

// Prism mocks the spec recovered from the rendered docs and validates each request against it.
let prism: PrismServer;
beforeAll(async () => {
  prism = await startPrism("specs/yorlet/openapi.yaml");
});
afterAll(() => prism?.stop());

describe("Yorlet client against the spec (Prism)", () => {
  it("retrieves a payment session with no violations, with and without an account", async () => {
    for (const account of [undefined, "acct_123"]) {
      const yorlet = createYorletClient({ apiKey: "sk_contract", baseUrl: prism.baseUrl, account });
      const { data, response } = await yorlet.GET("/v1/payment_sessions/{id}", {
        params: { path: { id: "ps_1" } },
      });
      expect(response.status).toBe(200);
      expect(data?.object).toBe("payment_session");
    }
    expect(prism.violations()).toEqual([]);
  });

  it("is answered 401 without the bearer token", async () => {
    const response = await fetch(`${prism.baseUrl}/v1/payment_sessions/ps_1`);
    expect(response.status).toBe(401);
  });
});
