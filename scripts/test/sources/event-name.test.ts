import { describe, expect, it } from "vitest";
import { eventFromTitle } from "../../src/sources/model/event-name.ts";

describe("eventFromTitle", () => {
  it("names the event a webhook page's title names", () => {
    expect(eventFromTitle("Post-Call Webhook")).toBe("post-call");
    expect(eventFromTitle("Refund Webhook Payload")).toBe("refund");
    expect(eventFromTitle("Order Paid Event")).toBe("order-paid");
    expect(eventFromTitle("Shift closed callback")).toBe("shift-closed");
    expect(eventFromTitle("Export Finished Callbacks")).toBe("export-finished");
    expect(eventFromTitle("Ledger Sync Webhooks")).toBe("ledger-sync");
  });

  it("names none for a guide's title or a title that is no event's", () => {
    expect(eventFromTitle("Verify Webhook")).toBeUndefined();
    expect(eventFromTitle("Webhooks")).toBeUndefined();
    expect(eventFromTitle("Configuring Callbacks")).toBeUndefined();
    expect(eventFromTitle("Create a payment")).toBeUndefined();
    expect(eventFromTitle("About the Payload")).toBeUndefined();
    expect(eventFromTitle("One two three four five Webhook")).toBeUndefined();
    expect(eventFromTitle("Payment (v2) Webhook")).toBeUndefined();
  });
});
