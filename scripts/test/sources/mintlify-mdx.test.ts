import { describe, expect, it } from "vitest";
import { ParseError, type Warning } from "../../src/errors.ts";
import { detectFormat } from "../../src/sources/index.ts";
import { attribute, booleanValue, stringValue } from "../../src/sources/mintlify-mdx/attributes.ts";
import { describeOpenapiPointer, parseEndpoint } from "../../src/sources/mintlify-mdx/endpoint.ts";
import { readJsonExample, statusOf } from "../../src/sources/mintlify-mdx/examples.ts";
import { readOptionsParagraph } from "../../src/sources/mintlify-mdx/options.ts";
import type { MdNode } from "../../src/sources/mintlify-mdx/tree.ts";
import { readTypeAttribute } from "../../src/sources/mintlify-mdx/type-attr.ts";
import { looksLikeMintlifyMdx, parseMintlifyMdx } from "../../src/sources/mintlify-mdx.ts";
import type { OpenAPIDocument } from "../../src/sources/types.ts";

const strict = (text: string): OpenAPIDocument => parseMintlifyMdx(text, { file: "p.mdx" });
const lenient = (text: string) => {
  const warnings: Warning[] = [];
  const doc = parseMintlifyMdx(text, {
    file: "p.mdx",
    lenient: true,
    warn: (w) => warnings.push(w),
  });
  return { doc, warnings };
};
const errorOf = (text: string): ParseError => {
  try {
    strict(text);
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error("expected a ParseError");
};
const page = (front: string, body: string) => `---\n${front}\n---\n\n${body}\n`;

describe("parseEndpoint", () => {
  it("reads the api: spellings", () => {
    expect(parseEndpoint("POST https://api.x.io/v1/things")).toEqual({
      method: "POST",
      path: "/v1/things",
      url: "https://api.x.io/v1/things",
      webhook: false,
    });
    expect(parseEndpoint("get /v1/things/{id}")?.path).toBe("/v1/things/{id}");
    expect(parseEndpoint("DELETE /v1/things/:id")?.path).toBe("/v1/things/{id}");
    expect(parseEndpoint("GET {{baseUrl}}/v1/x?y=1")?.path).toBe("/v1/x");
    expect(parseEndpoint("WEBHOOK invoice.paid")).toEqual({
      method: "POST",
      path: "invoice.paid",
      webhook: true,
    });
  });

  it("refuses what is not an operation", () => {
    expect(parseEndpoint("FETCH /x")).toBeUndefined();
    expect(parseEndpoint("POST")).toBeUndefined();
    expect(parseEndpoint("POST /x extra")).toBeUndefined();
    expect(parseEndpoint("POST v1/x")).toBeUndefined();
  });

  it("names the spec and operation an openapi: value points to", () => {
    expect(describeOpenapiPointer("POST /v1/x")).toBe(
      "the operation POST /v1/x of the site's OpenAPI spec",
    );
    expect(describeOpenapiPointer("specs/a.json get /v1/x")).toBe(
      "the operation GET /v1/x of the spec specs/a.json",
    );
  });
});

describe("readTypeAttribute", () => {
  const schema = (text: string) => {
    const read = readTypeAttribute(text);
    return read.kind === "type" ? read.schema : read.kind;
  };
  it("reads every Mintlify spelling through parseTypeLine", () => {
    expect(schema("integer<int64>")).toEqual({ type: "integer", format: "int64" });
    expect(schema("string | null")).toEqual({ type: ["string", "null"] });
    expect(schema("object[]")).toEqual({ type: "array", items: { type: "object" } });
  });
  it("reads hand-written spellings", () => {
    expect(schema("String")).toEqual({ type: "string" });
    expect(schema("int")).toEqual({ type: "integer" });
    expect(schema("[object]")).toEqual({ type: "array", items: { type: "object" } });
    expect(schema("Array<string>")).toEqual({ type: "array", items: { type: "string" } });
    expect(schema("List[str]")).toEqual({ type: "array", items: { type: "string" } });
    expect(schema("str | None")).toEqual({ type: ["string", "null"] });
    expect(schema("timestamp")).toEqual({ type: "string", format: "date-time" });
    expect(schema("User Object")).toEqual({ type: "object" });
    expect(schema("boolean | undefined")).toEqual({ type: "boolean" });
    expect(schema("dict[str, Any]")).toEqual({ type: "object" });
    expect(schema("Optional[int]")).toEqual({ type: ["integer", "null"] });
    expect(schema("nullable string")).toEqual({ type: ["string", "null"] });
    expect(schema("number · min: 2 · max: 256")).toEqual({
      type: "number",
      minimum: 2,
      maximum: 256,
    });
    expect(schema("string · min: 1")).toEqual({ type: "string", minLength: 1 });
    expect(schema("string · see below")).toBe("invalid");
    expect(schema("integer (nullable)")).toEqual({ type: ["integer", "null"] });
    expect(schema("nullable object[]")).toEqual({
      type: ["array", "null"],
      items: { type: "object" },
    });
  });
  it("reads a note after the type, keeping a format it names", () => {
    expect(schema("string (ISO 8601 datetime)")).toEqual({ type: "string", format: "date-time" });
    expect(schema("string (UUID v4)")).toEqual({ type: "string", format: "uuid" });
    expect(schema("string (ISO 8601)")).toEqual({ type: "string", format: "date-time" });
    expect(schema("string (ISO 8601 date)")).toEqual({ type: "string", format: "date" });
    expect(schema("string (two letters)")).toEqual({ type: "string" });
    expect(schema("long (epoch millis)")).toEqual({ type: "integer", format: "int64" });
    expect(schema("widget (see below)")).toBe("invalid");
  });
  it("reads a standard's name as the format it defines", () => {
    expect(schema("ISO 8601 timestamp")).toEqual({ type: "string", format: "date-time" });
    expect(schema("ISO 8601")).toEqual({ type: "string", format: "date-time" });
    expect(schema("ISO-8601 date")).toEqual({ type: "string", format: "date" });
  });
  it("reads the type names of other languages", () => {
    expect(schema("objeto")).toEqual({ type: "object" });
    expect(schema("Inteiro")).toEqual({ type: "integer" });
    expect(schema("cadena")).toEqual({ type: "string" });
    expect(schema("booléen")).toEqual({ type: "boolean" });
  });
  it("reads a database's type word, as a table written over one gives it", () => {
    expect(schema("numeric")).toEqual({ type: "number" });
    expect(schema("text")).toEqual({ type: "string" });
  });
  it("reads an array said in words", () => {
    expect(schema("array of strings")).toEqual({ type: "array", items: { type: "string" } });
    expect(schema("list of long")).toEqual({
      type: "array",
      items: { type: "integer", format: "int64" },
    });
    expect(schema("array of widgets, see below")).toBe("invalid");
    expect(schema("array int")).toEqual({ type: "array", items: { type: "integer" } });
    expect(schema("list string")).toEqual({ type: "array", items: { type: "string" } });
  });
  it("reads the item's type before the word for a list, a media type as text, ISO date strings", () => {
    expect(schema("string list")).toEqual({ type: "array", items: { type: "string" } });
    expect(schema("Document Array")).toEqual({ type: "array", items: {} });
    expect(schema("application/json")).toEqual({ type: "string" });
    expect(schema("object/null")).toEqual({ type: ["object", "null"] });
    expect(schema("ISO date string")).toEqual({ type: "string", format: "date" });
    expect(schema("ISO string")).toEqual({ type: "string", format: "date-time" });
    expect(schema("ISO")).toBe("invalid");
    expect(schema("widgets, see the list")).toBe("invalid");
  });
  it("reads an array said in words of other languages", () => {
    expect(schema("array de strings")).toEqual({ type: "array", items: { type: "string" } });
    expect(schema("lista de cadenas")).toEqual({ type: "array", items: { type: "string" } });
    expect(schema("lista de objetos")).toEqual({ type: "array", items: { type: "object" } });
    expect(schema("tableau d'entiers")).toEqual({ type: "array", items: { type: "integer" } });
    expect(schema("lista de cosas, ver abajo")).toBe("invalid");
  });
  it("refuses a type it cannot read", () => {
    expect(schema("list of lines, see below")).toBe("invalid");
    expect(schema('"acp"')).toBe("invalid");
    expect(schema("STATEMENT_LINE")).toBe("invalid");
  });

  it("reads a model's own name (its shape is elsewhere) as any value", () => {
    expect(schema("StatementLine")).toEqual({});
    expect(schema("User")).toEqual({});
  });
});

describe("attributes", () => {
  const node = (attributes: MdNode["attributes"]): MdNode => ({
    type: "mdxJsxFlowElement",
    attributes,
  });
  it("reads flags, text and expressions", () => {
    const n = node([
      { type: "mdxJsxAttribute", name: "required", value: null },
      { type: "mdxJsxAttribute", name: "deprecated", value: { type: "x", value: "false" } },
      { type: "mdxJsxAttribute", name: "body", value: { type: "x", value: '"amount"' } },
      { type: "mdxJsxAttribute", name: "hidden", value: "maybe" },
    ]);
    expect(booleanValue(attribute(n, "required"))).toBe(true);
    expect(booleanValue(attribute(n, "deprecated"))).toBe(false);
    expect(booleanValue(attribute(n, "hidden"))).toBe("invalid");
    expect(booleanValue(attribute(n, "absent"))).toBeUndefined();
    expect(stringValue(attribute(n, "body"))).toBe("amount");
  });
});

describe("options and examples", () => {
  const paragraph = (...children: MdNode[]): MdNode => ({ type: "paragraph", children });
  const text = (value: string): MdNode => ({ type: "text", value });
  const code = (value: string): MdNode => ({ type: "inlineCode", value });
  it("reads options only where the page labels them", () => {
    expect(
      readOptionsParagraph(
        paragraph(text("Available options: "), code("a"), text(", "), code("b")),
      ),
    ).toEqual({ values: ["a", "b"], labelled: false });
    expect(readOptionsParagraph(paragraph(text("Available options: x, y")))).toEqual({
      values: ["x", "y"],
      labelled: false,
    });
    expect(
      readOptionsParagraph(paragraph(text("One of: "), code("eq"), text(" or "), code("gt"))),
    ).toEqual({ values: ["eq", "gt"], labelled: false });
    // Each value with what it means in parentheses: still the values, and the text is kept.
    expect(
      readOptionsParagraph(
        paragraph(text("Available options: "), code("net:1"), text(" (Main),\n"), code("net:5")),
      ),
    ).toEqual({ values: ["net:1", "net:5"], labelled: true });
    expect(
      readOptionsParagraph(paragraph(text("Available options: "), code("a"), text(" (x) then y"))),
    ).toBe("invalid");
    expect(readOptionsParagraph(paragraph(text("Options: see the guide")))).toBeUndefined();
    expect(
      readOptionsParagraph(paragraph(text("Use "), code("a"), text(" or "), code("b"))),
    ).toBeUndefined();
  });
  it("reads the status from a code block title", () => {
    expect(statusOf("200 Success theme={null}")).toBe("200");
    expect(statusOf('title="404"')).toBe("404");
    expect(statusOf("201 - Created")).toBe("201");
    expect(statusOf("Example Response")).toBeUndefined();
  });
  it("reads JSON examples with comments and trailing commas", () => {
    expect(readJsonExample('{ "a": "http://x", // note\n "b": [1, 2,], }')).toEqual({
      ok: true,
      value: { a: "http://x", b: [1, 2] },
    });
    expect(readJsonExample("{ ... }").ok).toBe(false);
  });
});

describe("parseMintlifyMdx", () => {
  it("reads attribute spellings: required={true}, default={10}, defaultValue, initialValue", () => {
    const doc = strict(
      page(
        'api: "POST /v1/jobs"',
        [
          '<ParamField body="n" type="integer" required={true} default={10} maximum={50}>Count.</ParamField>',
          "",
          '<ParamField body="mode" type="string" defaultValue="fast" initialValue="slow" />',
        ].join("\n"),
      ),
    );
    const schema = doc.paths["/v1/jobs"].post.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(["n"]);
    expect(schema.properties.n).toEqual({
      type: "integer",
      maximum: 50,
      default: 10,
      description: "Count.",
    });
    expect(schema.properties.mode).toEqual({ type: "string", default: "fast", examples: ["slow"] });
  });

  it("is strict about a bad required value, lenient reports it at its line", () => {
    const text = page('api: "GET /v1/x"', '<ParamField query="q" type="string" required="yes" />');
    expect(errorOf(text).line).toBe(5);
    const { warnings } = lenient(text);
    expect(warnings.map((w) => w.line)).toEqual([5]);
  });

  it("reports a frontmatter alias to an anchor it never set as a located error", () => {
    const text = page('title: *a\napi: "GET /v1/x"', '<ParamField query="q" type="string" />');
    const error = errorOf(text);
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/valid YAML in the frontmatter/);
  });

  it("repairs a stray < in lenient mode and names it in strict mode", () => {
    const text = page(
      'api: "GET /v1/x"',
      'Width <= 4096 <br>\n\n<ParamField query="q" type="string" />',
    );
    expect(errorOf(text).message).toContain("p.mdx:5: expected valid MDX");
    const { doc, warnings } = lenient(text);
    expect(warnings.length).toBeGreaterThan(0);
    expect(doc.paths["/v1/x"].get.parameters[0].name).toBe("q");
  });

  it("reads a placeholder in a sentence (`<base-url>`) as text, strict; an unclosed element stays an error", () => {
    const text = page(
      'api: "GET /v1/x"',
      'Replace the host with <base-url>/api on a dedicated plan.\n\n<ParamField query="q" type="string" />',
    );
    expect(strict(text).paths["/v1/x"].get.parameters[0].name).toBe("q");
    const unclosed = page('api: "GET /v1/x"', '<Note>\n\n<ParamField query="q" type="string" />');
    expect(errorOf(unclosed).message).toContain("expected valid MDX");
  });

  it("leaves placeholders in the frontmatter and in single-quoted attributes as written", () => {
    const text = [
      "---",
      "title: Send a widget",
      "description: Send <api-key> in the <auth-header> header.",
      'api: "POST https://<your-domain>.widgets.example/v1/widgets"',
      "---",
      "",
      '<ParamField body="name" type="string" default=\'<widget-name>\'>The name.</ParamField>',
    ].join("\n");
    const doc = strict(text);
    const op = doc.paths["/v1/widgets"].post;
    expect(op.description).toBe("Send <api-key> in the <auth-header> header.");
    expect(op.requestBody.content["application/json"].schema.properties.name.default).toBe(
      "<widget-name>",
    );
  });

  it("escapes placeholders in text only: not in code, quoted attribute values or a closed element", () => {
    const text = page(
      'api: "GET /v1/x"',
      [
        "Call `<base-url>/v1/x` or <base-url>/v1/x.",
        "",
        '<ParamField query="q" type="string" default="<api-key>">Use <api-key> here.</ParamField>',
      ].join("\n"),
    );
    const op = strict(text).paths["/v1/x"].get;
    expect(op.description).toBe("Call `<base-url>/v1/x` or <base-url>/v1/x.");
    expect(op.parameters[0].schema.default).toBe("<api-key>");
    expect(op.parameters[0].description).toBe("Use <api-key> here.");
  });

  it("drops an HTML comment, and a broken response example only with a warning, strict or not", () => {
    const text = page(
      'api: "GET /v1/x"',
      [
        "<!-- mirrored; do not edit -->",
        "",
        '<ResponseField name="id" type="string" />',
        "",
        "<ResponseExample>",
        "```json 200",
        '{ "id": "a" "b": 1 }',
        "```",
        "</ResponseExample>",
      ].join("\n"),
    );
    const warnings: Warning[] = [];
    const doc = parseMintlifyMdx(text, { file: "p.mdx", warn: (w) => warnings.push(w) });
    const response = doc.paths["/v1/x"].get.responses["200"].content["application/json"];
    expect(response.schema.properties).toEqual({ id: { type: "string" } });
    expect(response.example).toBeUndefined();
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^p\.mdx:11: expected a JSON response example \(left out\)/),
    ]);
  });

  it("reads fields after many HTML comments (comments use none of the repairs)", () => {
    const comments = Array.from({ length: 40 }, (_, i) => `<!-- note ${i} -->`).join("\n\n");
    const doc = strict(
      page('api: "GET /v1/x"', `${comments}\n\n<ParamField query="q" type="string" />`),
    );
    expect(doc.paths["/v1/x"].get.parameters[0].name).toBe("q");
  });

  it("reads a heading over a Type list as a field only where it is placed and typed", () => {
    const notes = strict(
      page(
        'api: "POST /v1/x"',
        '<ParamField body="name" type="string" />\n\n## Notes\n\n### Idempotency\n\n- **Type:** string\n- **Description:** Retry safely.\n\n### Authentication\n\n- **Type:** Bearer token\n- **In:** header',
      ),
    );
    const body = notes.paths["/v1/x"].post.requestBody.content["application/json"].schema;
    expect(Object.keys(body.properties)).toEqual(["name"]);
    expect(notes.paths["/v1/x"].post.parameters).toBeUndefined();
  });

  it("reports an openapi: page without fields at its key, and reads one that writes them out", () => {
    const bare = page('title: T\nopenapi: "openapi.json POST /v1/x"', "Some prose.");
    const error = errorOf(bare);
    expect(error.line).toBe(3);
    expect(error.message).toContain("POST /v1/x of the spec openapi.json");
    expect(Object.keys(lenient(bare).doc.paths)).toEqual(["/v1/x"]);
    const written = strict(
      page('title: T\nopenapi: "openapi.json POST /v1/x"', '<ParamField body="a" type="string" />'),
    );
    expect(written.paths["/v1/x"].post.requestBody.content["application/json"].schema).toEqual({
      type: "object",
      properties: { a: { type: "string" } },
    });
  });

  it("takes the operation from the curl example when there is no frontmatter", () => {
    const doc = strict(
      [
        "# Ping",
        "",
        "> Checks the service.",
        "",
        '<ParamField header="X-Trace" type="string" />',
        "",
        "<RequestExample>",
        "```bash",
        "curl https://api.pingly.io/v1/ping",
        "```",
        "</RequestExample>",
      ].join("\n"),
    );
    expect(doc.servers).toEqual([{ url: "https://api.pingly.io" }]);
    expect(doc.paths["/v1/ping"].get.summary).toBe("Ping");
    expect(doc.paths["/v1/ping"].get.description).toBe("Checks the service.");
  });

  it("says what is missing when a page names no operation", () => {
    const error = errorOf(page("title: Nothing", '<ParamField body="a" type="string" />'));
    expect(error.line).toBe(1);
    expect(error.message).toContain("api:");
  });

  it("nests dotted names under a listed parent, or under an object made up for an unlisted one", () => {
    const doc = strict(
      page(
        'api: "GET /v1/x"',
        [
          '<ResponseField name="data" type="object" />',
          '<ResponseField name="data.id" type="string" required />',
          '<ResponseField name="meta.page" type="integer" />',
        ].join("\n\n"),
      ),
    );
    const schema = doc.paths["/v1/x"].get.responses["200"].content["application/json"].schema;
    expect(schema.properties.data).toEqual({
      type: "object",
      properties: { id: { type: "string" } },
      required: ["id"],
    });
    // Pages write `meta.page` for a field of `meta` (a JSON key with a dot is rare): `meta` is
    // an object even where no row lists it.
    expect(schema.properties.meta).toEqual({
      type: "object",
      properties: { page: { type: "integer" } },
    });
  });

  it("reads `- `name`: meaning` lists as fields only on a page made of them", () => {
    // A page with field elements: its lists of values and error codes are prose.
    const elements = strict(
      page(
        'api: "GET /v1/invoices/{id}"',
        [
          '<ParamField path="id" type="string" required />',
          "## Response",
          '<ResponseField name="status" type="string" />',
          "The `status` is one of:\n\n- `draft`: not sent\n- `paid`: settled",
          "### Errors\n\n- `not_found`: no such invoice",
        ].join("\n\n"),
      ),
    );
    const responses = elements.paths["/v1/invoices/{id}"].get.responses;
    expect(Object.keys(responses)).toEqual(["200"]);
    expect(Object.keys(responses["200"].content["application/json"].schema.properties)).toEqual([
      "status",
    ]);
    // A page of such lists: nested items make the field an object.
    const listed = strict(
      page(
        'title: "Create a board"',
        [
          "`POST /v1/boards`",
          "## Body Parameters",
          "- `title`: Its title.",
          "- `settings`: Its settings:\n  - `color`: Its colour.\n  - `private`: Members only.",
        ].join("\n\n"),
      ),
    );
    const body = listed.paths["/v1/boards"].post.requestBody.content["application/json"].schema;
    expect(body.properties.settings).toEqual({
      type: "object",
      description: "Its settings:",
      properties: {
        color: { description: "Its colour." },
        private: { description: "Members only." },
      },
    });
  });

  it("nests a table under an object only where the sentence above it opens that object", () => {
    const doc = strict(
      page(
        'api: "POST /v1/users"',
        [
          "## Request Body",
          "Send a JSON object with `Content-Type: application/json`.",
          "| Name | Type | Required | Description |\n| --- | --- | --- | --- |\n| `email` | string | Yes | Email |",
        ].join("\n\n"),
      ),
    );
    const body = doc.paths["/v1/users"].post.requestBody.content["application/json"].schema;
    expect(Object.keys(body.properties)).toEqual(["email"]);
  });

  it("reads a type cell with a footnote's mark (`[String*](…)`) as the type", () => {
    const doc = strict(
      page(
        'api: "POST /v1/users"',
        [
          "## Request Body",
          "| Name | Type | Description |\n| --- | --- | --- |\n| `filter` | [String*](/filters) | Which. |",
        ].join("\n\n"),
      ),
    );
    const body = doc.paths["/v1/users"].post.requestBody.content["application/json"].schema;
    expect(body.properties.filter).toEqual({ type: "string", description: "Which." });
    // Bare, the mark may say required (as a legend does): not guessed.
    const bare = page(
      'api: "POST /v1/users"',
      "## Request Body\n\n| Name | Type | Description |\n| --- | --- | --- |\n| `blend` | string* | The tea. |",
    );
    expect(() => strict(bare)).toThrow(/a type/);
  });

  it("makes the parent of dotted rows a list of objects where the example shows a list", () => {
    const doc = strict(
      page(
        'api: "GET /v1/users"',
        [
          "## Response",
          '```json\n{ "hits": [{ "value": "a", "count": 2 }], "took": 3 }\n```',
          "| Name | Type | Description |\n| --- | --- | --- |\n| `hits.value` | String | The value. |\n| `hits.count` | Integer | How many. |\n| `took` | Integer | Milliseconds. |",
        ].join("\n\n"),
      ),
    );
    const schema = doc.paths["/v1/users"].get.responses["200"].content["application/json"].schema;
    expect(schema.properties.hits.type).toBe("array");
    expect(Object.keys(schema.properties.hits.items.properties)).toEqual(["value", "count"]);
  });

  it("unwraps a Response field only when the example does not show it as a key", () => {
    const wrapped = (example: string) =>
      strict(
        page(
          'api: "GET /v1/report"',
          [
            '<ResponseField name="Response" type="object">\n<Expandable>\n<ResponseField name="status" type="string" />\n</Expandable>\n</ResponseField>',
            `<ResponseExample>\n\n\`\`\`json 200\n${example}\n\`\`\`\n\n</ResponseExample>`,
          ].join("\n\n"),
        ),
      ).paths["/v1/report"].get.responses["200"].content["application/json"].schema.properties;
    expect(Object.keys(wrapped('{"status": "ok"}'))).toEqual(["status"]);
    expect(Object.keys(wrapped('{"Response": {"status": "ok"}}'))).toEqual(["Response"]);
  });

  it("names a path parameter that lost its name after the template, whatever the body holds", () => {
    const doc = strict(
      page(
        'api: "POST /v1/x/{id}"',
        '## Path Parameters\n\n<ParamField type="string">The thing.</ParamField>\n\n<ParamField body="id" type="string" />',
      ),
    );
    expect(doc.paths["/v1/x/{id}"].post.parameters[0]).toMatchObject({ name: "id", in: "path" });
    expect(() =>
      strict(page('api: "POST /v1/x"', '## Path Parameters\n\n<ParamField type="string" />')),
    ).toThrow(/p\.mdx:\d+: expected one location attribute on ParamField/);
  });

  it("reads integer(int64) as a format and refuses string(64), a size", () => {
    const doc = strict(page('api: "POST /v1/x"', '<ParamField body="n" type="integer(int64)" />'));
    expect(
      doc.paths["/v1/x"].post.requestBody.content["application/json"].schema.properties.n,
    ).toEqual({
      type: "integer",
      format: "int64",
    });
    expect(() =>
      strict(page('api: "POST /v1/x"', '<ParamField body="s" type="string(64)" />')),
    ).toThrow(/a known type, not "string\(64\)"/);
  });

  it("keeps dotted query names as written, and nests a parent's row that comes after its children", () => {
    const doc = strict(
      page(
        'api: "POST /v1/x"',
        [
          '<ParamField query="created.gte" type="integer" />',
          '<ParamField body="layout.width" type="integer" />',
          '<ParamField body="layout" type="object">Where it sits</ParamField>',
          '<ParamField body="items" type="object[]" />',
          '<ParamField body="items[].sku" type="string" />',
        ].join("\n\n"),
      ),
    );
    const op = doc.paths["/v1/x"].post;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(["created.gte"]);
    const body = op.requestBody.content["application/json"].schema.properties;
    expect(body.layout).toEqual({
      type: "object",
      description: "Where it sits",
      properties: { width: { type: "integer" } },
    });
    expect(body.items.items.properties).toEqual({ sku: { type: "string" } });
    expect(Object.keys(body)).toEqual(["layout", "items"]);
  });

  it("places a location-less ParamField by its section heading or the path template, else reports it", () => {
    const placed = strict(
      page(
        'api: "GET /v1/x/{id}"',
        '<ParamField title="id" type="string" />\n\n## Query Parameters\n\n<ParamField name="page" type="integer" />',
      ),
    );
    expect(placed.paths["/v1/x/{id}"].get.parameters).toEqual([
      { name: "id", in: "path", required: true, schema: { type: "string" } },
      { name: "page", in: "query", schema: { type: "integer" } },
    ]);
    const text = page(
      'api: "GET /v1/x"',
      '## Parameters\n\n<ParamField name="page" type="integer" />',
    );
    expect(errorOf(text).line).toBe(7);
    const { doc, warnings } = lenient(text);
    expect(warnings).toHaveLength(1);
    expect(doc.paths["/v1/x"].get.parameters).toEqual([
      { name: "page", in: "query", schema: { type: "integer" } },
    ]);
  });

  it("reads options listed under a label, one per list item", () => {
    const doc = strict(
      page(
        'api: "GET /v1/x"',
        '<ParamField query="o" type="string">\n  Possible values:\n\n  - `a`: first\n  - `b`: second\n</ParamField>',
      ),
    );
    expect(doc.paths["/v1/x"].get.parameters[0].schema).toEqual({
      type: "string",
      enum: ["a", "b"],
    });
  });

  it("reads response fields as list items when the example is a list", () => {
    const doc = strict(
      page(
        'api: "GET /v1/x"',
        '<ResponseField name="id" type="string" />\n\n<ResponseExample>\n```json 200\n[{ "id": "a" }]\n```\n</ResponseExample>',
      ),
    );
    const media = doc.paths["/v1/x"].get.responses["200"].content["application/json"];
    expect(media.schema).toEqual({
      type: "array",
      items: { type: "object", properties: { id: { type: "string" } } },
    });
  });

  it("reads a status from a tab title and drops a repeated parent name", () => {
    const doc = strict(
      page(
        'api: "GET /v1/x"',
        [
          '<ParamField query="c" type="object">',
          '  <Expandable title="c">',
          '    <ParamField query="c.email" type="string" />',
          "  </Expandable>",
          "</ParamField>",
          "",
          '<Tabs>\n  <Tab title="404">\n    <ResponseField name="message" type="string" />\n  </Tab>\n</Tabs>',
        ].join("\n"),
      ),
    );
    const get = doc.paths["/v1/x"].get;
    expect(get.parameters[0].schema.properties).toEqual({ email: { type: "string" } });
    expect(Object.keys(get.responses)).toEqual(["404"]);
  });

  it("treats unknown components around fields as prose", () => {
    const doc = strict(
      page(
        'api: "GET /v1/x"',
        '<Accordion title="More">\n  <Info>Heads up.</Info>\n\n  <ParamField query="q" type="string" />\n</Accordion>',
      ),
    );
    expect(doc.paths["/v1/x"].get.parameters[0]).toMatchObject({ name: "q", in: "query" });
  });
});

describe("detection", () => {
  it("claims MDX pages and leaves the other forms alone", () => {
    expect(looksLikeMintlifyMdx(page('title: X\napi: "POST /v1/x"', "Text."))).toBe(true);
    expect(looksLikeMintlifyMdx('# X\n\n<ResponseField name="a" type="string" />\n')).toBe(true);
    expect(looksLikeMintlifyMdx(page("title: X\nurl: https://x.example", "POST\n/v1/x"))).toBe(
      false,
    );
    expect(looksLikeMintlifyMdx("openapi: 3.1.0\ninfo:\n  title: X\n")).toBe(false);
    expect(detectFormat(page('api: "GET /v1/x"', ""), "x.mdx")).toBe("mintlify-mdx");
    expect(
      detectFormat("openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths: {}\n", "x.yaml"),
    ).toBe("openapi");
  });
});
