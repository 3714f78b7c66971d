import { PipelineError } from "../errors.ts";
import type { OpenAPIDocument } from "../sources/types.ts";
import { canonicalJson, HTTP_METHODS, isObject } from "./openapi-walk.ts";

/** One parsed upstream document and the file it came from. */
export interface SourcePart {
  file: string;
  doc: OpenAPIDocument;
}

/**
 * Combines the partial documents of one provider: paths and webhooks are unioned (an operation or
 * event defined twice is an error), components defined twice must be structurally equal (else the error names both files),
 * a document's root `security` moves onto its own operations so parts with different schemes merge
 * safely (normalize hoists what every operation shares back to the root).
 */
export function mergeDocuments(parts: SourcePart[]): OpenAPIDocument {
  const first = parts[0];
  if (!first) throw new PipelineError("no upstream documents to merge");
  const paths: OpenAPIDocument = {};
  const webhooks: OpenAPIDocument = {};
  const origin = new Map<string, string>();
  const components: Record<string, Record<string, unknown>> = {};
  const servers: unknown[] = [];

  for (const { file, doc } of parts) {
    // Webhook pages give events (OpenAPI 3.1 `webhooks`), keyed by event name as paths are by path.
    for (const [group, into, label] of [
      [doc.paths, paths, ""],
      [doc.webhooks, webhooks, "webhook "],
    ] as const) {
      for (const [path, item] of Object.entries(group ?? {})) {
        if (!isObject(item)) continue;
        into[path] ??= {};
        const target = into[path];
        for (const [key, value] of Object.entries(item)) {
          const isOperation = HTTP_METHODS.includes(key);
          const id = `${label}${key.toUpperCase()} ${path}`;
          const part = `${label}${path} ${key}`;
          if (isOperation && target[key] !== undefined) {
            throw new PipelineError(`${id} is defined twice: in ${origin.get(id)} and in ${file}`);
          }
          if (!isOperation && target[key] !== undefined) {
            assertEqual(part, target[key], value, origin.get(part), file);
            continue;
          }
          target[key] = isOperation ? withSecurity(value, doc.security) : value;
          origin.set(isOperation ? id : part, file);
        }
      }
    }
    for (const [section, entries] of Object.entries(doc.components ?? {})) {
      if (!isObject(entries)) continue;
      components[section] ??= {};
      const merged = components[section];
      for (const [name, value] of Object.entries(entries)) {
        const key = `#/components/${section}/${name}`;
        if (merged[name] !== undefined) {
          assertEqual(key, merged[name], value, origin.get(key), file);
        } else {
          merged[name] = value;
          origin.set(key, file);
        }
      }
    }
    for (const server of doc.servers ?? []) {
      if (!servers.some((s) => canonicalJson(s) === canonicalJson(server))) servers.push(server);
    }
  }

  const merged: OpenAPIDocument = { openapi: first.doc.openapi, info: first.doc.info };
  if (servers.length > 0) merged.servers = servers;
  merged.paths = paths;
  if (Object.keys(webhooks).length > 0) merged.webhooks = webhooks;
  if (Object.keys(components).length > 0) merged.components = components;
  return merged;
}

function withSecurity(operation: unknown, rootSecurity: unknown): unknown {
  if (!isObject(operation) || operation.security !== undefined || rootSecurity === undefined) {
    return operation;
  }
  return { ...operation, security: rootSecurity };
}

function assertEqual(what: string, a: unknown, b: unknown, fileA = "?", fileB = "?"): void {
  if (canonicalJson(a) !== canonicalJson(b)) {
    throw new PipelineError(
      `${what} is defined differently in ${fileA} and in ${fileB}: the definitions must be equal`,
    );
  }
}
