// Preloaded (`node --import`) before a README block runs: every fetch goes to the loopback fake
// provider whatever host the example names, so README examples can use the real default hosts
// while no request ever leaves the machine. The original URL travels in a header for assertions.
const origin = process.env.PAYCLIENTS_FAKE_ORIGIN;
if (!origin) throw new Error("PAYCLIENTS_FAKE_ORIGIN is not set");
const loopbackFetch = globalThis.fetch;

globalThis.fetch = async function fetch(input, init) {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const headers = new Headers(request.headers);
  headers.set("x-payclients-original-url", url.href);
  const body = request.body ? await request.arrayBuffer() : undefined;
  return loopbackFetch(new URL(`${url.pathname}${url.search}`, origin), {
    method: request.method,
    headers,
    body,
    signal: request.signal,
    redirect: "manual",
  });
};
