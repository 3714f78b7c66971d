// `@payclients/core/hmac`: HMAC-SHA256 request signing and webhook verification. A separate entry
// so that the client path (`@payclients/core`) carries no crypto code: a CommonJS consumer, which
// cannot tree-shake, loads it only when it signs or verifies.
export { type HmacSignerOptions, hmacSigner } from "./hmac-signer";
export { type VerifyWebhookInput, verifyWebhookSignature } from "./webhook";
