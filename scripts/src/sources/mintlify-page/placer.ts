import type { ExampleHints } from "./fields.ts";

/**
 * Decides where a field sits. Dotted names (`merchant.business_name`) nest under an earlier field;
 * after a "child attributes" toggle, plain names nest under the toggled field for as long as the
 * example data agrees (a name the example shows one level up closes the nesting).
 */
export class Placer {
  private readonly seen = new Set<string>();
  /** Open toggles; `dotted` once a child was written as `parent.child`, as all then will be. */
  private readonly scopes: { path: string[]; dotted: boolean; collapsed: boolean }[] = [];
  private last: string[] | undefined;

  constructor(private readonly hints: ExampleHints) {}

  /**
   * A toggle after the last field: the fields that follow may be its children. `Show child
   * attributes` is the toggle of a collapsed list, whose children the copy does not hold: a plain
   * name after it nests only where the example shows it inside the field (dotted names still do).
   */
  open(collapsed = false): void {
    if (this.last !== undefined) this.scopes.push({ path: this.last, dotted: false, collapsed });
  }

  /** A heading between groups of fields: no toggle stays open across it. */
  closeAll(): void {
    this.scopes.length = 0;
  }

  /** `anchor`: a scrape's anchor fragment before the name, which spells the field's path. */
  place(name: string, anchor?: string): string[] {
    const path =
      (anchor === undefined ? undefined : this.byAnchor(name, anchor)) ?? this.resolve(name);
    this.seen.add(path.join("."));
    this.last = path;
    return path;
  }

  private resolve(name: string): string[] {
    while (this.scopes.length > 0) {
      const scope = this.scopes.at(-1) as { path: string[]; dotted: boolean; collapsed: boolean };
      const prefix = `${scope.path.join(".")}.`;
      if (name.startsWith(prefix)) {
        scope.dotted = true;
        return this.dotted(name);
      }
      // `{rule_name}` after `Show map entries`: the map's entries, whatever the example shows.
      const entry = /^\{[\w-]+\}$/.test(name);
      if (!scope.dotted && (entry || this.belongs(scope.path, name, scope.collapsed))) {
        return [...scope.path, name];
      }
      this.scopes.pop();
    }
    return this.dotted(name);
  }

  /**
   * Mintlify's anchor for a field is its section and path, slugged: `response-data-object` is
   * `object` inside `data`, `response-object` the top-level one. Where the fragment names the
   * field inside an open toggle, or at the top, that settles it (and closes the toggles inside);
   * any other fragment (`body-think-one-of-0`, a site's own scheme) leaves it to the example.
   */
  private byAnchor(name: string, anchor: string): string[] | undefined {
    if (name.includes(".")) return undefined;
    for (let s = this.scopes.length - 1; s >= -1; s--) {
      const path = s >= 0 ? [...(this.scopes[s] as { path: string[] }).path, name] : [name];
      const slug = [false, true]
        .map((kebab) => path.map((part) => slugOf(part, kebab)).join("-"))
        .find((candidate) => anchor.endsWith(`-${candidate}`));
      const section = slug === undefined ? undefined : anchor.slice(0, -slug.length - 1);
      if (section === undefined || !SECTION_PREFIX.test(section)) continue;
      // `param-started`: a hand-written field's anchor is its name alone, at any depth, so
      // inside an open toggle it does not say the field is back at the top.
      if (section === "param" && s < 0 && this.scopes.length > 0) return undefined;
      this.scopes.length = s + 1;
      return path;
    }
    return undefined;
  }

  /** `a.b.c` under the longest already listed prefix (`a.b`, else `a`), else a plain name. */
  private dotted(name: string): string[] {
    const parts = splitName(name);
    for (let n = parts.length - 1; n > 0; n--) {
      if (this.seen.has(parts.slice(0, n).join("."))) {
        return [...parts.slice(0, n), parts.slice(n).join(".")];
      }
    }
    return [name];
  }

  private belongs(scope: string[], name: string, collapsed: boolean): boolean {
    const inner = keysOf(this.hints.at(scope));
    const outer = keysOf(this.hints.at(scope.slice(0, -1)));
    // A collapsed toggle hides the children: a name the example shows at both levels (`id` in
    // `gpu` and beside it) is the next sibling.
    if (collapsed && (outer?.has(name) ?? false)) return false;
    if (inner !== undefined && inner.size > 0) return inner.has(name);
    if (collapsed) return false;
    return !(outer?.has(name) ?? false);
  }
}

const SECTION_PREFIX = /^(?:response|body|param|parameter|path|query|header|cookie|authorization)$/;

/** A name as an anchor spells it; `kebab` splits camel case as newer sites do (`created-at`). */
function slugOf(name: string, kebab: boolean): string {
  const bare = name.replace(/\[\]$/, "");
  return (kebab ? bare.replace(/([a-z0-9])([A-Z])/g, "$1-$2") : bare)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function splitName(name: string): string[] {
  return name.split(".").map((part) => part.replace(/\[\]$/, ""));
}

function keysOf(value: unknown): Set<string> | undefined {
  const object = Array.isArray(value) ? value[0] : value;
  if (object === null || typeof object !== "object" || Array.isArray(object)) return undefined;
  return new Set(Object.keys(object));
}
