import fc from "fast-check";

/**
 * One operation of our own, described once and rendered into every source form by the renderers
 * beside this file. Only what every form can express is generated: a form that cannot say
 * something (MDX has no response description) is not asked to.
 */
export type Kind =
  | "string"
  | "integer"
  | "number"
  | "boolean"
  | "enum"
  | "date-time"
  | "string[]"
  | "object"
  | "object[]";

export interface TField {
  name: string;
  kind: Kind;
  required: boolean;
  description: string;
  /** Enum options (kind `enum`). */
  options?: string[] | undefined;
  /** A default, for scalar kinds. */
  default?: string | number | boolean | undefined;
  /** JSON Schema constraint keywords the field's kind allows. */
  constraints: Record<string, number>;
  /** Nested fields (kinds `object` and `object[]`). */
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
  response: { code: "200" | "201"; fields: TField[] };
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
  .array(fc.constantFrom(...SENTENCE_WORDS), { minLength: 2, maxLength: 7 })
  .map((words) => {
    const text = words.join(" ");
    return `${text[0]?.toUpperCase()}${text.slice(1)}.`;
  });
const identifier = fc
  .tuple(fc.constantFrom(...WORDS), fc.constantFrom("id", "code", "name", "count", "kind", "note"))
  .map(([a, b]) => `${a}_${b}`);

function scalarField(kinds: Kind[]): fc.Arbitrary<Omit<TField, "name">> {
  return fc
    .constantFrom(...kinds)
    .chain((kind) =>
      fc.record({
        kind: fc.constant(kind),
        required: fc.boolean(),
        description: sentence,
        options:
          kind === "enum"
            ? fc.uniqueArray(fc.constantFrom("alpha", "beta", "gamma", "delta"), {
                minLength: 2,
                maxLength: 4,
              })
            : fc.constant(undefined),
        default: defaultFor(kind),
        constraints: constraintsFor(kind),
        children: fc.constant(undefined),
      }),
    )
    .map((field) => {
      // An enum's default is one of its options.
      if (field.kind === "enum" && field.default !== undefined) field.default = field.options?.[0];
      return field;
    });
}

function defaultFor(kind: Kind): fc.Arbitrary<string | number | boolean | undefined> {
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
  if (kind === "integer") return maybe(fc.integer({ min: 1, max: 50 }));
  if (kind === "boolean") return maybe(fc.boolean());
  if (kind === "string") return maybe(fc.constantFrom("standard", "eur", "auto"));
  if (kind === "enum") return maybe(fc.constant("first"));
  return fc.constant(undefined);
}

function constraintsFor(kind: Kind): fc.Arbitrary<Record<string, number>> {
  if (kind === "integer" || kind === "number") {
    return fc.oneof(
      fc.constant({}),
      fc.record({ minimum: fc.constant(1), maximum: fc.integer({ min: 100, max: 1000 }) }),
      fc.record({ minimum: fc.integer({ min: 0, max: 5 }) }),
    );
  }
  if (kind === "string")
    return fc.oneof(fc.constant({}), fc.record({ maxLength: fc.integer({ min: 8, max: 64 }) }));
  if (kind === "string[]" || kind === "object[]") {
    return fc.oneof(fc.constant({}), fc.record({ minItems: fc.constant(1) }));
  }
  return fc.constant({});
}

const SCALARS: Kind[] = ["string", "integer", "number", "boolean", "enum", "date-time", "string[]"];

/** Named fields with unique names; objects nest to `depth` more levels. */
function fields(depth: number, min: number, max: number): fc.Arbitrary<TField[]> {
  const field: fc.Arbitrary<Omit<TField, "name">> =
    depth <= 0
      ? scalarField(SCALARS)
      : fc.oneof(
          { weight: 3, arbitrary: scalarField(SCALARS) },
          {
            weight: 1,
            arbitrary: fc.record({
              kind: fc.constantFrom<Kind>("object", "object[]"),
              required: fc.boolean(),
              description: sentence,
              options: fc.constant(undefined),
              default: fc.constant(undefined),
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

const parameters = (kinds: Kind[], min: number, max: number) =>
  fc
    .uniqueArray(fc.tuple(identifier, scalarField(kinds)), {
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
    path: parameters(["string", "integer"], 0, 2),
    host: fc.constantFrom("api.wrenpay.io", "api.tallyhq.com"),
    apiKey: fc.option(
      fc.record({ header: fc.constantFrom("X-Api-Key", "X-Wren-Key"), description: sentence }),
      { nil: undefined },
    ),
    query: parameters(["string", "integer", "boolean", "enum"], 0, 3),
    headers: parameters(["string"], 0, 1).map((list) =>
      list.map((h) => ({ ...h, name: `X-${h.name.replace(/_/g, "-")}` })),
    ),
    body: fields(2, 1, 4),
    response: fc.record({
      code: fc.constantFrom<"200" | "201">("200", "201"),
      fields: fields(1, 1, 3),
    }),
  })
  .map(({ resource, path, body, ...rest }) => {
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

/** The Mintlify type spelling of a field (`enum<string>`, `object[]`, `string<date-time>`). */
export function typeLine(field: TField): string {
  if (field.kind === "enum") return "enum<string>";
  if (field.kind === "date-time") return "string<date-time>";
  return field.kind;
}

/** A value for the field that its schema accepts, for the request and response examples. */
export function exampleOf(fields: TField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) out[field.name] = sampleOf(field);
  return out;
}

function sampleOf(field: TField): unknown {
  switch (field.kind) {
    case "string":
      return "sample";
    case "integer":
    case "number":
      return field.constraints.minimum ?? 7;
    case "boolean":
      return true;
    case "enum":
      return field.options?.[0];
    case "date-time":
      return "2026-01-02T03:04:05Z";
    case "string[]":
      return ["sample"];
    case "object":
      return exampleOf(field.children ?? []);
    case "object[]":
      return [exampleOf(field.children ?? [])];
  }
}

/** `Required range: 1 <= x <= 100`, `Maximum string length: 40`: Mintlify's constraint lines. */
export function constraintLines(field: TField): [string, string][] {
  const c = field.constraints;
  const lines: [string, string][] = [];
  if (c.minimum !== undefined && c.maximum !== undefined) {
    lines.push(["Required range:", `${c.minimum} <= x <= ${c.maximum}`]);
  } else if (c.minimum !== undefined) lines.push(["Required range:", `x >= ${c.minimum}`]);
  if (c.maxLength !== undefined) lines.push(["Maximum string length:", String(c.maxLength)]);
  if (c.minItems !== undefined) lines.push(["Minimum array length:", String(c.minItems)]);
  return lines;
}
