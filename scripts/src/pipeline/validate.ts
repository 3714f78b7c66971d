import { isAbsolute, relative } from "node:path";
import { type OutputUnit, type Schema, validate as validateSchema } from "@cfworker/json-schema";
import {
  BaseResolver,
  createConfig,
  lintDocument,
  type NormalizedProblem,
  Source,
} from "@redocly/openapi-core";
import { PipelineError } from "../errors.ts";
import type { OpenAPIDocument } from "../sources/types.ts";
import { ambiguousPaths } from "./ambiguous-paths.ts";
import { isObject, operationsOf } from "./openapi-walk.ts";

/** Redocly's recommended ruleset, built once per process. */
let configPromise: ReturnType<typeof createConfig> | undefined;

/**
 * Refuses references to other files: the canonical spec is one self-contained document (which is
 * also why generateTypes need not bundle it), so such a `$ref` is reported as unresolved instead
 * of being read from wherever the run happens to be.
 */
class LocalRefsOnly extends BaseResolver {
  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    const where = isAbsolute(absoluteRef) ? relative(process.cwd(), absoluteRef) : absoluteRef;
    throw new Error(`${where} is another document; only local references (#/…) are allowed`);
  }
}

/**
 * Lints the spec with Redocly's recommended rules; any error fails the run. Warnings are returned
 * for the progress output. The document is linted as it is in memory, with `yamlText` (exactly as
 * it will be written) as its source: parsing that text again cost a third of the lint, and only the
 * JSON pointer of a problem is reported.
 */
export async function lintSpec(
  doc: OpenAPIDocument,
  yamlText: string,
  file: string,
): Promise<string[]> {
  // info-license is about our spec's licence, which only the provider can state: not ours to invent.
  configPromise ??= createConfig({
    extends: ["recommended"],
    // checkExamples validates every media-type example and fails the run; Redocly's copy of that
    // check compiled every schema a second time (about 70% of lint time at 1,000 operations).
    // no-ambiguous-paths compares every pair of paths; ambiguousPaths finds the same pairs.
    rules: {
      "info-license": "off",
      "no-invalid-media-type-examples": "off",
      "no-ambiguous-paths": "off",
      // `/v3/memories/` is the provider's real path (Django-style APIs answer the path without
      // the slash with a redirect or a 404): a fact to keep, not an error to fix.
      "no-path-trailing-slash": "warn",
      // An operation whose page documents no auth (a public endpoint, a webhook, which the
      // receiver authenticates) is what the docs say. A requirement naming a scheme that is not
      // defined is still an error: lintSpec checks that itself.
      "security-defined": "warn",
    },
  });
  const config = await configPromise;
  const problems = await lintDocument({
    document: { source: new Source(file, yamlText), parsed: doc },
    config: config.styleguide,
    externalRefResolver: new LocalRefsOnly(config.resolve),
  });
  const format = (pointer: string, message: string, ruleId: string) => {
    const where = pointer.replace(/^#/, "");
    return `${file}${where ? ` at ${decodePointer(where)}` : ""}: ${message} (${ruleId})`;
  };
  const pointer = (p: NormalizedProblem) => p.location[0]?.pointer ?? "";
  const redocly = (p: NormalizedProblem) => format(pointer(p), p.message, p.ruleId);
  const errors = problems.filter((p) => p.severity === "error");
  const undefinedSchemes = undefinedSecuritySchemes(doc).map(({ pointer: at, name }) =>
    format(at, `There is no \`${name}\` security scheme defined.`, "security-defined"),
  );
  if (errors.length > 0 || undefinedSchemes.length > 0) {
    const all = [...errors.map(redocly), ...undefinedSchemes];
    throw new PipelineError(`the spec does not pass the OpenAPI linter:\n  ${all.join("\n  ")}`);
  }
  const warnings = problems.filter((p) => p.severity === "warn");
  // Where Redocly's rule reported them: on entering `paths`, so before any warning at or beneath
  // it (or in `webhooks` and `components`, which are walked after it).
  const at = warnings.findIndex((p) => /^#\/(paths|webhooks|components)(\/|$)/.test(pointer(p)));
  const ambiguous = ambiguousPaths(Object.keys(doc.paths ?? {})).map(({ path, first }) =>
    format(
      `#/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}`,
      `Paths should resolve unambiguously. Found two ambiguous paths: \`${first}\` and \`${path}\`.`,
      "no-ambiguous-paths",
    ),
  );
  const formatted = warnings.map(redocly);
  formatted.splice(at === -1 ? formatted.length : at, 0, ...ambiguous);
  return formatted;
}

/** Security requirements (the root's, each operation's) that name a scheme the spec lacks. */
function undefinedSecuritySchemes(doc: OpenAPIDocument): { pointer: string; name: string }[] {
  const schemes = doc.components?.securitySchemes ?? {};
  const found: { pointer: string; name: string }[] = [];
  const check = (list: unknown, at: string) => {
    if (!Array.isArray(list)) return;
    for (const [i, requirement] of list.entries()) {
      for (const name of Object.keys(requirement ?? {}))
        if (!Object.hasOwn(schemes, name)) found.push({ pointer: `${at}/${i}/${name}`, name });
    }
  };
  check(doc.security, "#/security");
  for (const [group, items] of [
    ["paths", doc.paths],
    ["webhooks", doc.webhooks],
  ] as const) {
    for (const [path, item] of Object.entries(items ?? {})) {
      for (const [method, operation] of Object.entries(item ?? {})) {
        const escaped = path.replace(/~/g, "~0").replace(/\//g, "~1");
        check((operation as OpenAPIDocument)?.security, `#/${group}/${escaped}/${method}/security`);
      }
    }
  }
  return found;
}

/**
 * Checks that every example in the spec validates against its own schema: for specs recovered
 * from rendered pages, this is what proves the recovered structure matches the page.
 */
export function checkExamples(doc: OpenAPIDocument, file: string): void {
  // @cfworker/json-schema interprets the schema instead of compiling it to code as ajv does: each
  // example is checked about once, and ajv's compilation was ~1 ms per operation against ~0.05 ms
  // for interpreting (bench/scale.ts, 1,000 operations). Small, no dependencies, draft 2020-12,
  // and OpenAPI-only formats (int32, double, byte, …) are unknown to it, so they only annotate.
  const lookup = refLookup(doc);
  const failures: string[] = [];
  const check = (schema: Schema, value: unknown, where: string) => {
    try {
      const result = validateSchema(value, schema, "2020-12", lookup, true);
      if (!result.valid) failures.push(`${where}: ${describeFailure(result.errors)}`);
    } catch (e) {
      // The validator throws on a `$ref` it cannot look up; its first line names the reference
      // (the rest lists known schemas, none here, as refLookup resolves on demand).
      failures.push(`${where}: ${String((e as Error).message).split("\n")[0]}`);
    }
  };
  for (const { path, method, operation } of operationsOf(doc)) {
    const id = `${method.toUpperCase()} ${path}`;
    const media = (content: unknown, what: string) => {
      if (!isObject(content)) return;
      for (const m of Object.values(content)) {
        if (!isObject(m) || !isObject(m.schema)) continue;
        const schema = m.schema as Schema;
        if ("example" in m) check(schema, m.example, `${id} ${what} example`);
        for (const [name, ex] of Object.entries(m.examples ?? {})) {
          if (isObject(ex) && "value" in ex)
            check(schema, ex.value, `${id} ${what} example ${name}`);
        }
      }
    };
    if (isObject(operation.requestBody)) media(operation.requestBody.content, "request");
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      if (isObject(response)) media(response.content, `${status} response`);
    }
  }
  if (failures.length > 0) {
    throw new PipelineError(
      `${file}: examples do not match their schemas:\n  ${failures.join("\n  ")}`,
    );
  }
}

/**
 * The validator looks a `$ref` up by its text. Resolving local refs (`#/components/schemas/X`)
 * on demand, instead of indexing every schema of the document first (its `dereference`), keeps
 * the cost to the schemas examples actually reach and leaves the document unmarked.
 */
function refLookup(doc: OpenAPIDocument): Record<string, Schema> {
  const cache = new Map<string, Schema | undefined>();
  return new Proxy({} as Record<string, Schema>, {
    get(_, ref) {
      if (typeof ref !== "string") return undefined;
      if (!cache.has(ref)) cache.set(ref, resolvePointer(doc, ref));
      return cache.get(ref);
    },
  });
}

function resolvePointer(doc: OpenAPIDocument, ref: string): Schema | undefined {
  if (!ref.startsWith("#")) return undefined;
  let node: unknown = doc;
  for (const segment of ref.slice(1).split("/").slice(1)) {
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    const key = decodePointer(segment).replace(/~1/g, "/").replace(/~0/g, "~");
    node = (node as Record<string, unknown>)[key];
  }
  return isObject(node) || typeof node === "boolean" ? (node as Schema) : undefined;
}

// Keywords whose error only says that something beneath failed: the useful message is further on.
const DESCENDS = new Set([
  "$ref",
  "properties",
  "patternProperties",
  "items",
  "prefixItems",
  "allOf",
]);

/** `/path/to/value: what was expected`, from the first error that is not only "something beneath failed". */
function describeFailure(errors: OutputUnit[]): string {
  const error = errors.find((e) => !DESCENDS.has(e.keyword)) ?? errors[errors.length - 1];
  if (!error) return "(root): is invalid";
  const at = decodeURI(error.instanceLocation.replace(/^#/, ""));
  return `${at || "(root)"}: ${error.error}`;
}

/** A percent-encoded pointer decoded; one that is not (a literal `%` in a path) as it is. */
function decodePointer(pointer: string): string {
  try {
    return decodeURIComponent(pointer);
  } catch {
    return pointer;
  }
}
