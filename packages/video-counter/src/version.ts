// Written by scripts/sync-versions.mjs from package.json; checked by the gate.
/** The version of @rsp/video-counter, used to tell two copies of RSP Kit apart on one page. */
export const version = '0.1.0';
