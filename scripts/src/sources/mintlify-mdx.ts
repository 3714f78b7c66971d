import {
  describeOpenapiPointer,
  type Endpoint,
  endsWithTemplate,
  parseEndpoint,
  pathOf,
} from "./mintlify-mdx/endpoint.ts";
import { readFrontmatter } from "./mintlify-mdx/frontmatter.ts";
import { buildModel, findEndpoint } from "./mintlify-mdx/operation.ts";
import { tableColumns } from "./mintlify-mdx/tables.ts";
import { parseTree } from "./mintlify-mdx/tree.ts";
import { walkPage } from "./mintlify-mdx/walk.ts";
import { fail, makeContext, note } from "./model/context.ts";
import { eventFromTitle } from "./model/event-name.ts";
import { buildDocument } from "./model/operation.ts";
import type { OpenAPIDocument, Parser } from "./types.ts";

/**
 * Parses the MDX source of a Mintlify API reference page (frontmatter `api:`, `<ParamField>`,
 * `<ResponseField>`, `<Expandable>` nesting, `<RequestExample>` / `<ResponseExample>`) into a
 * one-operation OpenAPI 3.1 document. Also reads a hand-written page's markdown export (no
 * frontmatter, `# Title`, `> description`): mintlify-markdown falls back to it when an export has
 * no OpenAPI fence. Strict unless `lenient`: an unreadable field is a ParseError at file:line.
 */
export const parseMintlifyMdx: Parser = (text, options) => {
  const ctx = makeContext(options.file, options.lenient, options.warn);
  const tree = parseTree(savedPageFrontmatter(text), ctx);
  const front = readFrontmatter(tree, ctx);
  // Lists of `- \`name\`: meaning` are fields only on a page that has no field elements.
  const listFields = looksLikeFieldListPage(text) && !FIELD_TAG.test(text);
  const page = walkPage(tree, ctx, listFields, front.api?.value);
  let endpoint = findEndpoint(front, page, ctx);
  if (endpoint === undefined) {
    endpoint = eventEndpoint(front.title?.value ?? page.heading, text);
    // A guess from the title or example: say so, so a page that is no webhook's is noticed.
    if (endpoint !== undefined) {
      const line = front.title?.line ?? 1;
      note(ctx, line, "an operation (read as the webhook event the page names)", endpoint.path);
    }
  }
  const ownFields = page.groups.some((group) => group.fields.length > 0);
  if (front.openapi !== undefined && front.api === undefined && ownFields) {
    // An `openapi:` page that also writes its fields out: the pointer names the operation; the
    // curl example's URL, when it ends with that path, still gives the server (`/v1` included).
    const pointer = parseEndpoint(front.openapi.value.trim().split(/\s+/).slice(-2).join(" "));
    if (pointer !== undefined) {
      const url = endpoint?.url;
      const sameOperation = url !== undefined && endsWithTemplate(pathOf(url) ?? "", pointer.path);
      // `POST /api/external/v1/contacts` on the page for `openapi: post /contacts`: the spec's
      // server holds the prefix this page writes out; the page's own path is the one it shows.
      // (A curl example's URL holds the server too: that prefix is the server's, as before.)
      const own =
        endpoint?.method === pointer.method && endpoint.url === undefined
          ? endpoint.path
          : undefined;
      // Only a prefix without parameters is a server's (`/threads/{id}/messages` is another path).
      const prefix = own?.slice(0, own.length - pointer.path.length) ?? "";
      const longer =
        own !== undefined &&
        own !== pointer.path &&
        endsWithTemplate(own, pointer.path) &&
        !prefix.includes("{");
      endpoint = {
        ...pointer,
        path: longer ? own : pointer.path,
        url: pointer.url ?? (sameOperation ? url : undefined),
      };
    }
  } else if (front.openapi !== undefined && front.api === undefined) {
    // The page's fields are generated from a spec at build time: nothing here to convert.
    const pointer = describeOpenapiPointer(front.openapi.value);
    fail(
      ctx,
      front.openapi.line,
      `an \`api:\` page that documents its own fields; \`openapi:\` pages take them from ${pointer}: convert that spec instead`,
      `openapi: ${front.openapi.value}`,
    );
    const words = front.openapi.value.trim().split(/\s+/);
    endpoint ??= parseEndpoint(words.slice(-2).join(" "));
  }
  if (endpoint === undefined) {
    // Fields and no frontmatter: most likely the markdown export of a hand-written page, which
    // loses its `api:` line; its served page still shows the operation.
    const exported = front.api === undefined && front.title === undefined && ownFields;
    const hint = exported
      ? " (a hand-written page's markdown export drops its `api:` line: convert the served page, or add the line)"
      : "";
    fail(
      ctx,
      front.line,
      `the operation: an \`api: "METHOD https://host/path"\` frontmatter key or a curl request example${hint}`,
      front.api?.value ?? (exported ? "fields but no operation" : "neither"),
    );
    return emptyDocument(front.title?.value ?? page.heading ?? "");
  }
  const doc = buildDocument(buildModel(endpoint, front, page, ctx), ctx);
  // The other events the page's one payload is sent for: the same webhook under each name.
  for (const other of endpoint.sameFor ?? [])
    doc.webhooks[other] = structuredClone(doc.webhooks[endpoint.path]);
  return doc;
};

// An event's name as a title: `on_call_end`, `escrow_funded`, `invoice.paid`.
// Upper case too: `PAYMENT_REFUNDED`, `ORDER.PAID`.
const EVENT_NAME = /^(?:[a-z][a-z0-9]*(?:[._:][a-z0-9]+)+|[A-Z][A-Z0-9]*(?:[._:][A-Z0-9]+)+)$/;
// `TimeoutCallback`, `PaymentSucceededEvent`: one word in camel case naming what it is.
const CAMEL_EVENT = /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)*(?:Callback|Webhook|Notification|Event)$/;
const TITLE = /^title[ \t]*:[ \t]*["']?(.*?)["']?[ \t]*$/m;
const SAVED_TITLE = /^Title:[ \t]*(.*?)[ \t]*$/m;
// Webhooks, and callbacks as Chinese and Japanese pages call them (回调, コールバック).
const WEBHOOK_WORD = /\b(?:webhooks?|callbacks?)\b|回调|回調|コールバック/i;
const EVENT_HEADING = /^#{1,6}[^\n]*\bevents?\b/im;
// Pages in other languages speak of events in their own words (evento, événement, イベント).
const EVENT_WORD = /\b(?:eventos?|événements?|evenementen|ereignisse?)\b|事件|イベント|이벤트/i;
// `## \`infraction\``: a heading that is only the event's name, in code.
const CODE_HEADING = /^#{1,6}[ \t]+`([A-Za-z][\w.:-]*)`[ \t]*$/gm;
const VERSION = /^v?\d+(?:\.\d+)+/i;

/** The page speaks of webhooks, has a heading about an event, or calls `name` an event. */
function speaksOfEvent(name: string, text: string): boolean {
  const quoted = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return (
    WEBHOOK_WORD.test(text) ||
    EVENT_HEADING.test(text) ||
    EVENT_WORD.test(text) ||
    new RegExp(`\`${quoted}\`\\s+event\\b`, "i").test(text) ||
    // `"event": "invoice.paid"` in the payload: the title is its event's name; so a `type` of
    // dotted words (`"type": "session.succeeded"`), where one word (`sepa_debit`) is an object's
    // own kind.
    new RegExp(`"(?:event|event_?type|eventType)"\\s*:\\s*"${quoted}"`).test(text) ||
    (name.includes(".") && new RegExp(`"type"\\s*:\\s*"${quoted}"`).test(text))
  );
}

/**
 * A hand-written webhook page names no operation: its title is the event's name (or names it in
 * words the page spells in code), and it speaks of webhooks or events. Its fields are the payload
 * the receiver is sent.
 */
function eventEndpoint(title: string | undefined, text: string): Endpoint | undefined {
  if (title === undefined || VERSION.test(title.trim())) return undefined;
  const name = title.trim();
  if (!speaksOfEvent(name, text)) return undefined;
  const event = (path: string): Endpoint => ({ method: "POST", path, webhook: true });
  if (EVENT_NAME.test(name) || CAMEL_EVENT.test(name)) return event(name);
  // A title in words (`Infrações`) over one heading that spells the event in code.
  const coded = [...text.matchAll(CODE_HEADING)].map((m) => m[1] as string);
  if (coded.length === 1) return event(coded[0] as string);
  // `Lead Cancelled` over a page that spells the event `lead_cancelled` (or `lead.cancelled`).
  const words = title.trim().split(/\s+/);
  const plain = words.every((w) => /^[A-Za-z0-9]+$/.test(w));
  if (words.length >= 2 && words.length <= 5 && plain) {
    const spelled = new RegExp(`\`(${words.join("[._:-]")})\``, "i").exec(text)?.[1];
    if (spelled !== undefined) return event(spelled);
  }
  // `Customer Profile Updates` over a payload example that names its one event
  // (`"event": "customer.profile.updated"`).
  // The key the first example names its event by (its top level comes first): a nested object's
  // `type` or `event` is not the payload's.
  const matches = [...text.matchAll(EVENT_KEY)];
  const key = (m: RegExpMatchArray) => /^"([^"]+)"/.exec(m[0])?.[1];
  const firstKey = matches[0] === undefined ? undefined : key(matches[0]);
  const named = new Set(matches.filter((m) => key(m) === firstKey).map((m) => m[1] as string));
  if (named.size === 1) return event([...named][0] as string);
  // `Balance alert webhook` with examples of two events: one payload, sent for each of them.
  // `Transações` over `<Tab title="transaction_paid">`, `<Tab title="transaction_created">`…
  // each holding that event's example: one payload, sent for each event a tab names.
  const tabbed = [...new Set([...text.matchAll(TAB_TITLE)].map((m) => m[1] as string))].filter(
    (title) => named.has(title),
  );
  const [firstTab, ...otherTabs] = tabbed;
  if (firstTab !== undefined && otherTabs.length > 0)
    return { ...event(firstTab), sameFor: otherTabs };
  const [first, ...others] = named;
  if (first !== undefined && others.length <= 4 && WEBHOOK_WORD.test(name))
    return { ...event(first), sameFor: others };
  // `Post-Call Webhook`: the page names the event only in its title.
  const titled = eventFromTitle(name);
  if (titled !== undefined) return event(titled);
  // A callback page that names no event (地址充值通知): the last part of its own address, as
  // a saved copy keeps it (`URL Source: …/callback/address-deposit`, `url:` in frontmatter).
  const slug = SAVED_URL.exec(text.slice(0, 4000))?.[1];
  return slug === undefined ? undefined : event(slug);
}

const TAB_TITLE = /<Tab\s+title=["']([^"'\n]+)["']/g;

const SAVED_URL =
  /^(?:URL Source|url|source|source_url)[ \t]*:[ \t]*["']?https?:\/\/[^\s"']*\/([a-z0-9]+(?:[-_][a-z0-9]+)*)\/?["']?[ \t]*$/im;

// The key a payload example names its event by, with an event's name as its value.
const EVENT_KEY =
  /"(?:event|event_?type|eventType|event_?name|eventName|type)"\s*:\s*"([a-z][a-z0-9]*(?:[._:][a-z0-9]+)+|[A-Z][A-Z0-9]*(?:[._:][A-Z0-9]+)+)"/g;

// A saving tool's own frontmatter (`source_repo:`, `generated_at:`) and a heading it wrote, then
// the page's frontmatter as the site has it.
const SAVED_WRAPPER =
  /^(---\r?\n[\s\S]*?\r?\n---[ \t]*\r?\n)((?:[ \t]*(?:#[^\n]*)?\r?\n){0,4})(?=---\r?\n(?:[^\n]*\r?\n){0,40}?(?:api|openapi)[ \t]*:[^\n]*\r?\n(?:[^\n]*\r?\n){0,40}?---[ \t]*(?:\r?\n|$))/;

/**
 * The page's own frontmatter first: the wrapper before it becomes blank lines, so every line
 * keeps its number (blank lines before a frontmatter block are allowed).
 */
function savedPageFrontmatter(text: string): string {
  const wrapper = SAVED_WRAPPER.exec(text);
  if (wrapper === null || /^(?:api|openapi)[ \t]*:/m.test(wrapper[1] as string)) return text;
  const blank = (wrapper[0] as string).replace(/[^\n]/g, "");
  return blank + text.slice(wrapper[0].length);
}

function emptyDocument(title: string): OpenAPIDocument {
  return { openapi: "3.1.0", info: { title, version: "0.0.0" }, paths: {} };
}

const FIELD_TAG = /^[ \t]*<(?:ParamField|ResponseField)[\s>/]/m;
const FRONTMATTER = /^\uFEFF?(?:[ \t]*\r?\n)*---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const ENDPOINT_KEY =
  /^(?:api|openapi)[ \t]*:[ \t]*["']?(?:\S+[ \t]+)?(?:get|post|put|patch|delete|head|options|trace|webhook)[ \t]+\S/im;

/**
 * True for an MDX page: a frontmatter block with an `api:` / `openapi:` operation, or
 * `<ParamField` / `<ResponseField` elements. Call after the markdown-export check (an export with
 * an OpenAPI fence stays mintlify-markdown) and the OpenAPI check (a YAML spec is no page).
 */
export function looksLikeMintlifyMdx(text: string): boolean {
  const head = text.slice(0, 20_000);
  const front = FRONTMATTER.exec(head);
  if (front !== null && ENDPOINT_KEY.test(front[1] as string)) return true;
  // (With frontmatter: a page shown by example only, its `<RequestExample>` naming the call.)
  const shown = front !== null && (ENDPOINT_TAG.test(head) || REQUEST_EXAMPLE.test(head));
  return FIELD_TAG.test(head) || shown;
}

const REQUEST_EXAMPLE = /^[ \t]*<RequestExample>/m;

// `<Endpoint method="POST" path="/v1/invoices" />`: a site's own tag naming the operation.
const ENDPOINT_TAG =
  /^[ \t]*<[A-Z]\w*\s[^>\n]*\bmethod=["'](?:GET|POST|PUT|PATCH|DELETE)["'][^>\n]*\b(?:path|url)=["'](?:https?:\/\/|\/)/im;

// A table's header line, and its first row after the rule.
const TABLE_HEAD = /^[ \t]*\|?(.*\|.*)\r?\n([ \t]*\|?[ \t]*:?-{2,}[^\n]*)(?:\n([^\n]*))?/gm;
const OPERATION_LINE =
  /^[ \t]*<Badge\b[^>\n]*>[ \t]*(?:GET|POST|PUT|PATCH|DELETE)[ \t]*<\/Badge>|^[ \t>*-]*(?:#{1,6}[ \t]+)?[*_`]*(?:GET|POST|PUT|PATCH|DELETE)[*_`]*[ \t]+(?:[-\u2013\u2014:][ \t]+)?[*_`]*(?:https?:\/\/|\/|\{)|^[ \t]*curl\b|^#[ \t][^\n]*[ \t][-\u2013\u2014:|][ \t]+(?:GET|POST|PUT|PATCH|DELETE)[ \t]+`?\/[^\s`]*`?[ \t]*$|\b(?:GET|POST|PUT|PATCH|DELETE) request (?:to|at)\b[^\n.`]{0,60}`\/|(?:\bmethod|请求方式)\W{0,4}[ \t]*`?(?:GET|POST|PUT|PATCH|DELETE)\b/im;

// `- \`name\`: meaning` or `- **name** (required): meaning`; not a rendered field's labelled
// items (`- **Type**: \`string\``).
const LIST_FIELD =
  /^[ \t]*[-*+][ \t]+(?:`[A-Za-z_$][\w.$-]*`(?:[ \t]*(?:\/|,|and|or)[ \t]*`[A-Za-z_$][\w.$-]*`)*|\*\*(?!(?:Type|Required|Location|Default|Example|Description|Deprecated|Enum|Format|Nullable|Note)\*\*)[A-Za-z_$][\w.$-]*\*\*(?:[ \t]*\([^()\n]{1,40}\))?)(?:[ \t]*[(（][^()（）\n]{1,40}[)）])?[ \t]*[:：]/gm;
// `` - `reason` (string) — why ``: a name in code, then a dash (a bold word so is a term).
const DASH_FIELD =
  /^[ \t]*[-*+][ \t]+`[A-Za-z_$][\w.$-]*`(?:[ \t]*[(（][^()（）\n]{1,40}[)）])?[ \t]+[—–-][ \t]/gm;
// A form field as curl's `-F` takes it, one to an item: `` - `file=@/path/report.pdf` (required) ``.
const FORM_ITEM = /^[ \t]*[-*+][ \t]+`[A-Za-z_][\w.[\]-]*=[^`\n]*`/m;
const PILL_LINE =
  /^[ \t]*(?:string|integer|number|boolean|object|array|required|[a-z]+\[\])[ \t]*$/m;

/**
 * True for a hand-written MDX page (frontmatter, no field elements) that lists its fields as
 * `` - `name`: what it is `` items (or `` - `name=value` `` form items) and names its operation
 * on a line of its own. A rendered page, even scraped with frontmatter, shows its fields' type
 * pills, which this has none of.
 */
export function looksLikeFieldListPage(text: string): boolean {
  const head = text.slice(0, 40_000);
  const front = FRONTMATTER.exec(head)?.[1];
  // An `openapi:` page names its operation there; hand-written fields under it are still read.
  const named = OPERATION_LINE.test(head) || /^openapi[ \t]*:/m.test(front ?? "");
  if (front === undefined || !named || PILL_LINE.test(head)) return false;
  const items = [...head.matchAll(LIST_FIELD)].length + [...head.matchAll(DASH_FIELD)].length;
  return items >= 2 || FORM_ITEM.test(head);
}

/**
 * True for any other hand-written page: frontmatter with a title, and its operation on a line of
 * its own or in a curl example (a guide to one endpoint, its fields in prose). Read as MDX, the
 * last guess before giving up, since every form above says more of itself.
 */
export function looksLikeHandWrittenPage(text: string): boolean {
  const head = text.slice(0, 40_000);
  const front = FRONTMATTER.exec(head)?.[1];
  if (front === undefined || !TITLE.test(front)) return false;
  // A curl example alone does not make a reference page, nor an operation named in a sentence:
  // guides (`Authentication`, `Pagination`) show both.
  const withoutCurl = head.replace(/^[ \t]*curl\b.*$/gm, "");
  return OPERATION_LINE.test(withoutCurl);
}

/**
 * A hand-written page (frontmatter, an operation on a line of its own) that shows nothing only a
 * rendered page shows, and whose frontmatter is not a saving tool's (`url:`): checked before the
 * rendered page, whose method line and section titles such a page may share.
 */
export function looksLikeUnmarkedHandWrittenPage(text: string): boolean {
  const head = text.slice(0, 40_000);
  const front = FRONTMATTER.exec(head)?.[1] ?? "";
  return (
    looksLikeHandWrittenPage(text) &&
    !RENDERED_MARK.test(head) &&
    !RENDERED_LINE.test(head) &&
    !/^(?:url|source|source_?url|sourceURL|link|original_?url|canonical)\s*:/im.test(front)
  );
}

// Lines only a rendered page has: a response's status and media (`200 - application/json`), its
// buttons (`Try it`, `Was this page helpful?`).
const RENDERED_LINE =
  /^[ \t]*[1-5]\d\d - [\w.+-]+\/[\w.+-]+[ \t]*$|^[ \t]*(?:Try it|Was this page helpful\?)[ \t]*$/m;

// What only a rendered page shows: a type pill on its own line, a field's anchor link.
const RENDERED_MARK =
  /#(?:param|body|response|parameter)-[\w-]|^[ \t]*`?(?:string|integer|number|boolean|object|array)(?:<[^>]*>|\[\])?`?[ \t]*$|(?:string|integer|number|boolean|object)(?:required|default:)|\u200b|^[ \t]*(?:Show child attributes|Required range:|Available options:)/m;

/**
 * True for a field-table page (below) that shows nothing only a rendered page shows: such a page
 * may name its operation as a rendered page does (`# POST /v1/things` over a curl example), so
 * this is checked before the rendered page, and the other after it.
 */
export function looksLikeHandWrittenTablePage(text: string): boolean {
  return looksLikeFieldTablePage(text) && !RENDERED_MARK.test(text.slice(0, 40_000));
}

/**
 * True for a hand-written reference page that lists its fields in markdown tables
 * (`| Parameter | Type | Required | Description |`) and names its operation on a line of its own
 * or in a curl example. Checked after the rendered page, which never holds such tables.
 */
export function looksLikeFieldTablePage(text: string): boolean {
  const head = text.slice(0, 40_000);
  const front = FRONTMATTER.exec(head)?.[1] ?? "";
  // A reader service's copy names the page on its first line (`Title: … - Site`).
  const title = TITLE.exec(front)?.[1] ?? SAVED_TITLE.exec(head)?.[1];
  const event = title !== undefined && eventEndpoint(title, head) !== undefined;
  if (!OPERATION_LINE.test(head) && !event) return false;
  for (const match of head.matchAll(TABLE_HEAD)) {
    const cells = (match[1] as string).replace(/\|[ \t]*$/, "").split(/(?<!\\)\|/);
    // A rule with fewer cells than the header (`|---|` under three columns) makes no table in
    // markdown: a copy that lost the rule's cells, which the rendered page's reader reads.
    const rule = (match[2] as string).trim().replace(/^\|/, "").replace(/\|$/, "").split("|");
    if (rule.length !== cells.length) continue;
    const firstName = (match[3] ?? "").replace(/^[ \t]*\|/, "").split("|")[0];
    if (tableColumns(cells, firstName) !== undefined) return true;
  }
  return false;
}
