import { describe, expectTypeOf, it } from "vitest";
import { createYorletClient, type PaymentSession } from "../src/index";

const yorlet = createYorletClient({ apiKey: "sk_test" });

describe("createYorletClient types", () => {
  it("types the payment session from the rendered docs", async () => {
    const { data } = await yorlet.GET("/v1/payment_sessions/{id}", {
      params: { path: { id: "ps_1" } },
    });
    // openapi-fetch flattens intersections, so compare both ways rather than by identity.
    expectTypeOf(data).toExtend<PaymentSession | undefined>();
    expectTypeOf<PaymentSession>().toExtend<NonNullable<typeof data>>();
    expectTypeOf<PaymentSession["status"]>().toEqualTypeOf<"paid" | "unpaid" | "canceled">();
    expectTypeOf<PaymentSession["description"]>().toEqualTypeOf<string | null>();
    expectTypeOf<PaymentSession["created"]>().toEqualTypeOf<number>();
    expectTypeOf<PaymentSession["account"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<PaymentSession["payment_method_types"]>().toEqualTypeOf<string[]>();
  });

  it("rejects wrong paths and wrong parameter types", () => {
    // @ts-expect-error: no such path
    void yorlet.GET("/v1/payment_session/{id}", { params: { path: { id: "x" } } });
    // @ts-expect-error: id is a string
    void yorlet.GET("/v1/payment_sessions/{id}", { params: { path: { id: 42 } } });
  });

  it("takes an optional connected account, and only the documented environment", () => {
    createYorletClient({ apiKey: "sk_test", account: "acct_1" });
    // @ts-expect-error: apiKey is required
    createYorletClient({ account: "acct_1" });
    // @ts-expect-error: only production is documented
    createYorletClient({ apiKey: "sk_test", environment: "sandbox" });
  });
});
