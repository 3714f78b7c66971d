import { ParseError } from "../errors.ts";
import { looksLikeMintlifyHtml, parseMintlifyHtml } from "./mintlify-html.ts";
import { hasOpenAPIFence, isIndexedExport, parseMintlifyMarkdown } from "./mintlify-markdown.ts";
import {
  looksLikeFieldListPage,
  looksLikeFieldTablePage,
  looksLikeHandWrittenPage,
  looksLikeHandWrittenTablePage,
  looksLikeMintlifyMdx,
  looksLikeUnmarkedHandWrittenPage,
  parseMintlifyMdx,
} from "./mintlify-mdx.ts";
import { looksLikeMintlifyPage, looksLikePayloadPage, parseMintlifyPage } from "./mintlify-page.ts";
import { looksLikeOpenAPI, parseOpenAPI } from "./openapi.ts";
import { type Parser, SOURCE_FORMATS, type SourceFormat } from "./types.ts";

const PARSERS: Record<SourceFormat, Parser> = {
  openapi: parseOpenAPI,
  "mintlify-markdown": parseMintlifyMarkdown,
  "mintlify-page": parseMintlifyPage,
  "mintlify-html": parseMintlifyHtml,
  "mintlify-mdx": parseMintlifyMdx,
};

/** The parser for a declared format. */
export function parserFor(format: SourceFormat): Parser {
  const parse = PARSERS[format];
  return (text, options) => parse(withLineFeeds(text), options);
}

/**
 * The text with Windows line ends (`\r\n`) as `\n`: docs saved on Windows are the same page,
 * and every reader's line patterns end at `\n`. Lines keep their numbers.
 */
function withLineFeeds(text: string): string {
  return text.includes("\r\n") ? text.replaceAll("\r\n", "\n") : text;
}

/** True when `value` names a known source format. */
export function isSourceFormat(value: unknown): value is SourceFormat {
  return typeof value === "string" && (SOURCE_FORMATS as readonly string[]).includes(value);
}

/** Detects the format of an upstream document from its text, or throws naming what was seen. */
export function detectFormat(written: string, file: string): SourceFormat {
  const text = withLineFeeds(written);
  // A served HTML page first: it starts with markup no other form starts with.
  if (looksLikeMintlifyHtml(text)) return "mintlify-html";
  // Markdown next: its fence holds an OpenAPI document that would also match `openapi`.
  if (hasOpenAPIFence(text)) return "mintlify-markdown";
  if (looksLikeOpenAPI(text)) return "openapi";
  // An export of a hand-written page (no fence) still opens with Mintlify's index preamble;
  // browser copies of rendered pages can carry that preamble too, so they are ruled out first.
  if (isIndexedExport(text) && !looksLikeMintlifyPage(text)) return "mintlify-markdown";
  // Before the rendered page: MDX has frontmatter or field elements, which no rendered page has.
  if (looksLikeMintlifyMdx(text)) return "mintlify-mdx";
  if (looksLikeFieldListPage(text)) return "mintlify-mdx";
  if (looksLikeHandWrittenTablePage(text)) return "mintlify-mdx";
  if (looksLikeUnmarkedHandWrittenPage(text)) return "mintlify-mdx";
  if (looksLikeMintlifyPage(text)) return "mintlify-page";
  // A hand-written page whose fields are markdown tables: read as MDX, which reads the tables.
  if (looksLikeFieldTablePage(text)) return "mintlify-mdx";
  if (looksLikePayloadPage(text)) return "mintlify-page";
  if (looksLikeHandWrittenPage(text)) return "mintlify-mdx";
  const first = text.split("\n").find((line) => line.trim()) ?? "an empty file";
  throw new ParseError(
    { file, line: 1 },
    `a known format (${SOURCE_FORMATS.join(", ")}); pass --format to choose one`,
    first,
  );
}
