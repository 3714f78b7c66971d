import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, it } from "vitest";
import { parseMintlifyHtml } from "../../src/sources/mintlify-html.ts";
import { expectDocumentOrLocatedError, expectLenientDocument } from "./fuzz-checks.ts";

const DIR = new URL("../fixtures/corpus/mintlify-html/", import.meta.url);
const PAGES = readdirSync(DIR)
  .filter((name) => name.endsWith(".html") && name !== "login.html")
  .sort()
  .map((name) => readFileSync(new URL(name, DIR), "utf8"));
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const BUDGET = { timeout: 20_000 + RUNS * 20 };

// Markup and text that break HTML readers: unbalanced tags, Mintlify's own part names in the
// wrong places, entities, astral and bidi characters, prototype keys.
const NASTY = [
  "<",
  ">",
  "</div>",
  "<div>",
  "<details>",
  "</details>",
  '<div data-component-part="field-name">',
  '<div data-component-part="field-info-pill"><span>',
  '<div data-component-part="field-required-pill">',
  '<div class="api-section"><h4>Body</h4>',
  '<div class="method-pill">',
  "<pre><code>{",
  "<code>",
  "&amp;",
  "&#0;",
  "&lt;",
  "\u0000",
  "\u202E",
  "\uD83D\uDE00",
  "\uD800",
  "\u00B7",
  "Option 1 \u00B7 object",
  "<option>Pet \u00B7 object[]</option>",
  " | null",
  "[]",
  "__proto__",
  "constructor",
  "Available options:",
  "Required range:",
  "Example:",
  "default:",
  '"',
  "'",
  "{",
  "]",
];

const PARTS = [
  "field-name",
  "field-info-pill",
  "field-required-pill",
  "field-deprecated-pill",
  "field-meta",
  "field-content",
  "field",
  "expandable",
  "expandable-content",
  "code-group",
  "code-group-tab-bar",
  "api-section",
];

type Mutation =
  | { kind: "drop" | "duplicate"; at: number }
  | { kind: "swap"; at: number; with: number }
  | { kind: "truncate"; at: number }
  | { kind: "inject" | "replace"; at: number; text: string }
  | { kind: "repart"; at: number; part: string };

const position = fc.nat({ max: 100_000 });
const injected = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom("drop", "duplicate"), at: position }),
  fc.record({ kind: fc.constant("swap"), at: position, with: position }),
  fc.record({ kind: fc.constant("truncate"), at: position }),
  fc.record({ kind: fc.constantFrom("inject", "replace"), at: position, text: injected }),
  fc.record({ kind: fc.constant("repart"), at: position, part: fc.constantFrom(...PARTS) }),
) as fc.Arbitrary<Mutation>;

/** Mutates the page token by token (a tag or the text between tags), so structure breaks too. */
function mutate(text: string, mutations: Mutation[]): string {
  let tokens = text.split(/(<[^>]*>)/).filter((t) => t !== "");
  for (const m of mutations) {
    const at = tokens.length === 0 ? 0 : m.at % tokens.length;
    if (m.kind === "drop") tokens.splice(at, 1);
    else if (m.kind === "duplicate") tokens.splice(at, 0, tokens[at] ?? "");
    else if (m.kind === "swap") {
      const other = tokens.length === 0 ? 0 : m.with % tokens.length;
      [tokens[at], tokens[other]] = [tokens[other] ?? "", tokens[at] ?? ""];
    } else if (m.kind === "truncate") tokens = tokens.slice(0, at);
    else if (m.kind === "inject") tokens.splice(at, 0, m.text);
    else if (m.kind === "replace") tokens[at] = m.text;
    else if (m.kind === "repart") {
      // Give another part name to the next element that has one.
      const index = tokens.findIndex((t, i) => i >= at && t.includes("data-component-part="));
      if (index >= 0) {
        tokens[index] = (tokens[index] as string).replace(
          /data-component-part="[^"]*"/,
          `data-component-part="${m.part}"`,
        );
      }
    }
  }
  return tokens.join("");
}

describe("mintlify-html fuzz", () => {
  const input = fc.tuple(
    fc.constantFrom(...PAGES),
    fc.array(mutation, { minLength: 1, maxLength: 6 }),
  );

  it(`only ever returns a document or throws a located ParseError (${RUNS} runs)`, BUDGET, () => {
    fc.assert(
      fc.property(input, ([text, mutations]) => {
        expectDocumentOrLocatedError(parseMintlifyHtml, mutate(text, mutations), "fuzz.html");
      }),
      { numRuns: RUNS },
    );
  });

  it(`never throws in lenient mode and locates every warning (${RUNS} runs)`, BUDGET, () => {
    fc.assert(
      fc.property(input, ([text, mutations]) => {
        expectLenientDocument(parseMintlifyHtml, mutate(text, mutations), "fuzz.html");
      }),
      { numRuns: RUNS },
    );
  });
});
