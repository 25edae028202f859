// Written by scripts/sync-versions.mjs from package.json; checked by the gate.
/** The version of @rsp/server. */
export const version = '0.1.0';
