import { describe, expectTypeOf, it } from "vitest";
import { createTelnessClient, type PaymentSession, type PaymentSessionStatus } from "../src/index";

const telness = createTelnessClient({ apiKey: "key", baseUrl: "https://connect.telness.test" });

describe("createTelnessClient types", () => {
  it("types the payment session from the rendered docs", async () => {
    const { data } = await telness.GET("/payment-sessions/{paymentSessionId}", {
      params: { path: { paymentSessionId: "d2e3f4a5" } },
    });
    // openapi-fetch flattens intersections, so compare both ways rather than by identity.
    expectTypeOf(data).toExtend<PaymentSession | undefined>();
    expectTypeOf<PaymentSession>().toExtend<NonNullable<typeof data>>();
    expectTypeOf<PaymentSession["status"]>().toEqualTypeOf<PaymentSessionStatus>();
    expectTypeOf<PaymentSessionStatus>().toEqualTypeOf<
      "PENDING" | "REQUIRES_ACTION" | "COMPLETED" | "FAILED"
    >();
    expectTypeOf<PaymentSession["createdAt"]>().toEqualTypeOf<string>();
    expectTypeOf<PaymentSession["returnUrl"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<PaymentSession["provider"]["clientSecret"]>().toEqualTypeOf<string | undefined>();
  });

  it("rejects wrong paths and wrong parameter types", () => {
    // @ts-expect-error: no such path
    void telness.GET("/payment-session/{paymentSessionId}", {
      params: { path: { paymentSessionId: "x" } },
    });
    void telness.GET("/payment-sessions/{paymentSessionId}", {
      // @ts-expect-error: the path parameter is a string
      params: { path: { paymentSessionId: 1 } },
    });
  });

  it("requires a baseUrl: the docs only show a placeholder host", () => {
    // @ts-expect-error: baseUrl is required
    createTelnessClient({ apiKey: "key" });
    // @ts-expect-error: apiKey is required
    createTelnessClient({ baseUrl: "https://connect.telness.test" });
  });
});
