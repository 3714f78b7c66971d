export * from "./client";
export * from "./errors";
export * from "./idempotency";
export { REDACTED } from "./redact";
export * from "./retry";
export * from "./signers";
export * from "./webhook";
