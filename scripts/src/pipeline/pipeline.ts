import type { Warning } from "../errors.ts";
import { parserFor } from "../sources/index.ts";
import type { OpenAPIDocument } from "../sources/types.ts";
import { toYaml } from "./emit.ts";
import { banner, generateMetadata, generateTypes } from "./generate.ts";
import { mergeDocuments, type SourcePart } from "./merge.ts";
import { canonicalOrder, normalize } from "./normalize.ts";
import { operationsOf } from "./openapi-walk.ts";
import { applyOverlay, parseOverlay } from "./overlay.ts";
import { type ProviderConfig, parseProviderConfig } from "./provider.ts";
import { emitTimings, type StageTimer, startTimer } from "./timing.ts";
import { checkExamples, lintSpec } from "./validate.ts";

/** What the CLI read for one provider: every text keyed by its repo-relative path. */
export interface ProviderInput {
  id: string;
  /** `specs/<id>/provider.yaml` text. */
  config: string;
  /** Upstream snapshot texts, keyed by repo-relative path. */
  sources: Record<string, string>;
  /** `specs/<id>/overlay.yaml` text, when the provider has one. */
  overlay?: string | undefined;
}

/** Everything one provider's run produced, nothing written yet. */
export interface ProviderResult {
  id: string;
  config: ProviderConfig;
  spec: OpenAPIDocument;
  operations: number;
  /** Webhook events (OpenAPI 3.1 `webhooks`) the spec defines. */
  webhooks: number;
  /** Repo-relative path → full file content. */
  files: Record<string, string>;
  timings: Record<string, number>;
  warnings: string[];
}

/** The repo-relative paths a provider's run writes. */
export function outputPaths(id: string) {
  return {
    spec: `specs/${id}/openapi.yaml`,
    types: `packages/${id}/src/generated/openapi.ts`,
    metadata: `packages/${id}/src/generated/metadata.ts`,
  };
}

/** parse → merge → normalize → overlay → validate → generate, for one provider. Writes nothing. */
export async function buildProvider(input: ProviderInput): Promise<ProviderResult> {
  const dir = `specs/${input.id}`;
  const timer: StageTimer = startTimer();
  const config = parseProviderConfig(input.config, `${dir}/provider.yaml`);
  const notes: string[] = [];
  const warn = (w: Warning) => notes.push(w.message);
  const parts: SourcePart[] = config.sources.map((source) => {
    const file = `${dir}/${source.file}`;
    const text = input.sources[file];
    if (text === undefined) throw new Error(`internal: ${file} was not read`);
    return { file, doc: parserFor(source.format)(text, { file, warn }) };
  });
  timer.lap("parse");
  const merged = mergeDocuments(parts);
  timer.lap("merge");
  let spec = normalize(merged, config);
  timer.lap("normalize");
  if (input.overlay !== undefined) {
    const file = `${dir}/overlay.yaml`;
    spec = canonicalOrder(applyOverlay(spec, parseOverlay(input.overlay, file), file));
  }
  timer.lap("overlay");
  const paths = outputPaths(input.id);
  const yaml = `${banner(input.id, "#")}${toYaml(spec)}`;
  const warnings = [...notes, ...(await lintSpec(spec, yaml, paths.spec))];
  checkExamples(spec, paths.spec);
  timer.lap("validate");
  const files = {
    [paths.spec]: yaml,
    [paths.types]: await generateTypes(spec, input.id),
    [paths.metadata]: generateMetadata(spec, input.id),
  };
  timer.lap("generate");
  return {
    id: input.id,
    config,
    spec,
    operations: operationsOf(spec).length,
    webhooks: Object.keys(spec.webhooks ?? {}).length,
    files,
    timings: emitTimings(timer),
    warnings,
  };
}
