/**
 * The validators of each snapshot's last download (ETag / Last-Modified), kept beside the
 * snapshots in `upstream/.etags.json` so that the next run can ask "changed since?" and an
 * unchanged page costs a 304, not a download. Sorted JSON: the file is as deterministic as the
 * server's validators.
 */
import type { Validators } from "./fetch.ts";

/** The file, relative to specs/<provider>/. */
export const ETAGS_FILE = "upstream/.etags.json";

/** URL → validators; an unreadable file is an empty one (it can only cost a download). */
export function parseEtags(text: string | undefined): Record<string, Validators> {
  if (text === undefined) return {};
  try {
    const raw = JSON.parse(text) as unknown;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return {};
    const result: Record<string, Validators> = {};
    for (const [url, value] of Object.entries(raw as Record<string, Validators>)) {
      const etag = typeof value?.etag === "string" ? value.etag : undefined;
      const lastModified = typeof value?.lastModified === "string" ? value.lastModified : undefined;
      if (etag || lastModified) result[url] = { etag, lastModified };
    }
    return result;
  } catch {
    return {};
  }
}

/** The file's text: URLs sorted, keys in a fixed order, nothing when there is nothing to keep. */
export function renderEtags(validators: Record<string, Validators>): string | undefined {
  const urls = Object.keys(validators)
    .filter((url) => validators[url]?.etag || validators[url]?.lastModified)
    .sort();
  if (urls.length === 0) return undefined;
  const sorted = Object.fromEntries(
    urls.map((url) => {
      const { etag, lastModified } = validators[url] as Validators;
      return [url, { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) }];
    }),
  );
  return `${JSON.stringify(sorted, null, 2)}\n`;
}
