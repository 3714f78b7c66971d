// `@payclients/core/hmac`: HMAC-SHA256 request signing and webhook verification. A separate entry
// so that the client path (`@payclients/core`) carries no crypto code: code that neither signs
// bodies nor verifies webhooks never loads it, even as CommonJS, which cannot tree-shake.
export { type HmacSignerOptions, hmacSigner } from "./hmac-signer";
export {
  type VerifyWebhookInput,
  verifyWebhookSignature,
  WebhookVerificationError,
} from "./webhook";
