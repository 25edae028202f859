import { config } from 'zod/v4/core';

/**
 * zod compiles object schemas with `new Function` when the page allows it,
 * and finds out by trying once when the first object schema is built. Under a
 * Content-Security-Policy without `'unsafe-eval'` that try is reported as a
 * violation (and breaks pages that treat reports as errors). RSP Kit widgets
 * must work under a strict CSP, so zod runs without its JIT everywhere: about
 * twice as slow to validate, measured at 3.3 ms instead of 1.6 ms for a list
 * of 500 sites. Core's own schemas are `zod/mini` ones, which never compile,
 * but classic schemas built in the same page or process (the server's, which
 * wrap core's) do; this global setting (zod/v4/core, shared by both APIs)
 * keeps them all jitless. Every module of core that builds schemas imports
 * this module first; it is listed in `sideEffects` so that bundlers keep it.
 */
config({ jitless: true });
