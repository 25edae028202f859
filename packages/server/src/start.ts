import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { purgeIdempotencyKeys } from './db/idempotency.js';
import { createApp } from './app.js';
import type { AppOptions } from './app.js';
import { attachPeerServer } from './peer.js';
import type { PeerSignalling } from './peer.js';

/** How often old idempotency keys (older than 24 hours) are purged. */
export const IDEMPOTENCY_PURGE_EVERY_MS = 60 * 60_000;

export interface ServerOptions extends AppOptions {
  /** The port to listen on; 0 picks a free one. Default 8080. */
  readonly port?: number;
  /** The address to listen on. Default `127.0.0.1` (this machine only). */
  readonly host?: string;
}

export interface RunningServer {
  /** The base URL, e.g. `http://127.0.0.1:8080/`. */
  readonly url: string;
  /** Stops accepting connections, closes the signalling sockets and timers, and resolves when the server is closed. */
  close(): Promise<void>;
}

/**
 * Starts the RSP Kit server and resolves once it listens: the application
 * (API and static folders) and, with a database, the PeerJS signalling
 * server under `/peerjs` on the same origin and an hourly purge of old
 * idempotency keys.
 */
export function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const app = createApp(options);
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((message: string, error?: unknown) => {
    console.error(message, error);
  });
  const listener = getRequestListener(app.fetch, { hostname: host });
  let peer: PeerSignalling | undefined;
  const server = createServer((req, res) => {
    if (peer?.handles(req.url)) peer.handleRequest(req, res);
    else void listener(req, res);
  });
  const database = options.database;
  if (database) peer = attachPeerServer(server, { database, corsOrigins: options.corsOrigins ?? [], log, ...(options.now ? { now: options.now } : {}) });

  let purge: NodeJS.Timeout | undefined;
  if (database) {
    purge = setInterval(() => {
      purgeIdempotencyKeys(database).catch((error: unknown) => {
        log('Could not purge old idempotency keys', error);
      });
    }, IDEMPOTENCY_PURGE_EVERY_MS);
    purge.unref();
  }

  return new Promise((resolve, reject) => {
    server.once('error', (error) => {
      if (purge) clearInterval(purge);
      peer?.close();
      reject(error);
    });
    server.listen(options.port ?? 8080, host, () => {
      const info = server.address() as AddressInfo;
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${String(info.port)}/`,
        close: () =>
          new Promise<void>((done, fail) => {
            if (purge) clearInterval(purge);
            peer?.close();
            server.close((error) => {
              if (error) fail(error);
              else done();
            });
            server.closeAllConnections();
          }),
      });
    });
  });
}
