/**
 * Redocly's `no-ambiguous-paths` rule, in near-linear time. Redocly's rule compares every path
 * with every path before it (quadratic): at 5,000 operations (2,000 paths) it was a third of the
 * lint stage, ~170 µs per operation of ~500 (bench/scale.ts). lintSpec turns the rule off and
 * runs this instead, which finds the same pairs.
 *
 * Redocly's semantics (@redocly/openapi-core 1.34, rules/common/no-ambiguous-paths.js): two paths
 * are ambiguous when they split on `/` into as many segments, every position where both are
 * literal holds the same text, and they have as many template segments (a whole segment matching
 * /^{.+?}$/). Each path is reported once, against the first path before it that it is ambiguous
 * with, in the order of the `paths` object.
 *
 * Here, paths with the same segment count and template count share a trie whose edges are literal
 * segments or one "any template" edge. A path is looked up before it is inserted: a literal segment
 * follows its own edge and the template edge, a template segment follows every edge. Only paths
 * that can collide are reached, and a subtree whose first path comes after the best match so far
 * is skipped.
 */

export interface AmbiguousPath {
  /** The path that is reported. */
  path: string;
  /** The first path before it in the `paths` object that it is ambiguous with. */
  first: string;
}

interface Node {
  /** Index of the first path that reached this node: the earliest path in its subtree. */
  first: number;
  literals: Map<string, Node>;
  template?: Node;
}

const TEMPLATE = /^{.+?}$/;

export function ambiguousPaths(paths: readonly string[]): AmbiguousPath[] {
  const found: AmbiguousPath[] = [];
  const tries = new Map<string, Node>();
  paths.forEach((path, index) => {
    const segments = path.split("/");
    const templates = segments.map((s) => TEMPLATE.test(s));
    const group = `${segments.length}/${templates.filter(Boolean).length}`;
    let root = tries.get(group);
    if (root === undefined) {
      root = { first: index, literals: new Map() };
      tries.set(group, root);
    } else {
      let best = Number.POSITIVE_INFINITY;
      // Every path in the trie has as many segments, so a walk that uses them all ends at one.
      const walk = (node: Node, depth: number): void => {
        if (node.first >= best) return;
        if (depth === segments.length) {
          best = node.first;
          return;
        }
        const next = node.literals;
        if (templates[depth]) {
          // Both kinds of edge in order of their first path, so the earliest match prunes most.
          let template = node.template;
          for (const child of next.values()) {
            if (template !== undefined && template.first < child.first) {
              walk(template, depth + 1);
              template = undefined;
            }
            walk(child, depth + 1);
          }
          if (template !== undefined) walk(template, depth + 1);
        } else {
          const child = next.get(segments[depth] as string);
          const template = node.template;
          const [a, b] =
            template !== undefined && child !== undefined && template.first < child.first
              ? [template, child]
              : [child, template];
          if (a !== undefined) walk(a, depth + 1);
          if (b !== undefined) walk(b, depth + 1);
        }
      };
      walk(root, 0);
      if (best !== Number.POSITIVE_INFINITY) found.push({ path, first: paths[best] as string });
    }
    let node = root;
    segments.forEach((segment, depth) => {
      const existing = templates[depth] ? node.template : node.literals.get(segment);
      if (existing !== undefined) {
        node = existing;
        return;
      }
      const child: Node = { first: index, literals: new Map() };
      if (templates[depth]) node.template = child;
      else node.literals.set(segment, child);
      node = child;
    });
  });
  return found;
}
