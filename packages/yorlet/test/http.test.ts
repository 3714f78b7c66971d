import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createYorletClient } from "../src/index";

let server: Server;
let baseUrl: string;
let seen: { url: string; headers: IncomingHttpHeaders }[];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? "", headers: req.headers });
    res.setHeader("content-type", "application/json");
    res.end(
      JSON.stringify({ id: "ps_1", object: "payment_session", status: "unpaid", created: 1 }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  seen = [];
});

describe("Yorlet client over HTTP", () => {
  it("sends the key as a bearer token and no context header by default", async () => {
    const yorlet = createYorletClient({ apiKey: "sk_test_yorlet", baseUrl });
    const { data } = await yorlet.GET("/v1/payment_sessions/{id}", {
      params: { path: { id: "ps_1" } },
    });
    expect(seen[0]?.url).toBe("/v1/payment_sessions/ps_1");
    expect(seen[0]?.headers.authorization).toBe("Bearer sk_test_yorlet");
    expect(seen[0]?.headers["yorlet-context"]).toBeUndefined();
    expect(data?.status).toBe("unpaid");
  });

  it("sets Yorlet-Context from `account`, and a per-request header wins", async () => {
    const yorlet = createYorletClient({ apiKey: "sk_test_yorlet", baseUrl, account: "acct_1" });
    await yorlet.GET("/v1/payment_sessions/{id}", { params: { path: { id: "ps_1" } } });
    await yorlet.GET("/v1/payment_sessions/{id}", {
      params: { path: { id: "ps_1" }, header: { "Yorlet-Context": "acct_2" } },
    });
    expect(seen.map((s) => s.headers["yorlet-context"])).toEqual(["acct_1", "acct_2"]);
  });
});
