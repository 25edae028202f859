/**
 * What the finder computes once it has data: the query index, hours in words
 * and the partners' days of presence. `<rsp-site-finder>` loads this module
 * with `import()` when its data arrives, so that the CDN entry holds no
 * opening-hours evaluator, no place search and no index (about 15 kB gzip):
 * the element and the map can show before any data exists.
 */
export { createFinderIndex } from './finder-index.js';
export { describeHours } from './hours.js';
export { presenceDays } from './presence.js';
export type { PresenceDay } from './presence.js';
