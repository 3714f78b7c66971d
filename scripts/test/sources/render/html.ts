import { curlLines, responseLines } from "./curl.ts";
import { constraintLines, type TField, type TOperation, typeLine } from "./operation.ts";
import { apiKeyField } from "./page.ts";

/**
 * The page as a Mintlify site serves it: header with the method pill and path segments, code
 * groups for the examples, then `api-section`s headed by `h4`s whose fields carry
 * `data-component-part` markup (field-name, field-info-pill, field-required-pill), nested fields
 * inside `<details data-component-part="expandable">`.
 */
export function renderHtml(op: TOperation): string {
  const segments =
    op.webhook === undefined
      ? op.segments
          .map(
            (s) =>
              `<div class="text-gray-400">/</div><div class="text-sm font-mono">${esc(s)}</div>`,
          )
          .join("")
      : `<div class="text-sm font-mono">${esc(op.webhook)}</div>`;
  // A webhook page shows no request or response example.
  const examples =
    op.response === undefined
      ? ""
      : codeGroup(
          `<div title="${esc(op.title)}">${esc(op.title)}</div><button aria-label="Select language"><span>cURL</span></button>`,
          curlLines(op),
        ) +
        codeGroup(
          `<div role="tablist"><button role="tab" aria-selected="true" data-active>${op.response.code}</button></div>`,
          responseLines(op),
        );
  const sections = [
    section("Authorizations", op.apiKey === undefined ? [] : [apiKeyField(op)], "header"),
    section("Path Parameters", op.path),
    section("Query Parameters", op.query),
    section("Headers", op.headers),
    op.body === undefined ? "" : section("Body", op.body, undefined, media("application/json")),
    op.response === undefined
      ? ""
      : section("Response", op.response.fields, undefined, responseHeading(op.response.code)),
  ].join("\n");
  return [
    '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
    `<title>${esc(op.title)} - Docs</title><meta name="generator" content="Mintlify"/></head>`,
    '<body><div id="__next"><div id="content-area">',
    '<div id="api-playground-2-operation-page" class="flex flex-col gap-8">',
    `<header id="header"><div><h1 id="page-title">${esc(op.title)}</h1></div>`,
    `<div class="mt-2 text-lg prose"><p>${inline(op.description)}</p></div></header>`,
    '<div class="flex flex-col gap-y-4"><div class="flex items-center gap-1.5 px-1">',
    `<div class="method-pill rounded-lg font-bold">${op.webhook === undefined ? op.method.toUpperCase() : "WEBHOOK"}</div>`,
    `<div class="scroll-area flex items-center font-mono text-sm">${segments}</div>`,
    '<button aria-label="Try it" class="tryit-button"><span>Try it</span></button></div></div>',
    '<div class="mt-8 flex flex-col gap-6">',
    examples,
    "</div>",
    sections,
    '<div class="feedback-toolbar"><div>Was this page helpful?</div><button type="button">Yes</button><button type="button">No</button></div>',
    "</div></div></div></body></html>",
    "",
  ].join("\n");
}

function codeGroup(bar: string, lines: string[]): string {
  const code = lines.map((l) => `<span class="line"><span>${esc(l)}</span></span>`).join("\n");
  return (
    `<div class="code-group" data-component-part="code-group"><div data-component-part="code-group-tab-bar">${bar}</div>` +
    `<div data-component-part="code-group-tab-content"><div class="code-block" data-component-part="code-block-root">` +
    `<pre class="shiki"><code>${code}</code></pre></div></div></div>`
  );
}

function media(type: string): string {
  return `<div class="api-section-heading-subtitle font-mono text-xs">${type}</div>`;
}

function responseHeading(code: string): string {
  const select = `<div class="option-dropdown"><select aria-label="Select status code"><option value="${code}" selected>${code}</option></select></div>`;
  return select + media("application/json");
}

function section(title: string, fields: TField[], location?: string, extra = ""): string {
  if (fields.length === 0) return "";
  const heading =
    `<div class="api-section-heading flex flex-col"><div class="flex items-baseline border-b">` +
    `<h4 class="api-section-heading-title flex-1 mb-0">${title}</h4><div class="flex items-center gap-2">${extra}</div></div></div>`;
  const kind = title.toLowerCase().replace(/\s+/g, "-");
  const body = fields.map((f) => field(f, [kind], location)).join("\n");
  return `<div class="api-section prose mt-8 mb-14">${heading}\n${body}</div>`;
}

function field(f: TField, anchor: string[], location?: string): string {
  const id = [...anchor, f.name].join("-").replace(/_/g, "-").toLowerCase();
  const pills = [
    `<div data-component-part="field-info-pill"><span>${esc(typeLine(f))}</span></div>`,
  ];
  if (location !== undefined) {
    pills.push(`<div data-component-part="field-info-pill"><span>${location}</span></div>`);
  }
  if (f.default !== undefined) {
    pills.push(
      `<div data-component-part="field-info-pill"><span class="text-gray-400">default:</span><span>${esc(String(f.default))}</span></div>`,
    );
  }
  if (f.required) pills.push('<div data-component-part="field-required-pill">required</div>');
  if (f.deprecated) pills.push('<div data-component-part="field-deprecated-pill">deprecated</div>');
  const paragraphs = f.description.map((p) => `<p class="whitespace-pre-line">${inline(p)}</p>`);
  const content = [`<div class="prose prose-sm">${paragraphs.join("")}</div>`];
  if (f.options !== undefined) {
    const codes = f.options.map((o) => `<code>${esc(String(o))}</code>`).join(", ");
    content.push(`<div class="whitespace-pre-line text-sm mt-6">Available options: ${codes}</div>`);
  }
  for (const [label, value] of constraintLines(f)) {
    content.push(
      `<div class="flex items-center gap-1.5 mt-6 text-sm"><span>${label}</span><code class="whitespace-pre">${esc(value)}</code></div>`,
    );
  }
  if (f.example !== undefined) {
    content.push(
      `<div class="flex items-center gap-1.5 mt-6 text-sm"><span>Example:</span><code>${esc(JSON.stringify(f.example))}</code></div>`,
    );
  }
  if (f.children !== undefined) {
    const children = f.children.map((c) => field(c, [...anchor, f.name])).join("\n");
    content.push(
      `<details class="expandable mt-4" data-component-part="expandable" open=""><summary data-component-part="expandable-button"><p class="m-0">Hide child attributes</p></summary>` +
        `<div class="expandable-content" data-component-part="expandable-content">${children}</div></details>`,
    );
  }
  const root = f.children === undefined ? "primitive-param-field" : "object-param-field";
  return (
    `<div class="${root} border-b"><div class="py-6"><div class="flex font-mono text-sm param-head" id="${id}">` +
    `<div class="flex-1 flex flex-col"><div class="flex items-center flex-wrap gap-2">` +
    `<div class="font-semibold" data-component-part="field-name">${esc(f.name)}</div>` +
    `<div class="inline" data-component-part="field-meta">${pills.join("")}</div></div></div></div>` +
    `<div class="mt-4">${content.join("")}</div></div></div>`
  );
}

function esc(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Markdown inline code as the site renders it. */
function inline(text: string): string {
  return esc(text)
    .replace(/`([^`]*)`/g, "<code>$1</code>")
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '<a href="$2">$1</a>');
}
