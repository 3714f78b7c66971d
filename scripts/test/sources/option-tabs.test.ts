import { describe, expect, it } from "vitest";
import { optionTabs } from "../../src/sources/model/payload.ts";

describe("optionTabs", () => {
  it("reads the labels of a payload's one-of tabs, one paragraph or one per label", () => {
    expect(optionTabs(["* CardPayout\n* BankPayout", "Where the money goes."])).toEqual({
      names: ["CardPayout", "BankPayout"],
      rest: ["Where the money goes."],
    });
    expect(optionTabs(["Created", "* Option 1", "* Option 2"])).toEqual({
      names: ["Option 1", "Option 2"],
      rest: ["Created"],
    });
  });

  it("leaves prose lists and a single label alone", () => {
    expect(optionTabs(["* Sends a receipt to the payer\n* Refunds a charge"])).toBeUndefined();
    expect(optionTabs(["* CardPayout", "Only one."])).toBeUndefined();
  });

  it("takes only the first run of labels", () => {
    expect(optionTabs(["* A1\n* B1", "Text.", "* C1\n* D1"])).toEqual({
      names: ["A1", "B1"],
      rest: ["Text.", "* C1\n* D1"],
    });
  });
});
