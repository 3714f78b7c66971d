import { LineCounter, parseDocument } from "yaml";

/** The file line of a key path inside a fence's YAML: for errors about the value found there. */
export type Locate = (path: (string | number)[]) => number;

/**
 * A locator for YAML (or JSON) that starts on line `firstLine` of the file. The document is parsed
 * again only when an error needs a line; a path that is missing points at its nearest parent.
 */
export function locator(text: string, firstLine: number): Locate {
  let parsed: { doc: ReturnType<typeof parseDocument>; counter: LineCounter } | undefined;
  return (path) => {
    if (parsed === undefined) {
      const counter = new LineCounter();
      parsed = { doc: parseDocument(text, { lineCounter: counter }), counter };
    }
    for (let depth = path.length; depth > 0; depth--) {
      const node = parsed.doc.getIn(path.slice(0, depth), true) as
        | { range?: [number, number, number] }
        | undefined;
      if (node?.range !== undefined) {
        return parsed.counter.linePos(node.range[0]).line + firstLine - 1;
      }
    }
    return firstLine;
  };
}
