export { createApp } from './app.js';
export type { AppOptions, StaticMount } from './app.js';
export { problemResponse } from './problem.js';
export type { Problem } from './problem.js';
export { securityHeaders, strictCsp } from './security.js';
export { parseMount } from './mounts.js';
export { startServer } from './start.js';
export type { RunningServer, ServerOptions } from './start.js';
export { version } from './version.js';
