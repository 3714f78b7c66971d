import { describe, expect, it } from "vitest";
import type { Warning } from "../../src/errors.ts";
import { parseMintlifyPage } from "../../src/sources/mintlify-page.ts";
import type { OpenAPIDocument } from "../../src/sources/types.ts";

// Pages of our own: copies of hand-written reference pages that read like guides (a section's
// own sentence under its title, an `Examples` part below the reference, the payload listed once
// per shape, a second operation further down).

type Doc = OpenAPIDocument;
const parse = (text: string, lenient = false, file = "p.txt") => {
  const warnings: Warning[] = [];
  const doc = parseMintlifyPage(text, {
    file,
    lenient,
    warn: (w) => warnings.push(w),
  }) as Doc;
  return { doc, warnings: warnings.map((w) => w.message) };
};
const operationOf = (doc: Doc) => Object.values(Object.values(doc.paths)[0] as Doc)[0] as Doc;
const json = (part: Doc) => part.content["application/json"];

const HEAD = [
  "POST\n/\nv3\n/\nkennels\nCreate a kennel",
  "curl --request POST \\\n  --url https://api.wagtail.example/v3/kennels \\",
  "  --header 'Content-Type: application/json' \\\n  --data '\n{\n  \"size\": 123\n}\n'",
  "Creates a kennel for one dog.",
].join("\n");

describe("copies of guide-like reference pages", () => {
  it("reads `Request body` with its own sentence above the first field as the body's title", () => {
    const { doc } = parse(
      [
        HEAD,
        "\nRequest body\n\nThe body is a Kennel.\nsize\ninteger\nrequired\nHow many dogs fit.",
      ].join("\n"),
    );
    const op = operationOf(doc);
    expect(op.description).toBe("Creates a kennel for one dog.");
    const schema = json(op.requestBody).schema;
    expect(schema.required).toEqual(["size"]);
    expect(schema.description).toBe("The body is a Kennel.");
  });

  it("keeps `Request body` over prose and no field in the description", () => {
    const { doc } = parse(
      [HEAD, "\nRequest body\n\nThe body is a Kennel.\n\nSee the guide."].join("\n"),
    );
    expect(operationOf(doc).description).toContain("Request body");
  });

  it("reads the response under an `Examples` part below the reference, past its curl", () => {
    const { doc } = parse(
      [
        HEAD,
        "\nRequest body\n\nsize\ninteger\nHow many dogs fit.\n\nExamples\n",
        "curl -X POST https://api.wagtail.example/v3/kennels \\\n  -d '{\"size\": 2}'",
        'Response\n{\n  "kennel_id": "k_1",\n  "size": 2\n}\n\nErrors\n\nA 409 means taken.',
      ].join("\n"),
    );
    const op = operationOf(doc);
    expect(json(op.responses["200"]).example).toEqual({ kennel_id: "k_1", size: 2 });
    expect(Object.keys(json(op.responses["200"]).schema.properties)).toEqual(["kennel_id", "size"]);
    // The last field's description ends before the part's title.
    const size = json(op.requestBody).schema.properties.size;
    expect(size.description).toBe("How many dogs fit.");
  });

  it("keeps the panel's response example over one under `Examples`", () => {
    const { doc } = parse(
      [
        HEAD.replace("Creates", '{\n  "kennel_id": "k_0"\n}\nCreates'),
        "\nBody\n\napplication/json\nsize\ninteger\nHow many dogs fit.\n\nExamples\n",
        'Response\n{\n  "kennel_id": "k_1"\n}',
      ].join("\n"),
    );
    const op = operationOf(doc);
    expect(json(op.responses["200"]).example).toEqual({ kennel_id: "k_0" });
  });

  it("reads a payload listed once per shape under titles as one, the first listing kept", () => {
    const { doc, warnings } = parse(
      [
        "GET\n/\nv3\n/\nbreeds\nList breeds",
        "Response\n\nPlain Shape\n\nobject\nstring\nrequired\nAlways list.\ndata\narray\nrequired\nThe breeds.",
        "\nRich Shape\n\ndata\narray\nThe breeds, with pictures.\ncursor\nstring\nrequired\nThe next page.",
      ].join("\n"),
    );
    const schema = json(operationOf(doc).responses["200"]).schema;
    expect(Object.keys(schema.properties)).toEqual(["object", "data", "cursor"]);
    expect(schema.properties.data.description).toBe("The breeds.");
    // A payload of either shape: neither shape's fields are required of it.
    expect(schema.required).toBeUndefined();
    expect(warnings.join("\n")).toMatch(/listed again under Rich Shape/);
  });

  it("still refuses a name listed twice with no title between", () => {
    const text = [
      "GET\n/\nv3\n/\nbreeds\nList breeds",
      "Response\n\ndata\narray\nThe breeds.\n\nSome more words here.\n\ndata\narray\nAgain.",
    ].join("\n");
    expect(() => parse(text)).toThrow(/one field named data/);
  });

  it("reads up to a second operation the page goes on to, and says it left it out", () => {
    const { doc, warnings } = parse(
      [
        "GET\n/\nv3\n/\nbreeds\nList breeds",
        "Response\n\ndata\narray\nThe breeds.\n\nGet One Breed\n",
        "Append the breed's id to get one:\nGET https://api.wagtail.example/v3/breeds/{breed_id}\n",
        "Path Parameters\n\nbreed_id\nstring\nrequired\nThe breed.",
      ].join("\n"),
    );
    const op = operationOf(doc);
    expect(Object.keys(doc.paths)).toEqual(["/v3/breeds"]);
    expect(op.parameters).toBeUndefined();
    expect(json(op.responses["200"]).schema.properties.data.description).toBe("The breeds.");
    expect(warnings.join("\n")).toMatch(/GET \/v3\/breeds\/\{breed_id\} too \(left out\)/);
  });

  it("refuses a path parameter the path has no place for; leaves it out when lenient", () => {
    const text = [
      "GET\n/\nv3\n/\nbreeds\nList breeds",
      "Path Parameters\n\nbreed_id\nstring\nrequired\nThe breed.",
    ].join("\n");
    expect(() => parse(text)).toThrow(/a path parameter that the path \/v3\/breeds holds/);
    const { doc } = parse(text, true);
    expect(operationOf(doc).parameters).toBeUndefined();
  });
});

describe("copies cut off inside their last field", () => {
  const page = [
    "GET\n/\nv3\n/\nbreeds\nList breeds",
    "Query Parameters\n\ncoat\n\nstring\n\nThe coat.\n\nsize\n\ninteger\n\nThe size.",
  ].join("\n");

  it("refuses a page ending on a field's name alone, or over the start of its type", () => {
    expect(() => parse(`${page}\n\nlistedBefore\n`)).toThrow(
      /p.txt:21: expected a field's type after its name \(is the page cut off here\?\), found "listedBefore"/,
    );
    expect(() => parse(`${page}\n\nmax_cost\nin`)).toThrow(/found "max_cost in"/);
    const { warnings } = parse(`${page}\n\nlistedBefore`, true);
    expect(warnings.join("\n")).toMatch(/is the page cut off here/);
  });

  it("reads the same lines as prose where the page goes on or ends in words", () => {
    const footer = `${page}\n\nlistedBefore\n\nWas this page helpful?\n\nYes\nNo`;
    expect(() => parse(footer)).not.toThrow();
    expect(() => parse(`${page}\n\nOptional`)).not.toThrow();
    expect(() => parse(`${page}\n\nfree`)).not.toThrow();
    expect(() =>
      parse(`${page.replace("integer", "string")}\nAvailable options:\n\npending,\n\ninProgress`),
    ).not.toThrow();
    expect(() => parse(`${page}\n\nnull`)).not.toThrow();
    // A whole field at the end (its type spelt out) is a field.
    const { doc } = parse(`${page}\n\nmax_cost\nnumber`);
    expect(operationOf(doc).parameters.map((p: Doc) => p.name)).toEqual([
      "coat",
      "size",
      "max_cost",
    ]);
  });
});

describe("responses shown with their lists elided", () => {
  it("reads `Response Structure` JSON with `[...]` and `{...}` as the shape, no example", () => {
    const { doc } = parse(
      [
        "GET\n/\nv3\n/\nshows\nList shows",
        "Response Structure\n",
        '{\n  "total": 2,\n  "shows": [...],\n  "venue": {...},\n  "tags": ["a", ...]\n}',
        "\nResponse\n\ntotal\nnumber\nHow many.",
      ].join("\n"),
    );
    const media = json(operationOf(doc).responses["200"]);
    expect(media.example).toBeUndefined();
    const p = media.schema.properties;
    expect(Object.keys(p)).toEqual(["total", "shows", "venue", "tags"]);
    expect([p.shows.type, p.venue.type, p.tags.type]).toEqual(["array", "object", "array"]);
  });

  it("still refuses a field's example that elides a value", () => {
    const text = [
      "POST\n/\nv3\n/\nshows\nCreate a show",
      'Body\n\napplication/json\nacts\nobject\nThe acts.\nExample:\n{\n  "list": [...]\n}\nname\nstring\nThe name.',
    ].join("\n");
    const { doc, warnings } = parse(text);
    expect(json(operationOf(doc).requestBody).schema.properties.acts.examples).toBeUndefined();
    expect(warnings.join("\n")).toMatch(/valid JSON in the example/);
  });
});

describe("copies that dropped every example's value", () => {
  const head = "GET\n/\nv3\n/\nusage\nCheck usage\n\nResponse\n\n";

  it("reads `Example:` with no value, before the next field or at the page's end, as no example", () => {
    const { doc } = parse(`${head}used\ninteger\nExample:\nlimit\ninteger\nExample:`);
    const schema = json(operationOf(doc).responses["200"]).schema;
    expect(Object.keys(schema.properties)).toEqual(["used", "limit"]);
    expect(schema.properties.limit.examples).toBeUndefined();
  });

  it("still refuses an `Example:` with no value ending a page whose other examples have theirs", () => {
    expect(() => parse(`${head}used\ninteger\nExample:\n3\nlimit\ninteger\nExample:`)).toThrow(
      /a value after Example:/,
    );
  });
});

describe("a request line in a page's description", () => {
  it("is prose above the sections, not a second operation", () => {
    const { doc, warnings } = parse(
      [
        "GET\n/\nv3\n/\nbreeds\nList breeds\n\nTo get one breed, call:\nGET https://api.wagtail.example/v3/breeds/{breed_id}\n",
        "Query Parameters\n\nlimit\ninteger\nHow many.",
      ].join("\n"),
    );
    expect(operationOf(doc).parameters.map((p: Doc) => p.name)).toEqual(["limit"]);
    expect(warnings.join("\n")).not.toMatch(/one operation per page/);
  });
});

describe("the second review's pages", () => {
  it("takes no field's description under its pills, nor a nested listing, for a shape's title", () => {
    const at = (id: string) =>
      `[\u200b](https://docs.plankly.example/api/list-plans#response-${id})`;
    const text = [
      "# List plans\n\nGET\n\nhttps://api.plankly.example\n\n/\n\nv3\n\n/\n\nplans\n\nList plans\n",
      "#### Response\n\n200\n\napplication/json\n",
      `${at("object")}\n\nobject\n\nstring\n\nAlways list.\n`,
      `${at("data")}\n\ndata\n\nobject[]\n\nShow child attributes\n`,
      `${at("data-id")}\n\nid\n\nstring\n\nThe plan identifier\n`,
      `${at("data-object")}\n\nobject\n\nstring\n\nAlways plan.\n`,
      `${at("data-seats")}\n\nseats\n\ninteger\n\nSeats.`,
    ].join("\n");
    const { doc, warnings } = parse(text, false, "p.md");
    const schema = json(operationOf(doc).responses["200"]).schema;
    expect(Object.keys(schema.properties)).toEqual(["object", "data"]);
    expect(Object.keys(schema.properties.data.items.properties)).toEqual(["id", "object", "seats"]);
    expect(warnings.join("\n")).not.toMatch(/listed again/);
  });

  it("reads a request line naming this operation with a value in its path as the same one", () => {
    const { doc, warnings } = parse(
      [
        "GET\n/\nv3\n/\njobs\n/\n{job_id}\nGet a job\n\nPath Parameters\n\njob_id\nstring\nrequired\n",
        "The job, as in\n\nGET https://api.jobly.example/v3/jobs/job_8f2a/\n",
        "Response\n\n200 - application/json\n\nstate\nstring\nrequired\n\nWhere the job is.",
      ].join("\n"),
    );
    expect(Object.keys(json(operationOf(doc).responses["200"]).schema.properties)).toEqual([
      "state",
    ]);
    expect(warnings.join("\n")).not.toMatch(/one operation per page/);
  });

  it("reads under `Examples` only a response its `Response` label shows, past the request's JSON", () => {
    const inField = parse(
      [
        "POST\n/\nv3\n/\nhooks\nCreate a hook\n\nBody\n\napplication/json\nfilter\nobject\nWhich events.",
        '\nExamples\n\n{\n  "type": "invoice.paid"\n}\n\nResponse\n\n204\n\nCreated.',
      ].join("\n"),
    );
    expect(operationOf(inField.doc).responses["204"].content).toBeUndefined();
    const requestFirst = parse(
      [
        HEAD,
        "\nRequest body\n\nsize\ninteger\nHow many dogs fit.\n\nExamples\n",
        '{\n  "size": 2\n}\n\nResponse\n{\n  "kennel_id": "k_1"\n}',
      ].join("\n"),
    );
    const media = json(operationOf(requestFirst.doc).responses["200"]);
    expect(media.example).toEqual({ kennel_id: "k_1" });
    // A hand-written curl whose quotes the docs left open is only skipped.
    const openQuote = [
      HEAD,
      "\nRequest body\n\nsize\ninteger\nHow many dogs fit.\n\nExamples\n",
      `curl -X POST https://api.wagtail.example/v3/kennels -d '{"owner": "Dara O'Neil"}'`,
    ].join("\n");
    expect(() => parse(openQuote)).not.toThrow();
  });

  it("refuses a page cut after `Example:` when an example above kept its value", () => {
    const text =
      "GET\n/\nv3\n/\nusage\nUsage\n\nResponse\n\nused\ninteger\nExample:\n3\nlimit\ninteger\nExample:\nleft\ninteger\nExample:";
    expect(() => parse(text)).toThrow(/a value after Example:/);
  });

  it("refuses a spaced copy cut inside a type, and a browser copy cut after a marked name", () => {
    const spaced =
      "GET\n/\nv3\n/\nbreeds\nList\n\nQuery Parameters\n\nsize\n\ninteger\n\nThe size.\n\nmax_cost\n\nin";
    expect(() => parse(spaced)).toThrow(/a field's whole type .*found "max_cost in"/);
    const marked =
      "GET\n/\nv3\n/\nbreeds\nList\n\nQuery Parameters\n\n\u200blimit\ninteger\n\nHow many.\n\u200bcreated_after";
    expect(() => parse(marked)).toThrow(/found "created_after"/);
    // The last of a list of options, each on its own line, is an option.
    const options =
      "GET\n/\nv3\n/\njobs\nList\n\nQuery Parameters\n\nstate\n\nenum<string>\n\nWhich.\n\nAvailable options:\n\npending\n\nin_progress";
    expect(() => parse(options)).not.toThrow();
  });

  it("keeps `Header` over an option's sentence inside a description, and `Response shape:`", () => {
    const header = parse(
      [
        "POST\n/\nv3\n/\nkeys\nCreate a key\n\nBody\n\napplication/json\nplacement\nstring\n",
        "Where clients send the key. Either\n\nQuery\n\nSent as ?key=.\n\nHeader\n\nSent as the X-Key header.",
        "label\nstring\nrequired\n\nA label.",
      ].join("\n"),
    );
    const body = json(operationOf(header.doc).requestBody).schema;
    expect(Object.keys(body.properties)).toEqual(["placement", "label"]);
    const shape = parse(
      [
        "POST\n/\nv3\n/\nhooks\nCreate a hook\n\nBody\n\napplication/json\nurl\nstring\n",
        'Where events go.\n\nResponse shape:\n{\n  "received": true\n}\nsecret\nstring\nrequired\nSigns events.',
      ].join("\n"),
    );
    const hook = json(operationOf(shape.doc).requestBody).schema;
    expect(hook.required).toEqual(["secret"]);
  });

  it("renames the one path parameter the path spells apart, and says so", () => {
    const { doc, warnings } = parse(
      "GET\n/\nv3\n/\nbreeds\n/\n{breedId}\nGet a breed\n\nPath Parameters\n\nbreed_id\nstring\nrequired\nThe breed.",
    );
    expect(operationOf(doc).parameters.map((p: Doc) => p.name)).toEqual(["breedId"]);
    expect(warnings.join("\n")).toMatch(/the path parameter breedId, as the path names it/);
  });
});

describe("the third review's pages", () => {
  const list =
    "GET\n/\nv3\n/\nperches\nList perches\nLists them.\nQuery Parameters\nlimit\ninteger\nHow many.";

  it("cuts a compact copy at the second operation's title, and only over a section of its own", () => {
    const compact = parse(
      `${list}\nResponse\nid\nstring\nThe id.\nGet One Perch\nGET https://api.heron.example/v3/perches/{perch_id}\nPath Parameters\nperch_id\nstring\nrequired\nThe perch.`,
    );
    const op = operationOf(compact.doc);
    expect(op.parameters.map((p: Doc) => p.name)).toEqual(["limit"]);
    expect(Object.keys(json(op.responses["200"]).schema.properties)).toEqual(["id"]);
    // In a field's description, a request line over more fields is prose.
    const inField = parse(
      `${list}\nTo see one, call:\nGET https://api.heron.example/v3/perches/{perch_id}\noffset\ninteger\nWhere to start.`,
    );
    expect(operationOf(inField.doc).parameters.map((p: Doc) => p.name)).toEqual([
      "limit",
      "offset",
    ]);
  });

  it("takes another method, a plain word for a parameter, and any path under `/` as other calls", () => {
    const get =
      "GET\n/\nv3\n/\nperches\n/\n{perch_id}\nGet a perch\n\nPath Parameters\n\nperch_id\nstring\nrequired\n";
    for (const [line, other] of [
      ["DELETE https://api.heron.example/v3/perches/{perch_id}", "DELETE /v3/perches/{perch_id}"],
      ["GET https://api.heron.example/v3/perches/search", "GET /v3/perches/search"],
    ] as const) {
      const { warnings } = parse(
        `${get}\nSee Also\n\n${line}\n\nQuery Parameters\n\nnear\nstring\nrequired`,
      );
      expect(warnings.join("\n")).toContain(`${other} too (left out)`);
    }
    const root = parse(
      "GET\n/\nStatus\n\nResponse\n\nok\nboolean\n\nGet One\n\nGET https://status.heron.example/parts/{name}\n\nPath Parameters\n\nname\nstring",
    );
    expect(root.warnings.join("\n")).toContain("GET /parts/{name} too (left out)");
  });

  it("reads `int` ending a page as a whole type, and only warns of a snake-case last word", () => {
    const page = "GET\n/\nv3\n/\njobs\nList\n\nQuery Parameters\n\nsize\n\ninteger\n\nThe size.";
    expect(() => parse(`${page}\n\nretries\n\nint`)).not.toThrow();
    const { warnings } = parse(`${page}\n\nwebp_lossless`);
    expect(warnings.join("\n")).toMatch(/is the page cut off here/);
    // A marked name on its own line, or under options, or capitalised, is refused.
    const marked =
      "GET\n/\nv3\n/\njobs\nList\n\nHeaders\n\n\u200bX-Heron-Version\nstring\nThe version.\n\u200b\nIdempotency-Key";
    expect(() => parse(marked)).toThrow(/found "Idempotency-Key"/);
  });

  it("prints no example for a panel's elided response", () => {
    const { doc } = parse(
      'GET\n/\nv3\n/\nperches\nList perches\ncurl https://api.heron.example/v3/perches\n{\n  "data": [...],\n  "more": false\n}',
    );
    const media = json(operationOf(doc).responses["200"]);
    expect(media.example).toBeUndefined();
    expect(media.schema.properties.data.type).toBe("array");
  });

  it("reads a field a whole number in one shape and any number in another as a number", () => {
    const head =
      "GET\n/\nv3\n/\nbreeds\nList breeds\n\nResponse\n\nPlain Shape\n\ncount\ninteger\nHow many.";
    const { doc } = parse(`${head}\n\nRich Shape\n\ncount\nnumber\nHow many, weighted.`);
    expect(json(operationOf(doc).responses["200"]).schema.properties.count.type).toBe("number");
    const wide = parse(
      `${head.replace("integer", "integer<int64>")}\n\nRich Shape\n\ncount\nnumber\nAny.`,
    );
    expect(
      json(operationOf(wide.doc).responses["200"]).schema.properties.count.format,
    ).toBeUndefined();
  });

  it("refuses a field listed twice in one shape, or typed apart across shapes", () => {
    const head =
      "GET\n/\nv3\n/\nbreeds\nList breeds\n\nResponse\n\nPlain Shape\n\ndata\narray\nThe breeds.";
    expect(() => parse(`${head}\n\nRich Shape\n\ndata\nobject\nThe breeds, keyed.`)).toThrow(
      /data typed alike in every shape/,
    );
    expect(() =>
      parse(
        `${head}\n\nRich Shape\n\ndata\narray\nAgain.\ncursor\nstring\nNext.\ncursor\ninteger\nNext.`,
      ),
    ).toThrow(/one field named cursor/);
  });
});

describe("the fourth review's pages", () => {
  const get = "GET\n/\nv2\n/\nroosts\nList roosts\n\nResponse\n\nid\nstring\nThe id.";

  it("cuts a second operation past a sentence under its request line, at its spaced title", () => {
    const { doc, warnings } = parse(
      `${get}\n\nCreate a Roost\n\nTo add one:\n\nPOST https://api.kestrel.example/v2/roosts\nCreates one roost.\n\nBody\n\nname\nstring\nrequired\nIts name.`,
    );
    expect(warnings.join("\n")).toContain("POST /v2/roosts too (left out)");
    const op = operationOf(doc);
    expect(op.requestBody).toBeUndefined();
    expect(json(op.responses["200"]).schema.properties.id.description).toBe("The id.");
  });

  it("reads a request line over the operation's own response, or a sample value, as prose", () => {
    for (const line of [
      "To find its slots first, call:\nGET https://api.kestrel.example/v2/roosts/slots\n\nResponse",
      "Examples\n\nGET https://api.kestrel.example/v2/roosts/main\n\nResponse",
    ]) {
      const text = `GET\n/\nv2\n/\nroosts\nList roosts\n\nQuery Parameters\n\nlimit\ninteger\nHow many.\n${line}\n\nid\nstring\nThe id.`;
      const { warnings } = parse(text);
      expect(warnings.join("\n")).not.toMatch(/one operation per page/);
    }
  });

  it("refuses a scrape cut at an anchored name, and reads curl -G data as the query", () => {
    const scrape = [
      "# List\n\nGET\n\nhttps://api.kestrel.example\n\n/\n\nv2\n\n/\n\nroosts\n\nList\n\n#### Query Parameters\n",
      "[\u200b](https://docs.kestrel.example/list#parameter-limit)\n\nlimit\n\ninteger\n\nHow many.\n",
      "[\u200b](https://docs.kestrel.example/list#parameter-sort-order)\n\nsort_order",
    ].join("\n");
    expect(() => parse(scrape, false, "p.md")).toThrow(/found "sort_order"/);
    const g = parse(
      "List roosts\n\nGET\n/\nv2\n/\nroosts\ncurl -G https://api.kestrel.example/v2/roosts -d limit=3\n\nResponse\n\nid\nstring\nThe id.",
    );
    const op = operationOf(g.doc);
    expect(op.requestBody).toBeUndefined();
  });

  it("refuses a field listed twice in a later shape that the first shape lists too", () => {
    const text = [
      "GET\n/\nv2\n/\nroosts\nList\n\nResponse\n\nPlain Shape\n\ndata\narray\nThe roosts.\ncursor\nstring\nNext.",
      "\nRich Shape\n\ndata\narray\nAgain.\ncursor\nstring\nNext.\ncursor\nstring\nAgain.",
    ].join("\n");
    expect(() => parse(text)).toThrow(/one field named cursor/);
  });
});
