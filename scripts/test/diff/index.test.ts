import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { bumpOf, classifyChanges, type SpecChange } from "../../src/diff/index.ts";
import type { OpenAPIDocument } from "../../src/sources/types.ts";

const GET = "`GET /v1/payment_sessions/{id}`";
const POST = "`POST /payment-sessions`";

/** A small Yorlet-like spec: one read operation and one create operation sharing a schema. */
function base(): OpenAPIDocument {
  const session = { $ref: "#/components/schemas/PaymentSession" };
  return {
    openapi: "3.1.0",
    info: { title: "Yorlet", version: "1.0.0", description: "Payments." },
    servers: [{ url: "https://api.yorlet.com" }],
    security: [{ bearer: [] }],
    tags: [{ name: "Sessions", description: "Payment sessions" }],
    paths: {
      "/v1/payment_sessions/{id}": {
        get: {
          operationId: "retrievePaymentSession",
          summary: "Retrieve a payment session",
          tags: ["Sessions"],
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            { name: "expand", in: "query", schema: { type: "array", items: { type: "string" } } },
          ],
          responses: {
            "200": { description: "OK", content: { "application/json": { schema: session } } },
            "404": {
              description: "Not found",
              content: {
                "application/json": {
                  schema: { type: "object", properties: { code: { type: "string" } } },
                },
              },
            },
          },
        },
      },
      "/payment-sessions": {
        post: {
          operationId: "createPaymentSession",
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/CreateSession" } },
            },
          },
          responses: {
            "201": { description: "Created", content: { "application/json": { schema: session } } },
          },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        PaymentSession: {
          type: "object",
          required: ["id", "created", "url", "mode", "merchant"],
          properties: {
            id: { type: "string" },
            created: { type: "integer", description: "Seconds since the Unix epoch." },
            url: { type: "string", format: "uri" },
            mode: { type: "string", enum: ["payment", "setup"] },
            merchant: {
              type: "object",
              required: ["support_email"],
              properties: { support_email: { type: "string" } },
            },
            items: {
              type: "array",
              items: { type: "object", properties: { name: { type: "string" } } },
            },
            metadata: { type: "object", additionalProperties: { type: "string" } },
          },
        },
        CreateSession: {
          type: "object",
          required: ["amount", "currency"],
          properties: {
            amount: { type: "integer", minimum: 1 },
            currency: { type: "string", enum: ["usd", "eur"] },
            description: { type: "string", maxLength: 500 },
            secret: { type: "string", readOnly: true },
          },
        },
      },
    },
  };
}

/** The changes `edit` makes to the base spec, as `bump: message` lines. */
function changesAfter(edit: (doc: OpenAPIDocument) => void): string[] {
  const after = base();
  edit(after);
  return lines(classifyChanges(base(), after));
}

function lines(changes: SpecChange[]): string[] {
  return changes.map((change) => `${change.bump}: ${change.message}`);
}

// biome-ignore lint/suspicious/noExplicitAny: test edits reach into untyped JSON.
type Doc = Record<string, any>;
const session = (doc: Doc): Doc => doc.components.schemas.PaymentSession;
const create = (doc: Doc): Doc => doc.components.schemas.CreateSession;
const getOp = (doc: Doc): Doc => doc.paths["/v1/payment_sessions/{id}"].get;
const postOp = (doc: Doc): Doc => doc.paths["/payment-sessions"].post;

describe("classifyChanges: no change", () => {
  it("gives [] for identical documents", () => {
    expect(classifyChanges(base(), base())).toEqual([]);
  });

  it("ignores key order", () => {
    const reversed = JSON.parse(JSON.stringify(base()), (_key, value) =>
      value && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    );
    expect(classifyChanges(base(), reversed)).toEqual([]);
  });

  it("treats a key holding undefined, as an in-memory spec may, as absent", () => {
    const after = base();
    session(after).properties.created.default = undefined;
    after.components.schemas.Extra = undefined;
    getOp(after).responses["500"] = undefined;
    expect(classifyChanges(base(), after)).toEqual([]);
  });

  it("treats the spellings of a nullable type alike", () => {
    const before = base();
    session(before).properties.created = { type: ["integer", "null"] };
    expect(
      changesAfter((doc) => {
        session(doc).properties.created = { anyOf: [{ type: "integer" }, { type: "null" }] };
      }).filter((line) => line.includes("type")),
    ).toEqual([
      `major: Widened type of response field \`created\` in ${GET} from \`integer\` to \`integer | null\` (breaking)`,
      `major: Widened type of response field \`created\` in ${POST} from \`integer\` to \`integer | null\` (breaking)`,
    ]);
    const after = base();
    session(after).properties.created = {
      anyOf: [{ type: "integer" }, { type: "null" }],
      description: "Seconds since the Unix epoch.",
    };
    session(before).properties.created.description = "Seconds since the Unix epoch.";
    expect(classifyChanges(before, after)).toEqual([]);
  });

  it("treats an allOf of the same fields as the same object", () => {
    const after = base();
    const { properties, required } = session(after);
    after.components.schemas.Base = { type: "object", required, properties };
    session(after).properties = undefined;
    after.components.schemas.PaymentSession = { allOf: [{ $ref: "#/components/schemas/Base" }] };
    expect(lines(classifyChanges(base(), after))).toEqual([
      "minor: Added schema `Base` (additive)",
    ]);
  });
});

describe("classifyChanges: operations", () => {
  it("reports a removed operation as breaking and an added one as additive", () => {
    expect(
      changesAfter((doc) => {
        delete doc.paths["/payment-sessions"];
        doc.paths["/v1/payment_sessions/{id}"].delete = { responses: { "204": {} } };
      }),
    ).toEqual([
      `major: Removed operation ${POST} (breaking)`,
      "minor: Added operation `DELETE /v1/payment_sessions/{id}` (additive)",
    ]);
  });

  it("reports a renamed operationId as breaking", () => {
    expect(changesAfter((doc) => (getOp(doc).operationId = "getSession"))).toEqual([
      `major: Changed operationId of ${GET} from \`retrievePaymentSession\` to \`getSession\` (breaking)`,
    ]);
  });

  it("reports deprecation as additive", () => {
    expect(changesAfter((doc) => (getOp(doc).deprecated = true))).toEqual([
      `minor: Deprecated operation ${GET} (additive)`,
    ]);
  });

  it("reports removed and added response statuses", () => {
    expect(
      changesAfter((doc) => {
        delete getOp(doc).responses["404"];
        getOp(doc).responses["429"] = { description: "Too many requests" };
      }),
    ).toEqual([
      `major: Removed response status \`404\` from ${GET} (breaking)`,
      `minor: Added response status \`429\` to ${GET} (additive)`,
    ]);
  });

  it("reports removed and added media types", () => {
    expect(
      changesAfter((doc) => {
        const content = getOp(doc).responses["200"].content;
        content["application/xml"] = content["application/json"];
        delete content["application/json"];
      }),
    ).toEqual([
      `major: Removed media type \`application/json\` from response \`200\` of ${GET} (breaking)`,
      `minor: Added media type \`application/xml\` to response \`200\` of ${GET} (additive)`,
    ]);
  });
});

describe("classifyChanges: webhooks", () => {
  const event = (fields: Record<string, unknown>, required: string[] = []) => ({
    post: {
      summary: "Session paid",
      requestBody: {
        content: {
          "application/json": { schema: { type: "object", properties: fields, required } },
        },
      },
      responses: { "200": { description: "Received" } },
    },
  });
  const withEvent = (doc: Doc, fields: Record<string, unknown>, required?: string[]) => {
    doc.webhooks = { "session.paid": event(fields, required) };
  };
  const compare = (b: (doc: Doc) => void, a: (doc: Doc) => void) => {
    const before = base();
    const after = base();
    b(before);
    a(after);
    return lines(classifyChanges(before, after));
  };
  const id = { id: { type: "string" } };
  const paid = { id: { type: "string" }, paid_at: { type: "string" } };

  it("reports an added event as additive and a removed one as breaking", () => {
    expect(changesAfter((doc) => withEvent(doc, id))).toEqual([
      "minor: Added `webhook session.paid` (additive)",
    ]);
    expect(
      compare(
        (doc) => withEvent(doc, id),
        () => {},
      ),
    ).toEqual(["major: Removed `webhook session.paid` (breaking)"]);
  });

  it("compares the payload as what the provider sends: a dropped field breaks receivers", () => {
    const added = compare(
      (doc) => withEvent(doc, id, ["id"]),
      (doc) => withEvent(doc, paid, ["id"]),
    );
    expect(added.every((line) => line.startsWith("minor: "))).toBe(true);
    expect(added.join("\n")).toContain("paid_at");
    const dropped = compare(
      (doc) => withEvent(doc, paid, ["id", "paid_at"]),
      (doc) => withEvent(doc, id, ["id"]),
    );
    expect(dropped.some((line) => line.startsWith("major: ") && line.includes("paid_at"))).toBe(
      true,
    );
  });
});

describe("classifyChanges: response fields", () => {
  it("reports a removed response field in every operation that returns it", () => {
    expect(changesAfter((doc) => delete session(doc).properties.url)).toEqual([
      `major: Removed response field \`url\` from ${GET} (breaking)`,
      `major: Removed response field \`url\` from ${POST} (breaking)`,
    ]);
  });

  it("names nested fields with dotted paths and arrays with []", () => {
    expect(
      changesAfter((doc) => {
        delete session(doc).properties.merchant.properties.support_email;
        session(doc).properties.items.items.properties.quantity = { type: "integer" };
      }).filter((line) => line.includes(GET)),
    ).toEqual([
      `major: Removed response field \`merchant.support_email\` from ${GET} (breaking)`,
      `minor: Added response field \`items[].quantity\` to ${GET} (additive)`,
    ]);
  });

  it("names fields of a non-primary status", () => {
    expect(
      changesAfter((doc) => {
        getOp(doc).responses["404"].content["application/json"].schema.properties.msg = {
          type: "string",
        };
      }),
    ).toEqual([`minor: Added 404 response field \`msg\` to ${GET} (additive)`]);
  });

  it("reports a response type change, including becoming nullable, as breaking", () => {
    expect(
      changesAfter((doc) => {
        session(doc).properties.id.type = "integer";
        session(doc).properties.url.type = ["string", "null"];
      }).filter((line) => line.includes(GET)),
    ).toEqual([
      `major: Changed type of response field \`id\` in ${GET} from \`string\` to \`integer\` (breaking)`,
      `major: Widened type of response field \`url\` in ${GET} from \`string\` to \`null | string\` (breaking)`,
    ]);
  });

  it("reports a response field no longer guaranteed as breaking, newly guaranteed as additive", () => {
    expect(
      changesAfter((doc) => {
        session(doc).required = ["id", "created", "mode", "merchant", "items"];
      }).filter((line) => line.includes(GET)),
    ).toEqual([
      `major: Made response field \`url\` optional in ${GET} (breaking)`,
      `minor: Made response field \`items\` required in ${GET} (additive)`,
    ]);
  });

  it("treats a response enum value added as additive and removed as breaking", () => {
    expect(
      changesAfter((doc) => (session(doc).properties.mode.enum = ["payment", "subscription"])),
    ).toEqual([
      `major: Removed enum value \`setup\` from response field \`mode\` in ${GET} (breaking)`,
      `major: Removed enum value \`setup\` from response field \`mode\` in ${POST} (breaking)`,
      `minor: Added enum value \`subscription\` to response field \`mode\` in ${GET} (additive)`,
      `minor: Added enum value \`subscription\` to response field \`mode\` in ${POST} (additive)`,
    ]);
  });

  it("reports a description change as documentation", () => {
    expect(
      changesAfter((doc) => (session(doc).properties.created.description = "Creation time.")),
    ).toEqual([
      `patch: Changed description of response field \`created\` in ${GET} (documentation)`,
      `patch: Changed description of response field \`created\` in ${POST} (documentation)`,
    ]);
  });

  it("compares additionalProperties schemas as `field.*`", () => {
    expect(
      changesAfter(
        (doc) => (session(doc).properties.metadata.additionalProperties.type = "number"),
      ),
    ).toContain(
      `major: Changed type of response field \`metadata.*\` in ${GET} from \`string\` to \`number\` (breaking)`,
    );
  });
});

describe("classifyChanges: request fields and parameters", () => {
  it("reports an added optional request field as additive, a required one as breaking", () => {
    expect(
      changesAfter((doc) => {
        create(doc).properties.metadata = { type: "object" };
        create(doc).properties.customer = { type: "string" };
        create(doc).required.push("customer");
      }),
    ).toEqual([
      `major: Added required request field \`customer\` to ${POST} (breaking)`,
      `minor: Added optional request field \`metadata\` to ${POST} (additive)`,
    ]);
  });

  it("reports a request field made required as breaking, made optional as additive", () => {
    expect(changesAfter((doc) => (create(doc).required = ["amount", "description"]))).toEqual([
      `major: Made request field \`description\` required in ${POST} (breaking)`,
      `minor: Made request field \`currency\` optional in ${POST} (additive)`,
    ]);
  });

  it("reports a removed request field as breaking", () => {
    expect(changesAfter((doc) => delete create(doc).properties.description)).toEqual([
      `major: Removed request field \`description\` from ${POST} (breaking)`,
    ]);
  });

  it("ignores readOnly fields in requests", () => {
    expect(changesAfter((doc) => delete create(doc).properties.secret)).toEqual([]);
  });

  it("allows a request type to widen but not to narrow", () => {
    expect(changesAfter((doc) => (create(doc).properties.amount.type = "number"))).toEqual([
      `minor: Widened type of request field \`amount\` in ${POST} from \`integer\` to \`number\` (additive)`,
    ]);
    expect(changesAfter((doc) => (create(doc).properties.amount.type = "string"))).toEqual([
      `major: Changed type of request field \`amount\` in ${POST} from \`integer\` to \`string\` (breaking)`,
    ]);
  });

  it("treats a request enum value removed as breaking and added as additive", () => {
    expect(changesAfter((doc) => (create(doc).properties.currency.enum = ["usd", "gbp"]))).toEqual([
      `major: Removed enum value \`eur\` from request field \`currency\` in ${POST} (breaking)`,
      `minor: Added enum value \`gbp\` to request field \`currency\` in ${POST} (additive)`,
    ]);
  });

  it("treats tighter request constraints as breaking and looser ones as additive", () => {
    expect(
      changesAfter((doc) => {
        create(doc).properties.description.maxLength = 100;
        create(doc).properties.amount.minimum = 0;
      }),
    ).toEqual([
      `major: Changed \`maxLength\` of request field \`description\` in ${POST} from \`500\` to \`100\` (breaking)`,
      `minor: Changed \`minimum\` of request field \`amount\` in ${POST} from \`1\` to \`0\` (additive)`,
    ]);
  });

  it("treats a changed format or pattern as breaking in either direction", () => {
    expect(
      changesAfter((doc) => {
        session(doc).properties.url.format = "uri-reference";
        create(doc).properties.currency.pattern = "^[a-z]{3}$";
      }).filter((line) => !line.includes(POST) || line.includes("request")),
    ).toEqual([
      `major: Added \`pattern: ^[a-z]{3}$\` to request field \`currency\` in ${POST} (breaking)`,
      `major: Changed \`format\` of response field \`url\` in ${GET} from \`uri\` to \`uri-reference\` (breaking)`,
    ]);
    expect(changesAfter((doc) => delete session(doc).properties.url.format)).toEqual([
      `major: Removed \`format: uri\` from response field \`url\` in ${GET} (breaking)`,
      `major: Removed \`format: uri\` from response field \`url\` in ${POST} (breaking)`,
    ]);
  });

  it("reports parameters added as required or optional, removed and made required", () => {
    expect(
      changesAfter((doc) => {
        const params = getOp(doc).parameters;
        params[1].required = true;
        params.push({ name: "Yorlet-Context", in: "header", schema: { type: "string" } });
        params.push({ name: "limit", in: "query", required: true, schema: { type: "integer" } });
      }),
    ).toEqual([
      `major: Added required query parameter \`limit\` to ${GET} (breaking)`,
      `major: Made query parameter \`expand\` required in ${GET} (breaking)`,
      `minor: Added optional header parameter \`Yorlet-Context\` to ${GET} (additive)`,
    ]);
    expect(changesAfter((doc) => getOp(doc).parameters.pop())).toEqual([
      `major: Removed query parameter \`expand\` from ${GET} (breaking)`,
    ]);
  });

  it("walks parameter schemas as requests", () => {
    expect(
      changesAfter((doc) => (getOp(doc).parameters[1].schema.items.enum = ["merchant"])),
    ).toEqual([
      `major: Restricted query parameter \`expand[]\` in ${GET} to values \`merchant\` (breaking)`,
    ]);
  });

  it("reports a request body made required or removed as breaking", () => {
    expect(changesAfter((doc) => delete postOp(doc).requestBody)).toEqual([
      `major: Removed request body from ${POST} (breaking)`,
    ]);
    expect(changesAfter((doc) => (postOp(doc).requestBody.required = false))).toEqual([
      `minor: Made request body optional in ${POST} (additive)`,
    ]);
  });
});

describe("classifyChanges: security, servers and documentation", () => {
  it("reports a global security change as breaking", () => {
    expect(changesAfter((doc) => (doc.security = [{ apiKey: [] }]))).toEqual([
      "major: Changed global security from `bearer` to `apiKey` (breaking)",
    ]);
  });

  it("reports an operation's own security change as breaking", () => {
    expect(changesAfter((doc) => (getOp(doc).security = [{ bearer: [] }, {}]))).toEqual([
      `major: Changed security of ${GET} from \`bearer\` to \`bearer or none\` (breaking)`,
    ]);
    expect(changesAfter((doc) => (getOp(doc).security = [{ bearer: [] }]))).toEqual([]);
  });

  it("reports a changed security scheme as breaking", () => {
    expect(
      changesAfter((doc) => {
        doc.components.securitySchemes.bearer = { type: "apiKey", in: "header", name: "X-Key" };
      }),
    ).toEqual([
      "major: Changed `in` of security scheme `bearer` from nothing to `header` (breaking)",
      "major: Changed `name` of security scheme `bearer` from nothing to `X-Key` (breaking)",
      "major: Changed `scheme` of security scheme `bearer` from `bearer` to nothing (breaking)",
      "major: Changed `type` of security scheme `bearer` from `http` to `apiKey` (breaking)",
    ]);
  });

  it("reports a removed server as breaking and an added one as additive", () => {
    expect(changesAfter((doc) => (doc.servers = [{ url: "https://sandbox.yorlet.com" }]))).toEqual([
      "major: Removed server `https://api.yorlet.com` (breaking)",
      "minor: Added server `https://sandbox.yorlet.com` (additive)",
    ]);
  });

  it("reports text changes as documentation", () => {
    expect(
      changesAfter((doc) => {
        doc.info.description = "Payments, reworded.";
        doc.info.version = "1.0.1";
        doc.tags[0].description = "Sessions for payments";
        getOp(doc).summary = "Get a payment session";
        getOp(doc).responses["200"].content["application/json"].example = { id: "ps_1" };
        getOp(doc).parameters[0].description = "The session id.";
      }),
    ).toEqual([
      "patch: Changed `info.description` (documentation)",
      "patch: Changed `info.version` from `1.0.0` to `1.0.1` (documentation)",
      `patch: Changed description of path parameter \`id\` in ${GET} (documentation)`,
      "patch: Changed description of tag `Sessions` (documentation)",
      `patch: Changed example of response \`200\` in ${GET} (documentation)`,
      `patch: Changed summary of ${GET} (documentation)`,
    ]);
  });
});

describe("classifyChanges: references", () => {
  it("follows references through components and reports the change at each use", () => {
    expect(
      changesAfter((doc) => {
        doc.components.schemas.Merchant = session(doc).properties.merchant;
        session(doc).properties.merchant = { $ref: "#/components/schemas/Merchant" };
        doc.components.schemas.Merchant.properties.support_phone = { type: "string" };
      }).filter((line) => line.includes(GET) || !line.includes("`POST")),
    ).toEqual([
      `minor: Added response field \`merchant.support_phone\` to ${GET} (additive)`,
      "minor: Added schema `Merchant` (additive)",
    ]);
  });

  it("stops at cycles and still reports changes inside them", () => {
    const tree = (extra: Doc) => {
      const doc = base();
      doc.components.schemas.Node = {
        type: "object",
        properties: {
          name: { type: "string" },
          children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
          parent: { anyOf: [{ $ref: "#/components/schemas/Node" }, { type: "null" }] },
          ...extra,
        },
      };
      session(doc).properties.tree = { $ref: "#/components/schemas/Node" };
      return doc;
    };
    expect(classifyChanges(tree({}), tree({}))).toEqual([]);
    const changes = lines(classifyChanges(tree({}), tree({ depth: { type: "integer" } })));
    // `parent` is reached through a nullable union, one step before the cycle closes.
    expect(changes.filter((line) => line.includes(GET))).toEqual([
      `minor: Added response field \`tree.depth\` to ${GET} (additive)`,
      `minor: Added response field \`tree.parent.depth\` to ${GET} (additive)`,
    ]);
  });

  it("reports a change in a shared schema at each path that uses it", () => {
    const withAddress = (zip: boolean) => {
      const doc = base();
      doc.components.schemas.Address = {
        type: "object",
        properties: { city: { type: "string" }, ...(zip ? { zip: { type: "string" } } : {}) },
      };
      const address = { $ref: "#/components/schemas/Address" };
      session(doc).properties.billing = address;
      session(doc).properties.shipping = { type: "object", properties: { to: address } };
      return doc;
    };
    expect(
      lines(classifyChanges(withAddress(true), withAddress(false))).filter((line) =>
        line.includes(GET),
      ),
    ).toEqual([
      `major: Removed response field \`billing.zip\` from ${GET} (breaking)`,
      `major: Removed response field \`shipping.to.zip\` from ${GET} (breaking)`,
    ]);
  });

  it("lets a description next to a $ref override the target's", () => {
    expect(
      changesAfter((doc) => {
        session(doc).properties.merchant = {
          ...session(doc).properties.merchant,
          description: "The merchant.",
        };
      }).filter((line) => line.includes(GET)),
    ).toEqual([
      `patch: Changed description of response field \`merchant\` in ${GET} (documentation)`,
    ]);
  });

  it("compares a dangling reference by its text instead of failing", () => {
    const before = base();
    session(before).properties.extra = { $ref: "#/components/schemas/Missing" };
    const after = base();
    session(after).properties.extra = { $ref: "#/components/schemas/Gone" };
    expect(lines(classifyChanges(before, after))).toContain(
      `major: Changed schema of response field \`extra\` in ${GET} (breaking)`,
    );
  });
});

describe("classifyChanges: order and robustness", () => {
  it("sorts major first, then minor, then patch, each by message", () => {
    const changes = classifyChanges(
      base(),
      (() => {
        const doc = base();
        doc.info.description = "New";
        create(doc).properties.note = { type: "string" };
        delete session(doc).properties.url;
        return doc;
      })(),
    );
    const ranks = changes.map((change) => ["major", "minor", "patch"].indexOf(change.bump));
    expect(ranks).toEqual([...ranks].sort());
    expect(changes.map((change) => change.bump)).toEqual(["major", "major", "minor", "patch"]);
  });

  it("never throws on malformed documents, and finds nothing between equal ones", () => {
    const small = { maxLength: 3, maxKeys: 3 } as const;
    const json = fc.jsonValue({ maxDepth: 2 });
    const schema = fc.letrec((tie) => ({
      schema: fc.oneof(
        { maxDepth: 3, depthSize: "small" },
        json,
        fc.record(
          {
            type: fc.constantFrom("string", "object", "array", ["integer", "null"], 3),
            properties: fc.dictionary(
              fc.constantFrom("a", "b", "constructor"),
              tie("schema"),
              small,
            ),
            items: tie("schema"),
            required: fc.array(fc.oneof(fc.constantFrom("a", "b"), fc.integer()), small),
            enum: fc.array(json, small),
            anyOf: fc.array(tie("schema"), small),
            allOf: fc.array(tie("schema"), small),
            $ref: fc.constantFrom(
              "#/components/schemas/A",
              "#/components/schemas/B",
              "#/x",
              "#",
              7,
            ),
            nullable: fc.boolean(),
            additionalProperties: fc.oneof(fc.boolean(), tie("schema")),
          },
          { requiredKeys: [] },
        ),
      ),
    })).schema;
    const media = fc.dictionary(
      fc.constantFrom("application/json", "text/plain"),
      fc.record({ schema }),
      small,
    );
    const parameter = fc.record({
      name: fc.constantFrom("id", "limit"),
      in: fc.constantFrom("path", "query", "header", "toString"),
      required: fc.boolean(),
      schema,
    });
    const operation = fc.record(
      {
        parameters: fc.oneof(json, fc.array(parameter, small)),
        requestBody: fc.oneof(json, fc.record({ required: fc.boolean(), content: media })),
        responses: fc.dictionary(
          fc.constantFrom("200", "404", "default"),
          fc.record({ content: media }),
          small,
        ),
        security: json,
      },
      { requiredKeys: [] },
    );
    const doc = fc.record(
      {
        paths: fc.oneof(
          json,
          fc.dictionary(
            fc.constantFrom("/a", "/b"),
            fc.record({ get: operation, post: operation }),
            small,
          ),
        ),
        components: fc.record({ schemas: fc.dictionary(fc.constantFrom("A", "B"), schema, small) }),
        security: json,
        servers: json,
        info: json,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(doc, doc, (before, after) => {
        classifyChanges(before, after);
        expect(classifyChanges(before, structuredClone(before))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

/** A spec under test/fixtures/diff/. */
function fixture(name: string): OpenAPIDocument {
  return parse(readFileSync(new URL(`../fixtures/diff/${name}.yaml`, import.meta.url), "utf8"));
}

describe("classifyChanges: the generated specs, edited as upstream docs change", () => {
  const yorlet = fixture("yorlet");

  it("finds nothing between a spec and itself", () => {
    expect(classifyChanges(yorlet, fixture("yorlet"))).toEqual([]);
    expect(classifyChanges(fixture("clink"), fixture("clink"))).toEqual([]);
  });

  it("classifies a removed response field as major", () => {
    const changes = classifyChanges(yorlet, fixture("yorlet.removed-url"));
    expect(lines(changes)).toEqual([
      `major: Removed response field \`url\` from ${GET} (breaking)`,
    ]);
    expect(bumpOf(changes)).toBe("major");
  });

  it("classifies an added optional response field as minor", () => {
    const changes = classifyChanges(yorlet, fixture("yorlet.added-livemode"));
    expect(lines(changes)).toEqual([
      `minor: Added response field \`livemode\` to ${GET} (additive)`,
    ]);
    expect(bumpOf(changes)).toBe("minor");
  });

  it("classifies a reworded description as patch", () => {
    const changes = classifyChanges(yorlet, fixture("yorlet.reworded"));
    expect(lines(changes)).toEqual([
      `patch: Changed description of response field \`created\` in ${GET} (documentation)`,
    ]);
    expect(bumpOf(changes)).toBe("patch");
  });

  it("classifies request changes through a $ref in the Clink spec", () => {
    const create = "`POST /order/payment-session`";
    expect(lines(classifyChanges(fixture("clink"), fixture("clink.request-changes")))).toEqual([
      `major: Changed \`minimum\` of request field \`amount\` in ${create} from \`0.5\` to \`1\` (breaking)`,
      `minor: Added optional request field \`metadata\` to ${create} (additive)`,
    ]);
  });
});

describe("bumpOf", () => {
  it("is the highest bump, or null for no change", () => {
    expect(bumpOf([])).toBeNull();
    expect(bumpOf([{ bump: "patch", message: "a" }])).toBe("patch");
    expect(
      bumpOf([
        { bump: "patch", message: "a" },
        { bump: "major", message: "b" },
        { bump: "minor", message: "c" },
      ]),
    ).toBe("major");
    expect(
      bumpOf([
        { bump: "patch", message: "a" },
        { bump: "minor", message: "c" },
      ]),
    ).toBe("minor");
  });
});
