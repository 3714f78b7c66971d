import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ParseError } from "../../src/errors.ts";
import { parseMintlifyPage } from "../../src/sources/mintlify-page.ts";
import {
  lineOf,
  operation as operationOf,
  page,
  parse,
  parseLenient,
  responseSchema,
} from "../fixtures/mintlify-page/page.ts";

const TELNESS = readFileSync(
  new URL("../../../specs/telness/upstream/get-payment-session.txt", import.meta.url),
  "utf8",
);

/** The ParseError a strict parse throws. */
function errorOf(text: string): ParseError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error("expected a ParseError");
}

const response = (fields: string, example?: string) =>
  page(`Response\n\n200 - application/json\n\nOK.\n\n${fields}`, example ? { example } : {});

describe("mintlify-page strictness", () => {
  it("rejects a response example cut off before its closing brace", () => {
    const text = TELNESS.slice(0, TELNESS.indexOf('  "status": "PENDING"'));
    const error = errorOf(text);
    expect(error.file).toBe("page.txt");
    expect(error.line).toBe(lineOf(text, "{"));
    expect(error.message).toMatch(/^page\.txt:11: expected the end of the response example/);
  });

  it("leaves out a whole example that is no JSON (the docs' slip), with a warning, even in strict", () => {
    const text = response(
      "id\nstring\n\nThe thing.\n\nsize\ninteger",
      '{ "id": "The thing\'s id," "size": "How big it is" }',
    );
    const warnings: string[] = [];
    const doc = parseMintlifyPage(text, {
      file: "page.txt",
      warn: (w) => warnings.push(w.message),
    });
    expect(Object.keys(responseSchema(doc).properties)).toEqual(["id", "size"]);
    expect(operationOf(doc).responses["200"].content["application/json"].example).toBeUndefined();
    expect(warnings).toEqual([
      expect.stringMatching(
        /^page\.txt:10: expected valid JSON in the response example \(left out\)/,
      ),
    ]);
  });

  it("rejects a multi-line field example cut off mid-way", () => {
    const text = response('meta\nobject\n\nExample:\n{\n"a": 1,\n');
    expect(errorOf(text).line).toBe(lineOf(text, "{"));
  });

  it("rejects a JSON string cut at the end of a line", () => {
    const text = response("", '{\n  "id": "abc\n}');
    const error = errorOf(text);
    expect(error.line).toBe(lineOf(text, '"id": "abc'));
    expect(error.expected).toMatch(/closing quote/);
  });

  it("rejects an options list that ends with a comma", () => {
    const text = response("kind\nenum<string>\n\nAvailable options:\nalpha,\nbeta,\n");
    const error = errorOf(text);
    expect(error.line).toBe(lineOf(text, "beta,") + 1);
    expect(error.expected).toMatch(/another option/);
  });

  it("rejects an enum whose options are missing", () => {
    const text = response("kind\nenum<string>\nrequired\n\nThe kind.\n");
    expect(errorOf(text).line).toBe(lineOf(text, "kind"));
  });

  it("rejects an Example: with no value", () => {
    const text = response("id\nstring\n\nExample:\n");
    expect(errorOf(text).line).toBe(lineOf(text, "Example:"));
  });

  it("rejects unknown type syntax on the type line", () => {
    const text = response("counts\ntuple<integer>\nrequired\n\nCounts.\n");
    const error = errorOf(text);
    expect(error.line).toBe(lineOf(text, "tuple<integer>"));
    expect(error.found).toBe("tuple<integer>");
  });

  it("rejects an unknown section", () => {
    const text = page(
      "Path Parameters\n\nid\nstring\n\nThe id.\n\nWebhook Events\n\nname\nstring\n",
    );
    const error = errorOf(text);
    expect(error.line).toBe(lineOf(text, "Webhook Events"));
    expect(error.found).toBe("Webhook Events");
  });

  it("rejects a stray line where a field should start", () => {
    const text = page("Path Parameters\n\nThese identify the thing.\n\nid\nstring\n");
    expect(errorOf(text).line).toBe(lineOf(text, "These identify the thing."));
  });

  it("rejects a curl example with an unterminated quote", () => {
    const curl = [
      "curl --request GET \\",
      "  --url https://api.acme.io/things/{id} \\",
      "  --data '{",
    ];
    const text = page("", { curl });
    expect(errorOf(text).line).toBe(lineOf(text, "--data '{"));
  });

  it("rejects a page without a method line", () => {
    const error = errorOf("Skip to main content\n\nGet a thing\n");
    expect(error.line).toBe(3);
  });

  it("rejects a field whose parent is not an object", () => {
    const text = response("name\nstring\n\nName.\n\nname.first\nstring\n");
    expect(errorOf(text).line).toBe(lineOf(text, "name.first"));
  });

  it("in lenient mode returns what it parsed and warns with the line", () => {
    const text = response(
      "counts\ntuple<integer>\n\nCounts.\n\nid\nstring\nrequired\n\nThe id.\n\n" +
        "kind\nenum<string>\n\nAvailable options:\na,\n",
    );
    const { doc, warnings } = parseLenient(text);
    expect(responseSchema(doc).properties.id).toEqual({ type: "string", description: "The id." });
    expect(responseSchema(doc).properties.kind).toEqual({ type: "string", enum: ["a"] });
    expect(warnings.map((w) => w.line)).toEqual([
      lineOf(text, "tuple<integer>"),
      lineOf(text, "a,") + 1,
    ]);
    expect(warnings[0]?.message).toMatch(/^page\.txt:\d+: expected /);
  });

  it("rejects options that do not fit the type, and leaves no empty enum in lenient mode", () => {
    const text = response("size\nnumber\n\nAvailable options:\nbig,\nsmall\n");
    expect(errorOf(text).line).toBe(lineOf(text, "Available options:"));
    const { doc, warnings } = parseLenient(text);
    expect(responseSchema(doc).properties.size).toEqual({ type: "number" });
    expect(warnings).toHaveLength(2);
  });

  it("in lenient mode still returns a document for a cut-off page", () => {
    const { doc, warnings } = parseLenient(TELNESS.slice(0, 600));
    expect(doc.paths["/payment-sessions/{paymentSessionId}"].get.summary).toBe(
      "Get payment session",
    );
    expect(warnings.length).toBeGreaterThan(0);
  });
});

describe("a one-word description at the page's end", () => {
  it("stays the last field's description: a cut-off next name looks no different", () => {
    const text = response("grant_type\nstring\nrequired\nclient_credentials\n");
    const field = (
      responseSchema(parse(text)).properties as Record<string, Record<string, unknown>>
    ).grant_type;
    expect(field?.description).toBe("client_credentials");
  });
});

describe("a range under an array of numbers", () => {
  it("bounds each item, as Mintlify prints the items' limits under the array", () => {
    const text = response(
      "ports\ninteger<int32>[]\n\nPorts to open.\n\nRequired range: 1 <= x <= 65535\n",
    );
    const ports = (responseSchema(parse(text)).properties as Record<string, unknown>).ports;
    expect(ports).toEqual({
      type: "array",
      items: { type: "integer", format: "int32", minimum: 1, maximum: 65535 },
      description: "Ports to open.",
    });
  });
});
