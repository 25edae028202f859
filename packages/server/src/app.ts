import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { mountEndpoints } from './api/router.js';
import { createRateLimiter, defaultRateLimits } from './api/rate-limit.js';
import type { RateLimits } from './api/rate-limit.js';
import type { ApiServices, IceServer } from './api/services.js';
import { createCatalog } from './catalog.js';
import type { Database } from './db/index.js';
import { problemResponse } from './problem.js';
import { endpoints } from './routes/index.js';
import { securityHeaders, strictCsp } from './security.js';

/** A folder served as static files under a URL prefix. */
export interface StaticMount {
  /** The URL prefix, starting and ending with `/` (`/`, `/storybook/`). */
  readonly prefix: string;
  /** The folder, absolute or relative to the working directory. */
  readonly root: string;
  /**
   * Whether pages served from here get the strict Content-Security-Policy
   * (see `strictCsp`). On by default; Storybook's own pages need inline scripts.
   */
  readonly strictCsp?: boolean;
}

export interface AppOptions {
  /** Static folders, most specific prefix first. */
  readonly mounts?: readonly StaticMount[];
  /** The database the API reads and writes; `/api/health` reports its engine. */
  readonly database?: Database;
  /** Origins allowed to call the API from a browser (CORS); none by default (same origin only). */
  readonly corsOrigins?: readonly string[];
  /** Per-client limits of the public endpoints; `false` turns them off (load benchmarks). */
  readonly rateLimits?: RateLimits | false;
  /** STUN/TURN servers handed to the video counter's peers. */
  readonly iceServers?: readonly IceServer[];
  /** The current instant (tests). */
  readonly now?: () => Date;
  /** Where unexpected errors are reported (default `console.error`). */
  readonly log?: (message: string, error?: unknown) => void;
}

/** The services the endpoints use, from the application's options. */
export function apiServices(database: Database, options: AppOptions = {}): ApiServices {
  return {
    db: database,
    catalog: createCatalog(database),
    now: options.now ?? (() => new Date()),
    limiter: createRateLimiter(options.rateLimits ?? defaultRateLimits),
    iceServers: options.iceServers ?? [],
    peerPath: '/peerjs',
    log:
      options.log ??
      ((message, error) => {
        console.error(message, error);
      }),
  };
}

/**
 * The RSP Kit HTTP application: the API under `/api/` and, for the demo and
 * for sites without a web server of their own, static folders.
 */
export function createApp(options: AppOptions = {}): Hono {
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(securityHeaders)) c.res.headers.set(name, value);
  });

  const allowed = new Set(options.corsOrigins ?? []);
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'Accept-Language'],
      maxAge: 600,
    }),
  );

  if (options.database) mountEndpoints(app, endpoints, apiServices(options.database, options));
  else
    app.all('/api/*', (c) =>
      problemResponse({
        type: 'about:blank',
        title: 'Service Unavailable',
        status: 503,
        detail: 'This server was started without a database: the API is off.',
        instance: c.req.path,
      }),
    );

  const mounts = [...(options.mounts ?? [])].sort((a, b) => b.prefix.length - a.prefix.length);
  for (const mount of mounts) {
    if (!mount.prefix.startsWith('/') || !mount.prefix.endsWith('/')) {
      throw new Error(`A static mount prefix must start and end with "/"; got "${mount.prefix}".`);
    }
    const handler = serveStatic({
      root: mount.root,
      rewriteRequestPath: (path) => path.slice(mount.prefix.length - 1),
    });
    const pattern = mount.prefix === '/' ? '*' : `${mount.prefix}*`;
    if (mount.prefix !== '/') app.get(mount.prefix.slice(0, -1), (c) => c.redirect(mount.prefix, 301));
    app.get(pattern, async (c, next) => {
      if (mount.strictCsp !== false) c.header('Content-Security-Policy', strictCsp);
      return handler(c, next);
    });
  }

  app.notFound((c) => c.text('Not found', 404));
  return app;
}
