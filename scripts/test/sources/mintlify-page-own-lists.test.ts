import { describe, expect, it } from "vitest";
import { splitOptionalMark } from "../../src/sources/mintlify-page/deglue.ts";
import { parseMintlifyPage } from "../../src/sources/mintlify-page.ts";
import type { OpenAPIDocument } from "../../src/sources/types.ts";

// Pages of our own: a page that lists its fields by hand (its own `Parameters`, its own
// `Response`) above the reference Mintlify generates from its spec, which lists them again.

type Doc = OpenAPIDocument;
const parse = (text: string, lenient = false): Doc =>
  parseMintlifyPage(text, { file: "p.txt", lenient });
const operationOf = (doc: Doc) => Object.values(Object.values(doc.paths)[0] as Doc)[0] as Doc;
const params = (doc: Doc) =>
  (operationOf(doc).parameters ?? []).map((p: Doc) => `${p.in}:${p.name}`);

describe("a page's own lists above the generated reference", () => {
  it("reads a hand-written list's `(opt)` and `(required)` marks after a name or a type", () => {
    expect(splitOptionalMark("room_id (opt)", "", "string")).toEqual(["room_id"]);
    expect(splitOptionalMark("seats (required)", "", "integer")).toEqual(["seats"]);
    // The name's mark goes after its type, where Mintlify's pill stands.
    expect(splitOptionalMark("integer", "seats (required)", "How many.")).toEqual([
      "integer",
      "required",
    ]);
    expect(splitOptionalMark("string (optional)", "note", "A note.")).toEqual(["string"]);
    // A type word as a name over its type is a name (`object (required)` over `string`).
    expect(splitOptionalMark("object (required)", "", "string")).toEqual(["object"]);
    // A sentence that ends so, or a name over no type, stays as written.
    expect(splitOptionalMark("Send it (optional)", "", "string")).toBeUndefined();
    expect(splitOptionalMark("room_id (opt)", "", "The room.")).toBeUndefined();
    const doc = parse(
      [
        "POST\n/\nrooms\n/\nbook\nBook a room",
        "curl --request POST 'https://api.roomly.example/rooms/book' \\",
        `  --data '{"seats": 4}'`,
        '{\n  "booking_id": "b_1",\n  "note": "by the window"\n}',
        "Body",
        "room_id (opt)\nstring\n\nA room to prefer.",
        "seats (required)\ninteger\n\nHow many people come.",
        "Response",
        "booking_id\nstring\n\nThe booking.",
        "note\nstring (opt)\n\nWhat the desk adds.",
      ].join("\n\n"),
    );
    const op = operationOf(doc);
    const schema = op.requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties)).toEqual(["room_id", "seats"]);
    expect(schema.required).toEqual(["seats"]);
    const shown = op.responses["200"].content["application/json"].schema;
    expect(shown.properties.note.type).toBe("string");
  });

  it("takes a sentence-case list's field from the reference that lists it again", () => {
    const page = [
      "GET\n/\nv2\n/\ntrucks\n/\n{vin}\n/\nplates\nPlates of a truck",
      "curl --request GET \\\n  --url https://api.haulio.example/v2/trucks/{vin}/plates",
      '{\n  "plate": "AB-12",\n  "region": "north"\n}',
      "Path parameters",
      "vin\nstring\nrequired\nThe truck's VIN, as printed on its frame.",
      "Response",
      "200 OK",
      "FieldTypeDescription",
      "platestringThe plate shown\nregionstringWhere it is registered",
      "Authorizations",
      "Authorization\nstring\nheader\nrequired\n\nA bearer token.",
      "Path Parameters",
      "vin\nstring\nrequired",
      "Response",
      "Successful response",
    ].join("\n\n");
    const op = operationOf(parse(page));
    expect(params(parse(page))).toEqual(["path:vin"]);
    // The reference's listing, with the page's own description where it gives none.
    expect(op.parameters[0].description).toBe("The truck's VIN, as printed on its frame.");
    const shown = op.responses["200"].content["application/json"].schema;
    expect(Object.keys(shown.properties)).toEqual(["plate", "region"]);
  });

  it("refuses a section listed twice, a response between them or not (the page's fault)", () => {
    const listing = (extra: string) =>
      [
        "GET\n/\nv1\n/\nparcels\nList parcels",
        "curl --request GET \\\n  --url https://api.parcelo.example/v1/parcels",
        "Query Parameters",
        "limit\ninteger\n\nHow many, at most.",
        extra,
        "Query Parameters",
        "limit\ninteger\ndefault:20\n\nPage size.",
        "Response",
        "404 - application/json",
        "error\nstring\n\nWhat is missing.",
      ].join("\n\n");
    expect(() => parse(listing("Response\n\n200 - application/json\n\nitems\narray"))).toThrow(
      /one field named limit/,
    );
    expect(() => parse(listing(""))).toThrow(/one field named limit/);
  });
});

describe("a payload that is an enum itself", () => {
  const page = (options: string[], example = '"queued"') =>
    [
      "GET\n/\nv1\n/\nprints\n/\n{print_id}\n/\nstate",
      "curl --request GET \\\n  --url https://api.pressly.example/v1/prints/{print_id}/state",
      example,
      "Path Parameters",
      "print_id\nstring\nrequired",
      "Response",
      "200\napplication/json\nSuccessful Response",
      "Where the print job is.\n\n  • queued: waiting\n  • done: printed",
      ...options,
    ].join("\n\n");

  it("reads the options under the response's description as the response's enum", () => {
    const doc = parse(page(["Available options:\nqueued,\nprinting,\ndone"]));
    const shown = operationOf(doc).responses["200"].content["application/json"];
    expect(shown.schema).toMatchObject({ type: "string", enum: ["queued", "printing", "done"] });
    expect(shown.example).toBe("queued");
    // A number shown: numbers.
    const coded = parse(page(["Available options:\n1,\n2,\n3"], "2"));
    const schema = operationOf(coded).responses["200"].content["application/json"].schema;
    expect(schema).toMatchObject({ type: "integer", enum: [1, 2, 3] });
  });

  it("refuses an enum payload whose options the copy lost, and reads it without them leniently", () => {
    const lost = page(["The response is of type enum<string>.", "Available options:"]);
    expect(() => parse(lost)).toThrow(/the Available options of the enum payload/);
    const shown = operationOf(parse(lost, true)).responses["200"].content["application/json"];
    expect(shown.schema).toEqual({ type: "string", description: expect.any(String) });
  });
});

// Faults a review of these rules found (each passed strict, wrongly, before its fix).
describe("the guards of those rules", () => {
  const statePage = (tail: string[]) =>
    [
      "GET\n/\nv1\n/\nlooms\n/\n{loom_id}",
      "curl --request GET \\\n  --url https://api.weavery.example/v1/looms/{loom_id}",
      "Path Parameters",
      "loom_id\nstring\nrequired",
      "Response",
      "200\napplication/json",
      "A loom goes through these states.",
      ...tail,
    ].join("\n\n");

  it("refuses options above a payload's fields, or options lost, as a copy that lost a name", () => {
    const above = statePage(["Available options:\nidle,\nweaving", "loom_id\nstring\nrequired"]);
    expect(() => parse(above)).toThrow(/a field name and type before this line/);
    expect(() => parse(statePage(["Available options:"]))).toThrow(
      /a field name and type before this line/,
    );
  });

  it("takes a section title by its own lines only where the page has that title once", () => {
    const doc = parse(
      [
        "POST\n/\nv1\n/\nbells\ncurl --request POST \\\n  --url https://api.belfry.example/v1/bells",
        "Body\napplication/json\nchannel\nstring\nWhere it rings, one of:\nEmail\nResponse\nPager",
        "severity\ninteger\nrequired\nHow loud.",
        "Response\n200\napplication/json\nbell_id\nstring\nrequired\nThe bell.",
      ].join("\n"),
    );
    const schema = operationOf(doc).requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties)).toEqual(["channel", "severity"]);
    expect(schema.required).toEqual(["severity"]);
  });

  it("still refuses a name twice under no heading, and a request header listed again after the response", () => {
    const twice = [
      "GET\n/\nv2\n/\nkites",
      "curl -X GET 'https://api.kitely.example/v2/kites?limit=10'",
      '{\n  "kites": []\n}',
      "limit\ninteger\nHow many.",
      "limit\nstring\nThe order.",
    ].join("\n\n");
    expect(() => parse(twice)).toThrow(/one field named limit/);
    const echoed = [
      "POST\n/\nv1\n/\ntransfers",
      "curl --request POST \\\n  --url https://api.coinlet.example/v1/transfers",
      "Headers",
      "Idempotency-Key\nstring\nrequired\n\nA key for this request.",
      "Response",
      "200 - application/json",
      "transfer_id\nstring",
      "Headers",
      "Idempotency-Key\nstring\n\nThe key, echoed.",
    ].join("\n\n");
    expect(() => parse(echoed)).toThrow(/one field named Idempotency-Key/);
    // (A second response after the echo says nothing more.)
    const conflict = `${echoed}\n\nResponse\n\n409 - application/json\n\ncode\nstring`;
    expect(() => parse(conflict)).toThrow(/one field named Idempotency-Key/);
  });

  it("refuses a name twice under no heading, a section listing it or not", () => {
    const page = [
      "GET\n/\nv2\n/\nkites",
      "curl -X GET 'https://api.kitely.example/v2/kites?limit=10'",
      '{\n  "kites": []\n}',
      "limit\ninteger\nHow many.",
      "limit\nstring\nThe order.",
      "Query Parameters",
      "limit\ninteger\n\nPage size.",
    ].join("\n\n");
    expect(() => parse(page)).toThrow(/one field named limit/);
  });

  it("takes no description's word for a section in a copy with no blank lines", () => {
    for (const word of ["Headers", "Cookies", "Response"]) {
      const doc = parse(
        [
          "POST\n/\nv1\n/\nbells\ncurl --request POST \\\n  --url https://api.belfry.example/v1/bells",
          `Body\napplication/json\nchannel\nstring\nWhere it rings, one of:\nEmail\n${word}\nPager`,
          "severity\ninteger\nrequired\nHow loud.",
          "Response Fields\nbell_id\nstring\nrequired\nThe bell.",
        ].join("\n"),
      );
      const schema = operationOf(doc).requestBody.content["application/json"].schema;
      expect(schema.required).toEqual(["severity"]);
    }
  });

  it("reads a marked name's `string (optional)` as its type", () => {
    const doc = parse(
      [
        "GET\n/\nv1\n/\nreels\nList reels",
        "curl --request GET \\\n  --url https://api.reelhouse.example/v1/reels",
        "Response",
        "200 - application/json",
        "\u200b\nreel_id\nstring (optional)\n\nThe reel.",
      ].join("\n\n"),
    );
    const shown = operationOf(doc).responses["200"].content["application/json"].schema;
    expect(shown.properties.reel_id).toEqual({ type: "string", description: "The reel." });
  });

  it("reads `Authentication` as the credentials' section only over a credential's name", () => {
    const page = [
      "POST\n/\noauth\n/\ntoken",
      'curl -X POST https://auth.quayside.example/oauth/token \\\n  -d \'{"client_id": "c"}\'',
      "Authentication",
      "client_id\nstring\nrequired\n\nYour app's id.",
      "Response",
      "access_token\nstring",
    ].join("\n\n");
    expect(() => parse(page)).toThrow(/a known section .* found "Authentication"/);
    const refresh = page
      .replaceAll("client_id", "refresh_token")
      .replace("/oauth/token", "/oauth/token?refresh_token=r");
    expect(() => parse(refresh)).toThrow(/a known section .* found "Authentication"/);
  });

  it("reads a name and a type both marked, and a type word marked as a name", () => {
    const doc = parse(
      [
        "POST\n/\nv1\n/\nrooms\nBook a room",
        "curl --request POST \\\n  --url https://api.roomly.example/v1/rooms",
        "Body",
        "object (required)\nstring\n\nAlways `booking`.",
        "seats (required)\ninteger (required)\n\nHow many people come.",
      ].join("\n\n"),
    );
    const schema = operationOf(doc).requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties)).toEqual(["object", "seats"]);
    expect(schema.required).toEqual(["object", "seats"]);
    expect(schema.properties.seats.type).toBe("integer");
  });

  it("keeps both listings (the page's fault, said) where they differ in more than words", () => {
    const page = (own: string) =>
      [
        "GET\n/\nv2\n/\nkites\nList kites",
        "curl -X GET 'https://api.kitely.example/v2/kites?limit=10'",
        '{\n  "kites": []\n}',
        own,
        "Query Parameters",
        "limit\ninteger\ndefault:50\n\nPage size.",
      ].join("\n\n");
    expect(() => parse(page("limit\ninteger\ndefault:20\n\nHow many."))).toThrow(
      /one field named limit/,
    );
    expect(() => parse(page("limit\ninteger\ndefault:50\n\nHow many."))).not.toThrow();
    // Children under no heading: never left out for a listing that may not show them.
    const nested = [
      "POST\n/\nv1\n/\ngizmos",
      "curl --request POST \\\n  --url https://api.gizmora.example/v1/gizmos",
      "spec\nobject\nrequired\n\nThe spec.",
      "spec.color\nstring\nrequired\n\nIts colour.",
      "Body",
      "spec\nobject\nrequired",
    ].join("\n\n");
    expect(() => parse(nested)).toThrow(/one field named spec/);
  });

  it("takes a compact copy's `Response` line for the section only over a field its JSON shows", () => {
    const doc = parse(
      [
        "POST\n/\nv1\n/\nhooks\nAdd a hook",
        "curl --request POST \\\n  --url https://api.hookery.example/v1/hooks",
        '{\n  "hook_id": "h_1"\n}',
        "Body\napplication/json\nleg\nstring\nrequired\nWhich leg it watches, one of:",
        "Request\nThe call as sent\nResponse\nThe reply as received",
        "delay\ninteger\nrequired\nSeconds to wait",
      ].join("\n"),
    );
    const schema = operationOf(doc).requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(["leg", "delay"]);
  });

  it("types an enum payload's options as numbers where any is not whole, and wants its example among them", () => {
    const dial = (example: string, options: string) =>
      [
        "GET\n/\nv1\n/\ndial\n/\nstep",
        "curl --request GET \\\n  --url https://api.dialco.example/v1/dial/step",
        example,
        "Response",
        "200\napplication/json\nSuccessful Response",
        "The dial's step size.",
        `Available options:\n${options}`,
      ].join("\n\n");
    const doc = parse(dial("2", "0.5,\n1,\n2"));
    const schema = operationOf(doc).responses["200"].content["application/json"].schema;
    expect(schema).toMatchObject({ type: "number", enum: [0.5, 1, 2] });
    expect(() => parse(dial('"queued"', "1,\n2,\n3"))).toThrow(
      /a field name and type before this line/,
    );
  });

  it("reads Fastify's `Default Response`, shown where the status is not, as the success's", () => {
    const doc = parse(
      [
        "GET\n/\napi\n/\nv1\n/\nbuyers\nList buyers",
        "curl --request GET \\\n  --url https://api.tillpay.example/api/v1/buyers",
        "Query Parameters",
        "page\ninteger\ndefault:1",
        "Response",
        "Default Response",
        "ok\nboolean\nrequired",
      ].join("\n\n"),
    );
    const op = operationOf(doc);
    expect(op.responses["200"].description).toBe("Default Response");
    expect(op.responses["200"].content["application/json"].schema.required).toEqual(["ok"]);
  });
});

// Faults a fourth review found in the mends above (each wrong at the commit before its fix).
describe("the mends' own guards", () => {
  it("keeps a `Error codes` sub-title in a field's description, the next field after it", () => {
    const doc = parse(
      [
        "POST\n/\nv1\n/\njobs\ncurl --request POST \\\n  --url https://api.jobbery.example/v1/jobs",
        "Body\n\napplication/json\nkind\nstring\nrequired",
        "What the job does.",
        "Error codes",
        "A kind the account may not run fails with forbidden_kind.",
        "priority\ninteger",
        "How soon it runs.",
      ].join("\n\n"),
    );
    const schema = operationOf(doc).requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties)).toEqual(["kind", "priority"]);
  });

  it("reads a compact copy's `Response` over its fields where the page shows no JSON", () => {
    const doc = parse(
      [
        "POST\n/\nv1\n/\nbadges\nIssue a badge",
        "curl --request POST \\\n  --url https://api.lanyard.example/v1/badges",
        "Body\napplication/json\nholder\nstring\nrequired\nWho wears it",
        "Response\nOK\nbadge_id\nstring\nrequired\nThe badge printed",
      ].join("\n"),
    );
    const op = operationOf(doc);
    expect(op.requestBody.content["application/json"].schema.required).toEqual(["holder"]);
    expect(op.responses["200"].content["application/json"].schema.required).toEqual(["badge_id"]);
  });

  it("places fields under a hand-written `Response fields` title as the response's", () => {
    const doc = parse(
      [
        "GET\n/\nv1\n/\nponds\n/\n{pond_id}\nGet a pond",
        "curl --request GET \\\n  --url https://api.pondly.example/v1/ponds/{pond_id}",
        '{\n  "depth_cm": 120,\n  "fish": 14\n}',
        "Looks up one pond by its id.",
        "Response fields",
        "depth_cm\ninteger\n\nHow deep the pond is.",
        "fish\ninteger\n\nHow many fish were counted.",
        "Path Parameters",
        "pond_id\nstring\nrequired",
        "Response",
        "200\napplication/json\nOK",
      ].join("\n\n"),
    );
    expect(params(doc)).toEqual(["path:pond_id"]);
    const shown = operationOf(doc).responses["200"].content["application/json"].schema;
    expect(shown.properties.fish.description).toBe("How many fish were counted.");
  });

  it("takes a fact only one listing states as no disagreement, and keeps it", () => {
    const page = (own: string, listed: string) =>
      [
        "GET\n/\nv2\n/\nkites\nList kites",
        "curl -X GET 'https://api.kitely.example/v2/kites?limit=10'",
        '{\n  "kites": []\n}',
        own,
        "Query Parameters",
        listed,
      ].join("\n\n");
    const given = parse(page("limit\ninteger\n\nHow many.", "limit\ninteger\ndefault:50"));
    expect(operationOf(given).parameters[0].schema).toEqual({ type: "integer", default: 50 });
    const own = parse(page("limit\ninteger\ndefault:50\n\nHow many.", "limit\ninteger"));
    expect(operationOf(own).parameters[0]).toMatchObject({
      description: "How many.",
      schema: { type: "integer", default: 50 },
    });
  });

  it("reads a marked name after the zero-width mark a copy keeps", () => {
    const doc = parse(
      [
        "POST\n/\nv1\n/\nparcels\ncurl --request POST \\\n  --url https://api.parcely.example/v1/parcels",
        "Body\n\napplication/json",
        "\u200bweight_grams (required)\ninteger\n\nParcel weight in grams.",
      ].join("\n\n"),
    );
    const schema = operationOf(doc).requestBody.content["application/json"].schema;
    expect(schema).toMatchObject({ properties: { weight_grams: { type: "integer" } } });
    expect(schema.required).toEqual(["weight_grams"]);
  });

  it("takes a credential's scheme from the curl only from its first word, and only where its words name none", () => {
    const page = (said: string, value: string) =>
      parse(
        [
          "GET\n/\nv1\n/\nsheds",
          `curl --request GET \\\n  --url https://api.shedly.example/v1/sheds \\\n  --header 'Authorization: ${value}'`,
          "Authorizations",
          `Authorization\nstring\nheader\nrequired\n\n${said}`,
          "Response\n\n200 - application/json\n\nok\nboolean",
        ].join("\n\n"),
      ).components.securitySchemes;
    expect(Object.keys(page("Your token.", "Token <bearer-token>"))).toEqual(["authorization"]);
    expect(Object.keys(page("Basic auth of the form Basic <encoded>.", "Bearer <t>"))).toEqual([
      "basicAuth",
    ]);
    expect(Object.keys(page("Your token.", "Bearer <t>"))).toEqual(["bearerAuth"]);
  });

  it("refuses two listings whose facts cannot be one field's (bounds out of order)", () => {
    const page = (own: string, listed: string) =>
      [
        "GET\n/\nv2\n/\nkites\nList kites",
        "curl -X GET 'https://api.kitely.example/v2/kites?limit=10'",
        '{\n  "kites": []\n}',
        `limit\ninteger\n\nHow many.\n\n${own}`,
        "Query Parameters",
        `limit\ninteger\n\n${listed}`,
      ].join("\n\n");
    expect(() => parse(page("Required range: x <= 100", "Required range: x >= 200"))).toThrow(
      /one field named limit/,
    );
    expect(() => parse(page("Required range: 1 <= x <= 50", "Required range: x > 100"))).toThrow(
      /one field named limit/,
    );
  });
});

describe("older Mintlify's layout, only where the page is in it", () => {
  it("reads a small page in that layout, a capitalised header's name too", () => {
    const doc = parse(
      [
        "Notely Logo Notely",
        "Get a note",
        "GET v1 / notes / {note_id}",
        "Path Parameters",
        "note_id string required",
        "The note to look up",
        "Headers",
        "Idempotency-Key string",
        "Makes the call safe to retry",
        "Response",
        "200 - application/json - object",
        "body string",
        "The note's text",
      ].join("\n\n"),
    );
    expect(params(doc)).toEqual(["path:note_id", "header:Idempotency-Key"]);
    const shown = operationOf(doc).responses["200"].content["application/json"].schema;
    expect(shown.properties.body.type).toBe("string");
  });

  it("leaves a modern page's prose lines shaped like a field's head, and a spaced path in prose, as prose", () => {
    const doc = parse(
      [
        "GET\n/\nv1\n/\ncrates\nList crates",
        "Older clients called GET crates / list instead.",
        "GET crates / list",
        "curl --request GET \\\n  --url https://api.cratery.example/v1/crates",
        "Query Parameters",
        "cursor\nstring",
        "Where the previous page ended. The reply carries a",
        "cursor string required",
        "in its body.",
        "Response",
        "200 - application/json",
        "items\nobject[]",
        "Each is a",
        "item object required",
        "as the crate call returns it.",
      ].join("\n\n"),
    );
    expect(Object.keys(doc.paths)).toEqual(["/v1/crates"]);
    expect(operationOf(doc).parameters).toMatchObject([{ name: "cursor", in: "query" }]);
    expect(operationOf(doc).parameters[0].required).toBeUndefined();
  });

  it("takes an `X-` name for a header's only for a key, token or secret of no options", () => {
    const page = (field: string) =>
      [
        "GET\n/\nv1\n/\nreels",
        "curl --request GET \\\n  --url https://api.reelhouse.example/v1/reels",
        "Authorizations",
        "Authorization\nstring\nheader\nrequired\n\nA bearer token.",
        field,
        "Response\n\n200 - application/json\n\nok\nboolean",
      ].join("\n\n");
    expect(() =>
      parse(
        page("X-Reel-Priority\nenum<string>\n\nQueue priority.\n\nAvailable options:\nlow,\nhigh"),
      ),
    ).toThrow(/a location \(header, query or cookie\) for X-Reel-Priority/);
    expect(() =>
      parse(page("X-Reel-Key\nstring\n\nQuery parameter with the name X-Reel-Key.")),
    ).toThrow(/a location/);
    expect(
      parse(page("X-Reel-Key\nstring\n\nYour key.")).components.securitySchemes.xReelKey.in,
    ).toBe("header");
  });

  it("says which field the page's own `Parameters` list gives and the reference's body lacks", () => {
    const warnings: string[] = [];
    const doc = parseMintlifyPage(
      [
        "POST\n/\nv1\n/\npens\nCreate a pen",
        'curl --request POST https://api.penly.example/v1/pens --data \'{"name": "p"}\'',
        '{\n  "id": "pen_1"\n}',
        "Parameters",
        "name\nstring\nrequired\nWhat the pen is called.",
        "color\nstring\nThe ink's color.",
        "Body",
        "name\nstring\nrequired",
        "Response",
        "id\nstring\nThe pen.",
      ].join("\n\n"),
      { file: "p.txt", warn: (w) => warnings.push(`${w.line}: ${w.message}`) },
    );
    const schema = operationOf(doc).requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties)).toEqual(["name"]);
    expect(schema.properties.name.description).toBe("What the pen is called.");
    expect(schema.required).toEqual(["name"]);
    expect(warnings).toEqual([expect.stringMatching(/^\d+: .*reference's body too.*"color"/)]);
  });
});
