import { abortReason, platform } from './platform.js';
import type { AbortSignalLike } from './platform.js';

/** A client-side rate limiter: {@link TokenBucket.take} waits until a request may go. */
export interface TokenBucket {
  /**
   * Resolves when a token is available (at once while the burst lasts, then every
   * `1 / ratePerSecond` s, first come first served). Rejects with `signal.reason` if the
   * signal aborts first, giving the token back.
   */
  take(signal?: AbortSignalLike): Promise<void>;
}

/** Options of {@link createTokenBucket}. */
export interface TokenBucketOptions {
  /** Sustained rate. */
  readonly ratePerSecond: number;
  /** Requests that may go at once after a quiet period. Default: `ratePerSecond` (one second's worth). */
  readonly burst?: number;
  /** Clock in ms, for tests. Default `performance.now` (or `Date.now`). */
  readonly now?: () => number;
}

/**
 * A token bucket that reserves tokens ahead (the count may go below zero), so that waiting
 * callers are served in order and never all at once.
 */
export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const rate = options.ratePerSecond;
  if (!(rate > 0)) throw new RangeError('ratePerSecond must be > 0');
  const burst = Math.max(1, options.burst ?? rate);
  const timers = platform();
  const now = options.now ?? timers.now;
  let tokens = burst;
  let last = now();
  return {
    take(signal) {
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) * rate) / 1000);
      last = t;
      tokens -= 1;
      if (tokens >= 0) return Promise.resolve();
      const wait = (-tokens * 1000) / rate;
      return new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          timers.clearTimeout(timer);
          tokens += 1;
          if (signal) reject(abortReason(signal));
        };
        const timer = timers.setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, wait);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
