import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ParseError, type Warning } from "../../src/errors.ts";
import { parseMintlifyHtml } from "../../src/sources/mintlify-html.ts";
import type { OpenAPIDocument } from "../../src/sources/types.ts";

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

/** Structural problems a partial OpenAPI document must never have; empty when sound. */
function problems(doc: OpenAPIDocument): string[] {
  const found: string[] = [];
  const schemas = doc.components?.schemas ?? {};
  const walk = (node: unknown, at: string, depth: number): void => {
    if (depth > 200 || node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, `${at}/${i}`, depth + 1);
      return;
    }
    const record = node as Record<string, unknown>;
    const ref = record.$ref;
    if (typeof ref === "string" && !Object.hasOwn(schemas, ref.replace(/^.*\//, ""))) {
      found.push(`${at}: dangling ${ref}`);
    }
    if (Array.isArray(record.enum) && record.enum.length === 0) found.push(`${at}: empty enum`);
    if (Array.isArray(record.required) && typeof record.properties === "object") {
      for (const name of record.required) {
        if (!Object.hasOwn(record.properties as object, name))
          found.push(`${at}: required ${name}`);
      }
    }
    for (const [key, value] of Object.entries(record)) {
      if (key !== "example" && key !== "examples") walk(value, `${at}/${key}`, depth + 1);
    }
  };
  walk(doc, "", 0);
  return found;
}

describe("mintlify-html fuzz", () => {
  const input = fc.tuple(
    fc.constantFrom(...PAGES),
    fc.array(mutation, { minLength: 1, maxLength: 6 }),
  );

  it(`only ever returns a document or throws a located ParseError (${RUNS} runs)`, BUDGET, () => {
    fc.assert(
      fc.property(input, ([text, mutations]) => {
        try {
          const doc = parseMintlifyHtml(mutate(text, mutations), { file: "fuzz.html" });
          expect(doc.openapi).toBe("3.1.0");
          JSON.stringify(doc);
          expect(problems(doc)).toEqual([]);
        } catch (error) {
          if (!(error instanceof ParseError)) throw error;
          expect(error.file).toBe("fuzz.html");
          expect(Number.isInteger(error.line) && (error.line as number) >= 1).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`never throws in lenient mode and locates every warning (${RUNS} runs)`, BUDGET, () => {
    fc.assert(
      fc.property(input, ([text, mutations]) => {
        const warnings: Warning[] = [];
        const doc = parseMintlifyHtml(mutate(text, mutations), {
          file: "fuzz.html",
          lenient: true,
          warn: (w) => warnings.push(w),
        });
        expect(doc.openapi).toBe("3.1.0");
        JSON.stringify(doc);
        expect(problems(doc)).toEqual([]);
        for (const w of warnings) expect((w.line ?? 0) >= 1).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
