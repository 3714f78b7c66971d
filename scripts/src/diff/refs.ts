import type { OpenAPIDocument } from "../sources/types.ts";
import { has, isObject, type JsonObject } from "./json.ts";

/** A node with its local `$ref` chain followed. */
export interface Resolved {
  /** The target with the referring object's sibling keys (3.1 allows `description` next to `$ref`). */
  node: unknown;
  /** The object reached, stable across visits: what cycle detection keys on. */
  identity: unknown;
  /** The first `$ref` followed, if any: the name a reviewer knows the schema by. */
  ref: string | undefined;
  /** Keys written next to the `$ref`s followed, if any. */
  siblings?: JsonObject | undefined;
}

const MAX_HOPS = 32;

/**
 * Follows local `$ref`s (`#/components/...`) in `doc`. An external or dangling reference is left
 * as it is, so that it compares by its text instead of crashing the diff.
 */
export function resolveRef(doc: OpenAPIDocument, node: unknown): Resolved {
  let current = node;
  let siblings: JsonObject = {};
  let ref: string | undefined;
  const seen = new Set<unknown>();
  for (let hop = 0; hop < MAX_HOPS && isObject(current); hop++) {
    const target = current.$ref;
    if (typeof target !== "string" || seen.has(current)) break;
    const found = lookupPointer(doc, target);
    if (found === undefined) break;
    seen.add(current);
    ref ??= target;
    const { $ref: _, ...own } = current;
    siblings = { ...own, ...siblings };
    current = found;
  }
  if (Object.keys(siblings).length === 0 || !isObject(current)) {
    return { node: current, identity: current, ref };
  }
  return { node: { ...current, ...siblings }, identity: current, ref, siblings };
}

/** The value a local JSON pointer (`#/a/b~1c`) names in `doc`, or undefined. */
export function lookupPointer(doc: OpenAPIDocument, pointer: string): unknown {
  if (!pointer.startsWith("#")) return undefined;
  const path = pointer.slice(1);
  if (path === "") return doc;
  if (!path.startsWith("/")) return undefined;
  let current: unknown = doc;
  for (const raw of path.slice(1).split("/")) {
    const key = decodeSegment(raw);
    if (Array.isArray(current)) current = current[Number(key)];
    else if (isObject(current) && has(current, key)) current = current[key];
    else return undefined;
  }
  return current;
}

function decodeSegment(raw: string): string {
  let text = raw;
  try {
    text = decodeURIComponent(raw);
  } catch {
    // Not percent-encoded after all: use the segment as written.
  }
  return text.replaceAll("~1", "/").replaceAll("~0", "~");
}

/** The last segment of a `$ref`, e.g. `PaymentSession` for `#/components/schemas/PaymentSession`. */
export function refName(ref: string): string {
  return decodeSegment(ref.slice(ref.lastIndexOf("/") + 1));
}
