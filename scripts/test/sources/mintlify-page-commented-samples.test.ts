import { describe, expect, it } from "vitest";
import { parseMintlifyPage } from "../../src/sources/mintlify-page.ts";
import type { OpenAPIDocument } from "../../src/sources/types.ts";

// Pages of our own: samples written as commented HTTP, a page's own list beside the reference,
// and the faults a review of those rules found.

type Doc = OpenAPIDocument;
const parse = (text: string, warn?: (message: string) => void): Doc =>
  parseMintlifyPage(text, { file: "p.txt", warn: (w) => warn?.(w.message) });
const operationOf = (doc: Doc) => Object.values(Object.values(doc.paths)[0] as Doc)[0] as Doc;
const properties = (schema: Doc) => Object.keys(schema?.properties ?? {});

const REQUEST = [
  "// PATCH https://api.quire.example/v1/folders/{folder_id}",
  "// X-Quire-Key: key_test_...",
  "// Content-Type: application/json",
  "",
  '{\n  "name": "Archive" // the new name\n}',
].join("\n");
const FIELDS = [
  "Renames a folder.",
  "Path parameters",
  "folder_id\nstring\nrequired\nThe folder.",
  "Body parameters",
  "name\nstring\nThe new name.",
].join("\n\n");
const page = (sample: string, method = "PATCH") =>
  [`${method}\n/\nv1\n/\nfolders\n/\n{folder_id}`, sample, FIELDS].join("\n\n");

describe("a sample written as commented HTTP", () => {
  it("reads each status comment over JSON as its tab, and nothing of them as the description", () => {
    const doc = parse(
      page(
        [
          REQUEST,
          "// HTTP Status Code 200",
          '{\n  "id": "f_1"\n}',
          "// HTTP Status Code 404",
          '{\n  "error": "not_found"\n}',
        ].join("\n\n"),
      ),
    );
    const op = operationOf(doc);
    expect(op.description).toBe("Renames a folder.");
    expect(op.responses["200"].content["application/json"].example).toEqual({ id: "f_1" });
  });

  it("reads the status in the spellings samples give it, tab labels and blank lines and all", () => {
    for (const status of ["// Status: 200", "// Response 200 OK", "// HTTP/1.1 200 - OK"]) {
      for (const sample of [
        [REQUEST, status, '{\n  "id": "f_1"\n}'].join("\n\n"),
        ["Request", REQUEST, "Response", status, '{\n  "id": "f_1"\n}'].join("\n"),
        REQUEST.replace("\n// X-Quire", "\n\n// X-Quire").concat(`\n${status}\n{"id": "f_1"}`),
      ]) {
        const op = operationOf(parse(page(sample)));
        expect(op.responses["200"].content["application/json"].example).toEqual({ id: "f_1" });
        expect(op.description).toBe("Renames a folder.");
      }
    }
  });

  it("leaves no stray status in the description where the status shows no JSON (a 204)", () => {
    const op = operationOf(
      parse(page([REQUEST, "// HTTP Status Code 204"].join("\n\n"), "DELETE")),
    );
    // (The one sentence, with no title on the page, is its title.)
    expect([op.summary, op.description]).toEqual(["Renames a folder.", undefined]);
  });

  it("reads a status after one over no JSON (a 204, then a 404 over its error)", () => {
    const sample = [
      REQUEST,
      "// HTTP Status Code 204",
      "// HTTP Status Code 404",
      '{"error": "gone"}',
    ];
    const op = operationOf(parse(page(sample.join("\n\n"), "DELETE")));
    expect(Object.keys(op.responses)).not.toContain("200");
    expect(op.responses["404"].content["application/json"].example).toEqual({ error: "gone" });
    expect(JSON.stringify(op)).not.toMatch(/HTTP Status Code/);
  });

  it("reads a status over the response's own header comments (`// Location: …`)", () => {
    const sample = [
      REQUEST,
      "// HTTP/1.1 201 Created\n// Content-Type: application/json\n// Location: /v1/folders/f_1",
      '{\n  "id": "f_1"\n}',
    ];
    const op = operationOf(parse(page(sample.join("\n\n"), "POST")));
    expect(op.responses["201"].content["application/json"].example).toEqual({ id: "f_1" });
    expect(JSON.stringify(op)).not.toMatch(/Location|Content-Type: application/);
  });

  it("leaves a webhook's sample, whose request is its payload, as the page wrote it", () => {
    const text = [
      "WEBHOOK\nfolder.renamed",
      "// POST https://your-server.example/hooks",
      '{\n  "folder_id": "f_1"\n}',
      "// HTTP Status Code 200",
      '{\n  "received": true\n}',
      "Sent when a folder is renamed.",
      "Body",
      "folder_id\nstring\nrequired\nThe folder.",
    ].join("\n\n");
    const doc = parse(text);
    const hook = Object.values(doc.webhooks ?? {})[0] as Doc;
    const body = hook.post.requestBody.content["application/json"];
    expect(properties(body.schema)).toEqual(["folder_id"]);
    expect(body.example).not.toEqual({ received: true });
  });

  it("leaves commented HTTP in a field's description alone, on a page whose fields have no heading", () => {
    const text = [
      "POST\n/\nv2\n/\ntags",
      "curl -X POST 'https://api.brindle.example/v2/tags' \\\n  -d '{\"label\": \"vip\"}'",
      '{\n  "tag_id": "tag_7"\n}',
      "label\nstring\nrequired\nThe tag's text.",
      "color\nstring\nA colour. To see the colours in use:\n// GET /v2/tags?fields=color\n// HTTP Status Code 200",
    ].join("\n\n");
    const body = operationOf(parse(text)).requestBody.content["application/json"].schema;
    expect(body.properties.color.description).toMatch(/\/\/ HTTP Status Code 200/);
  });
});

describe("a page's own body list beside the reference's", () => {
  const text = (own: string) =>
    [
      "POST\n/\nv1\n/\npens",
      'curl --request POST https://api.penly.example/v1/pens --data \'{"data": {"name": "p"}}\'',
      '{\n  "id": "pen_1"\n}',
      "Parameters",
      own,
      "Authorizations",
      "Authorization\nstring\nheader\nrequired\nYour key.",
      "Headers",
      "Idempotency-Key\nstring\nA key for retries.",
      "Query Parameters",
      "notify\nboolean\nWhether to tell the owner.",
      "Body",
      "application/json\ndata\nobject\nrequired\nShow child attributes\ndata.name\nstring\nrequired",
      "Response",
      "id\nstring\nThe pen.",
    ].join("\n\n");

  it("says nothing of one the reference places elsewhere: a parameter, a credential, a child", () => {
    const warnings: string[] = [];
    const doc = parse(
      text(
        [
          "notify\nboolean\nWhether to tell the owner.",
          "Idempotency-Key\nstring\nA key.",
          "Authorization\nstring\nrequired\nYour key.",
          "name\nstring\nrequired\nWhat the pen is called.",
        ].join("\n\n"),
      ),
      (m) => warnings.push(m),
    );
    const body = operationOf(doc).requestBody.content["application/json"].schema;
    expect(properties(body)).toEqual(["data"]);
    expect(warnings.filter((m) => /reference's body too/.test(m))).toEqual([]);
  });

  it("says which one the reference lists nowhere, and leaves it to the reference", () => {
    const warnings: string[] = [];
    const doc = parse(text("nib\nstring\nThe nib's width."), (m) => warnings.push(m));
    const body = operationOf(doc).requestBody.content["application/json"].schema;
    expect(properties(body)).toEqual(["data"]);
    expect(warnings).toEqual([expect.stringMatching(/reference's body too.*"nib"/)]);
  });
});

describe("a Chinese page's default pill", () => {
  const text = (line: string) =>
    [
      "POST\n/\nv2\n/\nstamps",
      "curl --request POST https://api.postbox.example/v2/stamps --data '{\"count\": 1}'",
      "请求体",
      `application/json\ncount\ninteger\n${line}\n\n邮票数量`,
    ].join("\n\n");

  it("reads `默认值:` over a bare value as the pill, and a sentence after it as the description's", () => {
    const pill = operationOf(parse(text("默认值:1"))).requestBody.content["application/json"];
    expect(pill.schema.properties.count.default).toBe(1);
    const prose = operationOf(parse(text("\n默认值：不传时为一张。")));
    const count = prose.requestBody.content["application/json"].schema.properties.count;
    expect(count.default).toBeUndefined();
    expect(count.description).toMatch(/默认值：不传时为一张。/);
    // Under the description, not among the pills: prose, which reads `默认值：10` as before.
    const below = operationOf(
      parse(
        [
          "POST\n/\nv2\n/\nstamps",
          "curl --request POST https://api.postbox.example/v2/stamps --data '{\"count\": 1}'",
          "请求体",
          "application/json\ncount\ninteger\n\n邮票数量\n默认值：10",
        ].join("\n\n"),
      ),
    );
    const field = below.requestBody.content["application/json"].schema.properties.count;
    expect(field.default).toBe(10);
  });
});
