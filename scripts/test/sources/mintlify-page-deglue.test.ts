import { describe, expect, it } from "vitest";
import {
  defaultBeforeType,
  splitAtFieldMarks,
  splitFieldHead,
  splitGlued,
  splitGluedPills,
} from "../../src/sources/mintlify-page/deglue.ts";
import { nameHints, splitGluedName } from "../../src/sources/mintlify-page/glued-names.ts";
import { normalizePage } from "../../src/sources/mintlify-page/normalize.ts";

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
    // A default shown before the type, glued to it, right under the name; a default with
    // nothing glued, or a description's line, stays as written.
    expect(defaultBeforeType('Default: "20"integer', "limit")).toEqual(['default:"20"', "integer"]);
    expect(defaultBeforeType("Default: trueboolean", "strict")).toEqual([
      "default:true",
      "boolean",
    ]);
    expect(defaultBeforeType("Default: none", "mode")).toBeUndefined();
    expect(defaultBeforeType("Default: 20integer", "How many to return.")).toBeUndefined();
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

  it("takes a glued field name off the description above it when it is an example key", () => {
    const hints = nameHints('{ "schema": "public", "role": "reader" }');
    expect(splitGluedName("The ID of the entryschema", true, hints)).toEqual([
      "The ID of the entry",
      "schema",
    ]);
    expect(splitGluedName("The ID of the entryschema", false, hints)).toEqual([
      "The ID of the entryschema",
    ]);
    expect(splitGluedName("Which database schema", true, hints)).toEqual(["Which database schema"]);
  });

  it("takes a name off a section heading, a media type, an option or a sentence's end", () => {
    const hints = nameHints("");
    expect(splitGluedName("Path Parametersledger", true, hints)).toEqual([
      "Path Parameters",
      "ledger",
    ]);
    expect(splitGluedName("AuthorizationsAuthorization", true, hints)).toEqual([
      "Authorizations",
      "Authorization",
    ]);
    expect(splitGluedName("application/jsonamount", true, hints)).toEqual([
      "application/json",
      "amount",
    ]);
    expect(splitGluedName("`usd`memo", true, hints)).toEqual(["`usd`", "memo"]);
    expect(splitGluedName("Shown on statements.reference_id", true, hints)).toEqual([
      "Shown on statements.",
      "reference_id",
    ]);
    // A name alone is never split, whatever it starts with.
    expect(splitGluedName("Bodyweight", true, hints)).toEqual(["Bodyweight"]);
    expect(splitGluedName("application/jsonamount", false, hints)).toEqual([
      "application/jsonamount",
    ]);
  });

  it("splits a glued last word into a word the page uses and a name", () => {
    const page =
      "The ledger the account belongs to. The currency of the amount. The ID of the transfer.";
    const hints = nameHints(page);
    expect(splitGluedName("The ledger the account belongs toaccount", true, hints)).toEqual([
      "The ledger the account belongs to",
      "account",
    ]);
    expect(splitGluedName("The amount in minor unitscurrency", true, hints)).toEqual([
      "The amount in minor units",
      "currency",
    ]);
    expect(splitGluedName("Returns the new transferid", true, hints)).toEqual([
      "Returns the new transfer",
      "id",
    ]);
    // A short word alone (`be` + `ta`) does not split a word; nor does a label's line.
    expect(splitGluedName("The stage is beta", true, hints)).toEqual(["The stage is beta"]);
    expect(splitGluedName("Available options: alpha, beta", true, nameHints("ta"))).toEqual([
      "Available options: alpha, beta",
    ]);
    // Neither part is a word of the page: left as it is.
    expect(splitGluedName("Whether it is quxfrobnicate", true, hints)).toEqual([
      "Whether it is quxfrobnicate",
    ]);
  });

  it("does not split a description above a field named like a type (scrape blank lines too)", () => {
    const page = [
      "The texts to embed.",
      "",
      "The model used for the embedding",
      "",
      "object",
    ].concat(["", "string", "", "required", "", "The kind, ding or dong."]);
    const texts = normalizePage(page.join("\n")).lines.map((line) => line.text);
    expect(texts).toContain("The model used for the embedding");
    expect(texts).not.toContain("ding");
  });

  it("splits pills glued to the next name or the description, and a name glued to its pills", () => {
    expect(splitGluedPills("requiredaccountId", "string", "string")).toEqual([
      "required",
      "accountId",
    ]);
    expect(splitGluedPills("headerrequiredBearer token.", "string", "")).toEqual([
      "header",
      "required",
      "Bearer token.",
    ]);
    expect(splitGluedPills("Authorizationheaderrequired", "", "string")).toEqual([
      "Authorization",
      "header",
      "required",
    ]);
    expect(splitGluedPills("amountrequired", "Body", "number")).toEqual(["amount", "required"]);
    // A name that merely ends in the word, or a line not among a field's pills, is left alone.
    expect(splitGluedPills("is_required", "", "boolean")).toBeUndefined();
    expect(splitGluedPills("requiredness matters here.", "The mode.", "")).toBeUndefined();
  });

  it("reads the pills before a late type line as the field's, in a copy with no blank lines", () => {
    const page = normalizePage("Authorizations\nAuthorizationheaderrequired\nstring\nThe key.\n");
    expect(page.lines.map((l) => l.text)).toEqual([
      "Authorizations",
      "Authorization",
      "header",
      "required",
      "string",
      "The key.",
      "",
    ]);
  });

  it("splits a curl's closing quote from the response example glued after it", () => {
    const page = normalizePage(
      'curl -X POST https://x.test/v1 \\\n--data \'\n{"a": 1}\n\'{\n"id": 2\n}\n',
    );
    expect(page.lines.map((l) => l.text)).toContain("'");
    expect(page.lines.map((l) => l.text)).toContain("{");
  });

  it("keeps the last word of a wrapped sentence off the next field's name", () => {
    const page = normalizePage("in the expand\nparameter.\nexpand\narray\n");
    expect(page.lines.map((l) => l.text)).toContain("parameter.");
  });
});
