import { type Context, quietly } from "../model/context.ts";
import { isCurlStart, readCurl } from "./curl.ts";
import { type Header, readExamples } from "./header.ts";
import { opensJson, readJsonBlock } from "./json-block.ts";
import { type Line, skipBlank } from "./lines.ts";
import { isProse, isUnknownHeading } from "./sections.ts";

/**
 * A hand-written page's own `Examples` heading below the reference: the request again (a curl
 * with real values, or its JSON body; the panel's curl already gave the operation) and then the
 * response under a `Response` label. That response is read as the example where the panel above
 * showed none; with no label, nothing is (JSON right under the heading may be a field's example
 * that a description holds, or the request's).
 */
export function readExamplesBelow(lines: Line[], from: number, header: Header, ctx: Context): void {
  if (header.examples.length > 0) return;
  // What illustrates the request is only skipped: its faults (a quote the docs left open) are
  // no fault of the reference.
  const quiet = quietly(ctx);
  for (let i = from; i < lines.length; i++) {
    const text = (lines[i] as Line).text;
    if (text !== "Examples" || !isUnknownHeading(lines, i) || !isProse(lines, i + 1)) continue;
    let k = skipBlank(lines, i + 1);
    const first = lines[k]?.text ?? "";
    if (isCurlStart(first)) k = readCurl(lines, k, quiet).end + 1;
    else if (opensJson(first))
      k = (readJsonBlock(lines, k, quiet, "request example")?.end ?? k) + 1;
    k = skipBlank(lines, k);
    if (lines[k]?.text === "Response" && opensJson(lines[skipBlank(lines, k + 1)]?.text ?? ""))
      readExamples(lines, k, ctx, header.examples);
    return;
  }
}
