import { type Context, fail } from "./context.ts";
import type { Components } from "./field-schema.ts";
import { type ExampleHints, readFields } from "./fields.ts";
import { collectKeys, exampleAt, inferSchema } from "./infer.ts";
import type { Line } from "./lines.ts";
import { setOwn } from "./own.ts";
import { buildTree } from "./tree.ts";
import { parseTypeLine, type Schema } from "./type-line.ts";

const MEDIA = /^[a-z*]+\/[\w.+*-]+(?:\s*;.*)?$/i;
const STATUS = /^([1-5]\d\d|[1-5]XX|default)(?:\s+-\s+(\S+))?$/;
const OF_TYPE = /^The (?:response|body|request body|request) is of type (.+?)\.?$/;

/** A request or response payload: media type, schema, example, and the text above the fields. */
export interface Payload {
  media: string;
  schema: Schema;
  example?: { value: unknown } | undefined;
  paragraphs: string[];
  required: boolean;
  hasFields: boolean;
}

/** Example hints for the field reader from an example value. */
export function hintsFor(example: unknown): ExampleHints {
  return { keys: collectKeys(example), at: (path) => exampleAt(example, path) };
}

/** Reads the fields of a Body section or of one status block of a Response section. */
export function readPayload(
  lines: Line[],
  start: number,
  end: number,
  media: string,
  example: { value: unknown } | undefined,
  components: Components,
  ctx: Context,
): Payload {
  const list = readFields(lines, start, end, ctx, hintsFor(example?.value));
  const paragraphs: string[] = [];
  let root: Schema = { type: "object" };
  for (const paragraph of list.preamble) {
    const ofType = OF_TYPE.exec(paragraph.text);
    const type = ofType === null ? undefined : parseTypeLine(ofType[1] as string);
    if (type?.kind === "type") {
      root = type.schema;
      for (const named of type.named) {
        if (!Object.hasOwn(components, named.name)) setOwn(components, named.name, named.schema);
      }
    } else paragraphs.push(paragraph.text);
  }
  if (list.fields.length === 0 && example !== undefined && isBareObject(root)) {
    root = inferSchema(example.value);
  }
  buildTree(list.fields, root, example?.value, components, ctx);
  return {
    media,
    schema: root,
    example,
    paragraphs,
    required: list.fields.some((f) => f.required && f.path.length === 1),
    hasFields: list.fields.length > 0,
  };
}

// A bare `{type: object}` root with no fields says nothing the example cannot say better.
function isBareObject(root: Schema): boolean {
  return root.type === "object" && Object.keys(root).length === 1;
}

/** The media type line that may open a Body section (skipping blanks), and where fields start. */
export function readMediaLine(
  lines: Line[],
  start: number,
  end: number,
): { media?: string; next: number } {
  let i = start;
  while (i < end && (lines[i] as Line).text === "") i++;
  const text = lines[i]?.text;
  if (i < end && text !== undefined && MEDIA.test(text)) return { media: text, next: i + 1 };
  return { next: start };
}

/** One status block of a Response section. */
export interface StatusBlock {
  code: string;
  media?: string | undefined;
  line: number;
  start: number;
  end: number;
}

/**
 * Splits a Response section on its status lines (`200 - application/json`, or `201` followed by a
 * media type line). Content before any status line is a 200 block.
 */
export function statusBlocks(
  lines: Line[],
  start: number,
  end: number,
  ctx: Context,
): StatusBlock[] {
  const blocks: StatusBlock[] = [];
  for (let i = start; i < end; i++) {
    const line = lines[i] as Line;
    const match = STATUS.exec(line.text);
    if (match === null) continue;
    let media = match[2];
    let next = i + 1;
    if (media === undefined) {
      const following = lines[i + 1]?.text;
      if (i + 1 >= end || following === undefined || !MEDIA.test(following)) continue;
      media = following;
      next = i + 2;
    } else if (!MEDIA.test(media)) {
      fail(ctx, line.no, "a media type after the status code", media);
    }
    const last = blocks.at(-1);
    if (last !== undefined) last.end = i;
    else if (hasContent(lines, start, i))
      blocks.push({ code: "200", line: line.no, start, end: i });
    blocks.push({ code: match[1] as string, media, line: line.no, start: next, end });
  }
  if (blocks.length === 0)
    blocks.push({ code: "200", line: lines[start - 1]?.no ?? 1, start, end });
  return blocks;
}

function hasContent(lines: Line[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((lines[i] as Line).text !== "") return true;
  return false;
}
