import { type Loopback, startLoopback } from "@payclients/scripts/testing/loopback";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createYorletClient } from "../src/index";

let server: Loopback;
let baseUrl: string;

beforeAll(async () => {
  server = await startLoopback(() => ({
    json: { id: "ps_1", object: "payment_session", status: "unpaid", created: 1 },
  }));
  baseUrl = server.url;
});
afterAll(() => server.close());
beforeEach(() => {
  server.seen.length = 0;
});

describe("Yorlet client over HTTP", () => {
  it("sends the key as a bearer token and no context header by default", async () => {
    const yorlet = createYorletClient({ apiKey: "sk_test_yorlet", baseUrl });
    const { data } = await yorlet.GET("/v1/payment_sessions/{id}", {
      params: { path: { id: "ps_1" } },
    });
    expect(server.seen[0]?.url).toBe("/v1/payment_sessions/ps_1");
    expect(server.seen[0]?.headers.authorization).toBe("Bearer sk_test_yorlet");
    expect(server.seen[0]?.headers["yorlet-context"]).toBeUndefined();
    expect(data?.status).toBe("unpaid");
  });

  it("sets Yorlet-Context from `account`, and a per-request header wins", async () => {
    const yorlet = createYorletClient({ apiKey: "sk_test_yorlet", baseUrl, account: "acct_1" });
    await yorlet.GET("/v1/payment_sessions/{id}", { params: { path: { id: "ps_1" } } });
    await yorlet.GET("/v1/payment_sessions/{id}", {
      params: { path: { id: "ps_1" }, header: { "Yorlet-Context": "acct_2" } },
    });
    expect(server.seen.map((s) => s.headers["yorlet-context"])).toEqual(["acct_1", "acct_2"]);
  });
});
