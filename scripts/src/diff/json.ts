/** A JSON object as found in a loosely typed OpenAPI document. */
export type JsonObject = Record<string, unknown>;

/** Whether a value is a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The value if it is a JSON object, else an empty one: documents may hold anything anywhere.
 * Keys holding `undefined` (an in-memory spec may have them) are left out, as JSON would.
 */
export function objectOf(value: unknown): JsonObject {
  if (!isObject(value)) return {};
  if (!Object.values(value).includes(undefined)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
}

/** The value if it is an array, else an empty one. */
export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value if it is a string, else undefined. */
export function stringOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** JSON text with object keys sorted, so that equal data always compares and hashes equal. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? "undefined";
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  const sorted: JsonObject = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(value[key]);
  return sorted;
}

/** Structural equality of two JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  return a === b || stableJson(a) === stableJson(b);
}

/** Union of two key lists, sorted by code unit so that output order never depends on locale. */
export function unionKeys(a: Iterable<string>, b: Iterable<string>): string[] {
  return [...new Set([...a, ...b])].sort(compareText);
}

/** Locale-independent string order. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether `object` has its own, defined `key`: an in-memory spec may hold `key: undefined`. */
export function has(object: object, key: string): boolean {
  return Object.hasOwn(object, key) && (object as JsonObject)[key] !== undefined;
}
