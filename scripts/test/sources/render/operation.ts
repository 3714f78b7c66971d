import fc from "fast-check";

/**
 * One operation of our own, described once and rendered into every source form by the renderers
 * beside this file. Only what every form can express is generated: a form that cannot say
 * something (MDX has no response description) is not asked to.
 */
export type Kind = "string" | "integer" | "number" | "boolean" | "enum" | "enum-int" | "object";

export interface TField {
  name: string;
  kind: Kind;
  /** `date-time`, `uuid`, `int64`, `double`...: the `<format>` of the type line. */
  format?: string | undefined;
  /** A list of the kind (`string[]`, `object[]`). */
  array?: boolean | undefined;
  /** `| null` on the type line. */
  nullable?: boolean | undefined;
  required: boolean;
  deprecated?: boolean | undefined;
  /** Paragraphs; inline code in backticks, links in markdown. */
  description: string[];
  /** Enum options (kinds `enum`, `enum-int`). */
  options?: (string | number)[] | undefined;
  /** A default, for scalar kinds. */
  default?: string | number | boolean | undefined;
  /** JSON Schema constraint keywords the field's kind allows. */
  constraints: Record<string, number>;
  /** The field's own `Example:` value (plain strings and integers). */
  example?: string | number | undefined;
  /** Nested fields (kind `object`). */
  children?: TField[] | undefined;
}

export interface TOperation {
  title: string;
  description: string;
  method: "get" | "post" | "put" | "patch" | "delete";
  /** Literal segments and `{param}` segments, joined with `/`. */
  segments: string[];
  host: string;
  apiKey?: { header: string; description: string } | undefined;
  path: TField[];
  query: TField[];
  headers: TField[];
  body?: TField[] | undefined;
  /** No response and no examples for a webhook: its page documents the payload only. */
  response?: { code: "200" | "201"; fields: TField[] } | undefined;
  /** A webhook reference page: the event name stands where the path would. */
  webhook?: string | undefined;
  /** Presentation choices each renderer reads a bit of (line layout, fence style...). */
  style: number;
}

const WORDS = ["ledger", "parcel", "voucher", "mandate", "berth", "kiln", "payout", "quota"];
const SENTENCE_WORDS = [
  "the",
  "amount",
  "sent",
  "to",
  "each",
  "account",
  "in",
  "minor",
  "units",
  "when",
  "set",
];

const sentence = fc
  .tuple(
    fc.array(fc.constantFrom(...SENTENCE_WORDS), { minLength: 2, maxLength: 7 }),
    fc.option(
      fc.constantFrom(
        "`alpha`",
        "`ledger_id`",
        "`2026-01-01`",
        "[the guide](https://docs.wrenpay.io/guide)",
        "fees & taxes",
        "(see below)",
        '"quoted" text',
      ),
      {
        nil: undefined,
      },
    ),
  )
  .map(([words, extra]) => {
    const text = words.join(" ");
    const first = `${text[0]?.toUpperCase()}${text.slice(1)}`;
    return extra === undefined ? `${first}.` : `${first} ${extra}.`;
  });
const paragraphs = fc.array(sentence, { minLength: 1, maxLength: 2 });
const identifier = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...WORDS),
        fc.constantFrom("id", "code", "name", "count", "kind", "note"),
      )
      .map(([a, b]) => `${a}_${b}`),
  },
  // Names real APIs use that are also words the page forms print as markers or headings.
  {
    weight: 1,
    arbitrary: fc.constantFrom("type", "required", "default", "object", "status", "response"),
  },
);
// Query names in the bracket style of JSON:API and Rails (`page[size]`).
const queryName = fc.oneof(
  { weight: 4, arbitrary: identifier },
  { weight: 1, arbitrary: fc.constantFrom("page[size]", "filter[status]") },
);

const FORMATS: Partial<Record<Kind, string[]>> = {
  string: ["date-time", "uuid", "email"],
  integer: ["int32", "int64"],
  number: ["double", "float"],
};

type Shape = { array: boolean; nullable: boolean };

function scalarField(
  kinds: Kind[],
  shapes: fc.Arbitrary<Shape>,
): fc.Arbitrary<Omit<TField, "name">> {
  return fc
    .tuple(fc.constantFrom(...kinds), shapes)
    .chain(([kind, shape]) =>
      fc.record({
        kind: fc.constant(kind),
        format:
          FORMATS[kind] === undefined
            ? fc.constant(undefined)
            : fc.option(fc.constantFrom(...(FORMATS[kind] ?? [])), { nil: undefined }),
        array: fc.constant(shape.array),
        nullable: fc.constant(shape.nullable),
        required: fc.boolean(),
        deprecated: fc.nat({ max: 5 }).map((n) => n === 0),
        description: paragraphs,
        options: optionsFor(kind),
        // Defaults and value constraints only on single values: a list's are about its items.
        default: shape.array ? fc.constant(undefined) : defaultFor(kind),
        constraints: constraintsFor(kind, shape.array),
        example: exampleFor(kind, shape),
        children: fc.constant(undefined),
      }),
    )
    .map((field) => {
      // An enum's default is one of its options.
      if (field.options !== undefined && field.default !== undefined)
        field.default = field.options[0];
      return field;
    });
}

function exampleFor(kind: Kind, shape: Shape): fc.Arbitrary<string | number | undefined> {
  if (shape.array || shape.nullable) return fc.constant(undefined);
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
  if (kind === "string") return maybe(fc.constantFrom("wren_8812", "Hamngatan 4"));
  if (kind === "integer") return maybe(fc.integer({ min: 100, max: 200 }));
  return fc.constant(undefined);
}

function optionsFor(kind: Kind): fc.Arbitrary<(string | number)[] | undefined> {
  if (kind === "enum") {
    const options = ["alpha", "beta", "in-progress", "2fa", "10", "Gamma Ray"];
    return fc.uniqueArray(fc.constantFrom(...options), { minLength: 2, maxLength: 4 });
  }
  if (kind === "enum-int")
    return fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 4 });
  return fc.constant(undefined);
}

function defaultFor(kind: Kind): fc.Arbitrary<string | number | boolean | undefined> {
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
  if (kind === "integer") return maybe(fc.integer({ min: 1, max: 50 }));
  if (kind === "number") return maybe(fc.constantFrom(1.5, 2));
  if (kind === "boolean") return maybe(fc.boolean());
  if (kind === "string")
    return maybe(fc.constantFrom("standard", "eur", "10", "true", "two words"));
  if (kind === "enum" || kind === "enum-int") return maybe(fc.constant("first"));
  return fc.constant(undefined);
}

function constraintsFor(kind: Kind, array: boolean): fc.Arbitrary<Record<string, number>> {
  if (array)
    return fc.oneof(
      fc.constant({}),
      fc.record({ minItems: fc.constant(1) }),
      fc.record({ minItems: fc.constant(1), maxItems: fc.constant(10) }),
    );
  if (kind === "integer") {
    return fc.oneof(
      fc.constant({}),
      fc.record({ minimum: fc.constant(1), maximum: fc.integer({ min: 100, max: 1000 }) }),
      fc.record({ minimum: fc.integer({ min: 0, max: 5 }) }),
    );
  }
  if (kind === "number") {
    return fc.oneof(
      fc.constant({}),
      fc.record({ exclusiveMinimum: fc.constant(0) }),
      fc.record({ minimum: fc.constant(0.5), maximum: fc.constant(9.5) }),
    );
  }
  if (kind === "string") {
    return fc.oneof(
      fc.constant({}),
      fc.record({ maxLength: fc.integer({ min: 8, max: 64 }) }),
      fc.record({ minLength: fc.constant(1), maxLength: fc.constant(40) }),
    );
  }
  return fc.constant({});
}

const SCALARS: Kind[] = ["string", "integer", "number", "boolean", "enum", "enum-int"];
const anyShape = fc.record({ array: fc.boolean(), nullable: fc.boolean() });
const single = fc.record({ array: fc.constant(false), nullable: fc.constant(false) });

/** Named fields with unique names; objects nest to `depth` more levels. */
function fields(depth: number, min: number, max: number): fc.Arbitrary<TField[]> {
  const field: fc.Arbitrary<Omit<TField, "name">> =
    depth <= 0
      ? scalarField(SCALARS, anyShape)
      : fc.oneof(
          { weight: 3, arbitrary: scalarField(SCALARS, anyShape) },
          {
            weight: 1,
            arbitrary: fc.record({
              kind: fc.constant<Kind>("object"),
              array: fc.boolean(),
              nullable: fc.boolean(),
              required: fc.boolean(),
              description: paragraphs,
              constraints: fc.constant({}),
              children: fields(depth - 1, 1, 3),
            }),
          },
        );
  return fc
    .uniqueArray(fc.tuple(identifier, field), {
      minLength: min,
      maxLength: max,
      selector: ([name]) => name,
    })
    .map((list) => list.map(([name, rest]) => ({ name, ...rest })));
}

const parameters = (
  kinds: Kind[],
  shapes: fc.Arbitrary<Shape>,
  min: number,
  max: number,
  names: fc.Arbitrary<string> = identifier,
) =>
  fc
    .uniqueArray(fc.tuple(names, scalarField(kinds, shapes)), {
      minLength: min,
      maxLength: max,
      selector: ([n]) => n,
    })
    .map((list) => list.map(([name, rest]) => ({ name, ...rest })));

/** An operation of our own: method, path with parameters, query and header parameters, body, response. */
export const operationArbitrary: fc.Arbitrary<TOperation> = fc
  .record({
    title: fc.constantFrom(
      "Create a transfer",
      "Update a mandate",
      "List vouchers",
      "Void a parcel",
    ),
    description: sentence,
    method: fc.constantFrom<TOperation["method"]>("get", "post", "put", "patch", "delete"),
    resource: fc.constantFrom(...WORDS),
    path: parameters(["string", "integer"], single, 0, 2),
    host: fc.constantFrom("api.wrenpay.io", "api.tallyhq.com"),
    apiKey: fc.option(
      fc.record({ header: fc.constantFrom("X-Api-Key", "X-Wren-Key"), description: sentence }),
      { nil: undefined },
    ),
    query: parameters(
      ["string", "integer", "boolean", "enum", "enum-int"],
      fc.record({ array: fc.boolean(), nullable: fc.constant(false) }),
      0,
      3,
      queryName,
    ),
    headers: parameters(["string", "enum"], single, 0, 1).map((list) =>
      list.map((h) => ({ ...h, name: `X-${h.name.replace(/_/g, "-")}` })),
    ),
    body: fields(2, 1, 4),
    response: fc.record({
      code: fc.constantFrom<"200" | "201">("200", "201"),
      fields: fields(2, 1, 3),
    }),
    style: fc.nat({ max: 15 }),
    webhook: fc.oneof(
      { weight: 4, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constantFrom("transfer.settled", "voucher.voided") },
    ),
  })
  .map(({ resource, path, body, ...rest }): TOperation => {
    if (rest.webhook !== undefined) {
      // A webhook page: the payload as the body, headers (a signature), nothing else.
      const { apiKey: _, response: __, ...kept } = rest;
      return { ...kept, method: "post", segments: [], path: [], query: [], body };
    }
    const withBody = rest.method === "post" || rest.method === "put" || rest.method === "patch";
    // Path parameters are always required and carry no default.
    const pathParams = path.map((p) => ({ ...p, required: true, default: undefined }));
    const segments = ["v1", resource, ...pathParams.map((p) => `{${p.name}}`)];
    return { ...rest, segments, path: pathParams, body: withBody ? body : undefined };
  });

/** `/v1/things/{id}`. */
export function pathOf(op: TOperation): string {
  return `/${op.segments.join("/")}`;
}

/** The Mintlify type spelling of a field (`enum<string>[]`, `object | null`, `integer<int64>`). */
export function typeLine(field: TField): string {
  let base: string = field.kind;
  if (field.kind === "enum") base = "enum<string>";
  else if (field.kind === "enum-int") base = "enum<integer>";
  else if (field.format !== undefined) base = `${field.kind}<${field.format}>`;
  return `${base}${field.array ? "[]" : ""}${field.nullable ? " | null" : ""}`;
}

/** A value for the field that its schema accepts, for the request and response examples. */
export function exampleOf(fields: TField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) out[field.name] = sampleOf(field);
  return out;
}

function sampleOf(field: TField): unknown {
  const one = sampleOne(field);
  return field.array ? [one, one] : one;
}

function sampleOne(field: TField): unknown {
  const c = field.constraints;
  switch (field.kind) {
    case "string":
      if (field.format === "date-time") return "2026-01-02T03:04:05Z";
      if (field.format === "uuid") return "5f0c6a1e-8d2b-4c1a-9e7f-2b3c4d5e6f70";
      if (field.format === "email") return "ops@wrenpay.io";
      return "sample";
    case "integer":
      return c.minimum ?? 7;
    case "number":
      return c.minimum ?? 2.5;
    case "boolean":
      return true;
    case "enum":
    case "enum-int":
      return field.options?.[0];
    case "object":
      return exampleOf(field.children ?? []);
  }
}

/** `Required range: 1 <= x <= 100`, `Maximum string length: 40`: Mintlify's constraint lines. */
export function constraintLines(field: TField): [string, string][] {
  const c = field.constraints;
  const lines: [string, string][] = [];
  if (c.minimum !== undefined && c.maximum !== undefined) {
    lines.push(["Required range:", `${c.minimum} <= x <= ${c.maximum}`]);
  } else if (c.minimum !== undefined) lines.push(["Required range:", `x >= ${c.minimum}`]);
  else if (c.exclusiveMinimum !== undefined)
    lines.push(["Required range:", `x > ${c.exclusiveMinimum}`]);
  if (c.minLength !== undefined && c.maxLength !== undefined) {
    lines.push(["Required string length:", `${c.minLength} - ${c.maxLength}`]);
  } else if (c.maxLength !== undefined) lines.push(["Maximum string length:", String(c.maxLength)]);
  if (c.minItems !== undefined && c.maxItems !== undefined) {
    lines.push(["Required array length:", `${c.minItems} - ${c.maxItems}`]);
  } else if (c.minItems !== undefined) lines.push(["Minimum array length:", String(c.minItems)]);
  return lines;
}

/** The description as rendered text shows it: inline code loses its backticks, links their target. */
export function plain(text: string): string {
  return text.replace(/`([^`]*)`/g, "$1").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
}
