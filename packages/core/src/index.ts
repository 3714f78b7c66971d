export * from "./client";
export * from "./errors";
export * from "./idempotency";
export { signingMiddleware } from "./middleware";
export { REDACTED } from "./redact";
export * from "./retry";
export {
  apiKeySigner,
  bearerSigner,
  composeSigners,
  type Signer,
  type TimestampedApiKeyOptions,
  timestampedApiKeySigner,
} from "./signers";
