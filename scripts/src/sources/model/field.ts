import type { NamedSchema, Schema } from "./type-line.ts";

/**
 * One documented field, as every source form lists it (a Mintlify `ParamField` / `ResponseField`,
 * a field block of a rendered page, a `data-component-part` field of the served HTML), before it
 * becomes a schema. The forms differ in how they spell a field; this is what they all say.
 */
export interface Field {
  name: string;
  /** Where the field sits: [name] at the top level, [parent, ..., name] when nested. */
  path: string[];
  /** 1-based line of the input where the field starts, for errors and warnings. */
  line: number;
  /** The schema of the type pill (`integer<int64>`, `enum<string>[]`, `string | null`...). */
  schema: Schema;
  /** Named schemas the type introduced (`Customer · object`), for components. */
  named: NamedSchema[];
  required: boolean;
  deprecated: boolean;
  /** The parameter location pill (`header`, `query`, `path`, `cookie`), when shown. */
  location?: string | undefined;
  /** The default as written (`10`, `"abc"`, `false`), coerced to the field's type later. */
  defaultText?: string | undefined;
  description: string[];
  /** Enum options as written (`Available options:`), converted to the field's type later. */
  options?: { values: string[]; line: number } | undefined;
  example?: { value: unknown } | undefined;
  /** The single value an `Allowed value:` line permits. */
  allowed?: { value: unknown } | undefined;
  /** JSON Schema constraint keywords (minimum, maxLength, minItems...). */
  constraints: Schema;
  /**
   * The saved copy folded what the field holds (`Show child attributes`): an enum's options too,
   * as when it shows `Available options:` and no value after it.
   */
  folded?: boolean | undefined;
  /**
   * The page has no place for the field's type (a table with no Type column, a list item): its
   * example may say it. (A rendered field shown with no type is a union, typed on purpose.)
   */
  typeless?: boolean | undefined;
  /**
   * The title a hand-written page put over a second listing of the payload's fields, one per
   * shape it takes (`OpenRouter Format`): a name listed again there is no duplicate.
   */
  variant?: string | undefined;
}

/** A field with nothing known but its name and where it starts. */
export function newField(name: string, line: number, path: string[] = [name]): Field {
  return {
    name,
    path,
    line,
    schema: {},
    named: [],
    required: false,
    deprecated: false,
    description: [],
    constraints: {},
  };
}
