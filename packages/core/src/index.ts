export * from "./client";
export * from "./errors";
export * from "./idempotency";
export { isSensitive, REDACTED, redactHeaders, redactUrl } from "./redact";
export * from "./retry";
export * from "./signers";
export * from "./webhook";
