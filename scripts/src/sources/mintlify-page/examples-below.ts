import type { Context } from "../model/context.ts";
import { isCurlStart, readCurl } from "./curl.ts";
import { type Header, readExamples } from "./header.ts";
import { type Line, skipBlank } from "./lines.ts";
import { isProse, isUnknownHeading } from "./sections.ts";

/**
 * A hand-written page's own `Examples` heading below the reference: the request again (a curl
 * with real values; the panel's already gave the operation) and the response under a `Response`
 * label. Read for the response example where the panel above showed none; the sections end at
 * that heading, so nothing under it is a field.
 */
export function readExamplesBelow(lines: Line[], from: number, header: Header, ctx: Context): void {
  if (header.examples.length > 0) return;
  for (let i = from; i < lines.length; i++) {
    const text = (lines[i] as Line).text;
    if (!EXAMPLES.test(text) || !isUnknownHeading(lines, i) || !isProse(lines, i + 1)) continue;
    let k = skipBlank(lines, i + 1);
    if (isCurlStart(lines[k]?.text ?? "")) k = readCurl(lines, k, ctx).end + 1;
    readExamples(lines, k, ctx, header.examples);
    return;
  }
}

const EXAMPLES = /^Examples?$/;
