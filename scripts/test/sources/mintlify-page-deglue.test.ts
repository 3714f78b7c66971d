import { describe, expect, it } from "vitest";
import {
  jsonKeys,
  splitAtFieldMarks,
  splitFieldHead,
  splitGlued,
  splitNameFromProse,
} from "../../src/sources/mintlify-page/deglue.ts";

describe("putting back the line breaks an extractor lost", () => {
  it("splits at field marks but not inside an anchor link", () => {
    expect(splitAtFieldMarks("200 - application/json\u200Bstatusstring")).toEqual([
      { text: "200 - application/json", head: false },
      { text: "statusstring", head: true },
    ]);
    expect(splitAtFieldMarks("[\u200B](#body-x)xstring")).toEqual([
      { text: "[\u200B](#body-x)xstring", head: false },
    ]);
  });

  it("drops glued chrome and moves glued labels to their own line", () => {
    expect(splitGlued("Copy pageGET/v1/thingsTry itList things")).toEqual([
      "GET/v1/things",
      "List things",
    ]);
    expect(splitGlued("GET/v1/things/v1/thingsCopy")).toEqual(["GET/v1/things"]);
    expect(splitGlued("How many per pageExample:")).toEqual(["How many per page", "Example:"]);
    expect(splitGlued("Available options: `a`, `b` Example:")).toEqual([
      "Available options: `a`, `b`",
      "Example:",
    ]);
    expect(splitGlued('  "note": "Try itExample: x",')).toEqual(['  "note": "Try itExample: x",']);
  });

  it("splits a field's pills off its name, the shortest type tail first", () => {
    expect(splitFieldHead("idstringrequired")).toEqual(["id", "stringrequired"]);
    expect(splitFieldHead("is_arrayboolean")).toEqual(["is_array", "boolean"]);
    expect(splitFieldHead("statusstring | null")).toEqual(["status", "string | null"]);
    expect(splitFieldHead("itemsobject[]required")).toEqual(["items", "object[]required"]);
    expect(splitFieldHead("hookIdstringrequired", "parameter-hook-id")).toEqual([
      "hookId",
      "stringrequired",
    ]);
    expect(splitFieldHead("Just a sentence.")).toBeUndefined();
  });

  it("takes a glued field name off the description above it only when it is an example key", () => {
    const keys = jsonKeys('{ "schema": "public", "role": "reader" }');
    expect(splitNameFromProse("The ID of the entryschema", true, keys)).toEqual([
      "The ID of the entry",
      "schema",
    ]);
    expect(splitNameFromProse("The ID of the entryschema", false, keys)).toEqual([
      "The ID of the entryschema",
    ]);
    expect(splitNameFromProse("Which database schema", true, keys)).toEqual([
      "Which database schema",
    ]);
  });
});
