import { describe, expect, it } from "vitest";
import type { Warning } from "../../src/errors.ts";
import { detectFormat } from "../../src/sources/index.ts";
import { parseMintlifyMdx } from "../../src/sources/mintlify-mdx.ts";
import type { OpenAPIDocument } from "../../src/sources/types.ts";

// Where a hand-written page's section is not the operation's own: another operation's section,
// another object's table, and a field's values said in a paragraph under its table.

type Schema = Record<string, unknown>;
const convert = (text: string) => {
  const warnings: Warning[] = [];
  const doc = parseMintlifyMdx(text, { file: "p.mdx", warn: (w) => warnings.push(w) });
  return { doc, warnings: warnings.map((w) => w.message) };
};
const operation = (doc: OpenAPIDocument): Schema => {
  const item = Object.values((doc.paths ?? {}) as Record<string, Schema>)[0] ?? {};
  return Object.values(item)[0] as Schema;
};
const propertiesOf = (holder: unknown): Schema =>
  (
    (((holder as Schema).content as Record<string, Schema>)["application/json"] as Schema)
      .schema as Schema
  ).properties as Schema;
const bodyNames = (doc: OpenAPIDocument) => Object.keys(propertiesOf(operation(doc).requestBody));
const responseProps = (doc: OpenAPIDocument) =>
  propertiesOf((operation(doc).responses as Record<string, unknown>)["200"]);

const page = (...lines: string[]) =>
  ["---", 'title: "Book a slot"', 'api: "POST /v1/slots"', "---", "", ...lines].join("\n");
const bodyTable = [
  "## Body",
  "",
  "| Field | Type | Required | Description |",
  "|---|---|---|---|",
  "| `start` | string | yes | When |",
  "| `seats` | integer | no | How many |",
  "",
];

describe("a section naming another operation", () => {
  it("is left out, with a warning, up to the next heading as high", () => {
    const { doc, warnings } = convert(
      page(
        ...bodyTable,
        "## Cancel a slot",
        "",
        "`DELETE /v1/slots/{id}`",
        "",
        "| Field | Type | Required | Description |",
        "|---|---|---|---|",
        "| `start` | string | yes | Again |",
        "",
        "## Response",
        "",
        "| Field | Type | Description |",
        "|---|---|---|",
        "| `slot_id` | string | The slot |",
      ),
    );
    expect(bodyNames(doc)).toEqual(["start", "seats"]);
    expect(Object.keys(responseProps(doc))).toEqual(["slot_id"]);
    expect(warnings.join("\n")).toMatch(/"Cancel a slot" documents DELETE \/v1\/slots\/\{id\}/);
  });

  it("is kept when it names the page's own operation (with a query, or its full URL)", () => {
    for (const line of [
      "`POST /v1/slots?dry_run=true`",
      "`POST https://api.quillon.dev/v1/slots`",
    ]) {
      const { doc, warnings } = convert(page("## Endpoint", "", line, "", ...bodyTable));
      expect(bodyNames(doc)).toEqual(["start", "seats"]);
      expect(warnings).toEqual([]);
    }
  });
});

describe("a section naming another operation, as a review found it", () => {
  it("keeps the page's own examples that sit inside it", () => {
    const { doc } = convert(
      page(
        ...bodyTable,
        "## Cancelling",
        "",
        "`DELETE /v1/slots/{id}`",
        "",
        "<ResponseExample>",
        "```json",
        '{ "slot_id": "s_1" }',
        "```",
        "</ResponseExample>",
      ),
    );
    expect(Object.keys(responseProps(doc))).toEqual(["slot_id"]);
  });

  it("ends with the container it began in", () => {
    const { doc } = convert(
      page(
        '<Accordion title="Older version">',
        "#### Version one",
        "",
        "`POST /v0/slots/create`",
        "</Accordion>",
        "",
        ...bodyTable,
      ),
    );
    expect(bodyNames(doc)).toEqual(["start", "seats"]);
  });

  it("is judged only against an `api:` line, not a first mention", () => {
    const { doc } = convert(
      [
        "---",
        'title: "Book a slot"',
        "---",
        "",
        "To see it later, use `GET /v1/slots/{id}`.",
        "",
        "## Endpoint",
        "",
        "`POST /v1/slots`",
        "",
        ...bodyTable,
        "<RequestExample>",
        "```bash",
        'curl -X POST https://api.quillon.dev/v1/slots -d \'{"start":"09:00"}\'',
        "```",
        "</RequestExample>",
      ].join("\n"),
    );
    expect(Object.keys(doc.paths ?? {})).toEqual(["/v1/slots"]);
    expect(bodyNames(doc)).toEqual(["start", "seats"]);
  });

  it("names the same operation with a placeholder in brackets or capitals", () => {
    for (const line of ["`POST /slots/<kind>`", "`POST /slots/YOUR_KIND`"]) {
      const text = page("## Request", "", line, "", ...bodyTable).replace(
        "POST /v1/slots",
        "POST https://api.quillon.dev/v1/slots/{kind}",
      );
      expect(bodyNames(convert(text).doc)).toEqual(["start", "seats"]);
    }
  });
});

describe("a second table under one heading", () => {
  const callback = (json: string) =>
    page(
      ...bodyTable,
      "With `notify` set, we send:",
      "",
      "```json",
      json,
      "```",
      "",
      "| Field | Description |",
      "|---|---|",
      "| `event` | Always `slot.changed` |",
      "| `slot_id` | The slot |",
    );

  it("is another object's when its rows are the keys of JSON shown just above it", () => {
    const { doc, warnings } = convert(callback('{ "event": "slot.changed", "slot_id": "s_1" }'));
    expect(bodyNames(doc)).toEqual(["start", "seats"]);
    expect(warnings.join("\n")).toMatch(/keys of another object, shown just above it/);
  });

  it("is the part's own when the table above it is of another place (headers)", () => {
    const { doc } = convert(
      page(
        "## Request",
        "",
        "| Header | Required | Description |",
        "|---|---|---|",
        "| `Idempotency-Key` | no | Retry safely |",
        "",
        "```json",
        '{ "start": "09:00", "seats": 2 }',
        "```",
        "",
        "| Field | Type | Required | Description |",
        "|---|---|---|---|",
        "| `start` | string | yes | When |",
        "| `seats` | integer | no | How many |",
      ),
    );
    expect(bodyNames(doc)).toEqual(["start", "seats"]);
    expect(propertiesOf(operation(doc).requestBody).seats).toMatchObject({ type: "integer" });
  });

  it("is the part's own when the JSON above holds a field listed before it", () => {
    const { doc } = convert(
      page(
        ...bodyTable,
        "```json",
        '{ "start": "09:00", "note": "aisle" }',
        "```",
        "",
        "| Field | Type | Required | Description |",
        "|---|---|---|---|",
        "| `note` | string | no | A wish |",
      ),
    );
    expect(bodyNames(doc)).toEqual(["start", "seats", "note"]);
  });

  it("is the response's own under the response heading, after its headers' table", () => {
    const { doc } = convert(
      page(
        "## Response",
        "",
        "| Header | Description |",
        "|---|---|",
        "| `X-Window` | The window |",
        "",
        "```json",
        '{ "used": 12, "limit": 100 }',
        "```",
        "",
        "| Field | Type | Description |",
        "|---|---|---|",
        "| `used` | integer | Used so far |",
        "| `limit` | integer | The cap |",
      ),
    );
    expect(Object.keys(responseProps(doc))).toEqual(expect.arrayContaining(["used", "limit"]));
  });

  it("is still the part's own when the JSON above lacks one of its rows", () => {
    const { doc } = convert(callback('{ "event": "slot.changed" }'));
    expect(bodyNames(doc)).toEqual(["start", "seats", "event", "slot_id"]);
  });
});

describe("a paragraph of a field's values", () => {
  const response = (paragraph: string) =>
    page(
      "## Response",
      "",
      "| Field | Type | Description |",
      "|---|---|---|",
      "| `state` | string | Where the slot stands |",
      "",
      paragraph,
    );

  it("gives the values to the field it names", () => {
    for (const text of [
      "**`state` values:** `held`, `booked`, `freed`.",
      "**`state` 枚举：** `held`（保留）、`booked`（已订）、`freed`（已释放）。",
      "**Possible `state` values:** `held` or `booked` or `freed`",
    ])
      expect(responseProps(convert(response(text)).doc).state).toMatchObject({
        enum: ["held", "booked", "freed"],
      });
  });

  it("gives none when the label says more than that these are its values", () => {
    for (const text of [
      "**`state` changes when:** `held` turns `booked` on payment.",
      "**`state` values (examples):** `held`, `booked`",
      "**`state` values:** `held`, `booked` are typical.",
      "**`state` values:** `held`, `booked`, and others",
    ])
      expect(responseProps(convert(response(text)).doc).state).not.toHaveProperty("enum");
  });
});

describe("where a hand-written page names its operation", () => {
  it("takes a title's trailing operation, not one it mentions in passing", () => {
    const text = [
      "# Send a report (check GET /status first)",
      "",
      "```bash",
      'curl https://api.quillon.dev/v2/reports -d \'{"day":"2024-05-01"}\'',
      "```",
      "",
      "| Field | Type | Required | Description |",
      "|---|---|---|---|",
      "| `day` | string | yes | Which day |",
    ].join("\n");
    expect(Object.keys(convert(text).doc.paths ?? {})).toEqual(["/v2/reports"]);
  });

  it("detects a page by its title's trailing operation, not a guide's step headings", () => {
    const table = [
      "| Field | Type | Required | Description |",
      "|---|---|---|---|",
      "| `name` | string | yes | Who |",
    ];
    expect(detectFormat(["# Add a member — POST /members", "", ...table].join("\n"), "a.md")).toBe(
      "mintlify-mdx",
    );
    const guide = [
      "---",
      'title: "Quickstart"',
      "---",
      "",
      "## 1. Add a member — POST /members",
      "",
      ...table,
    ];
    expect(() => detectFormat(guide.join("\n"), "g.md")).toThrow(/known format/);
  });

  it("leaves a copy whose table rules lost their cells (`|---|` under three columns) to the page reader", () => {
    const page = [
      "Retire a badge",
      "Request",
      "Send no body.",
      "PUT /v1/badges/{badgeId}/retire",
      "Response",
      "Success (200 OK)",
      "{",
      '"retired": true,',
      '"badgeId": "b_1"',
      "}",
      "Response Fields",
      "| Field | Type | Description |",
      "|---|",
      "retired | boolean | Whether the badge is retired |",
      "badgeId | string | The badge |",
    ].join("\n");
    expect(detectFormat(page, "c.txt")).toBe("mintlify-page");
    const whole = page.replace("|---|", "|---|---|---|");
    expect(detectFormat(whole, "c.md")).toBe("mintlify-mdx");
    // An escaped pipe inside a header cell is no column of its own.
    const escaped = [
      "# Create a widget",
      "",
      "POST /v1/widgets",
      "",
      "## Body",
      "",
      "| Parameter | Type (`string \\| null`) | Description |",
      "|---|---|---|",
      "| `name` | string | The widget's name. |",
    ].join("\n");
    expect(detectFormat(escaped, "e.md")).toBe("mintlify-mdx");
  });

  it("reads an HTTP request written under the fields when nothing else names one", () => {
    const text = [
      "---",
      'title: "Sign in"',
      "---",
      "",
      '<ParamField body="email" type="string" required>Who</ParamField>',
      "",
      "## Request",
      "",
      "```bash",
      "POST /auth/sign-in",
      "Content-Type: application/json",
      "",
      '{ "email": "a@quillon.dev" }',
      "```",
    ].join("\n");
    expect(Object.keys(convert(text).doc.paths ?? {})).toEqual(["/auth/sign-in"]);
  });

  it("still refuses an `api:` host with a port but no scheme", () => {
    const text = page(...bodyTable).replace("POST /v1/slots", "GET localhost:8080/ping");
    expect(() => convert(text)).toThrow(/expected an `api:` value/);
  });
});

describe("tabs that show one payload in variants", () => {
  const tab = (title: string, fields: string[]) => [`<Tab title="${title}">`, ...fields, "</Tab>"];
  const field = (name: string, required = false) =>
    `<ParamField body="${name}" type="string"${required ? " required" : ""}>The ${name}.</ParamField>`;

  it("list the union of their fields, required only where every tab requires it", () => {
    const { doc } = convert(
      page(
        "<Tabs>",
        ...tab("Whole", [field("slot", true), field("note")]),
        ...tab("Part", [field("slot", true), field("seats", true), field("note")]),
        "</Tabs>",
      ),
    );
    expect(bodyNames(doc)).toEqual(["slot", "note", "seats"]);
    const body = operation(doc).requestBody as Schema;
    const schema = ((body.content as Record<string, Schema>)["application/json"] as Schema)
      .schema as Schema;
    expect(schema.required).toEqual(["slot"]);
  });

  it("are tabs of parts, not variants, when they share no field or name status codes", () => {
    const parts = convert(
      page("<Tabs>", ...tab("Card", [field("card")]), ...tab("Bank", [field("iban")]), "</Tabs>"),
    );
    expect(bodyNames(parts.doc)).toEqual(["card", "iban"]);
  });
});

describe("a hand-written page's sections in other words", () => {
  it("reads `Respuestas` over a JSON block as the response", () => {
    const text = page("### Respuestas", "", "```json", '{ "slot_id": "s_1" }', "```");
    expect(Object.keys(responseProps(convert(text).doc))).toEqual(["slot_id"]);
  });

  it("takes no credential from an Authentication section that says none is sent", () => {
    const text = page(
      "## Authentication",
      "",
      "None. No `Authorization` header or `x-api-key` is required.",
      "",
      ...bodyTable,
    );
    expect(convert(text).doc.security ?? []).toEqual([]);
  });

  it("drops a leading operation from the title", () => {
    const text = page(...bodyTable).replace('"Book a slot"', '"POST /v1/slots — book one"');
    expect(operation(convert(text).doc).summary).toBe("book one");
  });
});

describe("an Authentication section's words about credentials", () => {
  const auth = (sentence: string) =>
    convert(page("## Authentication", "", sentence, "", ...bodyTable)).doc.security ?? [];

  it("give none where they say none is sent, in English or Spanish", () => {
    expect(auth("None. No `Authorization` header is required.")).toEqual([]);
    expect(auth("Ninguna. No se requiere el encabezado `Authorization`.")).toEqual([]);
  });

  it("keep the credential where they only say nothing else is needed", () => {
    for (const sentence of [
      "No other header is required besides `x-api-key`.",
      "Send the `Authorization` header; requests without it are not accepted.",
      "Send your key in the `X-Parcel-Key` header. No request body is needed for this call.",
      "Put your key in the `X-Parcel-Key` header; no signature is required for read-only calls.",
      "None of the endpoints work without the `X-Parcel-Key` header.",
      "Not required for the sandbox; in production send the `X-Parcel-Key` header.",
    ])
      expect(auth(sentence)).not.toEqual([]);
    expect(auth("None. No `Authorization` header or other credential is required.")).toEqual([]);
  });
});

describe("a second review's pages", () => {
  const tab = (title: string, fields: string[]) => [`<Tab title="${title}">`, ...fields, "</Tab>"];
  const param = (name: string, type = "string") =>
    `<ParamField body="${name}" type="${type}">The ${name}.</ParamField>`;

  it("keeps tabs that say where their fields go (a status, the response) apart", () => {
    const text = page(
      "<Tabs>",
      ...tab("Success", ['<ResponseField name="code" type="string">Ok.</ResponseField>']),
      ...tab("Error", [
        '<ResponseField name="code" type="string">Why.</ResponseField>',
        '<ResponseField name="detail" type="string">More.</ResponseField>',
      ]),
      "</Tabs>",
    );
    const responses = operation(convert(text).doc).responses as Record<string, unknown>;
    expect(Object.keys(propertiesOf(responses.default))).toEqual(["code", "detail"]);
  });

  it("leaves tabs whose shared field differs in type as they were (refused)", () => {
    const text = page(
      "<Tabs>",
      ...tab("Stored card", [param("source", "object")]),
      ...tab("One-time token", [param("source")]),
      "</Tabs>",
    );
    expect(() => convert(text)).toThrow(/one field named source/);
  });

  it("reads a later tab's http example with the earlier tabs' fields in place", () => {
    const text = page(
      "<Tabs>",
      ...tab("Fields", [param("slot")]),
      ...tab("Raw", ["```http", "POST /v1/slots HTTP/1.1", "X-Trace-Id: t_1", "```"]),
      "</Tabs>",
    );
    const params = (operation(convert(text).doc).parameters ?? []) as Schema[];
    expect(params.map((p) => p.name)).not.toContain("X-Trace-Id");
  });

  it("takes no operation from a request block of a literal id or a delivery", () => {
    const fields = [
      "| Field | Type | Description |",
      "|---|---|---|",
      "| `id` | string | The id |",
    ];
    for (const block of ["GET /v1/parcels/p_123", "POST /hooks/parcels HTTP/1.1"]) {
      const text = [
        "# The parcel",
        "",
        ...fields,
        "",
        "## Request",
        "",
        "```text",
        block,
        "Authorization: Bearer <token>",
        "```",
      ].join("\n");
      expect(() => convert(text)).toThrow(/expected the operation/);
    }
  });

  it("reads `### Body` under a response heading as the response's", () => {
    for (const [outer, inner] of [
      ["Response", "Body"],
      ["Respuesta", "Cuerpo"],
    ]) {
      const text = page(
        `## ${outer}`,
        "",
        `### ${inner}`,
        "",
        "```json",
        '{ "slot_id": "s_1" }',
        "```",
      );
      const { doc } = convert(text);
      expect(Object.keys(responseProps(doc))).toEqual(["slot_id"]);
      expect(operation(doc).requestBody).toBeUndefined();
    }
  });

  it("reads `Respuestas rápidas` under a request heading as no response", () => {
    const text = page(
      "## Cuerpo de la solicitud",
      "",
      "### Respuestas rápidas",
      "",
      "| Campo | Tipo | Descripción |",
      "|---|---|---|",
      "| `titulo` | string | El texto |",
    );
    expect(bodyNames(convert(text).doc)).toEqual(["titulo"]);
  });
});

describe("set 39's shapes", () => {
  it("reads a field element that names a status (`200 Success`) as that status's description", () => {
    const { doc } = convert(
      page(
        "## Response",
        "",
        '<ResponseField name="200 Success" type="OK">Booked.</ResponseField>',
        '<ResponseField name="slot_id" type="string">The slot.</ResponseField>',
      ),
    );
    expect(Object.keys(responseProps(doc))).toEqual(["slot_id"]);
    const responses = operation(doc).responses as Record<string, Schema>;
    expect(responses["200"]?.description).toBe("Booked.");
  });

  const jsonOnly = [
    "---",
    'title: "POST /v1/slots"',
    "---",
    "",
    "## `POST /v1/slots`",
    "",
    "### Request body",
    "",
    "```json",
    '{ "start": "09:00", "guest": {...} }',
    "```",
    "",
    "### Response",
    "",
    "```json",
    '{ "slot_id": "s_1" }',
    "```",
  ].join("\n");

  it("detects a hand-written page of JSON blocks as MDX, not a rendered page", () => {
    expect(detectFormat(jsonOnly, "s.mdx")).toBe("mintlify-mdx");
    const saved = jsonOnly.replace(
      'title: "POST /v1/slots"',
      'title: "x"\nurl: https://d.quillon.dev/x',
    );
    expect(detectFormat(saved, "s.md")).not.toBe("mintlify-mdx");
  });

  it("reads an elided request JSON (`{...}`) as the body's shape, not its example", () => {
    const body = operation(convert(jsonOnly).doc).requestBody as Schema;
    const media = (body.content as Record<string, Schema>)["application/json"] as Schema;
    expect(Object.keys((media.schema as Schema).properties as Schema)).toEqual(["start", "guest"]);
    expect(media).not.toHaveProperty("example");
  });
});

describe("set 40's shapes", () => {
  it("reads an empty required cell as not required, beside rows marked ✅", () => {
    const text = page(
      "## Body",
      "",
      "| Field | Required | Description |",
      "|---|---|---|",
      "| `start` | ✅ | When |",
      "| `note` | | A wish |",
    );
    const body = operation(convert(text).doc).requestBody as Schema;
    const schema = ((body.content as Record<string, Schema>)["application/json"] as Schema)
      .schema as Schema;
    expect(schema.required).toEqual(["start"]);
  });

  it("reads a type that repeats the field's name as no type, with a warning", () => {
    const { doc, warnings } = convert(
      page('<ParamField body="address" type="address">Where.</ParamField>'),
    );
    expect(propertiesOf(operation(doc).requestBody).address).toEqual({ description: "Where." });
    expect(warnings.join("\n")).toMatch(/its name was written in the type's place/);
  });

  it("reads a tuple of one type as an array of it", () => {
    const { doc } = convert(
      page('<ParamField body="window" type="[number, number]">Span.</ParamField>'),
    );
    expect(propertiesOf(operation(doc).requestBody).window).toMatchObject({
      type: "array",
      items: { type: "number" },
    });
    expect(() =>
      convert(page('<ParamField body="pair" type="[number, string]">Mixed.</ParamField>')),
    ).toThrow(/a type Mintlify writes/);
  });
});

describe("frontmatter a site's YAML reader takes", () => {
  it("reads a quoted description whose lines start at the margin", () => {
    const text = [
      "---",
      'title: "Book a slot"',
      'description: "',
      "- Books one slot",
      "",
      "- Holds it for ten minutes",
      '"',
      'api: "POST /v1/slots"',
      "---",
      "",
      ...bodyTable,
    ].join("\n");
    const { doc } = convert(text);
    expect(Object.keys(doc.paths ?? {})).toEqual(["/v1/slots"]);
    expect(String(operation(doc).description)).toMatch(/Books one slot/);
  });

  it("still refuses a quote that never closes, at its line", () => {
    const text = ["---", 'title: "Book', 'api: "POST /v1/slots"', "---", "", ...bodyTable];
    expect(() => convert(text.join("\n"))).toThrow(/p\.mdx:\d+: expected valid YAML/);
  });
});

describe("a third review's pages", () => {
  it("reads a whole request example after an elided outline of it", () => {
    const text = page(
      "## Request body",
      "",
      "```json",
      '{ "start": "string", "guests": [...] }',
      "```",
      "",
      "For instance:",
      "",
      "```json",
      '{ "start": "09:00", "guests": [{ "name": "Ada" }] }',
      "```",
    );
    const body = operation(convert(text).doc).requestBody as Schema;
    const media = (body.content as Record<string, Schema>)["application/json"] as Schema;
    expect(media.example).toEqual({ start: "09:00", guests: [{ name: "Ada" }] });
  });

  it("leaves a saved rendered page with frontmatter to the rendered-page reader", () => {
    const saved = [
      "---",
      'title: "Tag a crate"',
      "---",
      "",
      "Tag a crate",
      "",
      "POST /v1/crates/tag",
      "",
      "Body",
      "application/json",
      "label",
      "string | null",
      "The tag text.",
      "",
      "Response",
      "200 - application/json",
      "tagged",
      "boolean | null",
      "",
      "Was this page helpful?",
    ].join("\n");
    expect(detectFormat(saved, "t.txt")).toBe("mintlify-page");
  });
});

describe("a response shown only by examples", () => {
  it("is widened by every example labelled with its status, not by an unlabelled one", () => {
    const text = page(
      "<ResponseExample>",
      "```json 200 Card",
      '{ "price": 12, "fee": 0 }',
      "```",
      "```json Declined",
      '{ "error": "declined" }',
      "```",
      "```json 200 Bank",
      '{ "price": 40, "fee": 2.75 }',
      "```",
      "</ResponseExample>",
    );
    const props = responseProps(convert(text).doc);
    expect(props).toMatchObject({ price: { type: "integer" }, fee: { type: "number" } });
    expect(props).not.toHaveProperty("error");
  });

  it("reads `### Headers` as the request's under a heading that only mentions results", () => {
    const table = "| Header | Type | Required | Description |\n| --- | --- | --- | --- |\n";
    const page = (heading: string) =>
      `\`GET https://api.tally.example/v1/widgets\`\n\n## ${heading}\n\n### Headers\n\n${table}` +
      "| `X-Tenant` | string | Yes | The tenant. |\n";
    const kept = convert(page("Filtering results"));
    expect((operation(kept.doc).parameters as Schema[]).map((p) => p.name)).toEqual(["X-Tenant"]);
    // Under the response's own heading, they are the response's headers: left out, and said.
    const left = convert(page("Response"));
    expect(operation(left.doc).parameters).toBeUndefined();
    expect(left.warnings.join("\n")).toMatch(/response's headers/);
  });

  it("reads `### Body` under any response heading (`## Successful response`) as the response's", () => {
    const table = "| Field | Type | Description |\n| --- | --- | --- |\n";
    const { doc } = convert(
      `\`POST https://api.tally.example/v1/widgets\`\n\n## Request\n\n### Body\n\n${table}` +
        `| \`name\` | string | The name. |\n\n## Successful response\n\n### Body\n\n${table}` +
        "| `id` | string | The id. |\n",
    );
    expect(bodyNames(doc)).toEqual(["name"]);
    const ok = (operation(doc).responses as Record<string, unknown>)["200"];
    expect(Object.keys(propertiesOf(ok))).toEqual(["id"]);
  });

  it("takes a `<CodeGroup>`'s JSON titled as the response for the response's example", () => {
    const { doc } = convert(
      '---\napi: "POST /v1/boards"\n---\n\n<ParamField body="name" type="string" required>Name.</ParamField>\n\n' +
        '<CodeGroup>\n```bash Request\ncurl -X POST https://api.tally.example/v1/boards -d \'{"name": "a"}\'\n```\n\n' +
        '```json Response\n{ "id": "b_1", "name": "a" }\n```\n</CodeGroup>\n',
    );
    const ok = (operation(doc).responses as Record<string, Schema>)["200"] as Schema;
    expect(Object.keys(propertiesOf(ok))).toEqual(["id", "name"]);
  });

  it("reads a Dutch example response heading with its status", () => {
    const { doc } = convert(
      "`POST https://api.tally.example/v1/orders`\n\n## Voorbeeldrespons (201 Created)\n\n" +
        '```json\n{ "data": { "id": "o_1" } }\n```\n',
    );
    expect(Object.keys(operation(doc).responses as Schema)).toEqual(["201"]);
  });

  it("reads a Required cell that names the cases it applies to as not required", () => {
    const { doc } = convert(
      "`POST https://api.tally.example/v1/jobs`\n\n## Parameters\n\n| Field | Type | Required | Description |\n" +
        "|---|---|---|---|\n| `mode` | string | ✅ | The mode. |\n| `url` | string | Mode 1/2 | The source. |\n",
    );
    const body = ((operation(doc).requestBody as Schema).content as Record<string, Schema>)[
      "application/json"
    ]?.schema as Schema;
    expect(body.required).toEqual(["mode"]);
  });

  it("keeps `### Body` under a heading that only mentions results the request's", () => {
    const table = "| Field | Type | Description |\n| --- | --- | --- |\n";
    const { doc } = convert(
      `\`POST https://api.tally.example/v1/search\`\n\n## Filtering results\n\n### Body\n\n${table}` +
        "| `filter` | string | The filter. |\n",
    );
    expect(bodyNames(doc)).toEqual(["filter"]);
  });

  it("reads a condition in an Optional column as not required", () => {
    const { doc } = convert(
      "`POST https://api.tally.example/v1/files`\n\n## Body\n\n| Field | Type | Optional | Description |\n" +
        "|---|---|---|---|\n| `name` | string | No | The name. |\n| `url` | string | For uploads | The source. |\n",
    );
    const body = ((operation(doc).requestBody as Schema).content as Record<string, Schema>)[
      "application/json"
    ]?.schema as Schema;
    expect(body.required).toEqual(["name"]);
  });

  it("leaves a `<CodeGroup>` block titled as a request out of the response", () => {
    const { doc } = convert(
      '---\napi: "POST /v1/exports"\n---\n\n<CodeGroup>\n```json Request with output\n{ "format": "csv" }\n```\n</CodeGroup>\n\n' +
        '<ResponseField name="id" type="string">The export.</ResponseField>\n',
    );
    const ok = (operation(doc).responses as Record<string, Schema>)["200"] as Schema;
    const media = (ok.content as Record<string, Schema>)["application/json"] as Schema;
    expect(media.example).toBeUndefined();
  });
});

describe("JSON under the request body heading", () => {
  it("is not the request's example when it holds none of the listed fields (a callback's)", () => {
    const { doc } = convert(
      page(
        ...bodyTable,
        "We POST this to your URL when the slot is taken:",
        "",
        "```json",
        '{ "event": "slot.taken", "slot": "s_1" }',
        "```",
      ),
    );
    const media = ((operation(doc).requestBody as Schema).content as Record<string, Schema>)[
      "application/json"
    ] as Schema;
    expect(media.example).toBeUndefined();
    expect(bodyNames(doc)).toEqual(["start", "seats"]);
  });
});

describe("keys the example holds and the fields leave out", () => {
  it("become fields typed as the example shows them, not required", () => {
    const { doc } = convert(
      page(
        ...bodyTable,
        "```bash",
        "curl -X POST https://api.slotsy.test/v1/slots \\",
        `  -d '{"start": "09:00", "seats": 2, "room_id": "r_7"}'`,
        "```",
      ),
    );
    const schema = (
      ((operation(doc).requestBody as Schema).content as Record<string, Schema>)[
        "application/json"
      ] as Schema
    ).schema as Schema;
    expect(Object.keys(schema.properties as Schema)).toEqual(["start", "seats", "room_id"]);
    expect((schema.properties as Record<string, Schema>).room_id).toEqual({ type: "string" });
    expect(schema.required).toEqual(["start"]);
  });
});

describe("types an example gives fields the page does not type", () => {
  const listPage = (table: string[], example: string) =>
    [
      "---",
      'title: "List tills"',
      'api: "GET https://api.slotsy.test/v1/tills"',
      "---",
      "",
      "## Response",
      "",
      "```json",
      example,
      "```",
      "",
      ...table,
    ].join("\n");
  const items = (text: string): Record<string, Schema> => {
    const ok = (operation(convert(text).doc).responses as Record<string, Schema>)["200"] as Schema;
    const media = (ok.content as Record<string, Schema>)["application/json"] as Schema;
    return ((media.schema as Schema).items as Schema).properties as Record<string, Schema>;
  };
  const typed = [
    "| Field | Type | Description |",
    "|---|---|---|",
    "| `id` | string | The till. |",
  ];
  const untyped = [
    "| Field | Description |",
    "|---|---|",
    "| `id` | The till. |",
    "| `cash` | Cash held. |",
  ];

  it("take what every item shows: `10` then `12.5` a number, a word then a number none", () => {
    const example =
      '[{"id": "t_1", "cash": 10, "tag": "Front"}, {"id": "t_2", "cash": 12.5, "tag": 7}]';
    const listed = items(listPage(typed, example));
    expect(listed.cash).toEqual({ type: "number" });
    expect(listed.tag).toEqual({});
    expect(items(listPage(untyped, example)).cash).toEqual({
      description: "Cash held.",
      type: "number",
    });
  });

  it("take null too where an item shows it, before or after a value", () => {
    const example =
      '[{"id": "t_1", "cash": null}, {"id": "t_2", "cash": 4}, {"id": "t_3", "cash": 4.5}]';
    expect(items(listPage(untyped, example)).cash).toEqual({
      description: "Cash held.",
      type: ["number", "null"],
    });
  });

  it("read `25.0` as a number, and a generated example's `123` as an integer", () => {
    expect(items(listPage(untyped, '[{"id": "t_1", "cash": 25.0}]')).cash?.type).toBe("number");
    const generated = '[{"id": "<string>", "cash": 123, "float": 123}]';
    expect(items(listPage(untyped, generated)).cash?.type).toBe("integer");
    expect(items(listPage(typed, generated)).float).toEqual({ type: "integer" });
  });
});

describe("a status on the JSON under the response heading", () => {
  it("is the status of the fields beside it", () => {
    const { doc } = convert(
      [
        "---",
        'title: "Add a till"',
        'api: "POST https://api.slotsy.test/v1/tills"',
        "---",
        "",
        "## Response",
        "",
        "```json 201",
        '{ "id": "t_1" }',
        "```",
        "",
        "| Field | Type | Description |",
        "|---|---|---|",
        "| `id` | string | The till. |",
      ].join("\n"),
    );
    expect(Object.keys(operation(doc).responses as Schema)).toEqual(["201"]);
  });

  it("reads rows named `0`, `1` under a heading naming the property as its values", () => {
    const { doc } = convert(
      page(
        "## Body",
        "",
        "| Parameter | Type | Description |",
        "| --- | --- | --- |",
        "| `room` | string | The room. |",
        "| `kind` | int | The kind of slot. |",
        "",
        "### Values of the property `kind`:",
        "",
        "| Parameter | Type | Meaning |",
        "| --- | --- | --- |",
        "| `0` | int | A meeting |",
        "| `1` | int | A call |",
        "| `2` | Focus Time | Nobody books it |",
      ),
    );
    expect(bodyNames(doc)).toEqual(["room", "kind"]);
    expect((propertiesOf(operation(doc).requestBody).kind as Schema).enum).toEqual([0, 1, 2]);
  });
});
