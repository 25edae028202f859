/** Sustained rate and burst of one class of requests, per client. */
export interface RateRule {
  /** Requests per second, sustained. */
  readonly perSecond: number;
  /** Requests that may come at once after a quiet period. */
  readonly burst: number;
}

/** The limits of public endpoints: reads (site search, slots) and writes (booking, survey answer, call request). */
export interface RateLimits {
  readonly read: RateRule;
  readonly write: RateRule;
}

/**
 * Defaults: a person's browser or a kiosk stays far below (a site finder
 * typing fast sends a few searches a second; a booking is a handful of
 * writes); a script hammering one endpoint is slowed down.
 */
export const defaultRateLimits: RateLimits = {
  read: { perSecond: 20, burst: 60 },
  write: { perSecond: 1, burst: 10 },
};

/** The answer of a limiter: go, or wait this many seconds. */
export type RateDecision = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

/** Per-client token buckets, in memory (one server process). */
export interface RateLimiter {
  take(client: string, rateClass: 'read' | 'write'): RateDecision;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A limiter with one token bucket per client and class. Buckets that have
 * refilled are forgotten when the map grows past `maxClients`, so memory stays
 * bounded under a flood of addresses. `false` limits let every request through
 * (the load benchmark).
 */
export function createRateLimiter(limits: RateLimits | false = defaultRateLimits, options: { now?: () => number; maxClients?: number } = {}): RateLimiter {
  const now = options.now ?? (() => performance.now());
  const maxClients = options.maxClients ?? 10_000;
  const buckets = new Map<string, Bucket>();
  const sweep = (t: number): void => {
    if (!limits) return;
    for (const [key, bucket] of buckets) {
      const rule = key.startsWith('read:') ? limits.read : limits.write;
      if (bucket.tokens + ((t - bucket.at) * rule.perSecond) / 1000 >= rule.burst) buckets.delete(key);
    }
  };
  return {
    take(client, rateClass) {
      if (!limits) return { ok: true };
      const rule = limits[rateClass];
      const key = `${rateClass}:${client}`;
      const t = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= maxClients) sweep(t);
        bucket = { tokens: rule.burst, at: t };
        buckets.set(key, bucket);
      }
      bucket.tokens = Math.min(rule.burst, bucket.tokens + ((t - bucket.at) * rule.perSecond) / 1000);
      bucket.at = t;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - bucket.tokens) * 1000) / rule.perSecond / 1000)) };
    },
  };
}
