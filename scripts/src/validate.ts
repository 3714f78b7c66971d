import { createConfig, lintFromString, type NormalizedProblem } from "@redocly/openapi-core";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { PipelineError } from "./errors.ts";
import { isObject, operationsOf } from "./openapi-walk.ts";
import type { OpenAPIDocument } from "./sources/types.ts";

/** Redocly's recommended ruleset, built once per process. */
let configPromise: ReturnType<typeof createConfig> | undefined;

/**
 * Lints the spec text exactly as it will be written (so lines point into that file) with Redocly's
 * recommended rules; any error fails the run. Warnings are returned for the progress output.
 */
export async function lintSpec(yamlText: string, file: string): Promise<string[]> {
  // info-license is about our spec's licence, which only the provider can state: not ours to invent.
  configPromise ??= createConfig({
    extends: ["recommended"],
    // checkExamples validates every media-type example and fails the run; Redocly's copy of that
    // check compiled every schema a second time (about 70% of lint time at 1,000 operations).
    rules: { "info-license": "off", "no-invalid-media-type-examples": "off" },
  });
  const config = await configPromise;
  const problems = await lintFromString({ source: yamlText, absoluteRef: file, config });
  const format = (p: NormalizedProblem) => {
    const where = p.location[0]?.pointer?.replace(/^#/, "") ?? "";
    return `${file}${where ? ` at ${decodeURIComponent(where)}` : ""}: ${p.message} (${p.ruleId})`;
  };
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    throw new PipelineError(
      `the spec does not pass the OpenAPI linter:\n  ${errors.map(format).join("\n  ")}`,
    );
  }
  return problems.filter((p) => p.severity === "warn").map(format);
}

// OpenAPI formats that JSON Schema validators do not know: they annotate, they do not constrain here.
const ANNOTATION_FORMATS = ["int32", "int64", "float", "double", "byte", "binary", "password"];

/**
 * Checks that every example in the spec validates against its own schema: for specs recovered
 * from rendered pages, this is what proves the recovered structure matches the page.
 */
export function checkExamples(doc: OpenAPIDocument, file: string): void {
  // Each validator runs about once, so compiling dominates: compile every referenced schema once
  // as its own function (inlineRefs: false) instead of inlining it into every example's validator,
  // and skip ajv's code optimisation pass, which costs more than it saves for a single run.
  const ajv = new Ajv2020({
    strict: false,
    allErrors: false,
    validateSchema: false,
    inlineRefs: false,
    code: { optimize: false },
  });
  addFormats(ajv);
  for (const name of ANNOTATION_FORMATS) ajv.addFormat(name, true);
  ajv.addSchema(doc, "spec");
  const failures: string[] = [];
  const check = (pointer: string, value: unknown, where: string) => {
    const validate = ajv.getSchema(`spec#${pointer}`) ?? ajv.compile({ $ref: `spec#${pointer}` });
    if (!validate(value)) {
      const e = validate.errors?.[0];
      failures.push(`${where}: ${e?.instancePath || "(root)"} ${e?.message ?? "is invalid"}`);
    }
  };
  for (const { path, method, operation } of operationsOf(doc)) {
    const base = `/paths/${pointerSegment(path)}/${method}`;
    const id = `${method.toUpperCase()} ${path}`;
    const media = (content: unknown, at: string, what: string) => {
      if (!isObject(content)) return;
      for (const [type, m] of Object.entries(content)) {
        if (!isObject(m) || !isObject(m.schema)) continue;
        // A bare `$ref` (the usual case) is validated through its target, so that every example of
        // the same component shares one compiled validator.
        const pointer = localRef(m.schema) ?? `${at}/content/${pointerSegment(type)}/schema`;
        if ("example" in m) check(pointer, m.example, `${id} ${what} example`);
        for (const [name, ex] of Object.entries(m.examples ?? {})) {
          if (isObject(ex) && "value" in ex)
            check(pointer, ex.value, `${id} ${what} example ${name}`);
        }
      }
    };
    if (isObject(operation.requestBody))
      media(operation.requestBody.content, `${base}/requestBody`, "request");
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      if (isObject(response))
        media(response.content, `${base}/responses/${status}`, `${status} response`);
    }
  }
  if (failures.length > 0) {
    throw new PipelineError(
      `${file}: examples do not match their schemas:\n  ${failures.join("\n  ")}`,
    );
  }
}

/** The JSON pointer of a schema that is only a local `$ref`, such as `#/components/schemas/X`. */
function localRef(schema: Record<string, unknown>): string | undefined {
  const ref = schema.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/") || Object.keys(schema).length !== 1) return;
  return ref.slice(1);
}

function pointerSegment(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, "~0").replace(/\//g, "~1"));
}
