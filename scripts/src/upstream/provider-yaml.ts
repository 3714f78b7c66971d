/**
 * Rewrites the `sources:` list of a provider.yaml after discovery, keeping everything else in the
 * file (comments, key order, other settings) as the user wrote it.
 */
import { parseDocument } from "yaml";

/** One `sources:` entry as written in provider.yaml. */
export interface RawSource {
  file: string;
  format?: string | undefined;
  /** The page's path on the docs site (`/api/things/get-a-thing`), or a legacy template page. */
  page?: string | undefined;
  url?: string | undefined;
}

/** provider.yaml with its `sources:` replaced by `sources`, in that order. */
export function withSources(text: string, sources: readonly RawSource[]): string {
  const doc = parseDocument(text);
  const list = sources.map((s) =>
    Object.fromEntries(
      (["file", "page", "url", "format"] as const)
        .filter((key) => s[key] !== undefined)
        .map((key) => [key, s[key]]),
    ),
  );
  doc.set("sources", doc.createNode(list));
  return doc.toString({ lineWidth: 0 });
}
