// Core is compiled without the DOM lib (it runs in browsers and Node alike), so the few
// platform features geo uses are described here structurally and read from globalThis.

/** The part of the platform's `AbortSignal` that geo uses; a real `AbortSignal` fits. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** The part of a fetch `Response` that geo reads from an HTTP error. */
export interface ResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
}

interface Platform {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  performance?: { now(): number };
}

/** The platform's timers and monotonic clock (falls back to `Date.now`). */
export function platform(): { setTimeout: Platform['setTimeout']; clearTimeout: Platform['clearTimeout']; now: () => number } {
  const g = globalThis as unknown as Platform;
  const perf = g.performance;
  return {
    setTimeout: (callback, ms) => g.setTimeout(callback, ms),
    clearTimeout: (id) => {
      g.clearTimeout(id);
    },
    now: perf ? () => perf.now() : () => Date.now(),
  };
}

/** Rejects with the signal's reason, keeping it as is (an `AbortError` DOMException by default). */
export function abortReason(signal: AbortSignalLike): Error {
  return signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason));
}
