// The event a webhook page names only in its title, for pages that spell no event name anywhere.

// `Post-Call Webhook`, `Dispute Webhook Payload`, `Order Paid Event`, `Export Done Callbacks`:
// what comes before the words is the event.
const EVENT_TITLE =
  /^(.+?)\s+(?:webhooks?(?:\s+(?:event|payload))?|event(?:\s+payload)?|payload|callbacks?)$/i;
// A guide's title (`Verify Webhook`, `Create Event`) names what to do, not an event.
const GUIDE_WORD =
  /^(?:create|delete|list|get|configure|configuring|set|setup|verify|verifying|secure|securing|test|testing|manage|managing|register|subscribe|receive|receiving|handle|handling|retry|retrying|your|the|a|an|about|custom)$/i;

const SPELLED_EVENT = /^(?:[a-z][a-z0-9]*(?:[._:][a-z0-9]+)+|[A-Z][A-Z0-9]*(?:[._:][A-Z0-9]+)+)$/;

/** `Post-Call Webhook` → `post-call`; undefined for a title that names no event this way. */
export function eventFromTitle(title: string): string | undefined {
  const words = EVENT_TITLE.exec(title.trim())?.[1]?.trim().split(/\s+/) ?? [];
  // `PAYMENT_REFUNDED Webhook`, `invoice.paid event`: the event's own spelling, kept as written.
  if (words.length === 1 && SPELLED_EVENT.test(words[0] as string)) return words[0];
  if (words.length === 0 || words.length > 4 || GUIDE_WORD.test(words[0] as string))
    return undefined;
  if (!words.every((w) => /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/.test(w))) return undefined;
  return words.join("-").toLowerCase();
}
