/**
 * Deterministic synthetic OpenAPI 3.1 documents with a chosen number of operations, shaped like a
 * payment API: every resource has list / create / get / update / delete, path and query
 * parameters, request bodies, nested object and array schemas, `$ref`s to shared components,
 * 4XX responses and examples that validate against their schemas (so every stage does real work).
 */
// biome-ignore lint/suspicious/noExplicitAny: the document is open-ended JSON.
type Json = Record<string, any>;

const OPERATIONS_PER_RESOURCE = 5;

export function syntheticSpec(operations: number): Json {
  const paths: Json = {};
  const schemas: Json = shared();
  const resources = Math.ceil(operations / OPERATIONS_PER_RESOURCE);
  let left = operations;
  for (let r = 0; r < resources; r++) {
    const name = `Resource${r}`;
    const base = `/v1/resource-${r}`;
    Object.assign(schemas, resourceSchemas(name));
    const ops = resourceOperations(name, r);
    const take = Math.min(left, OPERATIONS_PER_RESOURCE);
    left -= take;
    for (const [path, method, op] of ops.slice(0, take)) {
      const at = path === "" ? base : `${base}${path}`;
      paths[at] ??= {};
      paths[at][method] = op;
    }
  }
  return {
    openapi: "3.1.0",
    info: { title: `Synthetic API (${operations} operations)`, version: "1.0.0" },
    servers: [{ url: "https://api.synthetic.test", description: "production" }],
    security: [{ apiKey: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: { apiKey: { type: "apiKey", in: "header", name: "X-API-Key" } },
      responses: {
        NotFound: jsonResponse("The resource does not exist", ref("Error"), errorExample()),
        BadRequest: jsonResponse("The request is invalid", ref("Error"), errorExample()),
      },
      parameters: {
        Limit: {
          name: "limit",
          in: "query",
          description: "Page size",
          schema: { type: "integer", minimum: 1, maximum: 100, default: 20 },
        },
        Cursor: {
          name: "cursor",
          in: "query",
          description: "Page cursor",
          schema: { type: "string" },
        },
      },
    },
  };
}

function ref(name: string): Json {
  return { $ref: `#/components/schemas/${name}` };
}

function shared(): Json {
  return {
    Money: {
      type: "object",
      required: ["amount", "currency"],
      properties: {
        amount: { type: "number", minimum: 0, description: "Amount in major units" },
        currency: { type: "string", enum: ["USD", "EUR", "GBP", "SEK"] },
      },
    },
    Address: {
      type: "object",
      properties: {
        line1: { type: "string" },
        city: { type: "string" },
        country: { type: "string", minLength: 2, maxLength: 2 },
      },
    },
    Error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        details: { type: "array", items: { type: "object", additionalProperties: true } },
      },
    },
  };
}

function resourceSchemas(name: string): Json {
  const fields = {
    description: { type: ["string", "null"], description: "Free text" },
    amount: ref("Money"),
    customer: {
      type: "object",
      required: ["email"],
      properties: {
        email: { type: "string", format: "email" },
        name: { type: "string" },
        address: ref("Address"),
      },
    },
    items: {
      type: "array",
      items: {
        type: "object",
        required: ["sku", "quantity"],
        properties: {
          sku: { type: "string" },
          quantity: { type: "integer", minimum: 1 },
          price: ref("Money"),
        },
      },
    },
    metadata: { type: "object", additionalProperties: { type: "string" } },
  };
  return {
    [name]: {
      type: "object",
      required: ["id", "status", "amount", "createdAt"],
      properties: {
        id: { type: "string" },
        status: { type: "string", enum: ["pending", "succeeded", "failed", "cancelled"] },
        createdAt: { type: "string", format: "date-time" },
        ...fields,
      },
    },
    [`${name}Create`]: { type: "object", required: ["amount", "customer"], properties: fields },
    [`${name}Update`]: {
      type: "object",
      properties: { description: fields.description, metadata: fields.metadata },
    },
    [`${name}List`]: {
      type: "object",
      required: ["data"],
      properties: {
        data: { type: "array", items: ref(name) },
        nextCursor: { type: ["string", "null"] },
      },
    },
  };
}

function example(r: number): Json {
  return {
    id: `res_${r}`,
    status: "pending",
    createdAt: "2025-01-01T00:00:00Z",
    description: null,
    amount: { amount: 12.5, currency: "USD" },
    customer: { email: "ada@example.com", address: { line1: "1 Main St", country: "SE" } },
    items: [{ sku: "sku_1", quantity: 2, price: { amount: 6.25, currency: "USD" } }],
    metadata: { order: "42" },
  };
}

function errorExample(): Json {
  return { code: "not_found", message: "No such resource" };
}

function jsonResponse(description: string, schema: Json, value?: unknown): Json {
  const media: Json = { schema };
  if (value !== undefined) media.examples = { default: { value } };
  return { description, content: { "application/json": media } };
}

function resourceOperations(name: string, r: number): [string, string, Json][] {
  const tag = `resource-${r}`;
  const idParam = {
    name: "id",
    in: "path",
    required: true,
    description: "Resource id",
    schema: { type: "string" },
  };
  const errors = {
    "400": { $ref: "#/components/responses/BadRequest" },
    "404": { $ref: "#/components/responses/NotFound" },
  };
  const body = (schema: string, value: unknown) => ({
    required: true,
    content: { "application/json": { schema: ref(schema), examples: { default: { value } } } },
  });
  const { id: _id, status: _s, createdAt: _c, ...createExample } = example(r);
  return [
    [
      "",
      "get",
      {
        tags: [tag],
        summary: `List ${name}`,
        operationId: `list${name}`,
        parameters: [
          { $ref: "#/components/parameters/Limit" },
          { $ref: "#/components/parameters/Cursor" },
        ],
        responses: {
          "200": jsonResponse("A page", ref(`${name}List`), {
            data: [example(r)],
            nextCursor: null,
          }),
          "400": errors["400"],
        },
      },
    ],
    [
      "",
      "post",
      {
        tags: [tag],
        summary: `Create ${name}`,
        operationId: `create${name}`,
        parameters: [
          {
            name: "Idempotency-Key",
            in: "header",
            description: "Makes retries safe",
            schema: { type: "string", maxLength: 255 },
          },
        ],
        requestBody: body(`${name}Create`, createExample),
        responses: { "201": jsonResponse("Created", ref(name), example(r)), "400": errors["400"] },
      },
    ],
    [
      "/{id}",
      "get",
      {
        tags: [tag],
        summary: `Get ${name}`,
        operationId: `get${name}`,
        parameters: [idParam],
        responses: { "200": jsonResponse("The resource", ref(name), example(r)), ...errors },
      },
    ],
    [
      "/{id}",
      "patch",
      {
        tags: [tag],
        summary: `Update ${name}`,
        operationId: `update${name}`,
        parameters: [idParam],
        requestBody: body(`${name}Update`, { metadata: { note: "x" } }),
        responses: { "200": jsonResponse("Updated", ref(name)), ...errors },
      },
    ],
    [
      "/{id}",
      "delete",
      {
        tags: [tag],
        summary: `Delete ${name}`,
        operationId: `delete${name}`,
        parameters: [idParam],
        responses: { "204": { description: "Deleted" }, ...errors },
      },
    ],
  ];
}
