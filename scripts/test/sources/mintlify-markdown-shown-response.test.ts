import { describe, expect, it } from "vitest";
import { parseMintlifyMarkdown } from "../../src/sources/mintlify-markdown.ts";
import type { OpenAPIDocument } from "../../src/sources/types.ts";

// Exports of our own whose spec leaves the success response's body unsaid while the page above
// it shows the response by example.

const spec = (response: string) =>
  [
    "````yaml openapi.json post /v1/hives",
    "openapi: 3.1.0",
    "info:\n  title: Apiary\n  version: 1.0.0",
    "paths:\n  /v1/hives:\n    post:\n      responses:",
    response,
    "````",
  ].join("\n");

const above = (label: string, json = '{\n  "hive_id": "h_1",\n  "frames": [1, 2]\n}') =>
  `# Create a hive\n\nMakes a hive.\n\n${label}\n\n\`\`\`json\n${json}\n\`\`\`\n\n</ResponseExample>\n\n## OpenAPI\n\n`;

const responseOf = (text: string) =>
  (parseMintlifyMarkdown(text, { file: "page.md" }) as OpenAPIDocument).paths["/v1/hives"].post
    .responses["200"];

describe("an export's response shown only above its spec", () => {
  const empty =
    "        '200':\n          description: OK\n          content:\n            application/json:\n              schema: {}";

  it("takes the example a `<ResponseExample>` shows for a response the spec leaves empty", () => {
    const response = responseOf(above("<ResponseExample>") + spec(empty));
    const media = response.content["application/json"];
    expect(media.example).toEqual({ hive_id: "h_1", frames: [1, 2] });
    expect(media.schema.properties.hive_id).toEqual({ type: "string" });
    expect(media.schema.properties.frames.type).toBe("array");
    expect(media.schema.required).toBeUndefined();
  });

  it("takes one under an `Example Response` accordion, and for a response with no content", () => {
    const accordion = above('<Accordion title="Example Response">').replace(
      "</ResponseExample>",
      "</Accordion>",
    );
    const response = responseOf(accordion + spec("        '200':\n          description: OK"));
    expect(Object.keys(response.content["application/json"].schema.properties)).toEqual([
      "hive_id",
      "frames",
    ]);
  });

  it("leaves a response the spec describes, and takes no error's example", () => {
    const described =
      "        '200':\n          description: OK\n          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n                  id:\n                    type: string";
    const kept = responseOf(above("<ResponseExample>") + spec(described));
    expect(Object.keys(kept.content["application/json"].schema.properties)).toEqual(["id"]);
    const error = responseOf(above('<Accordion title="Error Response (404)">') + spec(empty));
    expect(error.content["application/json"].schema).toEqual({});
  });

  it("fills no 204, and takes no block titled for a request or another status", () => {
    const deleted = parseMintlifyMarkdown(
      above("<ResponseExample>") + spec("        '204':\n          description: Deleted"),
      { file: "page.md" },
    ) as OpenAPIDocument;
    expect(deleted.paths["/v1/hives"].post.responses["204"]).toEqual({ description: "Deleted" });
    const request = responseOf(
      above("<ResponseExample>").replace("```json", "```json Request") + spec(empty),
    );
    expect(request.content["application/json"].schema).toEqual({});
    const other = responseOf(
      above("<ResponseExample>").replace("```json", "```json 404") + spec(empty),
    );
    expect(other.content["application/json"].schema).toEqual({});
    // The page's own `#` title is no label, though it names a response.
    const titled = `# Create a response\n\n\`\`\`json\n{"a": 1}\n\`\`\`\n\n## OpenAPI\n\n${spec(empty)}`;
    expect(responseOf(titled).content["application/json"].schema).toEqual({});
  });

  it("keeps a spec's own named examples, and takes no tab titled for a failure", () => {
    const named = `${empty}\n              examples:\n                one:\n                  value: { id: h_1 }`;
    const kept = responseOf(above("<ResponseExample>") + spec(named));
    expect(kept.content["application/json"].examples.one.value).toEqual({ id: "h_1" });
    const notFound = responseOf(
      above("<ResponseExample>").replace("```json", "```json Not Found") + spec(empty),
    );
    expect(notFound.content["application/json"].schema).toEqual({});
    const limited = responseOf(
      above("<ResponseExample>").replace("```json", "```json Rate limited") + spec(empty),
    );
    expect(limited.content["application/json"].schema).toEqual({});
    // A success heading whose words start like a failure's (`Invalidate`) is the response's.
    const invalidate = responseOf(above("## Invalidate hive response") + spec(empty));
    expect(Object.keys(invalidate.content["application/json"].schema.properties)).toEqual([
      "hive_id",
      "frames",
    ]);
  });
});

describe("an export's response shown only by the spec's own example", () => {
  const own = (schema: string) =>
    `# Create a hive\n\n## OpenAPI\n\n${spec(
      `        '200':\n          description: OK\n          content:\n            application/json:\n${schema}              example:\n                hive_id: 7\n                queen: true`,
    )}`;

  it("types the example's keys where the schema is bare or missing", () => {
    for (const schema of ["              schema:\n                type: object\n", ""]) {
      const media = responseOf(own(schema)).content["application/json"];
      expect(media.schema.properties).toEqual({
        hive_id: { type: "integer" },
        queen: { type: "boolean" },
      });
      expect(media.example).toEqual({ hive_id: 7, queen: true });
    }
  });

  it("leaves a schema that says anything more as it is", () => {
    const said =
      "              schema:\n                type: object\n                description: The hive.\n";
    expect(responseOf(own(said)).content["application/json"].schema).toEqual({
      type: "object",
      description: "The hive.",
    });
  });
});
