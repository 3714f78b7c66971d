// The loopback API server for the request-path benchmark, run in its own process (fork) so that
// its CPU does not count against the client under test. Answers every request with a small JSON
// body shaped like a provider's response; POST bodies are read in full first.
import { createServer } from "node:http";

const BODY = JSON.stringify({
  code: 200,
  msg: "success",
  data: {
    sessionId: "ps_1234567890",
    status: "pending",
    amount: 12.5,
    currency: "USD",
    customerEmail: "ada@example.com",
    createdAt: "2025-01-01T00:00:00Z",
  },
});

const server = createServer((request, response) => {
  const reply = () => {
    response.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(BODY),
    });
    response.end(BODY);
  };
  if (request.method === "GET" || request.method === "HEAD") return reply();
  request.resume();
  request.on("end", reply);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.send?.({ port: server.address().port });
});
process.on("disconnect", () => server.close(() => process.exit(0)));
