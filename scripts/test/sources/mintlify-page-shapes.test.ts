import { describe, expect, it } from "vitest";
import { detectFormat } from "../../src/sources/index.ts";
import { normalizePage } from "../../src/sources/mintlify-page/normalize.ts";
import { splitPills } from "../../src/sources/mintlify-page/pills.ts";
import { looksLikeMintlifyPage, parseMintlifyPage } from "../../src/sources/mintlify-page.ts";

const ZW = "\u200B";
const parse = (text: string) => parseMintlifyPage(text, { file: "page.txt" });

/** A body with `n` fields, in the browser-copy shape or as a markdown scrape. */
function page(n: number, shape: "copy" | "scrape"): string {
  const head = [
    "# Make things",
    "",
    "POST",
    "",
    "/",
    "",
    "things",
    "",
    "#### Body",
    "",
    "application/json",
    "",
  ];
  const copy = ["Make things", "POST /things", "", "Body", "", "application/json"];
  const fields: string[] = [];
  for (let i = 0; i < n; i++) {
    if (shape === "scrape") {
      fields.push(`[](#body-f${i})`, "", `f\\_${i}`, "", "integer", "", "required", "");
      fields.push("Some number.", "", "Required range: `1 <= x <= 9`", "");
    } else
      fields.push(
        `${ZW}f_${i}`,
        "integerrequired",
        "",
        "Some number.",
        "",
        "Required range: 1 <= x <= 9",
      );
  }
  return [...(shape === "scrape" ? head : copy), ...fields, ""].join("\n");
}

describe("mintlify-page saved shapes", () => {
  it("reads body fields of a copy without blank lines and with zero-width names as body fields", () => {
    // The page that used to turn its body into header parameters named `integer` and `string`.
    const text = [
      "Pay",
      "POST /pay",
      "Headers",
      `${ZW}Pay-Version`,
      "string",
      "required",
      "Body",
      "application/json",
      `${ZW}amount`,
      "integer",
      "required",
      `${ZW}note`,
      "string",
    ].join("\n");
    const op = parse(text).paths["/pay"].post;
    expect(op.parameters.map((p: { name: string; in: string }) => `${p.in} ${p.name}`)).toEqual([
      "header Pay-Version",
    ]);
    const schema = op.requestBody.content["application/json"].schema;
    expect(schema.properties).toEqual({ amount: { type: "integer" }, note: { type: "string" } });
    expect(schema.required).toEqual(["amount"]);
  });

  it.each([
    ["stringheaderrequired", ["string", "header", "required"]],
    ["integerdefault:10", ["integer", "default:10"]],
    ["enum<string>required", ["enum<string>", "required"]],
    ['string default:""', ["string", 'default:""']],
    ["string | nulldeprecated", ["string | null", "deprecated"]],
    ["headerrequired", ["header", "required"]],
    ["object[]required", ["object[]", "required"]],
    [
      "stringheaderdefault:sandbox_keyrequired",
      ["string", "header", "default:sandbox_key", "required"],
    ],
    ["integerdefault:5deprecated", ["integer", "default:5", "deprecated"]],
    ['string | nulldefault:""|', ["string | null", 'default:""']],
    // The default pill alone on its line, `required` glued after it.
    ["default: selfrequired", ["default:self", "required"]],
    ['default:"a b"required', ['default:"a b"', "required"]],
  ])("splits the glued pills %s", (text, parts) => {
    expect(splitPills(text)).toEqual(parts);
  });

  it.each([
    "required",
    "string",
    "userpath",
    "Use the default: 10 items",
    "amount",
    "pathrequiredx",
    "default: self",
    "default: none unless required",
    "default: not_required",
    "default: unrequired",
  ])("leaves %s alone", (text) => {
    expect(splitPills(text)).toBeUndefined();
  });

  it("detects markdown scrapes as rendered pages, and not markdown exports", () => {
    const scrape = page(2, "scrape");
    expect(looksLikeMintlifyPage(scrape)).toBe(true);
    expect(detectFormat(scrape, "page.md")).toBe("mintlify-page");
    const exported = "# Make things\n\n## OpenAPI\n\n````yaml POST /things\nopenapi: 3.1.0\n````\n";
    expect(looksLikeMintlifyPage(exported)).toBe(false);
    expect(looksLikeMintlifyPage("# Notes\n\nWe call GET /things from the cron job.\n")).toBe(
      false,
    );
  });

  it("gives the same operation for a copy and a scrape of the same page", () => {
    const copy = parse(page(3, "copy")).paths["/things"].post;
    const scrape = parse(page(3, "scrape")).paths["/things"].post;
    expect(scrape.requestBody).toEqual(copy.requestBody);
    expect(scrape.summary).toBe("Make things");
  });

  it("reads WEBHOOK and the event name on one line", () => {
    const doc = parse("Order paid\nWEBHOOK order.paid\n\nBody\n\norder_id\nstring\nrequired\n");
    expect(doc.paths).toEqual({});
    expect(Object.keys(doc.webhooks)).toEqual(["order.paid"]);
    expect(doc.webhooks["order.paid"].post.summary).toBe("Order paid");
  });

  it("skips the security scheme tabs above the Authorizations fields", () => {
    const text =
      "X\nPOST /x\n\nAuthorizations\n\nKeyAuthTokenAuth\n\nX-Key\nstring\nheader\nrequired\n";
    const doc = parse(text);
    expect(doc.components.securitySchemes).toEqual({
      xKey: { type: "apiKey", in: "header", name: "X-Key" },
    });
    // A sentence there is not a tab name: the field it described lost its name.
    expect(() => parse(text.replace("KeyAuthTokenAuth", "Your key, from the dashboard."))).toThrow(
      /page.txt:6: expected a field name/,
    );
  });

  it("tells a section heading without a blank line from a field named like one", () => {
    const text = [
      "X",
      "POST /x",
      "Body",
      "application/json",
      "Body",
      "object",
      "required",
      "Response",
      "The created thing.",
      "id",
      "string",
    ].join("\n");
    const op = parse(text).paths["/x"].post;
    expect(Object.keys(op.requestBody.content["application/json"].schema.properties)).toEqual([
      "Body",
    ]);
    expect(op.responses["200"].description).toBe("The created thing.");
  });

  it.each([
    ["a glued status dropdown", "Response\n200\n200404500\napplication/json\nDone.\nok\nboolean\n"],
    ["a media type and no status", "Response\napplication/json\nDone.\nok\nboolean\n"],
  ])("reads a response with %s", (_, section) => {
    const response = parse(`X\nPOST /x\n\n${section}`).paths["/x"].post.responses["200"];
    expect(response.description).toBe("Done.");
    expect(response.content["application/json"].schema.properties).toEqual({
      ok: { type: "boolean" },
    });
  });

  it("reads options that start on the label's line and go on one per line", () => {
    const text =
      "X\nPOST /x\n\nBody\n\nmode\nenum<string>\nAvailable options: fast, \nslow, \nexact \nnext\nstring\n";
    const body = parse(text).paths["/x"].post.requestBody.content["application/json"].schema;
    expect(body.properties.mode.enum).toEqual(["fast", "slow", "exact"]);
    expect(Object.keys(body.properties)).toEqual(["mode", "next"]);
  });

  it("does not take the table of contents for sections", () => {
    const text =
      "X\nPOST /x\n\nBody\n\nid\nstring\n\nResponse\n\n200\n\nOn this page\nBody\nResponse\n";
    const op = parse(text).paths["/x"].post;
    expect(Object.keys(op.responses)).toEqual(["200"]);
    expect(op.requestBody.content["application/json"].schema.properties).toEqual({
      id: { type: "string" },
    });
  });

  it("keeps line numbers of the saved file through normalization", () => {
    const text =
      "---\ntitle: X\n---\n\n# X\n\nGET\n\n/\n\nx\n\n#### Query Parameters\n\n[](#parameter-q)\n\nq\n\nstring\n";
    const lines = normalizePage(text).lines;
    expect(lines.find((l) => l.text === "q")?.no).toBe(17);
    expect(lines.find((l) => l.text === "string")?.no).toBe(19);
  });

  it("grows linearly with the page", { timeout: 60_000 }, () => {
    for (const shape of ["copy", "scrape"] as const) {
      // The fastest of five runs: the machine runs other work (and the collector) meanwhile.
      const time = (text: string) => {
        let best = Number.POSITIVE_INFINITY;
        for (let run = 0; run < 5; run++) {
          const start = performance.now();
          parse(text);
          best = Math.min(best, performance.now() - start);
        }
        return best;
      };
      const small = page(1000, shape);
      const large = page(4000, shape);
      time(large);
      // Up to three tries: a quadratic walk is slow every time, a busy machine only sometimes.
      let ratio = Number.POSITIVE_INFINITY;
      for (let attempt = 0; attempt < 3 && ratio >= 10; attempt++) {
        ratio = time(large) / Math.max(time(small), 0.5);
      }
      expect(ratio).toBeLessThan(10);
    }
  });
});
