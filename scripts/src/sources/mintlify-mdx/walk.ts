import type { CurlExample } from "../mintlify-page/curl.ts";
import { type Context, note } from "../model/context.ts";
import { parseJson, withoutElisions } from "../model/json.ts";
import type { ResponseExample } from "../model/operation.ts";
import { attribute, stringValue } from "./attributes.ts";
import { AUTH_SECTION, type AuthHeader, EITHER, readAuthHeaders } from "./auth.ts";
import { endsWithTemplate, parseEndpoint } from "./endpoint.ts";
import {
  type Apart,
  endpointIn,
  endpointInTable,
  labelledValue,
  leadingOperation,
  METHOD_LINE,
  operationWords,
} from "./endpoint-lines.ts";
import { codeBlocks, curlOf, responseExampleOf, statusOf } from "./examples.ts";
import { type FieldGroup, hasInlineField, LOCATIONS, readFieldGroup } from "./fields.ts";
import { readHeadingField } from "./heading-fields.ts";
import { jsxTable } from "./jsx-table.ts";
import { readFormItems, readHeaderItems, readListFields } from "./list-fields.ts";
import {
  besideField,
  headingObject,
  isObjectHeading,
  listsValues,
  nestUnder,
  objectNamed,
  PART_WORDS,
} from "./nesting.ts";
import { blockParagraphs, inlineMarkdown, plainText } from "./prose.ts";
import { readRequestBlock } from "./request-block.ts";
import { isResponseHeading } from "./shown-json.ts";
import { looseTopKeys, placeTable, topKeys } from "./table-part.ts";
import { RESPONSE_SECTION, readFieldTable, readValueTable, type ValueTable } from "./tables.ts";
import { isFieldElement, isJsx, lineOf, type MdNode, type Tree } from "./tree.ts";
import { readValueParagraph } from "./value-paragraph.ts";
import { isVariantTabs, mergeVariants } from "./variant-tabs.ts";

// Sections where a page speaks of the request it documents.
const REQUEST_PLACE =
  /auth|request|header|permission|endpoint|overview|usage|请求|リクエスト|요청|requisi|solicitud|requ[êe]te/i;

// Blocks a page writes an HTTP request in, headers and all.
const REQUEST_LANG = /^(?:https?|bash|sh|shell|text|plaintext|)$/i;
// A request to the reader's own receiver (a webhook's delivery), not the API's operation.
const RECEIVER = /hook|callback|notif|listener|your[-_]/i;
const VERSION_SEGMENT = /^v\d+(?:\.\d+)*$|^\d{4}-\d{2}-\d{2}$|^https?:$/i;

// A webhook receiver on the reader's own machine.
const RECEIVER_URL =
  /^https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::\d+)?\/\S*(?:hook|callback|notif)/i;

/** Everything the body of an MDX page holds, in page order, before it becomes an operation. */
export interface PageContent {
  groups: FieldGroup[];
  /** The curl command of `<RequestExample>`, else the first curl block elsewhere on the page. */
  curl?: { example: CurlExample; line: number } | undefined;
  responseExamples: ResponseExample[];
  /** The first JSON block under a response heading, outside `<ResponseExample>`. */
  shownResponse?: ResponseExample | undefined;
  /**
   * The first JSON block under a request body heading (`## Request body`), likewise; `elided`
   * when it parsed only once its elisions (`{...}`) were taken out: a shape, no example.
   */
  shownRequest?: { value: unknown; line: number; elided?: boolean } | undefined;
  /** The first `# Heading` (a saved page without frontmatter has its title there). */
  heading?: string | undefined;
  /** The `> description` line a saved page has under its title. */
  summaryQuote?: string | undefined;
  /** Paragraphs before the first heading, field or example: the operation's description. */
  intro: string[];
  /** A code block or inline code that is just `METHOD /path`, as hand-written pages show it. */
  endpointText?: { text: string; line: number } | undefined;
  /** The headers an `## Authentication` section names, on a page with no Authorizations fields. */
  authHeaders: AuthHeader[];
  /** True when that section says any one of them will do. */
  authEither: boolean;
  /** Tables of the values a field takes (`| 状态(status) | 描述 |`). */
  valueTables: ValueTable[];
}

// The rendered page's buttons, kept by a scraper: not description.
const CHROME = /^(?:copy page|copy|ask ai|was this page helpful\??|yes\s*no)$/i;

/** Walks the page body: fields (inside any prose component), examples, title and intro. */
export function walkPage(
  tree: Tree,
  ctx: Context,
  listFields = false,
  known?: string,
): PageContent {
  const page: PageContent = {
    groups: [],
    responseExamples: [],
    intro: [],
    authHeaders: [],
    authEither: false,
    valueTables: [],
  };
  let requestCurl: PageContent["curl"];
  let looseCurl: PageContent["curl"];
  let laterRequest: PageContent["endpointText"];
  let introOpen = true;
  const apart: Apart = {};
  let section: string | undefined;
  // The `##` heading over the section (`## Query Parameters` above `### Required`).
  let outerSection: string | undefined;
  // The last heading that said what its tables hold (`## Response`): a table under a heading
  // that says nothing (`## Field reference`, `#### Item attributes`) is still of that part.
  let kindSection: string | undefined;
  const responseKeys = new Set<string>();
  // The keys of every JSON example on the page: an object heading may name one of them.
  const shownKeys = new Set<string>();
  // The JSON the page shows in plain code blocks, for what an object heading's fields belong to.
  const shownValues: unknown[] = [];
  // Every JSON example seen so far: the `<ResponseExample>`s' and the plain code blocks'.
  // The JSON under the response heading, elisions and all (`[...]`): what the response holds.
  let responseShape: { value: unknown } | undefined;
  const shown = () => [...page.responseExamples.map((e) => e.value), ...shownValues];
  // The request's JSON, where none was shown yet (a whole example after an elided outline of it
  // is the better one).
  const showRequest = (value: unknown, node: MdNode) => {
    if (page.shownRequest === undefined || page.shownRequest.elided === true)
      page.shownRequest = { value, line: lineOf(node, tree) };
  };
  // The field a heading names in code (`Response \`data\` Object`): a table under it lists
  // that field's children.
  let sectionField: string | undefined;
  // A page whose fields are `- \`name\`: meaning` items (so detected beforehand): reads a list
  // of them into the groups; false for any other list, or one that lists a field's values.
  // Models the items name in brackets (`**receipt** (IntentReceipt)`), whose own headings follow.
  const typeNames = new Set<string>();
  const listed = (node: MdNode, before: MdNode | undefined): boolean => {
    if (!listFields || listsValues(before)) return false;
    const groups =
      readFormItems(node, tree) ?? readListFields(node, tree, section, outerSection, typeNames);
    if (groups !== undefined) page.groups.push(...groups);
    return groups !== undefined;
  };
  // `- **Headers**:` over `` - `X-Request-ID: <string>` `` items: the request's headers, where
  // the page speaks of the request (its top, an Authentication or Request section), not of rate
  // limits or responses. True when read.
  const headerItems = (node: MdNode): boolean => {
    const where = section ?? "";
    if (where !== "" && !REQUEST_PLACE.test(where)) return false;
    const groups = readHeaderItems(node, tree);
    page.groups.push(...(groups ?? []));
    return groups !== undefined;
  };
  // `GET /markets/{id}` over the description in one paragraph: the operation, and the rest
  // as the intro; false for any other paragraph.
  const leadingOperationRead = (node: MdNode): boolean => {
    const found = leadingOperation(node);
    if (found === undefined) return false;
    page.endpointText ??= { text: found[0], line: lineOf(node, tree) };
    if (introOpen && found[1] !== "") page.intro.push(found[1]);
    return true;
  };
  // The depth of the heading over a section that documents another operation: skipped to the
  // next heading as high.
  let apartDepth: number | undefined;
  const visit = (nodes: MdNode[] | undefined, depth: number): void => {
    if (depth > 64) return;
    let label: string | undefined;
    const list = nodes ?? [];
    for (let index = 0; index < list.length; index++) {
      // An HTML table is read as the markdown table it shows.
      const node = jsxTable(list[index] as MdNode) ?? (list[index] as MdNode);
      if (apartDepth !== undefined) {
        // The page's own examples (Mintlify puts them last) are never another operation's.
        const examples = isJsx(node, "RequestExample") || isJsx(node, "ResponseExample");
        const higher = node.type === "heading" && (node.depth ?? 1) <= apartDepth;
        if (!examples && !higher) continue;
        if (higher) apartDepth = undefined;
      }
      if (AUTH_SECTION.test(section ?? "") && page.authHeaders.length === 0) {
        page.authEither ||= node.type === "paragraph" && EITHER.test(plainText(node.children));
        page.authHeaders = readAuthHeaders(node, tree);
      }
      // `**Query Parameters**` alone on a line names the table under it, as a heading would.
      const labelled = label;
      label = boldLabel(node);
      if (node.type === "table") {
        introOpen = false;
        const named = page.endpointText === undefined ? endpointInTable(node, tree) : undefined;
        if (named !== undefined) {
          page.endpointText = { text: named.text, line: named.line };
          continue;
        }
        const name = labelled ?? section;
        // Under headings that say nothing of the part (`## Activity entry kinds`) after the
        // response's fields, the response's part still.
        const responded = page.groups.some((g) => g.kind === "response");
        const over = PART_WORDS.test(outerSection ?? "") || !responded ? outerSection : kindSection;
        const groups = readFieldTable(node, tree, ctx, name, over);
        if (groups === undefined) {
          const values = readValueTable(node, tree, section);
          if (values !== undefined) page.valueTables.push(values);
          continue;
        }
        const placed = placeTable(groups, page.groups, {
          section,
          outer: outerSection,
          sectionField,
          // `The \`pagination\` object includes:` just above: the rows are that object's.
          lead: objectNamed(list[index - 1]),
          kindSection,
          responseKeys,
          shownKeys,
          examples: page.responseExamples,
          shown: shown(),
          response: [
            ...page.responseExamples.map((e) => e.value),
            ...(responseShape === undefined ? [] : [responseShape.value]),
          ],
          above: jsonOf(list[index - 1]),
        });
        if (placed.note !== undefined) note(ctx, lineOf(node, tree), placed.note);
        page.groups.push(...placed.add);
      } else if (
        isFieldElement(node) &&
        (isBareWrapper(node) || (AUTH_SECTION.test(section ?? "") && !namesAField(node)))
      ) {
        // `<ResponseField>` with nothing on it around the fields: a box, not a field. So too a
        // `<ParamField type="string">` under `## Authorizations` that lost its name: what it
        // holds (`Authorization: Bearer <key>`) names the scheme, as the section's text would.
        visit(node.children, depth + 1);
      } else if (isFieldElement(node)) {
        introOpen = false;
        const read = readFieldGroup(node, tree, ctx, section);
        const group = read === undefined ? undefined : { ...read, section };
        // Under `### Turn object structure`, the fields of the `turns` listed above.
        const owner =
          group !== undefined && isObjectHeading(section)
            ? headingObject(section, page.groups, [group], shown())
            : undefined;
        if (group !== undefined) {
          const nested = owner === undefined ? undefined : nestUnder(page.groups, [group], owner);
          page.groups.push(...(nested ?? [group]));
        }
      } else if (isJsx(node, "RequestExample")) {
        introOpen = false;
        for (const code of codeBlocks(node)) {
          const curl = requestCurl === undefined ? curlOf(code, tree, ctx) : undefined;
          if (curl !== undefined) requestCurl = { example: curl, line: lineOf(code, tree) };
          // The body alone, as JSON (`// POST /admin/tiers/` over it, a comment): the request's,
          // unless its tab names a response or a status.
          const text = (code.value ?? "").trim();
          const tab = `${code.lang ?? ""} ${code.meta ?? ""}`;
          const other = /\bresponse|\b[1-5]\d\d\b/i.test(tab);
          const opens = /^(?:\/\/[^\n]*\n\s*)*[[{]/.test(text);
          const json = opens && !other ? parseJson(text) : undefined;
          if (json?.ok === true && typeof json.value === "object" && json.value !== null)
            showRequest(json.value, code);
        }
      } else if (isJsx(node, "ResponseExample")) {
        introOpen = false;
        for (const code of codeBlocks(node)) {
          const example = responseExampleOf(code, tree, ctx);
          if (example !== undefined) page.responseExamples.push(example);
        }
      } else if (isVariantTabs(node)) {
        // `<Tab title="Full refund">`, `<Tab title="Partial refund">`: one payload's variants.
        // Read with the earlier tabs' fields in place (a later tab's http example is then no
        // request line before the fields), split by tab after.
        const from = page.groups.length;
        const ends: number[] = [];
        for (const child of node.children ?? []) {
          visit([child], depth + 1);
          ends.push(page.groups.length);
        }
        const read = page.groups.splice(from);
        const tabs = ends.map((end, i) => read.slice((ends[i - 1] ?? from) - from, end - from));
        page.groups.push(...mergeVariants(tabs));
      } else if (isJsx(node)) {
        // `<Endpoint method="POST" path="/v1/invoices" />`: a site's own tag for the operation.
        const method = stringValue(attribute(node, "method"))?.toUpperCase();
        const target = stringValue(attribute(node, "path")) ?? stringValue(attribute(node, "url"));
        if (page.endpointText === undefined && method !== undefined && target !== undefined)
          if (METHOD_LINE.test(`${method} ${target}`) && /^(?:https?:\/\/|\/)/.test(target))
            page.endpointText = { text: `${method} ${target}`, line: lineOf(node, tree) };
        // A titled container (`<Tab title="400">`, `<Accordion title="Headers">`) is a section
        // of its own for the fields in it, as a heading would be.
        const outer = section;
        const title = stringValue(attribute(node, "title"));
        section = title ?? section;
        const from = page.groups.length;
        // A section of another operation inside the container ends with it.
        const apartOutside = apartDepth;
        visit(labelledResponses(node, tree, ctx, page.responseExamples), depth + 1);
        apartDepth = apartOutside;
        section = outer;
        // `<ResponseField name="data" type="object">` then, beside it, `<Expandable title="Data
        // fields">`: the fields in it are data's.
        const parent = besideField(node, list[index - 1], title, page.groups.slice(0, from));
        if (parent !== undefined) {
          const inner = page.groups.splice(from);
          page.groups.push(...(nestUnder(page.groups, inner, parent) ?? inner));
        }
      } else if (node.type === "heading") {
        introOpen = false;
        // A scrape keeps the heading's anchor link in the heading and puts its words on the
        // next line (`### [](…#request)` then `Request`): those words are the heading.
        const next = list[index + 1];
        const split = EMPTY_HEADING.test(plainText(node.children)) && next?.type === "paragraph";
        const content = split ? next.children : node.children;
        if (split) index++;
        const text = plainText(content);
        const codes = (content ?? []).filter((c) => c.type === "inlineCode");
        sectionField = codes.length === 1 ? codes[0]?.value?.trim() : undefined;
        // `### \`limit\` *Optional*` over `- **Type:** ...` items: a field, not a section.
        const field = readHeadingField(node, list[index + 1], tree, ctx, section);
        if (field !== undefined) {
          page.groups.push({ ...field, section });
          index++;
          continue;
        }
        // `## Create an attempt` over `POST /charge/{id}/attempts`: a section of another
        // operation than the page's (`Other endpoints`), whose fields are not this one's.
        // Only against the frontmatter's operation: on a page without one, the first mention
        // (`To check on it, use GET /orders/{id}`) need not be the page's.
        const other = otherOperation(operationWords(text) ?? operationLine(list[index + 1]), known);
        if ((node.depth ?? 1) > 1 && other !== undefined) {
          note(
            ctx,
            lineOf(node, tree),
            `one operation per page; the section "${text}" documents ${other}: left out`,
          );
          apartDepth = node.depth ?? 1;
          continue;
        }
        if ((node.depth ?? 1) > 1) section = text;
        if ((node.depth ?? 1) <= 2) outerSection = text;
        if (RESPONSE_SECTION.test(text) || /request|body|param|header|quer/i.test(text))
          kindSection = text;
        // `## POST /v1/things` (or in backticks): a hand-written page's operation as a heading.
        const words = operationWords(text);
        if (page.endpointText === undefined && words !== undefined) {
          page.endpointText = { text: words, line: lineOf(node, tree) };
          // `## POST /orders` over a paragraph, before any field: that paragraph describes it.
          introOpen = page.groups.length === 0 && page.intro.length === 0;
        }
        // A later title before any field or operation line replaces the first: the reader
        // service's own title (`Title - Site`) comes before the page's.
        const first = page.heading === undefined;
        const retitle = page.groups.length === 0 && page.endpointText === undefined;
        if (node.depth === 1 && (first || retitle) && !/^Source:/i.test(text)) {
          page.heading = inlineMarkdown(content);
          // What came before the title (a skip link, a breadcrumb) is the saving tool's, not
          // the operation's description.
          page.intro.length = 0;
          introOpen = true;
        }
      } else if (node.type === "code") {
        const text = (node.value ?? "").trim();
        // A response's JSON shown under a response heading: its keys say which later rows are
        // the response's.
        const parsed = /^[[{]/.test(text) ? parseJson(text) : undefined;
        if (parsed?.ok === true) {
          for (const key of topKeys(parsed.value)) shownKeys.add(key);
          shownValues.push(parsed.value);
          if (RESPONSE_SECTION.test(kindSection ?? ""))
            for (const key of topKeys(parsed.value)) responseKeys.add(key);
          // `## Response` over a JSON block: what the response looks like, for a page that
          // shows it no other way.
          const responding = isResponseHeading(section, outerSection);
          if (REQUEST_BODY.test(section ?? "") && !responding) showRequest(parsed.value, node);
          if (page.shownResponse === undefined && isResponseHeading(section, outerSection))
            page.shownResponse = {
              value: parsed.value,
              line: lineOf(node, tree),
              code: statusOf(`${node.meta ?? ""} ${section}`),
            };
        } else if (parsed !== undefined) {
          // JSON the docs broke (a missing comma) still shows which keys the object holds.
          for (const key of looseTopKeys(text)) shownKeys.add(key);
        }
        // Even one that elides a value (`"activity": [...]`), no example, shows the response's
        // shape: which later tables are the response's own.
        const shape = parsed?.ok === true ? parsed : parsed && parseJson(withoutElisions(text));
        if (shape?.ok && responseShape === undefined && isResponseHeading(section, outerSection))
          responseShape = { value: shape.value };
        // `"insurance": {...}` in the request body's JSON: what it holds, though no example.
        const requesting =
          REQUEST_BODY.test(section ?? "") && !isResponseHeading(section, outerSection);
        if (shape?.ok && parsed?.ok === false && page.shownRequest === undefined && requesting)
          page.shownRequest = { value: shape.value, line: lineOf(node, tree), elided: true };
        if (looseCurl === undefined) {
          const curl = curlOf(node, tree, ctx);
          // `curl -X POST http://localhost:3000/webhooks/x`: a test of the reader's own receiver,
          // not a call of the API (a self-hosted API's own calls go to localhost too).
          const own = curl !== undefined && RECEIVER_URL.test(curl.url ?? "");
          if (curl !== undefined && !own) looseCurl = { example: curl, line: lineOf(node, tree) };
        }
        const badge = page.endpointText === undefined ? methodBadge(list[index - 1]) : undefined;
        const perServer = page.endpointText === undefined ? firstOfServers(text) : undefined;
        if (page.endpointText === undefined && METHOD_LINE.test(text)) {
          page.endpointText = { text, line: lineOf(node, tree) + 1 };
        } else if (perServer !== undefined) {
          page.endpointText = { text: perServer, line: lineOf(node, tree) + 1 };
        } else if (badge !== undefined && /^https?:\/\/\S+$/.test(text)) {
          // `<Badge>GET</Badge>` over a block holding only the URL: the operation.
          page.endpointText = { text: `${badge} ${text}`, line: lineOf(node, tree) + 1 };
          if (page.intro.at(-1) === badge) page.intro.pop();
        } else if (page.endpointText === undefined) {
          // An HTTP request as the page writes it: `POST /v2/receipts HTTP/1.1`, then its
          // headers (`Authorization: Bearer <token>`): the first line is the operation.
          // Only before the fields: one further down is an example (a webhook's delivery).
          const request =
            page.groups.length === 0 && /^https?$/i.test(node.lang ?? "")
              ? readRequestBlock(text, lineOf(node, tree) + 1)
              : undefined;
          if (request !== undefined) {
            page.endpointText = { text: request.endpoint, line: lineOf(node, tree) + 1 };
            if (page.authHeaders.length === 0) page.authHeaders = request.auth;
            for (const field of request.headers)
              page.groups.push({
                kind: "param",
                location: "header",
                fields: [field],
                node,
                section,
              });
          } else if (REQUEST_LANG.test(node.lang ?? "") && REQUEST_PLACE.test(section ?? "")) {
            // The same in a section on the request, after its fields or in a ```bash block:
            // the operation only when nothing else on the page names one, and only a template
            // (`/parcels/p_123` is one call's URL; `/hooks/…` a delivery to the reader).
            const later = readRequestBlock(text, lineOf(node, tree) + 1);
            const path = later?.endpoint.split(/\s+/)[1] ?? "";
            const literal = path.split("/").some((s) => /\d/.test(s) && !VERSION_SEGMENT.test(s));
            if (later !== undefined && text.includes("\n") && !RECEIVER.test(path) && !literal)
              laterRequest ??= { text: later.endpoint, line: lineOf(node, tree) + 1 };
          }
        }
        introOpen = false;
      } else if (node.type === "blockquote") {
        const text = blockParagraphs(node.children).join(" ");
        // The llms.txt notice saved copies start with is not the page's description.
        if (/Documentation Index/i.test(text)) continue;
        if (page.heading !== undefined && page.summaryQuote === undefined && introOpen) {
          page.summaryQuote = text;
        } else if (introOpen) page.intro.push(...blockParagraphs([node]));
      } else if (node.type === "paragraph" && hasInlineField(node)) {
        visit(node.children, depth + 1);
      } else if (node.type === "paragraph" && readValueParagraph(node, tree) !== undefined) {
        // `` **`status` values:** `open`, `paid` ``: the values of a field listed above.
        page.valueTables.push(readValueParagraph(node, tree) as ValueTable);
        introOpen = false;
      } else if (label !== undefined) {
        // A bold label opens what follows it, as a heading does: the intro is over.
        introOpen = false;
      } else if (node.type === "paragraph" && SOURCE_LINE.test(plainText(node.children))) {
        // `Source: https://…` under the title of a page in llms-full.txt: where it came from.
      } else if (node.type === "paragraph" && leadingOperationRead(node)) {
        // `GET /markets/{id}` with the description on the next line (llms-full.txt): read.
      } else if (node.type === "paragraph" && operationWords(plainText(node.children))) {
        // `**GET** `/orders``: the operation, not part of its description.
        const words = operationWords(plainText(node.children)) as string;
        page.endpointText ??= { text: words, line: lineOf(node, tree) };
      } else if (node.type === "list" && listed(node, list[index - 1])) {
        introOpen = false;
      } else if (node.type === "paragraph" || node.type === "list") {
        // A list that gives the headers may name the operation too (`- **Method**: \`POST\``).
        // (Under a response heading they are the response's headers, no parameter.) A list
        // read as headers is no description: its values may be credentials.
        const responding = isResponseHeading(section, outerSection);
        const headers = node.type === "list" && !responding && headerItems(node);
        const introLength = page.intro.length;
        if (introOpen && !headers && !CHROME.test(plainText(node.children)) && !labelledValue(node))
          page.intro.push(...blockParagraphs([node]));
        const found = page.endpointText === undefined ? endpointIn(node, tree, apart) : undefined;
        if (found !== undefined) {
          page.endpointText = { text: found.text, line: found.line };
          if (introOpen && found.only) page.intro.length = introLength;
        }
      } else if (node.type !== "yaml") introOpen = false;
    }
  };
  visit(tree.root.children, 0);
  page.curl = requestCurl ?? looseCurl;
  if (page.endpointText === undefined && page.curl === undefined) page.endpointText = laterRequest;
  return page;
}

/** The JSON value a code block holds; undefined for any other node. */
function jsonOf(node: MdNode | undefined): unknown {
  if (node?.type !== "code") return undefined;
  const parsed = parseJson((node.value ?? "").trim());
  return parsed.ok ? parsed.value : undefined;
}

/** The `METHOD /path` a paragraph or code block holds and nothing else. */
function operationLine(node: MdNode | undefined): string | undefined {
  if (node?.type === "code") return operationWords((node.value ?? "").trim());
  return node?.type === "paragraph" ? operationWords(plainText(node.children)) : undefined;
}

/** `GET /gadgets/<id>`, `/x/YOUR_ID`, `/x/$ID`, `/x/[id]`: each placeholder as a `{name}`. */
function templated(line: string): string {
  return line
    .split("/")
    .map((segment) =>
      /^(?:<[^<>]+>|\[[^[\]]+\]|\$[A-Za-z_]\w*|YOUR_[A-Z0-9_]+)$/.test(segment) ? "{x}" : segment,
    )
    .join("/");
}

/** `line` when it names another operation than the page's (`known`), else undefined. */
function otherOperation(line: string | undefined, known: string | undefined): string | undefined {
  const own = known === undefined ? undefined : parseEndpoint(known.trim());
  const named = line === undefined ? undefined : parseEndpoint(templated(line));
  if (own === undefined || own.webhook || named === undefined) return undefined;
  const same =
    own.method === named.method &&
    (endsWithTemplate(own.path, named.path) || endsWithTemplate(named.path, own.path));
  return same ? undefined : `${named.method} ${named.path}`;
}

// `## Request body`, `### Body`: the heading over a JSON block that shows what the request sends.
const REQUEST_BODY =
  /^(?:request(?: body)?|(?:request )?body|request payload|payload|请求体|请求正文|リクエストボディ|요청 본문)$/i;

/**
 * `POST https://sandbox…/v1/x   # Sandbox` over the same for production: a block of one
 * operation line per server (each may end in a comment): the first; else undefined.
 */
function firstOfServers(text: string): string | undefined {
  const lines = text.split("\n").map((l) => l.replace(/\s+#.*$/, "").trim());
  return lines.every((l) => METHOD_LINE.test(l)) ? lines[0] : undefined;
}

/** A block that is only an HTTP method (`<Badge color="green">GET</Badge>`, `**POST**`). */
function methodBadge(node: MdNode | undefined): string | undefined {
  if (node === undefined || node.type === "code" || node.type === "heading") return undefined;
  const text = plainText(node.children).trim();
  return /^(?:GET|POST|PUT|PATCH|DELETE)$/.test(text) ? text : undefined;
}

// A heading of nothing but its anchor link (zero-width text) and spaces.
const EMPTY_HEADING = /^(?:\s|\u200b|\u200c|\u200d|\ufeff)*$/;

const SOURCE_LINE = /^Source: https?:\/\/\S+$/;

/** The text of a paragraph that is only bold text (`**Path parameters**`, `**Body:**`). */
function boldLabel(node: MdNode): string | undefined {
  if (node.type !== "paragraph") return undefined;
  const parts = (node.children ?? []).filter(
    (c) => !(c.type === "text" && /^\s*:?\s*$/.test(c.value ?? "")),
  );
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only?.type !== "strong") return undefined;
  return plainText(only.children).replace(/:$/, "").trim();
}

/** True when an element carries a name: a location attribute, `name=` or `title=`. */
function namesAField(node: MdNode): boolean {
  const named = [...LOCATIONS, "name", "title"];
  return (node.attributes ?? []).some((a) => named.includes(a.name ?? ""));
}

/** A field element with no attributes that holds field elements: it only groups them. */
function isBareWrapper(node: MdNode): boolean {
  return (
    (node.attributes ?? []).length === 0 && (node.children ?? []).some((c) => isFieldElement(c))
  );
}

// A title that says the block shows the request (`json Request with output`).
const REQUEST_LABEL = /\b(?:request|req|body|payload|input|solicitud|requisi[çc][ãa]o)\b|请求/i;

// A code block's title that says it shows the response (`json Response`, `json 200 OK`).
const RESPONSE_LABEL =
  /\b(?:respon[sc]es?|respuesta|resposta|r[ée]ponse|success|output|result)\b|响应|返回|^\s*[1-5]\d\d\b/i;

/**
 * A `<CodeGroup>`'s JSON blocks titled as the response (`\`\`\`json Response`): response examples,
 * as `<ResponseExample>`'s are. The container's other children, to be read as usual.
 */
function labelledResponses(
  node: MdNode,
  tree: Tree,
  ctx: Context,
  into: ResponseExample[],
): MdNode[] | undefined {
  if (!isJsx(node, "CodeGroup")) return node.children;
  return (node.children ?? []).filter((child) => {
    const label = child.meta ?? "";
    if (child.type !== "code" || !RESPONSE_LABEL.test(label) || REQUEST_LABEL.test(label))
      return true;
    const example = responseExampleOf(child, tree, ctx);
    if (example !== undefined) into.push(example);
    return example === undefined;
  });
}
