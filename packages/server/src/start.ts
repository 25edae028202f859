import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import type { AppOptions } from './app.js';

export interface ServerOptions extends AppOptions {
  /** The port to listen on; 0 picks a free one. Default 8080. */
  readonly port?: number;
  /** The address to listen on. Default `127.0.0.1` (this machine only). */
  readonly host?: string;
}

export interface RunningServer {
  /** The base URL, e.g. `http://127.0.0.1:8080/`. */
  readonly url: string;
  /** Stops accepting connections and resolves when the server is closed. */
  close(): Promise<void>;
}

/** Starts the RSP Kit server and resolves once it listens. */
export function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const app = createApp(options);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, (info: AddressInfo) => {
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}/`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => {
              if (error) fail(error);
              else done();
            });
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.once('error', reject);
  });
}
