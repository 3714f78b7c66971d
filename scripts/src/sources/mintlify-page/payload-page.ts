import { eventFromTitle } from "../model/event-name.ts";
import { marker, NAME } from "./fields.ts";
import type { Header } from "./header.ts";
import type { Line } from "./lines.ts";
import { isSectionTitle, type Section } from "./sections.ts";

// A title that names a webhook's payload or an event: `Dispute Webhook Payload`, `Order Events`.
const PAYLOAD_TITLE = /\b(?:webhooks?|events?)\b/i;
// How far down the first field may start: a title, a line or two of description, then fields.
const WITHIN = 40;

/**
 * A page that documents a webhook's payload as a field list under its title, with no method
 * line and no section heading (an MDX page of `<ResponseField>`s, rendered):
 *
 *     Dispute Webhook Payload
 *     The payload sent to your webhook endpoint when a dispute is created or updated.
 *     amount
 *     string · required
 *
 * Read as a webhook named by its title (`dispute`), whose body is the fields. Undefined for any other page:
 * a method line, a section before the first field, or a title that names no webhook or event.
 */
export function readPayloadPage(lines: Line[]): { header: Header; body: Section } | undefined {
  let at = lines.findIndex((line) => line.text !== "");
  // `Webhook Payloads` (the breadcrumb) right above `Refund Webhook Payload`: the title is the
  // line that closes the block.
  const second = lines[at + 1]?.text ?? "";
  if (at >= 0 && PAYLOAD_TITLE.test(second) && second.length <= 80 && !/[.!?:]$/.test(second))
    if ((lines[at + 2]?.text ?? "") === "") at++;
  const title = lines[at];
  if (title === undefined || !PAYLOAD_TITLE.test(title.text) || title.text.length > 120) {
    return undefined;
  }
  const description: string[] = [];
  for (let i = at + 1; i < lines.length && i <= at + WITHIN; i++) {
    const text = (lines[i] as Line).text;
    if (isSectionTitle(text)) return undefined;
    if (NAME.test(text) && marker(lines[i + 1]?.text ?? "") === "type") {
      let end = i;
      while (end < lines.length && !isSectionTitle((lines[end] as Line).text)) end++;
      const header: Header = {
        method: "POST",
        path: eventFromTitle(title.text) ?? title.text,
        webhook: true,
        summary: title.text,
        description,
        examples: [],
        next: i,
      };
      return { header, body: { kind: "body", heading: title, start: i, end } };
    }
    if (text !== "") description.push(text);
  }
  return undefined;
}
