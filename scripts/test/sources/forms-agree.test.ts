import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectFormat, parserFor } from "../../src/sources/index.ts";
import type { OpenAPIDocument } from "../../src/sources/types.ts";
import { renderExport } from "./render/export.ts";
import { renderHtml } from "./render/html.ts";
import { renderLabelled } from "./render/labelled.ts";
import { renderMdx } from "./render/mdx.ts";
import { toOpenAPI } from "./render/openapi.ts";
import { operationArbitrary, type TField, type TOperation } from "./render/operation.ts";
import { renderPageCopy } from "./render/page.ts";
import { renderScrape } from "./render/scrape.ts";
import { renderSummaryExport } from "./render/summary.ts";

/**
 * The property of issue 12: one operation of our own, rendered into every form a user gets a
 * Mintlify page in, converts (form auto-detected) to the same OpenAPI in each.
 */
const FORMS = [
  { name: "markdown export", form: "mintlify-markdown", file: "page.md", render: renderExport },
  {
    name: "older markdown export",
    form: "mintlify-markdown",
    file: "page.md",
    render: renderSummaryExport,
  },
  { name: "browser copy", form: "mintlify-page", file: "page.txt", render: renderPageCopy },
  { name: "markdown scrape", form: "mintlify-page", file: "page.md", render: renderScrape },
  {
    name: "labelled list items",
    form: "mintlify-page",
    file: "page.md",
    render: renderLabelled,
  },
  { name: "MDX source", form: "mintlify-mdx", file: "page.mdx", render: renderMdx },
  { name: "served HTML", form: "mintlify-html", file: "page.html", render: renderHtml },
] as const;

// 100 runs by default (about 20 s); FORMS_RUNS=2000 for a deeper search.
const RUNS = Number(process.env.FORMS_RUNS ?? 100);

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are open-ended JSON.
type Json = any;

/**
 * What may legitimately differ between forms, removed before comparing:
 * - `info`: the export's fence carries the provider's spec info; a page only has its title.
 * - whitespace inside descriptions: every form reflows text (HTML collapses it, markdown joins
 *   soft-wrapped lines), so only the words and their order carry meaning; and backticks: a
 *   rendered page shows inline code as plain text and a link as its text, only the source forms
 *   keep the markup.
 * - security scheme names: OpenAPI lets a document name its schemes freely; a page never shows
 *   the name, only the credential (type, location, header name). Requirements are renamed to match.
 * - parameter order and `required` order: both are sets in OpenAPI.
 * - servers: only the URL; a description is the spec's prose no page shows.
 */
function normalizeDoc(doc: OpenAPIDocument): Json {
  const copy = structuredClone(doc) as Json;
  delete copy.info;
  if (Array.isArray(copy.servers)) copy.servers = copy.servers.map((s: Json) => ({ url: s.url }));
  const schemes: Record<string, Json> = copy.components?.securitySchemes ?? {};
  const rename = new Map<string, string>();
  for (const [name, scheme] of Object.entries(schemes)) {
    rename.set(name, `${scheme.type}:${scheme.in ?? scheme.scheme}:${scheme.name ?? ""}`);
  }
  if (copy.components?.securitySchemes !== undefined) {
    copy.components.securitySchemes = Object.fromEntries(
      Object.entries(schemes).map(([name, scheme]) => [rename.get(name), scheme]),
    );
  }
  const renameRequirements = (list: Json[] | undefined) =>
    list?.map((req: Json) =>
      Object.fromEntries(Object.entries(req).map(([k, v]) => [rename.get(k) ?? k, v])),
    );
  if (copy.security !== undefined) copy.security = renameRequirements(copy.security);
  for (const group of [copy.paths, copy.webhooks]) {
    for (const item of Object.values(group ?? {}) as Json[]) {
      for (const op of Object.values(item) as Json[]) {
        if (op.security !== undefined) op.security = renameRequirements(op.security);
        if (Array.isArray(op.parameters)) {
          op.parameters.sort((a: Json, b: Json) =>
            `${a.in}:${a.name}`.localeCompare(`${b.in}:${b.name}`),
          );
        }
      }
    }
  }
  return walk(copy, "");
}

function walk(node: Json, key: string): Json {
  if (Array.isArray(node)) {
    const items = node.map((item) => walk(item, ""));
    return key === "required" && items.every((i) => typeof i === "string") ? items.sort() : items;
  }
  if (node !== null && typeof node === "object") {
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) {
      // Examples are data: their strings are compared as they are.
      out[k] = k === "example" || k === "examples" ? v : walk(v, k);
    }
    return out;
  }
  // Rendered text shows inline code without its backticks: only the source forms keep them.
  if (key === "description" && typeof node === "string") {
    return node
      .replace(/`/g, "")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\s+/g, " ")
      .trim();
  }
  return node;
}

/** Every form's conversion of the operation, normalized, by form name. */
function convertAll(op: TOperation): { expected: Json; results: Record<string, Json> } {
  const results: Record<string, Json> = {};
  for (const { name, form, file, render } of FORMS) {
    const text = render(op);
    try {
      const detected = detectFormat(text, file);
      results[name] =
        detected === form
          ? normalizeDoc(parserFor(detected)(text, { file }))
          : `detected as ${detected}`;
    } catch (error) {
      results[name] = `threw ${(error as Error).message}`;
    }
  }
  return { expected: normalizeDoc(toOpenAPI(op)), results };
}

const field = (name: string, rest: Partial<TField>): TField => ({
  name,
  kind: "string",
  required: false,
  description: [`The ${name.replace(/_/g, " ")}.`],
  constraints: {},
  ...rest,
});

/** A fixed operation with one of everything, for a readable failure when a form breaks. */
const SAMPLE: TOperation = {
  title: "Create a transfer",
  description: "Moves funds between two `ledger` accounts.",
  method: "post",
  segments: ["v1", "ledger", "{ledger_id}"],
  host: "api.wrenpay.io",
  apiKey: { header: "X-Api-Key", description: "Your secret key." },
  path: [field("ledger_id", { required: true })],
  query: [
    field("quota_count", {
      kind: "integer",
      default: 10,
      constraints: { minimum: 1, maximum: 100 },
    }),
    field("kiln_kind", { kind: "enum", array: true, options: ["alpha", "beta"] }),
  ],
  headers: [field("X-Berth-Code", { kind: "enum", options: ["gamma", "delta"], default: "gamma" })],
  body: [
    field("parcel_kind", {
      kind: "enum",
      required: true,
      nullable: true,
      options: ["alpha", "beta"],
    }),
    field("payout_count", {
      kind: "number",
      format: "double",
      constraints: { exclusiveMinimum: 0 },
    }),
    field("ledger_note", {
      kind: "object",
      description: ["A note.", "Second paragraph with `code`."],
      children: [
        field("kiln_code", { required: true, constraints: { minLength: 1, maxLength: 12 } }),
        field("quota_id", {
          kind: "object",
          array: true,
          nullable: true,
          constraints: { minItems: 1 },
          children: [
            field("berth_count", { kind: "enum-int", required: true, options: [1, 2, 3] }),
          ],
        }),
      ],
    }),
  ],
  response: {
    code: "201",
    fields: [
      field("payout_id", { required: true, format: "uuid" }),
      field("voucher_kind", {
        kind: "object",
        children: [field("mandate_id", { kind: "integer", format: "int64" })],
      }),
    ],
  },
  style: 0,
};

describe("every form converts to the same OpenAPI", () => {
  it.each(FORMS.map((f) => f.name))("a sample operation: %s", (name) => {
    const { expected, results } = convertAll(SAMPLE);
    expect(results[name]).toEqual(expected);
  });

  it(`holds for generated operations (${RUNS} runs)`, { timeout: 60_000 + RUNS * 500 }, () => {
    fc.assert(
      fc.property(operationArbitrary, (op) => {
        const { expected, results } = convertAll(op);
        for (const { name } of FORMS)
          expect({ form: name, doc: results[name] }).toEqual({ form: name, doc: expected });
      }),
      { numRuns: RUNS },
    );
  });
});
