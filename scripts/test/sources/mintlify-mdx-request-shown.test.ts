import { describe, expect, it } from "vitest";
import { parseMintlifyMdx } from "../../src/sources/mintlify-mdx.ts";
import type { OpenAPIDocument } from "../../src/sources/types.ts";

// Hand-written MDX pages of our own whose request body is shown only by its example: JSON in
// `<RequestExample>`, or the curl's `-F` parts.

const parse = (text: string) => parseMintlifyMdx(text, { file: "page.mdx" }) as OpenAPIDocument;
const bodyOf = (doc: OpenAPIDocument, path: string) => doc.paths[path].post.requestBody;

describe("a hand-written page's request shown by example", () => {
  it("takes the JSON a `<RequestExample>` shows (a comment line over it) as the body", () => {
    const doc = parse(
      [
        "# Adding a hive\n\n```js\nPOST /admin/hives/\n```\n\nAdds a hive.\n",
        "<RequestExample>\n  ```json\n  // POST /admin/hives/\n  {",
        '    "hives": [{ "name": "North", "frames": 10 }]\n  }\n  ```\n</RequestExample>',
      ].join("\n"),
    );
    const media = bodyOf(doc, "/admin/hives/").content["application/json"];
    expect(media.schema.properties.hives.type).toBe("array");
    expect(media.schema.properties.hives.items.properties.frames).toEqual({ type: "integer" });
    expect(media.example).toEqual({ hives: [{ name: "North", frames: 10 }] });
  });

  it("takes a curl's `-F` parts as a multipart body, a part sent from a file as binary", () => {
    const doc = parse(
      [
        "# Uploading a comb\n\nSend the comb as form data.\n",
        "<RequestExample>\n  ```bash",
        "  curl -X POST -F 'comb=@/tmp/comb.zip' -F 'label=north' -F 'tags[]=a' -F 'tags[]=b' \\",
        "    https://api.apiary.example/combs/upload",
        "  ```\n</RequestExample>",
      ].join("\n"),
    );
    const media = bodyOf(doc, "/combs/upload").content["multipart/form-data"];
    expect(media.schema.properties).toEqual({
      comb: { type: "string", format: "binary" },
      label: { type: "string" },
      tags: { type: "array", items: { type: "string" } },
    });
    // The parts are the request's shape; `@/tmp/comb.zip` is no value of the field.
    expect(media.example).toBeUndefined();
  });

  it("takes no JSON for a GET's body, nor a block its tab titles as a response", () => {
    const get = parse(
      [
        '---\napi: "GET https://api.apiary.example/v1/hives"\n---\n',
        '<RequestExample>\n  ```json Response\n  {"hives": [{"id": "h_1"}]}\n  ```\n</RequestExample>',
      ].join("\n"),
    );
    expect(get.paths["/v1/hives"].get.requestBody).toBeUndefined();
    const post = parse(
      [
        '---\napi: "POST https://api.apiary.example/v1/hives"\n---\n',
        '<RequestExample>\n  ```json 200\n  {"id": "h_1"}\n  ```\n</RequestExample>',
      ].join("\n"),
    );
    expect(post.paths["/v1/hives"].post.requestBody).toBeUndefined();
  });

  it("keeps a GET's body its curl sends, and reads odd part names", () => {
    const get = parse(
      [
        '---\napi: "GET https://api.apiary.example/v1/search"\n---\n',
        '<RequestExample>\n  ```bash\n  curl https://api.apiary.example/v1/search --data \'{"q": "bees"}\'\n  ```\n</RequestExample>',
      ].join("\n"),
    );
    expect(get.paths["/v1/search"].get.requestBody.content["application/json"].example).toEqual({
      q: "bees",
    });
    const odd = parse(
      [
        "# Tagging\n\nTags a comb.\n",
        "<RequestExample>\n  ```bash",
        "  curl -X POST -F 'constructor[]=a' -F 'constructor[]=b' -F 'tags=x' -F 'tags[]=y' https://api.apiary.example/tags",
        "  ```\n</RequestExample>",
      ].join("\n"),
    );
    const props = bodyOf(odd, "/tags").content["multipart/form-data"].schema.properties;
    expect(props.constructor).toEqual({ type: "array", items: { type: "string" } });
    expect(props.tags).toEqual({ type: "array", items: { type: "string" } });
  });

  it("renames a path parameter spelt apart when the host is templated too", () => {
    const doc = parse(
      [
        '---\napi: "GET https://{region}.api.apiary.example/v1/hives/{hiveId}"\n---\n',
        '<ParamField path="region" type="string" required>The region.</ParamField>\n',
        '<ParamField path="hive_id" type="string" required>The hive.</ParamField>',
      ].join("\n"),
    );
    expect(doc.servers?.[0]?.url).toBe("https://{region}.api.apiary.example");
    const params = doc.paths["/v1/hives/{hiveId}"].get.parameters;
    expect(params.map((p: { name: string }) => p.name)).toEqual(["hiveId"]);
  });
});
