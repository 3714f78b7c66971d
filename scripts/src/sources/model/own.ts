/**
 * Sets a key as an own data property. Keys come from the page (field names, example keys), and a
 * plain assignment of "__proto__" would change the object's prototype instead of adding a key.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Copies own enumerable keys with setOwn. */
export function assignOwn(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) setOwn(target, key, value);
}
