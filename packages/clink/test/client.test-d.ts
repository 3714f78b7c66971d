import { describe, expectTypeOf, it } from "vitest";
import { type AgentPaymentSession, type ClinkClient, createClinkClient } from "../src/index";

const clink: ClinkClient = createClinkClient({ apiKey: "sk_test_x" });

describe("createClinkClient types", () => {
  it("types both operations from the spec", async () => {
    const created = await clink.POST("/order/payment-session", {
      body: { customerEmail: "ada@example.com", amount: 12.5, currency: "USD" },
    });
    expectTypeOf(created.data?.data?.sessionId).toEqualTypeOf<string | undefined>();
    expectTypeOf(created.data?.code).toEqualTypeOf<number | undefined>();

    const got = await clink.GET("/order/payment-session/{sessionId}", {
      params: { path: { sessionId: "s_1" } },
    });
    expectTypeOf(got.data?.data).toEqualTypeOf<AgentPaymentSession | undefined>();
    expectTypeOf<AgentPaymentSession["amount"]>().toEqualTypeOf<number | undefined>();
  });

  it("rejects wrong paths, missing required fields and wrong field types", () => {
    // @ts-expect-error: no such path in the Clink spec
    void clink.GET("/order/payment-sessions/{sessionId}", { params: { path: { sessionId: "s" } } });
    void clink.POST("/order/payment-session", {
      // @ts-expect-error: `currency` is required
      body: { customerEmail: "ada@example.com", amount: 12.5 },
    });
    void clink.POST("/order/payment-session", {
      // @ts-expect-error: `amount` is a number, not a string
      body: { customerEmail: "ada@example.com", amount: "12.5", currency: "USD" },
    });
    // @ts-expect-error: the path parameter is required
    void clink.GET("/order/payment-session/{sessionId}", {});
  });

  it("requires an API key and accepts only documented environments", () => {
    // @ts-expect-error: apiKey is required
    createClinkClient({});
    // @ts-expect-error: no production host is published: production needs a baseUrl
    createClinkClient({ apiKey: "k", environment: "production" });
    createClinkClient({ apiKey: "k", baseUrl: "https://api.clinkbill.example" });
  });
});

describe("unwrap types", () => {
  it("returns the envelope's data type", async () => {
    const { unwrap } = await import("../src/index");
    const got = unwrap(
      await clink.GET("/order/payment-session/{sessionId}", {
        params: { path: { sessionId: "s" } },
      }),
    );
    expectTypeOf(got).toEqualTypeOf<AgentPaymentSession>();
  });
});
