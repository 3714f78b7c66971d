import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  lineOf,
  operation,
  page,
  parse,
  parseLenient,
  responseSchema,
} from "../fixtures/mintlify-page/page.ts";

const response = (fields: string, example?: string) =>
  page(`Response\n\n200 - application/json\n\nThe thing.\n\n${fields}`, example ? { example } : {});

describe("mintlify-page fields", () => {
  it("refuses a string's length after a number's example: a field whose name the copy lost", () => {
    const fields = (after: string) =>
      response(
        `limit\nnumber\ndefault:20\n\nHow many.\n\nRequired range: 1 <= x <= 100\nExample:\n\n20\n\n${after}\n\nsort\nstring\n\nThe order.\n`,
      );
    const lost = fields("Words to look for.\n\nMaximum string length: 100");
    expect(() => parse(lost)).toThrow(/:\d+: expected a field name and type before this line/);
    const lenient = responseSchema(parseLenient(lost).doc);
    expect(lenient.properties.limit.maxLength).toBeUndefined();
    // (Leniently, what follows the example is the lost field's: the number keeps its own.)
    const more = fields('Words to look for.\n\nMaximum string length: 100\nExample:\n\n"red"');
    const limit = responseSchema(parseLenient(more).doc).properties.limit;
    expect(limit.description).toBe("How many.");
    expect(JSON.stringify(limit)).not.toMatch(/red|Words/);
    // Above the example, a number's own (a spec's slip, which the page shows as it is).
    const own = response(
      "limit\nnumber\n\nHow many.\n\nMaximum string length: 100\nExample:\n\n20\n",
    );
    expect(responseSchema(parse(own)).properties.limit.maxLength).toBe(100);
  });

  it("reads a type word under `default:` as the value of a field already typed", () => {
    const doc = parse(
      response(
        "object\nstring\ndefault:\nfile\n\nWhat the object is.\n\nsize\ninteger\n\nIts size.\n",
      ),
    );
    const schema = responseSchema(doc);
    expect(schema.properties.object).toMatchObject({ type: "string", default: "file" });
    expect(Object.keys(schema.properties)).toEqual(["object", "size"]);
    // Over a pill it is the next field's name (`object`, `required`), not the value.
    const next = parse(response("mode\nstring\ndefault:\n\nobject\nrequired\n\nHow.\n"));
    expect(responseSchema(next).properties.mode?.default).not.toBe("object");
    expect(responseSchema(next).required).toEqual(["object"]);
    // Where the field has no type yet, the word is its type, as before.
    const untyped = parse(response("mode\ndefault:\nstring\n\nHow.\n"));
    expect(responseSchema(untyped).properties.mode?.default).not.toBe("string");
  });

  it("ends an enum at the option without a comma, even when a field follows at once", () => {
    const doc = parse(
      response("kind\nenum<string>\nrequired\nAvailable options:\nalpha,\nbeta\nsize\nnumber\n"),
    );
    const schema = responseSchema(doc);
    expect(schema.properties.kind).toEqual({ type: "string", enum: ["alpha", "beta"] });
    expect(schema.properties.size).toEqual({ type: "number" });
    expect(schema.required).toEqual(["kind"]);
  });

  it("adds null to the options of a nullable enum and converts integer options", () => {
    const doc = parse(
      response(
        "reason\nenum<string> | null\n\nWhy.\n\nAvailable options:\na,\nb\n" +
          "level\nenum<integer>\n\nAvailable options:\n1,\n2,\n3\n",
      ),
    );
    const { reason, level } = responseSchema(doc).properties;
    expect(reason).toEqual({
      type: ["string", "null"],
      enum: ["a", "b", null],
      description: "Why.",
    });
    expect(level.enum).toEqual([1, 2, 3]);
  });

  it("puts the options of an enum array on its items", () => {
    const doc = parse(response("tags\nenum<string>[]\n\nAvailable options:\nx,\ny\n"));
    expect(responseSchema(doc).properties.tags).toEqual({
      type: "array",
      items: { type: "string", enum: ["x", "y"] },
    });
  });

  it("gives a field without a type line an unconstrained schema, not a guess", () => {
    const doc = parse(response("owner\nrequired\n\nWho owns it.\n\nnext\nstring\n"));
    const schema = responseSchema(doc);
    expect(schema.properties.owner).toEqual({ description: "Who owns it." });
    expect(schema.required).toEqual(["owner"]);
  });

  it("reads a type-less, unmarked field only when the example has that key", () => {
    const doc = parse(
      response("id\nstring\n\nThe id.\n\nnote\n\nA free note.\n", '{"id":"a","note":"b"}'),
    );
    expect(responseSchema(doc).properties.note).toEqual({ description: "A free note." });
    const other = parse(response("id\nstring\n\nThe id.\n\nnote\n\nfree\n", '{"id":"a"}'));
    expect(responseSchema(other).properties.id.description).toBe("The id.\n\nnote\n\nfree");
  });

  it("reads a type-less field the example lacks when a sentence describes it", () => {
    const doc = parse(
      response("id\nstring\n\nThe id.\n\nrelay_mode\n\nHow it relays: on or off.\n"),
    );
    expect(responseSchema(doc).properties.relay_mode).toEqual({
      description: "How it relays: on or off.",
    });
    // After a lead-in (`One of:`), and after each value and its sentence under it, a
    // capitalized word or a value: the description goes on.
    for (const text of [
      "The id. One of:\n\nactive\n\nThe session runs on.",
      "The id. One of:\n\nactive\n\nThe session runs on.\n\nlive\n\nThe session moves money.",
      "The id.\n\nNote\n\nThe session runs on.",
      "The id.\n\nnull\n\nWhen there is none at all.",
    ]) {
      const read = parse(response(`id\nstring\n\n${text}\n`));
      expect(Object.keys(responseSchema(read).properties)).toEqual(["id"]);
    }
  });

  it("reads defaults by the field type", () => {
    const doc = parse(
      response(
        "deleted\nboolean\ndefault:false\n\nx\n\nlimit\ninteger\ndefault:10\n\ny\n\n" +
          'code\nstring\ndefault:10\n\nz\n\nlabel\nstring\ndefault:"none"\n\nw\n\n' +
          'open\nboolean\ndefault:"true"\n\nv\n',
      ),
    );
    const p = responseSchema(doc).properties;
    const defaults = [p.deleted, p.limit, p.code, p.label, p.open].map((s) => s.default);
    expect(defaults).toEqual([false, 10, "10", "none", true]);
  });

  it.each([
    ["Required range: 100 <= x <= 99999900", "integer", { minimum: 100, maximum: 99999900 }],
    ["Required range: x > 0", "number", { exclusiveMinimum: 0 }],
    ["Required range: 0 < x < 1", "number", { exclusiveMinimum: 0, exclusiveMaximum: 1 }],
    ["Required range: x <= 5.5", "number", { maximum: 5.5 }],
    ["Maximum length: 256", "string", { maxLength: 256 }],
    ["Minimum length: 1", "string", { minLength: 1 }],
    ["Maximum string length: 500", "string", { maxLength: 500 }],
    ["Required string length: 3 - 50", "string", { minLength: 3, maxLength: 50 }],
    ["Required string length: 3", "string", { minLength: 3, maxLength: 3 }],
    ["Minimum array length: 1", "string[]", { minItems: 1 }],
    ["Maximum array length: 10", "string[]", { maxItems: 10 }],
    ["Maximum length: 4", "string[]", { maxItems: 4 }],
    ["Pattern: ^[a-z]+$", "string", { pattern: "^[a-z]+$" }],
  ])("reads the constraint %s", (line, type, keywords) => {
    const doc = parse(response(`value\n${type}\n\nThe value.\n\n${line}\nafter\nstring\n`));
    const value = responseSchema(doc).properties.value;
    expect(value).toMatchObject(keywords);
    expect(value.description).toBe("The value.");
    expect(responseSchema(doc).properties.after).toEqual({ type: "string" });
  });

  it("reads a multi-line JSON example and the field that follows its closing brace", () => {
    const doc = parse(
      response(
        'meta\nobject\n\nFree data.\n\nExample:\n{\n"a": "x}",\n"b": [1, 2]\n}\nnext\nboolean\n',
      ),
    );
    const { meta, next } = responseSchema(doc).properties;
    expect(meta.examples).toEqual([{ a: "x}", b: [1, 2] }]);
    expect(next).toEqual({ type: "boolean" });
  });

  it("reads one-line examples as JSON, and as text when they are not JSON", () => {
    const doc = parse(
      response("a\nnumber\n\nExample:\n\n12.5\n\nb\nstring\n\nExample: plain words\n"),
    );
    const p = responseSchema(doc).properties;
    expect(p.a.examples).toEqual([12.5]);
    expect(p.b.examples).toEqual(["plain words"]);
  });

  it("keeps several description paragraphs", () => {
    const doc = parse(response("a\nstring\n\nFirst.\n\nSecond line one\nline two.\n\nb\nstring\n"));
    expect(responseSchema(doc).properties.a.description).toBe(
      "First.\n\nSecond line one\nline two.",
    );
  });

  it("marks deprecated fields", () => {
    const doc = parse(response("old\nstring\ndeprecated\n\nGone soon.\n"));
    expect(responseSchema(doc).properties.old.deprecated).toBe(true);
  });
});

describe("mintlify-page objects", () => {
  it("names a `Title · object` schema, reuses it and recovers its properties from the example", () => {
    const doc = parse(
      response(
        "home\nPostal Address \u00B7 object\nrequired\n\nHome.\n\nwork\nPostal Address \u00B7 object\n\nWork.\n",
        '{"home": {"line1": "<string>", "zip": 123}, "work": {"line1": "x"}}',
      ),
    );
    const p = responseSchema(doc).properties;
    expect(p.home).toEqual({ $ref: "#/components/schemas/PostalAddress", description: "Home." });
    expect(p.work.$ref).toBe("#/components/schemas/PostalAddress");
    expect(doc.components.schemas).toEqual({
      PostalAddress: {
        type: "object",
        properties: { line1: { type: "string" }, zip: { type: "integer" } },
        additionalProperties: true,
      },
    });
  });

  it("widens a recovered schema when examples disagree", () => {
    const example =
      '{"home": {"zip": 123}, "work": {"zip": "A1", "extra": true}, ' +
      '"lines": [{"a": 1}, {"a": "x", "b": true}]}';
    const doc = parse(
      response(
        "home\nPostal Address \u00B7 object\n\nHome.\n\nwork\nPostal Address \u00B7 object\n\n" +
          "Work.\n\nlines\nobject[]\n\nLines.\n",
        example,
      ),
    );
    expect(doc.components.schemas.PostalAddress.properties).toEqual({
      zip: {},
      extra: { type: "boolean" },
    });
    expect(responseSchema(doc).properties.lines.items.properties).toEqual({
      a: {},
      b: { type: "boolean" },
    });
  });

  it("puts dotted child fields of an array of named objects on the component", () => {
    const doc = parse(
      response(
        "items\nLine Item \u00B7 object[]\n\nThe lines.\n\nitems.sku\nstring\nrequired\n\nSKU.\n\n" +
          "items.qty\ninteger\n\nHow many.\n",
      ),
    );
    expect(responseSchema(doc).properties.items).toEqual({
      type: "array",
      items: { $ref: "#/components/schemas/LineItem" },
      description: "The lines.",
    });
    expect(doc.components.schemas.LineItem).toEqual({
      type: "object",
      properties: {
        sku: { type: "string", description: "SKU." },
        qty: { type: "integer", description: "How many." },
      },
      required: ["sku"],
    });
  });

  it("nests dotted children of a plain object and of an unnamed object array", () => {
    const doc = parse(
      response(
        "owner\nobject\nrequired\n\nOwner.\n\nShow child attributes\n\nowner.name\nstring\nrequired\n\n" +
          "Name.\n\nowner.address.city\nstring\n\nCity.\n\nlines\nobject[]\n\nlines.id\nstring\n",
      ),
    );
    const p = responseSchema(doc).properties;
    expect(p.owner.properties.name).toEqual({ type: "string", description: "Name." });
    expect(p.owner.required).toEqual(["name"]);
    expect(p.owner.properties["address.city"]).toEqual({ type: "string", description: "City." });
    expect(p.lines.items.properties.id).toEqual({ type: "string" });
  });

  it("lets prose restate no bound the pills give as exclusive", () => {
    const doc = parse(
      response("temperature\nnumber\n\nValued between 0 and 2.\n\nRequired range: 0 <= x < 2\n"),
    );
    expect(responseSchema(doc).properties.temperature).toEqual({
      type: "number",
      minimum: 0,
      exclusiveMaximum: 2,
      description: "Valued between 0 and 2.",
    });
  });

  it("lists the children of a union under its first alternative, the tab the page shows open", () => {
    const doc = parse(
      response(
        "content\n(Text · object | File · object)[]\nrequired\n\nParts.\n\nHide child attributes\n\n" +
          "content.type\nstring\nrequired\n\nAlways text.\n\ncontent.text\nstring\n",
      ),
    );
    const text = doc.components?.schemas?.Text as { properties: object; required: string[] };
    expect(Object.keys(text.properties)).toEqual(["type", "text"]);
    expect(text.required).toEqual(["type"]);
  });

  it("nests plain names after a child-attributes toggle while the example agrees", () => {
    const example = '{"owner": {"name": "a", "email": "b"}, "count": 1}';
    const doc = parse(
      response(
        "owner\nobject\n\nOwner.\n\nHide child attributes\n\nname\nstring\n\nName.\n\n" +
          "email\nstring\n\nEmail.\n\ncount\ninteger\n\nHow many.\n",
        example,
      ),
    );
    const p = responseSchema(doc).properties;
    expect(Object.keys(p)).toEqual(["owner", "count"]);
    expect(Object.keys(p.owner.properties)).toEqual(["name", "email"]);
  });

  it("nests plain names under an array of objects after a Show toggle", () => {
    const example = '{"data": [{"id": "a", "kind": "x"}], "has_more": false}';
    const doc = parse(
      response(
        "data\nobject[]\nrequired\n\nThe page.\n\nShow child attributes\n\nid\nstring\nrequired\n\n" +
          "The id.\n\nkind\nstring\n\nThe kind.\n\nhas_more\nboolean\nrequired\n\nMore?\n",
        example,
      ),
    );
    const schema = responseSchema(doc);
    expect(Object.keys(schema.properties)).toEqual(["data", "has_more"]);
    expect(schema.required).toEqual(["data", "has_more"]);
    expect(schema.properties.data.items).toEqual({
      type: "object",
      properties: {
        id: { type: "string", description: "The id." },
        kind: { type: "string", description: "The kind." },
      },
      required: ["id"],
    });
  });

  it("keeps fields after an expanded toggle nested when no example says otherwise", () => {
    const doc = parse(
      page(
        "Query Parameters\n\nfilter\nobject\n\nFilters.\n\nHide child attributes\n\n" +
          "status\nstring\n\nBy status.\n",
      ),
    );
    const filter = doc.paths["/things/{id}"].get.parameters[0];
    expect(filter.name).toBe("filter");
    expect(filter.schema.properties.status).toEqual({ type: "string", description: "By status." });
  });

  it("reads a plain name after a collapsed toggle as the next sibling (the copy holds no children)", () => {
    const doc = parse(
      page(
        "Query Parameters\n\nfilter\nobject\n\nFilters.\n\nShow child attributes\n\n" +
          "status\nstring\n\nBy status.\n",
      ),
    );
    const query = doc.paths["/things/{id}"].get.parameters.filter(
      (p: { in: string }) => p.in === "query",
    );
    expect(query.map((p: { name: string }) => p.name)).toEqual(["filter", "status"]);
  });

  it("recovers nested structure of a plain object from the example, nothing required", () => {
    const example =
      '{"merchant": {"name": "<string>", "tags": ["x"], "geo": {"lat": 1.5}}, "meta": {}}';
    const doc = parse(response("merchant\nobject\n\nWho.\n\nmeta\nobject\n\nAnything.\n", example));
    const p = responseSchema(doc).properties;
    expect(p.merchant).toEqual({
      type: "object",
      description: "Who.",
      properties: {
        name: { type: "string" },
        tags: { type: "array", items: { type: "string" } },
        geo: {
          type: "object",
          properties: { lat: { type: "number" } },
          additionalProperties: true,
        },
      },
      additionalProperties: true,
    });
    expect(p.meta).toEqual({
      type: "object",
      description: "Anything.",
      additionalProperties: true,
    });
  });
});

describe("mintlify-page parameters and bodies", () => {
  it("reads path, query, header and cookie parameters", () => {
    const doc = parse(
      page(
        "Path Parameters\n\nid\nstring\n\nThe id.\n\n" +
          "Query Parameters\n\nlimit\ninteger\ndefault:10\n\nPage size.\n\nRequired range: 1 <= x <= 100\n" +
          "cursor\nstring\nrequired\n\nWhere to start.\n\n" +
          "Headers\n\nX-Idempotency-Key\nstring\n\nRetry safely.\n\nMaximum length: 256\n\n" +
          "Cookies\n\nsession\nstring\n\nThe session.\n",
      ),
    );
    expect(operation(doc).parameters).toEqual([
      {
        name: "id",
        in: "path",
        description: "The id.",
        required: true,
        schema: { type: "string" },
      },
      {
        name: "limit",
        in: "query",
        description: "Page size.",
        schema: { type: "integer", minimum: 1, maximum: 100, default: 10 },
      },
      {
        name: "cursor",
        in: "query",
        description: "Where to start.",
        required: true,
        schema: { type: "string" },
      },
      {
        name: "X-Idempotency-Key",
        in: "header",
        description: "Retry safely.",
        schema: { type: "string", maxLength: 256 },
      },
      { name: "session", in: "cookie", description: "The session.", schema: { type: "string" } },
    ]);
  });

  it("declares path variables the page does not document", () => {
    const doc = parse(page("Response\n\nOK\n"));
    expect(operation(doc).parameters).toEqual([
      { name: "id", in: "path", required: true, schema: { type: "string" } },
    ]);
  });

  it("reads a body with its media type and the curl --data example", () => {
    const curl = [
      "curl --request GET \\",
      "  --url https://api.acme.io/things/{id} \\",
      "  --header 'Content-Type: application/x-www-form-urlencoded' \\",
      '  --data \'{"name": "it\'\\\'\'s", "n": 1}\'',
    ];
    const doc = parse(
      page("Body\n\napplication/json\n\nname\nstring\nrequired\n\nThe name.\n\nn\ninteger\n", {
        curl,
      }),
    );
    expect(operation(doc).requestBody).toEqual({
      required: true,
      content: {
        "application/json": {
          schema: {
            type: "object",
            properties: {
              name: { type: "string", description: "The name." },
              n: { type: "integer" },
            },
            required: ["name"],
          },
          example: { name: "it's", n: 1 },
        },
      },
    });
  });

  it("makes the body optional when no field is required", () => {
    const doc = parse(page("Body\n\napplication/json\n\nnote\nstring\n"));
    expect(operation(doc).requestBody.required).toBe(false);
  });

  it("reads responses with and without a status code", () => {
    const without = parse(page("Response\n\nAll good.\n\nid\nstring\n"));
    expect(operation(without).responses["200"].description).toBe("All good.");
    const split = parse(page("Response\n\n201\napplication/json\n\nCreated.\n\nid\nstring\n"));
    expect(Object.keys(operation(split).responses)).toEqual(["201"]);
    const several = parse(
      page(
        "Response\n\n200 - application/json\n\nOK then.\n\nThe thing.\n\nid\nstring\n\n" +
          "404 - application/json\n\nNot found.\n\nmessage\nstring\n",
        { example: '{"id": "x"}' },
      ),
    );
    const responses = operation(several).responses;
    expect(responses["200"].description).toBe("OK then.");
    expect(responses["200"].content["application/json"].schema.description).toBe("The thing.");
    expect(responses["200"].content["application/json"].example).toEqual({ id: "x" });
    expect(responses["404"].content["application/json"].example).toBeUndefined();
    expect(responses["404"].content["application/json"].schema.properties.message).toEqual({
      type: "string",
    });
  });

  it("reports a scrape's anchored field name that no field came of, instead of folding it into the one above", () => {
    const scrape = readFileSync(
      new URL(
        "../fixtures/corpus/mintlify-page/scrape-page-content-pager-union-tabs.md",
        import.meta.url,
      ),
      "utf8",
    ).replace("quality\n\nstringenum<string>stringenum<string>", "tier\n\nflavourful");
    const at = lineOf(scrape, "tier");
    expect(() => parse(scrape)).toThrow(
      `page.txt:${at}: expected a field name followed by its type or \`required\`, found "tier"`,
    );
    expect(parseLenient(scrape).warnings.map((w) => w.line)).toContain(at);
  });

  it("reports an unknown heading over fields whose type it does not know, not folding them into the description", () => {
    const text = [
      "POST",
      "/v1/things",
      "Create thing",
      "Creates a thing.",
      "",
      "Extra Fields",
      "",
      "color",
      "colour-spec",
      "required",
      "Colour of the thing.",
      "",
      "Body",
      "",
      "name",
      "string",
      "",
    ].join("\n");
    expect(() => parse(text)).toThrow(/page\.txt:6: expected a known section/);
  });

  it("keeps a status with a reason phrase amid a description in that description", () => {
    const doc = parse(
      response(
        "status\nstring\n\nThe outcome. On failure, one of:\n\n402 - Card Declined\n\n" +
          "409 - Duplicate Request\n\nid\nstring\n\nThe id.\n",
      ),
    );
    expect(Object.keys(operation(doc).responses)).toEqual(["200"]);
    expect(Object.keys(responseSchema(doc).properties)).toEqual(["status", "id"]);
  });

  it("reads a field typed in its SDK's language as any type, but not a list of such values", () => {
    const doc = parse(
      response("react\nReact.ReactNode\n\nThe component.\n\nid\nstring\n\nThe id.\n"),
    );
    expect(responseSchema(doc).properties.react).toEqual({ description: "The component." });
    const values = parse(
      response("provider\nstring\n\nOne of:\n\nMicrosoft.Compute\nMicrosoft.Storage\n"),
    );
    expect(Object.keys(responseSchema(values).properties)).toEqual(["provider"]);
  });

  it("keeps type words listed as values under a lead-in in the description", () => {
    const doc = parse(
      response(
        "kind\nstring\n\nHow it is stored. One of:\n\nstring\n\nAs text.\n\nnumber\n\nAs a number.\n\n" +
          "boolean\n\nAs a flag.\n",
      ),
    );
    expect(Object.keys(responseSchema(doc).properties)).toEqual(["kind"]);
  });
});

describe("fields shown with no type and nothing else", () => {
  it("reads a name between the pills above and the next field, and one right under constraints", () => {
    const schema = responseSchema(
      parse(
        response(
          "since\nstring\nstage\nlimit\ninteger\n\nAt most this many.\n\nRequired range: 1 <= x <= 50\n" +
            "depotId\n\nOnly this depot's.\n\nsize\nnumber\n",
        ),
      ),
    );
    expect(Object.keys(schema.properties)).toEqual(["since", "stage", "limit", "depotId", "size"]);
    expect(schema.properties.stage).toEqual({});
    expect(schema.properties.limit).toEqual({
      type: "integer",
      description: "At most this many.",
      minimum: 1,
      maximum: 50,
    });
    expect(schema.properties.depotId).toEqual({ description: "Only this depot's." });
  });

  it("keeps a description of more than an identifier, and `true` under a flag, as text", () => {
    const schema = responseSchema(
      parse(
        response("since\nstring\nStart stage\nlimit\ninteger\nwide\nboolean\ntrue\nsize\nnumber\n"),
      ),
    );
    expect(Object.keys(schema.properties)).toEqual(["since", "limit", "wide", "size"]);
    expect(schema.properties.since.description).toBe("Start stage");
    expect(schema.properties.wide.description).toBe("true");
  });
});

describe("the review's cases of names and words", () => {
  it("reads a field named as a type word over its own type, and the word under a type as text", () => {
    const schema = responseSchema(
      parse(response("event\nstring\nrequired\ntimestamp\nint\nWhen it happened.\n")),
    );
    expect(schema.properties.timestamp).toEqual({
      type: "integer",
      description: "When it happened.",
    });
    const described = responseSchema(
      parse(response("created\nstring\ntimestamp\nsize\ninteger\n")),
    );
    expect(described.properties.created).toEqual({ type: "string", description: "timestamp" });
  });

  it("takes no word under pills for a field in a copy that puts descriptions right under them", () => {
    const schema = responseSchema(
      parse(response("cursor\nstring\nrequis\nlimit\ninteger\nHow many at most.\n")),
    );
    expect(Object.keys(schema.properties)).toEqual(["cursor", "limit"]);
    expect(schema.properties.cursor.description).toBe("requis");
  });
});
