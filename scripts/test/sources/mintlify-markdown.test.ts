import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ParseError } from "../../src/errors.ts";
import { detectFormat } from "../../src/sources/index.ts";
import { parseMintlifyMarkdown } from "../../src/sources/mintlify-markdown.ts";

const seed = readFileSync(
  new URL("../../../specs/clink/upstream/get-agent-payment-session.md", import.meta.url),
  "utf8",
);
const file = "page.md";

function parseError(text: string): ParseError {
  try {
    parseMintlifyMarkdown(text, { file });
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error("expected a ParseError");
}

const YAML_DOC = [
  "openapi: 3.1.0",
  "info:",
  "  title: Wren",
  "  version: 1.0.0",
  "paths:",
  "  /v1/nests/{id}:",
  "    post:",
  "      summary: Update a nest",
  "      responses:",
  "        '200':",
  "          description: OK",
].join("\n");
const JSON_DOC = JSON.stringify(
  {
    openapi: "3.0.3",
    info: { title: "Wren", version: "1" },
    paths: { "/v1/nests/{id}": { post: { responses: { "200": { description: "OK" } } } } },
  },
  null,
  2,
);

/** An export around one fence: the preamble, title, heading and the gap before the fence vary. */
function page(open: string, body: string, close: string, gap = "\n", heading = "## OpenAPI\n") {
  return `> ## Documentation Index\n> Fetch the complete documentation index at: https://wren.example/llms.txt\n\n# Update a nest\n\n> Changes a nest.\n\n${heading}${gap}${open}\n${body}\n${close}\n`;
}

describe("mintlify-markdown", () => {
  it("is auto-detected and yields the embedded operation", () => {
    expect(detectFormat(seed, file)).toBe("mintlify-markdown");
    const doc = parseMintlifyMarkdown(seed, { file });
    expect(doc.paths["/order/payment-session/{sessionId}"].get.operationId).toBe("getSession_1");
  });

  it.each([
    ["four backticks, spec file", "````yaml openapi.json post /v1/nests/{id}", YAML_DOC, "````"],
    ["three backticks, upper case", "```yaml POST /v1/nests/{id}", YAML_DOC, "```"],
    [
      "five backticks, path spec file",
      "`````yaml api-reference/openapi.yaml Post /v1/nests/{id}",
      YAML_DOC,
      "`````",
    ],
    ["tildes", "~~~yaml POST /v1/nests/{id}", YAML_DOC, "~~~"],
    [
      "yml, URL spec file",
      "````yml https://wren.example/openapi.yml post /v1/nests/{id}",
      YAML_DOC,
      "````",
    ],
    ["JSON, OpenAPI 3.0", "````json openapi.json POST /v1/nests/{id}", JSON_DOC, "````"],
    // CommonMark removes the fence's own indentation from each content line.
    ["indented fence", "  ````yaml POST /v1/nests/{id}", YAML_DOC.replace(/^/gm, "  "), "  ````"],
    ["no info string", "````yaml", YAML_DOC, "````"],
  ])("reads a fence with %s", (_name, open, body, close) => {
    for (const gap of ["\n", "\n\n\n", "\n   \n", ""]) {
      const text = page(open, body, close, gap);
      expect(detectFormat(text, file)).toBe("mintlify-markdown");
      const doc = parseMintlifyMarkdown(text, { file });
      expect(doc.paths["/v1/nests/{id}"].post.responses["200"].description).toBe("OK");
    }
  });

  it("reads a whole document under an `# OpenAPI definition` heading, no info string", () => {
    const text = page("```json", JSON_DOC, "```", "\n", "# OpenAPI definition\n");
    expect(detectFormat(text, file)).toBe("mintlify-markdown");
    expect(parseMintlifyMarkdown(text, { file }).paths["/v1/nests/{id}"].post).toBeDefined();
  });

  it("finds the fence without a heading when its info string names the operation", () => {
    const text = page("````yaml POST /v1/nests/{id}", YAML_DOC, "````", "\n", "");
    expect(detectFormat(text, file)).toBe("mintlify-markdown");
    expect(parseMintlifyMarkdown(text, { file }).paths["/v1/nests/{id}"].post).toBeDefined();
  });

  it("reports a truncated fence with the file and the last line", () => {
    const cut = seed.slice(0, seed.indexOf("components:"));
    const error = parseError(cut);
    expect(error.message).toMatch(
      /^page\.md:\d+: expected the closing ```` of the OpenAPI fence opened on line 13/,
    );
  });

  it("reports YAML errors on the line of the page, not of the fence", () => {
    const lines = seed.split("\n");
    const at = lines.findIndex((l) => l.includes("operationId: getSession_1"));
    lines[at] = "      operationId: [unclosed";
    const error = parseError(lines.join("\n"));
    // The line that opened the flow sequence, not the next one where the parser noticed.
    expect(error.line).toBe(at + 1);
    expect(error.message).toContain("expected valid YAML");
  });

  it("reports a YAML error in a JSON fence on its line", () => {
    const broken = JSON_DOC.replace('"title": "Wren",', '"title": "Wren",,');
    const text = page("````json POST /v1/nests/{id}", broken, "````");
    const lines = text.split("\n");
    const at = lines.findIndex((l) => l.includes('"Wren",,')) + 1;
    const error = parseError(text);
    expect(error.line).toBeGreaterThanOrEqual(at);
    expect(error.line).toBeLessThanOrEqual(at + 1);
  });

  it("fails when the fence names an operation the document lacks", () => {
    const error = parseError(seed.replace("````yaml GET /order", "````yaml POST /order"));
    expect(error.line).toBe(13);
    expect(error.message).toContain(
      "expected the document to define POST /order/payment-session/{sessionId}",
    );
  });

  it("only warns about a missing operation in lenient mode", () => {
    const warnings: string[] = [];
    const text = seed.replace("````yaml GET /order", "````yaml POST /order");
    const doc = parseMintlifyMarkdown(text, {
      file,
      lenient: true,
      warn: (w) => warnings.push(`${w.line}: ${w.message}`),
    });
    expect(doc.paths["/order/payment-session/{sessionId}"].get).toBeDefined();
    expect(warnings).toHaveLength(1);
  });

  it("fails on an OpenAPI heading with no fence under it", () => {
    expect(parseError("# Title\n\n## OpenAPI\n\nnothing here\n").message).toBe(
      'page.md:3: expected a ```yaml or ```json fence under `## OpenAPI`, found "nothing here"',
    );
  });

  it("names Swagger 2.0 inside a fence", () => {
    const text = page(
      "````yaml GET /lamps",
      'swagger: "2.0"\ninfo: {title: x, version: "1"}',
      "````",
    );
    expect(parseError(text).message).toContain("Swagger 2.0 is not supported");
  });

  it("reads a webhook fence against the document's webhooks", () => {
    const body = [
      "openapi: 3.1.0",
      "info: {title: Wren, version: '1'}",
      "webhooks:",
      "  nest.hatched:",
      "    post:",
      "      responses: {'200': {description: OK}}",
    ].join("\n");
    const doc = parseMintlifyMarkdown(
      page("````yaml spec.yaml webhook nest.hatched", body, "````"),
      {
        file,
      },
    );
    expect(doc.webhooks["nest.hatched"].post).toBeDefined();
    const error = parseError(page("````yaml spec.yaml webhook nest.fledged", body, "````"));
    expect(error.message).toContain("expected the document to define the webhook nest.fledged");
  });

  it("names the summary entry it cannot read, on its line", () => {
    const body = [
      "paths:",
      "  path: /v1/nests/{id}",
      "  method: post",
      "  request:",
      "    parameters:",
      "      path:",
      "        id: just-a-string",
      "  response: {}",
    ].join("\n");
    const text = page("````yaml POST /v1/nests/{id}", body, "````");
    const lines = text.split("\n");
    const error = parseError(text);
    expect(error.line).toBe(lines.indexOf("        id: just-a-string") + 1);
    expect(error.message).toContain("expected a `schema` list for the path parameter id");
  });

  it("leaves other forms' pages alone", () => {
    // A hand-written MDX page whose request example block happens to name an operation.
    const mdx = [
      "---",
      'title: "Ping"',
      'api: "POST https://api.wren.example/v1/ping"',
      "---",
      "",
      '<ParamField body="echo" type="string">Echoed back.</ParamField>',
      "",
      "```json POST /v1/ping",
      '{ "echo": "hi" }',
      "```",
    ].join("\n");
    expect(detectFormat(mdx, "ping.mdx")).toBe("mintlify-mdx");
    // A browser copy of a rendered page that picked up the index preamble.
    const copy = [
      "> ## Documentation Index",
      "> Fetch the complete documentation index at: https://wren.example/llms.txt",
      "",
      "POST",
      "/v1/ping",
      "",
      "Ping",
      "",
      "Body",
      "application/json",
      "",
      "echo",
      "string",
      "",
      "Echoed back.",
    ].join("\n");
    expect(detectFormat(copy, "ping.txt")).toBe("mintlify-page");
  });

  it("reads an export without a fence as the page's MDX", () => {
    const text = [
      "> ## Documentation Index",
      "> Fetch the complete documentation index at: https://wren.example/llms.txt",
      "",
      "# Ping",
      "",
      '<ParamField body="echo" type="string" required>Echoed back.</ParamField>',
      "",
      "<RequestExample>",
      "```bash cURL",
      'curl --request POST --url https://api.wren.io/v1/ping --data \'{"echo": "hi"}\'',
      "```",
      "</RequestExample>",
    ].join("\n");
    expect(detectFormat(text, file)).toBe("mintlify-markdown");
    const doc = parseMintlifyMarkdown(text, { file });
    expect(
      doc.paths["/v1/ping"].post.requestBody.content["application/json"].schema.required,
    ).toEqual(["echo"]);
  });
});
