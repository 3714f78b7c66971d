import { describe, expect, it } from "vitest";
import { readProse } from "../../src/sources/model/prose.ts";
import { repairScalars } from "../../src/sources/openapi-repair.ts";

describe("limits stated in a description", () => {
  it.each([
    ["Page size, from `1` through `250`.", ["integer"], { minimum: 1, maximum: 250 }],
    ["How many rows to skip (0-5000).", ["integer"], { minimum: 0, maximum: 5000 }],
    ["Minimum `2`, maximum `64`.", ["number"], { minimum: 2, maximum: 64 }],
    ["Batch size; at most 40.", ["integer"], { maximum: 40 }],
    ["Must be >= 3.", ["integer"], { minimum: 3 }],
    ["Between 0.5 and 2.5.", ["number"], { minimum: 0.5, maximum: 2.5 }],
    ["Display label (3-80 characters)", ["string"], { minLength: 3, maxLength: 80 }],
    ["Nickname, up to 30 characters.", ["string"], { maxLength: 30 }],
    ["Shown in the log, 3-200 characters.", ["string"], { minLength: 3, maxLength: 200 }],
    ["Memo. Max length: 140", ["string"], { maxLength: 140 }],
    ["Recipients, at most 25 items.", ["array"], { maxItems: 25 }],
  ])("%s", (text, types, expected) => {
    expect(readProse(text, types)).toEqual(expected);
  });

  it("wants a unit for lengths and counts, and a range the right way round", () => {
    expect(readProse("Order reference, up to 30.", ["string"])).toEqual({});
    expect(readProse("Tags, up to 30 characters each.", ["array"])).toEqual({});
    expect(readProse("Issued on (2031-04-02).", ["integer"])).toEqual({});
    expect(readProse("The maximum number of rows.", ["integer"])).toEqual({});
  });

  it("takes a hedged range for advice, not a limit", () => {
    expect(readProse("Loudness, generally between -30 and 30.", ["integer"])).toEqual({});
    expect(readProse("Loudness, between -30 and 30.", ["integer"])).toEqual({
      minimum: -30,
      maximum: 30,
    });
  });
});

describe("options and defaults stated in a description", () => {
  it("reads a bullet list of values in code under a lead-in, and no other list", () => {
    const listed = "The kind. Options:\n\n- `gpu` (GPU instance)\n- `disk`: storage\n";
    expect(readProse(listed, ["string"]).enum).toEqual(["gpu", "disk"]);
    expect(
      readProse("Options:\n\n- `gpu` (GPU)\n- plain words\n", ["string"]).enum,
    ).toBeUndefined();
    expect(
      readProse("Notes:\n\n- `gpu` is fast\n- `disk` is slow\n", ["string"]).enum,
    ).toBeUndefined();
  });

  it("reads quoted options anywhere and bare ones that end the sentence", () => {
    expect(readProse("Must be one of `draft`, `sent` or `void`; see states.", ["string"])).toEqual({
      enum: ["draft", "sent", "void"],
    });
    expect(readProse('Allowed values: "eu", "us".', ["string"])).toEqual({ enum: ["eu", "us"] });
    expect(readProse("One of daily, weekly, or monthly.", ["string"])).toEqual({
      enum: ["daily", "weekly", "monthly"],
    });
    expect(readProse("Possible values: 1, 2, 3.", ["integer"])).toEqual({ enum: [1, 2, 3] });
  });

  it("leaves prose that only looks like a list", () => {
    expect(readProse("One of the ledgers you own, or a new one you create.", ["string"])).toEqual(
      {},
    );
    expect(readProse("Either the card or the wallet id, see above", ["string"])).toEqual({});
    expect(readProse("Possible values: 1.5, 2.", ["integer"])).toEqual({});
    // About fields or spellings, not values.
    expect(readProse("At least one of `html` or `text` is required.", ["string"])).toEqual({});
    expect(readProse("Accepts either `inbox_id` or `inboxId`.", ["string"])).toEqual({});
    // A comma-separated filter takes several of the values at once.
    expect(
      readProse("Comma-separated states; each must be one of `open`, `closed`.", ["string"]),
    ).toEqual({});
  });

  it("reads a default of the field's type, ending its phrase", () => {
    expect(readProse("Rows per page. Defaults to 50.", ["integer"])).toEqual({ default: 50 });
    expect(readProse("Send receipts (defaults to true).", ["boolean"])).toEqual({ default: true });
    expect(readProse("Sort order. Default: `asc`", ["string"])).toEqual({ default: "asc" });
    expect(readProse('Language code (default: `"en"`).', ["string"])).toEqual({ default: "en" });
    expect(readProse("The transport. Default is STREAMABLE_HTTP.", ["string"])).toEqual({
      default: "STREAMABLE_HTTP",
    });
    expect(readProse('Possible values: `"on"`, `"off"`.', ["string"])).toEqual({
      enum: ["on", "off"],
    });
    expect(readProse("Defaults to the workspace's currency.", ["string"])).toEqual({});
    // One of several, chosen by something else: no default of its own.
    expect(
      readProse("Defaults to `Daily`, `Weekly`, or `Monthly` based on the plan.", ["string"]),
    ).toEqual({});
    expect(readProse("Defaults to `eu` depending on the region.", ["string"])).toEqual({});
    expect(readProse("Defaults to null.", ["string"])).toEqual({});
    expect(readProse("Defaults to null.", ["string", "null"])).toEqual({ default: null });
  });
});

describe("hand-quoted scalars in a published spec", () => {
  it("types the keywords that can only be numbers or booleans, and leaves data alone", () => {
    const doc = {
      openapi: "3.0.3",
      paths: {
        "/x/{id}": {
          get: {
            parameters: [
              {
                name: "id",
                in: "path",
                required: "true",
                schema: { type: "string", minLength: "12", maxLength: "12", example: "123" },
              },
            ],
          },
        },
      },
      components: {
        schemas: {
          A: { properties: { maxLength: { type: "string" } }, default: { minimum: "3" } },
        },
      },
    };
    const fixed = repairScalars(structuredClone(doc));
    const param = fixed.paths["/x/{id}"].get.parameters[0];
    expect(param.required).toBe(true);
    expect(param.schema).toEqual({ type: "string", minLength: 12, maxLength: 12, example: "123" });
    expect(fixed.components.schemas.A).toEqual(doc.components.schemas.A);
  });

  it("takes a count of digits or places for no limit of the value", () => {
    expect(readProse("Unit cost, above zero, max 3 decimal places.", ["number"])).toEqual({});
    expect(readProse("Weight (1-50, up to 4 digits).", ["number"])).toEqual({
      minimum: 1,
      maximum: 50,
    });
    expect(readProse("Score, max 25.", ["number"])).toEqual({ maximum: 25 });
  });

  it("states no minimum length of 0", () => {
    expect(readProse("The note (0-500 characters).", ["string"])).toEqual({ maxLength: 500 });
  });

  it("counts quoted digits for no limit either", () => {
    expect(readProse("Price, up to `2` decimal places.", ["number"])).toEqual({});
    expect(readProse("Amount, at most '6' digits.", ["integer"])).toEqual({});
  });
});

describe("numbers written with thousands separators", () => {
  it("read whole (`maximum 50,000`, `between 1,000 and 25,000`)", () => {
    expect(readProse("In cents, maximum 50,000 ($500.00).", ["integer"])).toEqual({
      maximum: 50000,
    });
    expect(readProse("Between 1,000 and 25,000.", ["integer"])).toEqual({
      minimum: 1000,
      maximum: 25000,
    });
    expect(readProse("Defaults to 1,000.", ["integer"])).toEqual({ default: 1000 });
  });
});

describe("a separator the unit or the reader rules out", () => {
  it("reads no number from the digits before a separator", () => {
    expect(readProse("Up to 2,048 bytes.", ["integer"])).toEqual({});
    expect(readProse("Maximum length is 10,000.", ["string"])).toEqual({ maxLength: 10000 });
    expect(readProse("最大值为 10,000", ["integer"])).toEqual({ maximum: 10000 });
  });
});
