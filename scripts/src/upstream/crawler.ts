/**
 * The crawler's one way to the network: every request names payclients in its User-Agent and
 * waits its turn, at most a few at a time per host, however many providers and pages a run has.
 */
import { type HttpOptions, httpGet } from "./fetch.ts";
import type { Get } from "./page.ts";

/** At most this many requests in flight per host: a docs site is someone else's server. */
export const MAX_PER_HOST = 4;

/** Options of {@link createCrawler}: the HTTP bounds, and the version the User-Agent names. */
export interface CrawlerOptions extends HttpOptions {
  /** payclients' version, for the User-Agent. */
  version: string;
  /** Requests in flight per host. Default {@link MAX_PER_HOST}. */
  perHost?: number | undefined;
}

/** A crawler's GET, and how many requests it has made (tests check politeness with it). */
export interface Crawler {
  get: Get;
  /** Most requests ever in flight at once to one host. */
  readonly peak: number;
}

/** A GET that is polite: identified, limited per host, bounded by {@link httpGet}'s limits. */
export function createCrawler(options: CrawlerOptions): Crawler {
  const userAgent = `payclients/${options.version} (+https://github.com/payclients/payclients)`;
  const limit = hostLimiter(options.perHost ?? MAX_PER_HOST);
  const crawler = {
    peak: 0,
    get: (url: string, accept: string, validators: object) =>
      limit.run(new URL(url).host, () =>
        httpGet(url, accept, validators, { ...options, userAgent }),
      ),
  };
  Object.defineProperty(crawler, "peak", { get: () => limit.peak });
  return crawler;
}

/** Runs tasks keyed by host, at most `max` of them at once per host, in arrival order. */
export function hostLimiter(max: number) {
  const active = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();
  let peak = 0;
  const acquire = async (host: string): Promise<void> => {
    if ((active.get(host) ?? 0) >= max) {
      // Wait for a finishing task to hand its slot over (the count stays as it is).
      await new Promise<void>((resume) => {
        const queue = waiting.get(host) ?? [];
        queue.push(resume);
        waiting.set(host, queue);
      });
      return;
    }
    const now = (active.get(host) ?? 0) + 1;
    active.set(host, now);
    peak = Math.max(peak, now);
  };
  const release = (host: string): void => {
    const next = waiting.get(host)?.shift();
    if (next) next();
    else active.set(host, (active.get(host) ?? 1) - 1);
  };
  return {
    get peak() {
      return peak;
    },
    async run<T>(host: string, task: () => Promise<T>): Promise<T> {
      await acquire(host);
      try {
        return await task();
      } finally {
        release(host);
      }
    },
  };
}
