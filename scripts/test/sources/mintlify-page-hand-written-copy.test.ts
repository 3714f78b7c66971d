import { describe, expect, it } from "vitest";
import { withoutCommentedSamples } from "../../src/sources/mintlify-page/commented-sample.ts";
import { splitGluedPills } from "../../src/sources/mintlify-page/deglue.ts";
import { parseMintlifyPage } from "../../src/sources/mintlify-page.ts";
import { readProse } from "../../src/sources/model/prose.ts";
import type { OpenAPIDocument } from "../../src/sources/types.ts";

// Pages of our own: copies of hand-written reference pages, and the faults a review of their
// rules found.

type Doc = OpenAPIDocument;
const parse = (text: string): Doc => parseMintlifyPage(text, { file: "p.txt" });
const operationOf = (doc: Doc) => Object.values(Object.values(doc.paths)[0] as Doc)[0] as Doc;
const bodyNames = (doc: Doc) =>
  Object.keys(operationOf(doc).requestBody.content["application/json"].schema.properties);
const params = (doc: Doc) =>
  (operationOf(doc).parameters ?? []).map((p: Doc) => `${p.in}:${p.name}`);

describe("copies of hand-written pages", () => {
  it("splits glued pills only off a new name, a description or a section", () => {
    expect(splitGluedPills("requiredHeaders", "boolean", "array")).toBeUndefined();
    expect(splitGluedPills("pathPrefix", "string", "string")).toBeUndefined();
    expect(splitGluedPills("headers", "string", "array")).toBeUndefined();
    expect(splitGluedPills("headerrequiredBody", "string", "application/json")).toEqual([
      "header",
      "required",
      "Body",
    ]);
  });

  it("reads fields under no heading, JSON in a description and all, and places them", () => {
    const doc = parse(
      [
        "POST\n/\nv2\n/\ntags\nCreate a tag",
        "curl -X POST 'https://api.brindle.example/v2/tags?dry_run=true' \\",
        "  -H 'Authorization: Bearer K' \\\n  -H 'X-Idempotency-Key: k1' \\",
        `  -d '{"label": "vip"}'`,
        '{\n  "tag_id": "t_1"\n}',
        "Authorization\nstring\nrequired\nBearer token.",
        "X-Idempotency-Key\nstring\nA key for retries.",
        "dry_run\nboolean\nOnly check the tag.",
        "label\nstring\nrequired\nThe text.",
        "metadata\nobject\nFree data, such as:",
        '{ "team": "sales" }',
        "color\nstring\nA hex colour.",
      ].join("\n"),
    );
    expect(bodyNames(doc)).toEqual(["label", "metadata", "color"]);
    expect(params(doc)).toEqual(["header:X-Idempotency-Key", "query:dry_run"]);
    expect(Object.keys(doc.components.securitySchemes)).toEqual(["bearerAuth"]);
  });

  it("places fields under no heading that the response example shows as the response's", () => {
    const doc = parse(
      "GET\n/\nv2\n/\nmembers\n/\n{member_id}\nGet a member\ncurl 'https://api.brindle.example/v2/members/m_1'\n" +
        '{\n  "member_id": "m_1",\n  "joined_at": "2024-01-01"\n}\nIt returns these fields:\n' +
        "member_id\nstring\nThe id.\njoined_at\nstring\nWhen they joined.\n",
    );
    const ok = operationOf(doc).responses["200"].content["application/json"].schema;
    expect(Object.keys(ok.properties)).toEqual(["member_id", "joined_at"]);
    expect(params(doc)).toEqual(["path:member_id"]);
  });

  it("keeps the pills under `Parameters`, and `Parameters` in a response is the response's", () => {
    const doc = parse(
      "POST\n/\nv2\n/\ntags\nUpdate tags\n\nParameters\n\nX-Workspace\nstring\nheader\nrequired\n\nThe workspace.\n\n" +
        "limit\ninteger\nquery\n\nHow many.\n\nlabel\nstring\n\nThe text.\n\nResponse\n\n200\n\nParameters\n\n" +
        "tag_id\nstring\n\nThe tag.\n",
    );
    expect(params(doc)).toEqual(["header:X-Workspace", "query:limit"]);
    expect(bodyNames(doc)).toEqual(["label"]);
    const ok = operationOf(doc).responses["200"].content["application/json"].schema;
    expect(Object.keys(ok.properties)).toEqual(["tag_id"]);
  });

  it("reads a labelled endpoint without code only under an endpoint's label", () => {
    const labelled = parse(
      "Endpoint: GET /v2/tags\n\nLists tags.\n\nResponse\n\n200\n\nid\nstring\n\nThe id.\n",
    );
    expect(Object.keys(labelled.paths)).toEqual(["/v2/tags"]);
    expect(() =>
      parseMintlifyPage("See also: DELETE /v2/tags\n\nLists tags.\n", { file: "p.txt" }),
    ).toThrow();
  });

  it("keeps an SDK sample after the description out of it, and one under a lead-in in it", () => {
    const sample =
      "import Brindle from 'brindle';\nconst b = new Brindle();\nawait b.tags.create();\n";
    const after = parse(
      `POST\n/\nv2\n/\ntags\nCreate tag\nCreates a tag.\n${sample}{"id": "t_1"}\n`,
    );
    expect(operationOf(after).description).toBe("Creates a tag.");
    const under = parse(
      `POST\n/\nv2\n/\ntags\nCreate tag\nWith the SDK:\n${sample}\nMore words here.\n`,
    );
    expect(operationOf(under).description).toContain("import Brindle");
  });

  it("takes one sentence for the title, and two for the description", () => {
    const one = parse(
      "POST\n/\nv2\n/\ntags\n\nCreate a new tag in the workspace.\n\nBody\n\nname\nstring\n\nIt.\n",
    );
    expect(operationOf(one).summary).toBe("Create a new tag in the workspace.");
    const two = parse(
      "POST\n/\nv2\n/\ntags\n\nCreates a tag in it. You need a key.\n\nBody\n\nname\nstring\n\nIt.\n",
    );
    expect(operationOf(two).summary).toBeUndefined();
  });

  it("reads no enum from a list of examples or of comma-separated values", () => {
    expect(readProse("Example values:\n\n- `vip`\n- `churned`\n", ["string"]).enum).toBeUndefined();
    const comma = "Comma-separated records. Possible values:\n\n- `teams`\n- `roles`\n";
    expect(readProse(comma, ["string"]).enum).toBeUndefined();
  });

  it("splits the glued runs a copy makes of short names, header names and plain descriptions", () => {
    expect(splitGluedPills("requiredid", "string", "string")).toEqual(["required", "id"]);
    expect(splitGluedPills("headerrequiredX-Workspace", "string", "string")).toEqual([
      "header",
      "required",
      "X-Workspace",
    ]);
    expect(splitGluedPills("headerThe workspace to list.", "string", "")).toEqual([
      "header",
      "The workspace to list.",
    ]);
    expect(splitGluedPills("X-Workspaceheader", "", "string")).toEqual(["X-Workspace", "header"]);
    expect(splitGluedPills("requiredthe display name of the tag.", "string", "")).toEqual([
      "required",
      "the display name of the tag.",
    ]);
    expect(splitGluedPills("pageheader", "", "string")).toBeUndefined();
  });

  it("keeps fields the response echoes the request's, and reads the example after them", () => {
    const doc = parse(
      "PATCH\n/\nv2\n/\ntags\n/\n{tag_id}\nUpdate a tag\ncurl -X PATCH https://api.brindle.example/v2/tags/t_1\n" +
        'label\nstring\nThe new label.\n\n200\n\n{\n  "tag_id": "t_1",\n  "label": "vip"\n}\n',
    );
    expect(bodyNames(doc)).toEqual(["label"]);
    const ok = operationOf(doc).responses["200"].content["application/json"];
    expect(ok.example).toEqual({ tag_id: "t_1", label: "vip" });
  });

  it("keeps a pilled field's children with it under `Parameters`, and reads it in a Body", () => {
    const doc = parse(
      "POST\n/\nv2\n/\ntags\nList tags\n\nParameters\n\nfilter\nobject\nquery\n\nWhich tags.\n\n" +
        "Hide child attributes\n\nfilter.status\nstring\n\nThe status.\n\nBody\n\nname\nstring\n\nThe name.\n\n" +
        "Parameters\n\ndry_run\nboolean\n\nOnly check it.\n",
    );
    const filter = operationOf(doc).parameters[0];
    expect([filter.in, Object.keys(filter.schema.properties)]).toEqual(["query", ["status"]]);
    const body = operationOf(doc).requestBody.content["application/json"].schema;
    expect(body.properties.name.description).toBe("The name.");
    expect(Object.keys(body.properties)).toEqual(["name", "dry_run"]);
  });

  it("keeps every line of an SDK sample under a lead-in, and a wrapped line off the next name", () => {
    const doc = parse(
      "POST\n/\nv2\n/\ntags\nCreate tag\nWith the SDK:\nimport B from 'b';\nconst b = new B();\nawait b.go();\n\n" +
        "Body\n\nname\nstring\nThe name shown in the\ndashboard.\nstatus\nstring\nThe status.\n",
    );
    expect(operationOf(doc).description).toContain("await b.go();");
    expect(bodyNames(doc)).toEqual(["name", "status"]);
    expect(readProse("The status. Values:\n\n- `active`\n- `archived`\n", ["string"]).enum).toEqual(
      ["active", "archived"],
    );
  });

  it("reads `Success` / `Error` tabs over a response's fields as 200 and default", () => {
    const doc = parse(
      [
        "POST\n/\nv1\n/\nnotes\n",
        "curl --request POST \\\n  --url https://api.quill.example/v1/notes",
        '{\n  "ok": true\n}\n',
        "Request\n",
        "Body\n",
        "text\nstring\nrequired\n\nThe note.\n",
        "Response\n",
        "Success\n",
        "ok\nboolean\nrequired\nid\nstring\n\nThe new note.\n",
        "Error\n",
        "ok\nboolean\nrequired\nmessage\nstring\n\nWhat went wrong.",
      ].join("\n"),
    );
    const op = operationOf(doc);
    expect(op.description).toBeUndefined();
    expect(Object.keys(op.responses)).toEqual(["200", "default"]);
    const schema = (code: string) => op.responses[code].content["application/json"].schema;
    expect(Object.keys(schema("200").properties)).toEqual(["ok", "id"]);
    expect(Object.keys(schema("default").properties)).toEqual(["ok", "message"]);
  });

  it("keeps `Success` as a description where it opens no tab", () => {
    const doc = parse(
      [
        "GET\n/\nv1\n/\nping\n",
        "Response\n",
        "200 - application/json\n",
        "ok\nboolean\n\nWhether the call worked:\n",
        "Success\n",
        "done\nboolean\n\nDone.",
      ].join("\n"),
    );
    expect(Object.keys(operationOf(doc).responses)).toEqual(["200"]);
  });

  it("nests the fields after an object whose first child repeats its name, shown open", () => {
    const doc = parse(
      [
        "POST\n/\nv1\n/\ntone",
        "Body\ntext\nstring\nrequiredThe text.",
        "Response\nok\nboolean\nWhether it worked.",
        "tone\nobject\ntone\nstring\nThe tone found.\nscore\nnumber\nHow sure.",
        "parts\nArray<object>\nEach sentence's tone.",
      ].join("\n"),
    );
    const schema = operationOf(doc).responses["200"].content["application/json"].schema;
    expect(Object.keys(schema.properties)).toEqual(["ok", "tone"]);
    expect(Object.keys(schema.properties.tone.properties)).toEqual(["tone", "score", "parts"]);
    expect(schema.properties.tone.properties.parts.items.type).toBe("object");
  });

  it("still refuses a name listed twice where the first has a description", () => {
    const page = [
      "GET\n/\nv1\n/\ntone",
      "Response\ntone\nobject\nThe tone.\ntone\nstring\nAgain.",
    ].join("\n");
    expect(() => parse(page)).toThrow(/one field named tone/);
  });

  it("reads a name right over `Available options:` as a field with no type", () => {
    const doc = parse(
      [
        "POST\n/\nv1\n/\nchats",
        "Body\n\napplication/json\nsession\nobject\nrequired\nmode\nAvailable options:\nfast,\nslow",
        "stream\nboolean\ndefault: false",
      ].join("\n"),
    );
    const schema = operationOf(doc).requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties)).toEqual(["session", "mode", "stream"]);
    expect(schema.properties.mode.enum).toEqual(["fast", "slow"]);
    expect(schema.properties.session.enum).toBeUndefined();
  });

  it("reads `Header` over a field as the header section, and a field named Header as a field", () => {
    const doc = parse(
      [
        "POST\n/\nv1\n/\ntone",
        "Body\ntext\nstring\nrequiredThe text.\n",
        "Header\nx-key\nstring\nrequired",
      ].join("\n"),
    );
    expect(params(doc)).toEqual(["header:x-key"]);
    // Right under a field's pills, `Header` is that field's one-word description.
    const described = parse(
      ["POST\n/\nv1\n/\ntone", "Body\n\ntop\nstring\nHeader\n\nbottom\nstring"].join("\n"),
    );
    expect(bodyNames(described)).toEqual(["top", "bottom"]);
    const named = parse(
      ["POST\n/\nv1\n/\ntone", "Body\n", "Header\nstring\nThe title."].join("\n"),
    );
    expect(bodyNames(named)).toEqual(["Header"]);
  });

  it("reads a copy's sentence-case titles and `Authorization` over its field as sections", () => {
    const doc = parse(
      [
        "Skip to main content\nPOST https://api.quill.example/v1/ask\nAsk a question.\n",
        "Authorization\n\nAuthorization\nstring\nrequired\nYour bearer token.\n",
        "Request body\n\nquestion\nstring\nrequired\nWhat to ask.\n",
        "Response\n\nanswer\nstring\nThe answer.",
      ].join("\n"),
    );
    expect(bodyNames(doc)).toEqual(["question"]);
    expect(params(doc)).toEqual([]);
    expect(Object.keys(doc.components.securitySchemes)).toEqual(["bearerAuth"]);
  });

  it("keeps a sentence-case title as prose where Mintlify's own title of its kind follows", () => {
    const doc = parse(
      [
        "GET\n/\nv1\n/\nnotes\n",
        "Query parameters\n\nFilter with the fields below.\n",
        "Query Parameters\n\nlimit\ninteger\nHow many.",
      ].join("\n"),
    );
    expect(params(doc)).toEqual(["query:limit"]);
    expect(operationOf(doc).description).toContain("Filter with");
  });

  it("reads an `Authentication` heading over the key's field, placed where the curl sends it", () => {
    const text = (curl: string, key = "Kennel-Api-Key") =>
      [
        "GET\n/\nv1\n/\nkennels\n/\n{id}",
        curl,
        '{\n  "id": "k_1"\n}',
        "Authentication",
        `${key}\nstring\nrequired\nYour key.`,
        "Path Parameters",
        "id\nstring\nrequired\nThe kennel.",
        "Response Fields",
        "id\nstring\nThe kennel.",
      ].join("\n\n");
    const page = (curl: string) => parse(text(curl));
    const header = page(
      'curl -X GET https://api.kennel.example/v1/kennels/k_1 \\\n  -H "Kennel-Api-Key: k"',
    );
    expect(header.components.securitySchemes).toEqual({
      kennelApiKey: {
        type: "apiKey",
        in: "header",
        name: "Kennel-Api-Key",
        description: "Your key.",
      },
    });
    expect(params(header)).toEqual(["path:id"]);
    const query = page("curl -X GET 'https://api.kennel.example/v1/kennels/k_1?Kennel-Api-Key=k'");
    expect(query.components.securitySchemes.kennelApiKey.in).toBe("query");
    // A curl that sends it nowhere says nothing: the page must (an `X-` name is a header's).
    expect(() => page("curl -X GET https://api.kennel.example/v1/kennels/k_1")).toThrow(
      /a location \(header, query or cookie\) for Kennel-Api-Key/,
    );
    const named = parse(
      text("curl -X GET https://api.kennel.example/v1/kennels/k_1", "X-Kennel-Key"),
    );
    expect(named.components.securitySchemes.xKennelKey.in).toBe("header");
  });

  it("reads a sample written as commented HTTP: the request's JSON is no response", () => {
    const sample = [
      "// PATCH https://api.quire.example/v1/folders/{folder_id}",
      "// X-Quire-Key: key_test_...",
      "// Content-Type: application/json",
      "",
      '{\n  "name": "Archive"\n}',
      "// HTTP Status Code 200",
      "",
      '{\n  "id": "f_1",\n  "name": "Archive",\n  "size": 3,\n  //...\n}',
    ].join("\n");
    const doc = parse(
      [
        "PATCH\n/\nv1\n/\nfolders\n/\n{folder_id}",
        sample,
        "Renames a folder.",
        "Path parameters",
        "folder_id\nstring\nrequired\nThe folder.",
        "Body parameters",
        "name\nstring\nThe new name.",
        "Returns",
        "The folder.",
        sample,
      ].join("\n\n"),
    );
    const ok = operationOf(doc).responses["200"].content["application/json"];
    expect(Object.keys(ok.schema.properties)).toEqual(["id", "name", "size"]);
    expect(ok.example).toEqual({ id: "f_1", name: "Archive", size: 3 });
    expect(bodyNames(doc)).toEqual(["name"]);
    expect(JSON.stringify(operationOf(doc))).not.toMatch(/\/\/ (?:PATCH|X-Quire)/);
  });

  it("keeps a commented request line with no status after it as the page wrote it", () => {
    const lines = [
      { no: 1, raw: "// GET /v1/folders", text: "// GET /v1/folders" },
      { no: 2, raw: '{"a": 1}', text: '{"a": 1}' },
    ];
    expect(withoutCommentedSamples(lines)).toEqual(lines);
  });

  it("reads no request field off prose or a response's list above the first section (no panel)", () => {
    const sentenceCase = parse(
      [
        "GET\n/\nv1\n/\npens\n/\n{pen_id}\nRetrieve a pen\nFetches one pen.",
        "Path parameters\npen_id\nstring\nrequired\nThe pen to fetch.",
        "Response fields\nid\nstring\nThe pen's id.\nink_level\ninteger\nHow much ink is left.",
      ].join("\n"),
    );
    expect(params(sentenceCase)).not.toContain("query:id");
    const kinds = parse(
      [
        "POST\n/\nv1\n/\nattributes\nCreate an attribute",
        "The attribute's kind is one of:\nstring\nnumber\nboolean\ndate",
        "Body\napplication/json\nkey\nstring\nrequired\nThe attribute's key.",
        "Response\n200\napplication/json\nid\nstring\nThe attribute's id.",
      ].join("\n"),
    );
    expect(bodyNames(kinds)).toEqual(["key"]);
  });
});
