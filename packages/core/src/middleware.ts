import type { Middleware } from "openapi-fetch";
import type { Signer } from "./signers";

/**
 * Signs each call of an openapi-fetch client of your own, once (not per retry):
 * `client.use(signingMiddleware(timestampedApiKeySigner({ apiKey })))`.
 */
export const signingMiddleware = (signer: Signer): Middleware => ({
  // The signer reads the body from a buffer, as in the retrying fetch: a copy's, since a body
  // reads only once and the request still has to send its own. What the signer returns (nothing,
  // or a replacement Request) is what openapi-fetch expects from onRequest.
  onRequest: async ({ request }) =>
    signer(request, (request.body && (await request.clone().arrayBuffer())) as never),
});
