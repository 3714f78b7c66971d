import type { Warning } from "../errors.ts";

/** The source formats a provider.yaml may declare for its upstream snapshots. */
export type SourceFormat =
  | "openapi"
  | "mintlify-markdown"
  | "mintlify-page"
  | "mintlify-mdx"
  | "mintlify-html";

export const SOURCE_FORMATS: readonly SourceFormat[] = [
  "openapi",
  "mintlify-markdown",
  "mintlify-page",
  "mintlify-html",
  "mintlify-mdx",
];

/** A loosely typed OpenAPI 3.x document (or part of one), as plain JSON data. */
// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are open-ended JSON.
export type OpenAPIDocument = Record<string, any>;

export interface ParseOptions {
  /** The file name used in errors and warnings. */
  file: string;
  /** Emit what could be parsed and report problems through `warn` instead of throwing. */
  lenient?: boolean | undefined;
  warn?: ((warning: Warning) => void) | undefined;
}

/**
 * A source parser: text of one upstream document to a partial OpenAPI 3.1 document
 * (`openapi`, `info`, optional `servers`/`security`, `paths`, optional `components`).
 * Throws ParseError (with file and line) on anything it cannot read faithfully.
 */
export type Parser = (text: string, options: ParseOptions) => OpenAPIDocument;
