/**
 * Classifies the differences between two versions of a provider's OpenAPI document as semver
 * bumps, one readable line per change:
 *
 * - breaking (major): what worked against the old spec may fail against the new one — an
 *   operation, response field, status, media type or server removed; a response type changed; a
 *   response field no longer guaranteed; a request field or parameter added as or made required;
 *   a request type narrowed or a request enum value removed; security changed.
 * - additive (minor): an operation, optional request field or parameter, response field, status,
 *   enum value or server added; a request widened; something deprecated.
 * - documentation (patch): descriptions, summaries, examples, tags, `info`, external docs.
 *
 * Changes inside a shared schema are reported once per operation that uses it, since the
 * operation is what a reviewer knows.
 */

import type { OpenAPIDocument } from "../sources/types.ts";
import { diffContent, diffText, type OperationScope } from "./content.ts";
import { has, isObject, type JsonObject, objectOf, sameJson, unionKeys } from "./json.ts";
import { diffOperation } from "./operation.ts";
import { resolveRef } from "./refs.ts";
import { type Bump, code, collector, type Emit, highestBump, type SpecChange } from "./report.ts";
import { diffSecurity, diffSecuritySchemes, diffServers } from "./servers-security.ts";
import { unchangedRefs } from "./unchanged-refs.ts";

export type { Bump, SpecChange } from "./report.ts";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** Every change from `before` to `after`, major first, then by message; [] when equivalent. */
export function classifyChanges(before: OpenAPIDocument, after: OpenAPIDocument): SpecChange[] {
  const { emit, changes } = collector();
  diffInfo(emit, objectOf(before.info), objectOf(after.info));
  if (!sameJson(before.externalDocs, after.externalDocs)) emit("patch", "Changed `externalDocs`");
  diffTags(emit, before.tags, after.tags);
  diffServers(emit, before.servers, after.servers);
  diffSecurity(emit, before.security, after.security, "global security");
  const bc = objectOf(before.components);
  const ac = objectOf(after.components);
  diffSecuritySchemes(emit, bc.securitySchemes, ac.securitySchemes);
  diffComponentNames(emit, bc, ac);
  const unchanged = unchangedRefs(before, after);
  diffPaths({ before, after, emit, op: "", unchanged });
  diffWebhooks({ before, after, emit, op: "", unchanged });
  return changes();
}

/**
 * Webhook events: one added is additive, one removed breaks the receivers that handle it. The
 * payload is what the provider sends, so it is compared as a response is (a field dropped or no
 * longer guaranteed breaks receivers; a field added does not).
 */
function diffWebhooks(doc: OperationScope): void {
  const { before, after, emit } = doc;
  const bw = objectOf(before.webhooks);
  const aw = objectOf(after.webhooks);
  for (const event of unionKeys(Object.keys(bw), Object.keys(aw))) {
    const bItem = objectOf(resolveRef(before, bw[event]).node);
    const aItem = objectOf(resolveRef(after, aw[event]).node);
    for (const method of METHODS) {
      const bo = bItem[method];
      const ao = aItem[method];
      const op = code(`webhook ${event}`);
      if (!isObject(ao)) {
        if (isObject(bo)) emit("major", `Removed ${op}`);
        continue;
      }
      if (!isObject(bo)) {
        emit("minor", `Added ${op}`);
        continue;
      }
      const scope = { ...doc, op };
      diffText(scope, bo, ao, op);
      const payload = (side: OpenAPIDocument, operation: JsonObject) =>
        objectOf(resolveRef(side, operation.requestBody).node).content;
      diffContent(scope, payload(before, bo), payload(after, ao), {
        direction: "response",
        noun: "payload field",
        root: "payload",
        owner: "payload",
      });
    }
  }
}

/** The highest bump among `changes`, or null when there are none. */
export function bumpOf(changes: readonly SpecChange[]): Bump | null {
  return highestBump(changes);
}

function diffInfo(emit: Emit, b: JsonObject, a: JsonObject): void {
  for (const key of unionKeys(Object.keys(b), Object.keys(a))) {
    if (sameJson(b[key], a[key])) continue;
    const detail =
      key === "version" ? ` from ${code(b.version ?? "")} to ${code(a.version ?? "")}` : "";
    emit("patch", `Changed ${code(`info.${key}`)}${detail}`);
  }
}

function diffTags(emit: Emit, b: unknown, a: unknown): void {
  const byName = (tags: unknown) =>
    new Map(
      (Array.isArray(tags) ? tags : [])
        .filter(isObject)
        .filter((tag) => typeof tag.name === "string")
        .map((tag) => [String(tag.name), tag] as const),
    );
  const before = byName(b);
  const after = byName(a);
  for (const name of unionKeys(before.keys(), after.keys())) {
    const bt = before.get(name);
    const at = after.get(name);
    if (at === undefined) emit("patch", `Removed tag ${code(name)}`);
    else if (bt === undefined) emit("patch", `Added tag ${code(name)}`);
    else if (!sameJson(bt, at)) emit("patch", `Changed description of tag ${code(name)}`);
  }
}

const COMPONENT_KINDS: Record<string, string> = {
  schemas: "schema",
  parameters: "parameter component",
  requestBodies: "request body component",
  responses: "response component",
  headers: "header component",
};

/**
 * Named components are exported as types (`components["schemas"]["X"]`): removing or renaming
 * one breaks code that names it. Their contents are compared where operations use them.
 */
function diffComponentNames(emit: Emit, b: JsonObject, a: JsonObject): void {
  for (const [section, kind] of Object.entries(COMPONENT_KINDS)) {
    const before = objectOf(b[section]);
    const after = objectOf(a[section]);
    for (const name of unionKeys(Object.keys(before), Object.keys(after))) {
      if (!has(after, name)) emit("major", `Removed ${kind} ${code(name)}`);
      else if (!has(before, name)) emit("minor", `Added ${kind} ${code(name)}`);
    }
  }
}

function diffPaths(doc: OperationScope): void {
  const { before, after, emit } = doc;
  const bp = objectOf(before.paths);
  const ap = objectOf(after.paths);
  for (const path of unionKeys(Object.keys(bp), Object.keys(ap))) {
    const bItem = objectOf(resolveRef(before, bp[path]).node);
    const aItem = objectOf(resolveRef(after, ap[path]).node);
    const where = `path ${code(path)}`;
    if (has(bp, path) && has(ap, path)) {
      diffText({ ...doc, op: where }, bItem, aItem, where);
    }
    for (const method of METHODS) {
      const bo = bItem[method];
      const ao = aItem[method];
      const op = code(`${method.toUpperCase()} ${path}`);
      if (!isObject(ao)) {
        if (isObject(bo)) emit("major", `Removed operation ${op}`);
      } else if (!isObject(bo)) {
        emit("minor", `Added operation ${op}`);
      } else {
        const sides = [
          { pathItem: bItem, operation: bo },
          { pathItem: aItem, operation: ao },
        ] as const;
        diffOperation({ ...doc, op }, ...sides);
      }
    }
  }
}
