import { describe, expect, it } from "vitest";
import { PipelineError } from "../../src/errors.ts";
import { pageUrl } from "../../src/pipeline/provider.ts";

describe("pageUrl", () => {
  const template = "https://docs.clinkbill.com/api-reference/endpoint/<page>.md";

  it("fills in the page, encoding each segment", () => {
    expect(pageUrl(template, "get-agent-payment-session")).toBe(
      "https://docs.clinkbill.com/api-reference/endpoint/get-agent-payment-session.md",
    );
    expect(pageUrl(template, "orders/get order")).toBe(
      "https://docs.clinkbill.com/api-reference/endpoint/orders/get%20order.md",
    );
  });

  it("returns a template without a placeholder as it is", () => {
    expect(pageUrl("https://docs.example/spec.yaml", "ignored")).toBe(
      "https://docs.example/spec.yaml",
    );
  });

  it("refuses pages that would leave the template's folder", () => {
    expect(() => pageUrl(template, "../admin")).toThrow(PipelineError);
    expect(() => pageUrl(template, "")).toThrow(PipelineError);
    expect(() => pageUrl(template, "a//b")).toThrow(PipelineError);
  });
});
