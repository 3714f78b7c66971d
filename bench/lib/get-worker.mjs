// One request-path variant in a process of its own, on whichever runtime started it (pnpm bench
// forks it on Node 20, 22 and 24). Plain JavaScript so that every runtime runs it without a
// loader. argv: variant name, the loopback server's origin. It loads its variant, warms up, says
// { ready }, then for each { count } message makes `count` sequential GETs and answers with
// requests per second (wall) and CPU µs per request of this process.
const [variant, baseUrl] = process.argv.slice(2);
const KEY = "bench-api-key";
const session = { params: { path: { sessionId: "ps_1" } } };

/** The calls, each resolving once the JSON body is parsed. */
const VARIANTS = {
  "raw fetch": async () => {
    const url = `${baseUrl}/order/payment-session/ps_1`;
    return async () => (await fetch(url, { headers: { "X-API-KEY": KEY } })).json();
  },
  "bare openapi-fetch": async () => {
    const client = (await import("openapi-fetch")).default({ baseUrl });
    return () => client.GET("/order/payment-session/{sessionId}", session);
  },
  "bare openapi-fetch + auth middleware": async () => {
    const client = (await import("openapi-fetch")).default({ baseUrl });
    client.use({
      onRequest({ request }) {
        request.headers.set("X-API-KEY", KEY);
      },
    });
    return () => client.GET("/order/payment-session/{sessionId}", session);
  },
  "@payclients/clink": async () => {
    const { createClinkClient } = await import("@payclients/clink");
    const client = createClinkClient({ apiKey: KEY, baseUrl });
    return () => client.GET("/order/payment-session/{sessionId}", session);
  },
  "@payclients/telness": async () => {
    const { createTelnessClient } = await import("@payclients/telness");
    const client = createTelnessClient({ apiKey: KEY, baseUrl });
    const init = { params: { path: { paymentSessionId: "ps_1" } } };
    return () => client.GET("/payment-sessions/{paymentSessionId}", init);
  },
  "@payclients/yorlet": async () => {
    const { createYorletClient } = await import("@payclients/yorlet");
    const client = createYorletClient({ apiKey: KEY, baseUrl, account: "acct_1" });
    return () => client.GET("/v1/payment_sessions/{id}", { params: { path: { id: "ps_1" } } });
  },
  // The peer: a Stainless-generated SDK, its equivalent GET (`GET /models/{model}`).
  "openai (models.retrieve)": async () => {
    const { default: OpenAI } = await import("openai");
    const client = new OpenAI({ apiKey: KEY, baseURL: baseUrl });
    return () => client.models.retrieve("ps_1");
  },
};

const call = await VARIANTS[variant]();
for (let i = 0; i < 300; i++) await call();
process.on("message", async ({ count }) => {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < count; i++) await call();
  const { user, system } = process.cpuUsage(cpuStart);
  const seconds = (performance.now() - start) / 1000;
  process.send({ rps: count / seconds, cpu: (user + system) / count });
});
process.on("disconnect", () => process.exit(0));
process.send({ ready: true });
