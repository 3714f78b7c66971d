/**
 * The program a stranger's project runs on every runtime: each provider client calls a loopback
 * server that answers its first request 503 (the client must retry), unwraps the response, and a
 * Clink webhook is verified (a good signature accepted, a tampered body refused with the error
 * classes of one hierarchy). It prints one JSON line of results.
 */
import { createHmac } from "node:crypto";

export const API_KEY = "runtime-api-key";
export const WEBHOOK_SECRET = "whsec_runtime";

/** The program as an ES module or as CommonJS, with the server's origin and a signed webhook. */
export function consumerSource(baseUrl: string, kind: "esm" | "cjs", runId: string): string {
  const payload = JSON.stringify({ type: "payment.succeeded", data: { sessionId: "sess_rt" } });
  const timestamp = String(Date.now());
  const signature = createHmac("sha256", WEBHOOK_SECRET)
    .update(`${timestamp}.${payload}`)
    .digest("hex");
  const imports = [
    ["createClinkClient, unwrap: unwrapClink, PayclientsError", "@payclients/clink"],
    ["verifyClinkWebhook, WebhookVerificationError", "@payclients/clink/webhooks"],
    ["createTelnessClient, unwrap: unwrapTelness", "@payclients/telness"],
    ["createYorletClient, unwrap: unwrapYorlet", "@payclients/yorlet"],
  ];
  const head =
    kind === "esm"
      ? imports
          .map(([names, from]) => `import { ${names?.replace(/: /g, " as ")} } from "${from}";`)
          .join("\n")
      : imports.map(([names, from]) => `const { ${names} } = require("${from}");`).join("\n");
  return `${head}

const baseUrl = ${JSON.stringify(baseUrl)};
const apiKey = ${JSON.stringify(API_KEY)};
const webhook = {
  payload: ${JSON.stringify(payload)},
  headers: { "x-clink-timestamp": ${JSON.stringify(timestamp)}, "x-clink-signature": ${JSON.stringify(signature)} },
  secret: ${JSON.stringify(WEBHOOK_SECRET)},
};

async function main() {
  // x-run tells this program's requests from the other runtimes' (the server 503s each first one).
  const headers = { "x-run": ${JSON.stringify(runId)} };
  const clink = createClinkClient({ apiKey, baseUrl, headers });
  const telness = createTelnessClient({ apiKey, baseUrl, headers });
  const yorlet = createYorletClient({ apiKey, baseUrl, account: "acct_rt", headers });
  const results = {
    clink: unwrapClink(
      await clink.GET("/order/payment-session/{sessionId}", { params: { path: { sessionId: "sess_rt" } } }),
    ),
    telness: unwrapTelness(
      await telness.GET("/payment-sessions/{paymentSessionId}", { params: { path: { paymentSessionId: "ps_rt" } } }),
    ),
    yorlet: unwrapYorlet(
      await yorlet.GET("/v1/payment_sessions/{id}", { params: { path: { id: "ps_rt" } } }),
    ),
    webhook: await verifyClinkWebhook(webhook),
  };
  const tampered = await verifyClinkWebhook({ ...webhook, payload: webhook.payload.replace("rt", "xx") })
    .then(() => "accepted", (error) => error instanceof WebhookVerificationError && error instanceof PayclientsError);
  console.log(JSON.stringify({ ...results, tamperedRejected: tampered }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;
}
