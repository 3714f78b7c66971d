import { describe, expect, it } from "vitest";
import { saysNullable } from "../../src/sources/model/prose.ts";

describe("saysNullable", () => {
  it("reads a value that may be null", () => {
    for (const text of [
      "ISO-8601 timestamp; `null` if not yet authorized.",
      "Settlement time, or `null` while in flight.",
      "This is null until paid.",
      "Can be null.",
    ])
      expect(saysNullable(text), text).toBe(true);
  });

  it("leaves negations and other fields' nulls alone", () => {
    for (const text of [
      "A non-nullable identifier.",
      "Not nullable.",
      "Must not be null when `type` is card.",
      "Set only when `refund_id` is null for this charge.",
      "If true, the API returns null for fields that are unset.",
    ])
      expect(saysNullable(text), text).toBe(false);
  });
});
