import { describe, expect, it } from "vitest";
import type { FieldGroup } from "../../src/sources/mintlify-mdx/fields.ts";
import { readLimitsCell } from "../../src/sources/mintlify-mdx/limits-cell.ts";
import { templateOfExample } from "../../src/sources/mintlify-mdx/operation.ts";
import type { Field } from "../../src/sources/model/field.ts";
import { newField } from "../../src/sources/model/field.ts";

const pathParam = (name: string, example?: string): FieldGroup => {
  const field: Field = newField(name, 1);
  if (example !== undefined) field.example = { value: example };
  return { kind: "param", location: "path", fields: [field], node: { type: "mdxJsxFlowElement" } };
};

describe("an example's URL as the operation's template", () => {
  it("puts each documented path parameter where the example has a value", () => {
    expect(templateOfExample("/v1/tasks/task-7f3k9", [pathParam("task_id")])).toBe(
      "/v1/tasks/{task_id}",
    );
    // Two parameters, two id-like segments, in order; `v2` is a version, not a value.
    expect(
      templateOfExample("/v2/shops/s_12/orders/o_9/refund", [
        pathParam("shop"),
        pathParam("order"),
      ]),
    ).toBe("/v2/shops/{shop}/orders/{order}/refund");
  });

  it("matches a placeholder by name and a value by the field's example before guessing", () => {
    expect(
      templateOfExample("/files/<file_id>/parts/3", [pathParam("part"), pathParam("file_id")]),
    ).toBe("/files/{file_id}/parts/{part}");
    expect(templateOfExample("/users/ada/keys", [pathParam("login", "ada")])).toBe(
      "/users/{login}/keys",
    );
    expect(templateOfExample("/jobs/YOUR_JOB_ID/logs", [pathParam("job_id")])).toBe(
      "/jobs/{job_id}/logs",
    );
    expect(templateOfExample("/jobs/job_id/logs", [pathParam("job_id")])).toBe(
      "/jobs/{job_id}/logs",
    );
    // A lower-case word of the path that happens to end in the name is the path's own.
    expect(templateOfExample("/v1/scheduled_ids", [pathParam("ids")])).toBe("/v1/scheduled_ids");
  });

  it("leaves the path alone when the segments cannot be matched one to one", () => {
    // Two id-like segments for one parameter: which is it? The page does not say.
    expect(templateOfExample("/a/x1/b/y2", [pathParam("id")])).toBe("/a/x1/b/y2");
    // `paid` ends in `id` but is no placeholder.
    expect(templateOfExample("/orders/paid", [pathParam("id")])).toBe("/orders/paid");
  });
});

describe("a limits column", () => {
  const field = (type: string | string[]): Field => ({
    ...newField("f", 1),
    schema: { type },
  });

  it("reads required, a default and a length from one cell", () => {
    const f = field("string");
    readLimitsCell("必填，默认 `Main`，长度 `1-40`", f);
    expect([f.required, f.defaultText, f.constraints]).toEqual([
      true,
      "Main",
      { minLength: 1, maxLength: 40 },
    ]);
  });

  it("reads a number's bounds, a list of values and a date-time", () => {
    const n = field("number");
    readLimitsCell("最小 `0`，上限 `500`", n);
    expect(n.constraints).toEqual({ minimum: 0, maximum: 500 });
    const r = field("integer");
    readLimitsCell("`1–100` items", r);
    expect(r.constraints).toEqual({ minimum: 1, maximum: 100 });
    const e = field("string");
    readLimitsCell("`basic`, `pro`, `null`", e);
    expect([e.options?.values, e.schema.type]).toEqual([
      ["basic", "pro"],
      ["string", "null"],
    ]);
    const d = field("string");
    readLimitsCell("RFC3339 时间", d);
    expect(d.schema.format).toBe("date-time");
  });

  it("says nothing of a cell it cannot read", () => {
    const f = field("string");
    readLimitsCell("按账户等级而定", f);
    expect([f.required, f.defaultText, f.constraints, f.schema]).toEqual([
      false,
      undefined,
      {},
      { type: "string" },
    ]);
  });
});

describe("a curl example that reads its body from a file", () => {
  it("gives the method but no request example", async () => {
    const { parseMintlifyMdx } = await import("../../src/sources/mintlify-mdx.ts");
    const page = [
      "---",
      'title: "Run a job"',
      "---",
      "",
      "```bash",
      "curl -sS 'https://api.ferrule.dev/v1/jobs/run' \\",
      "  -H 'Content-Type: application/json' \\",
      "  --data-binary @request.json",
      "```",
      "",
      "| Field | Type | Description |",
      "| --- | --- | --- |",
      "| `name` | string | The job's name |",
    ].join("\n");
    const doc = parseMintlifyMdx(page, { file: "run.mdx" });
    const op = doc.paths["/v1/jobs/run"].post;
    const media = op.requestBody.content["application/json"];
    expect(media.example).toBeUndefined();
    expect(Object.keys(media.schema.properties)).toEqual(["name"]);
  });
});

describe("a list shown as the example of an object response", () => {
  const page = (fields: string) =>
    [
      "---",
      'title: "List orders"',
      'api: "GET https://api.quay.dev/v1/orders"',
      "---",
      "",
      "<ResponseExample>",
      "```json",
      '[{ "order_id": "o_1" }]',
      "```",
      "</ResponseExample>",
      "",
      fields,
    ].join("\n");

  it("is the value of the one list field", async () => {
    const { parseMintlifyMdx } = await import("../../src/sources/mintlify-mdx.ts");
    const doc = parseMintlifyMdx(
      page(
        '<ResponseField name="cursor" type="string">Next page.</ResponseField>\n<ResponseField name="orders" type="array">The orders.</ResponseField>',
      ),
      { file: "o.mdx" },
    );
    const media = doc.paths["/v1/orders"].get.responses["200"].content["application/json"];
    expect(media.example).toEqual({ orders: [{ order_id: "o_1" }] });
  });

  it("is left out, with a warning, when the fields name no one list for it", async () => {
    const { parseMintlifyMdx } = await import("../../src/sources/mintlify-mdx.ts");
    const warnings: string[] = [];
    const doc = parseMintlifyMdx(
      page(
        '<ResponseField name="cursor" type="string">Next page.</ResponseField>\n<ResponseField name="count" type="integer">How many.</ResponseField>',
      ),
      { file: "o.mdx", warn: (w) => warnings.push(w.message) },
    );
    const media = doc.paths["/v1/orders"].get.responses["200"].content["application/json"];
    expect(media.example).toBeUndefined();
    expect(warnings.join("\n")).toContain("an example that is an object");
  });
});

describe("an `api:` path written without its leading slash", () => {
  const convert = async (api: string) => {
    const { parseMintlifyMdx } = await import("../../src/sources/mintlify-mdx.ts");
    const text = `---\ntitle: "Add members"\napi: "${api}"\n---\n\n<ParamField body="name" type="string">The name.</ParamField>\n`;
    return parseMintlifyMdx(text, { file: "m.mdx" });
  };

  it("is the path from the root", async () => {
    expect(Object.keys((await convert("POST members")).paths)).toEqual(["/members"]);
    expect(Object.keys((await convert("PATCH members/{id}")).paths)).toEqual(["/members/{id}"]);
  });

  it("is still refused when its first segment is a host without a scheme", async () => {
    await expect(convert("POST api.quay.dev/members")).rejects.toThrow(
      /m\.mdx:3: expected an `api:`/,
    );
  });
});
