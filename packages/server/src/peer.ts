import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { STATUS_CODES } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { ExpressPeerServer } from 'peer';
import type { Queryable } from './db/database.js';
import { isLivePeer } from './db/visio.js';
import { PEER_KEY } from './routes/visio.js';

/** Where the PeerJS signalling server is served, on the API's origin. */
export const PEER_PATH = '/peerjs';

/** The ids the server issues (`citizen-…`, `desk-…`); anything else is refused before a database look-up. */
const ISSUED_ID = /^(?:citizen|desk)-[0-9a-f]{32}$/;

/** The part of the express application `ExpressPeerServer` returns that this module uses. */
interface PeerApp {
  (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void;
  emit(event: 'mount', parent: unknown): boolean;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  readonly request: object;
  readonly response: object;
}

/** The PeerJS signalling server of a running RSP Kit server. */
export interface PeerSignalling {
  /** Whether a request path belongs to the signalling server (`/peerjs`, `/peerjs/…`). */
  handles(url: string | undefined): boolean;
  /** Answers one of the signalling server's few HTTP routes (`/peerjs/`, `/peerjs/<key>/id`, `/peerjs/<key>/peers`). */
  handleRequest(req: IncomingMessage, res: ServerResponse): void;
  /** Closes every signalling socket and stops the PeerServer's timers. */
  close(): void;
}

/** What the signalling server needs. */
export interface PeerOptions {
  /** Where the issued peer ids are (tickets and desks). */
  readonly database: Queryable;
  /** The current instant. */
  readonly now?: () => Date;
  /** Origins allowed to call its HTTP routes from a browser; none by default. */
  readonly corsOrigins?: readonly string[];
  /** Where unexpected errors are reported. */
  readonly log?: (message: string, error?: unknown) => void;
}

/**
 * Runs `run` with `setTimeout` replaced by one that keeps every timer it
 * starts in `timers`, unref'd, and does the same for timers those timers'
 * callbacks start. The PeerServer of `peer` 1.0 starts two endless
 * `setTimeout` loops (broken-connection check every 300 ms, message expiry
 * every second) and offers no way to stop them: without this, a closed
 * server would keep its process alive forever.
 */
function withTrackedTimers<T>(timers: Set<NodeJS.Timeout>, stopped: () => boolean, run: () => T): T {
  const original = globalThis.setTimeout;
  const tracked = (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): NodeJS.Timeout => {
    const timer: NodeJS.Timeout = original(() => {
      timers.delete(timer);
      if (!stopped()) withTrackedTimers(timers, stopped, () => {
        callback(...args);
      });
    }, ms);
    timer.unref();
    timers.add(timer);
    return timer;
  };
  globalThis.setTimeout = tracked as typeof setTimeout;
  try {
    return run();
  } finally {
    globalThis.setTimeout = original;
  }
}

function refuse(socket: Duplex, status: number): void {
  if (!socket.destroyed) {
    socket.end(`HTTP/1.1 ${String(status)} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroy();
  }
}

/**
 * Serves the PeerJS signalling server (`peer` package) on `server` under
 * `/peerjs`: PeerJS clients connect to `/peerjs/peerjs?key=…&id=…&token=…`.
 *
 * Only ids the API issued may connect: the upgrade request is checked before
 * the PeerServer sees it, and refused (`403`) unless its id is a live
 * ticket's peer id or a live desk's peer id opened with the desk's token
 * (see `isLivePeer`). Discovery (`/peers`) is off; the `key` is `PEER_KEY`.
 */
export function attachPeerServer(server: Server, options: PeerOptions): PeerSignalling {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string, error?: unknown) => {
    console.error(message, error);
  });
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Duplex>();
  let closed = false;

  // The PeerServer's WebSocket server listens on this emitter, not on the
  // HTTP server: only the upgrades checked below reach it.
  const upgrades = new EventEmitter();
  const peerApp = ExpressPeerServer(upgrades as unknown as Server, {
    path: '/',
    key: PEER_KEY,
    allow_discovery: false,
    proxied: false,
    // `/peerjs/<key>/id` hands out such ids, but the API never issued them: they cannot connect.
    generateClientId: () => `unissued-${randomBytes(16).toString('hex')}`,
    corsOptions: { origin: [...(options.corsOrigins ?? [])] },
  }) as unknown as PeerApp;
  peerApp.on('error', (error) => {
    log('PeerJS signalling error', error);
  });
  // `ExpressPeerServer` starts on its `mount` event; it is not mounted in an
  // express application here, so give it a neutral parent to inherit from.
  withTrackedTimers(timers, () => closed, () =>
    peerApp.emit('mount', {
      settings: {},
      engines: {},
      request: Object.getPrototypeOf(peerApp.request) as object,
      response: Object.getPrototypeOf(peerApp.response) as object,
    }),
  );

  const socketPath = `${PEER_PATH}/peerjs`;
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== socketPath) {
      // Another upgrade handler may own this path; with none, say there is nothing here.
      if (server.listenerCount('upgrade') === 1) refuse(socket, 404);
      return;
    }
    const id = url.searchParams.get('id') ?? '';
    const token = url.searchParams.get('token') ?? '';
    if (!ISSUED_ID.test(id) || token === '') {
      refuse(socket, 403);
      return;
    }
    socket.on('error', (error) => {
      log('PeerJS signalling socket error', error);
    });
    isLivePeer(options.database, id, token, now()).then(
      (live) => {
        if (closed || socket.destroyed) {
          socket.destroy();
          return;
        }
        if (!live) {
          refuse(socket, 403);
          return;
        }
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
        req.url = `/peerjs${url.search}`;
        withTrackedTimers(timers, () => closed, () => upgrades.emit('upgrade', req, socket, head));
      },
      (error: unknown) => {
        log('PeerJS signalling: could not check a peer id', error);
        refuse(socket, 503);
      },
    );
  };
  server.on('upgrade', onUpgrade);

  return {
    handles: (url) => url === PEER_PATH || (url?.startsWith(`${PEER_PATH}/`) ?? false) || (url?.startsWith(`${PEER_PATH}?`) ?? false),
    handleRequest(req, res) {
      const rest = (req.url ?? PEER_PATH).slice(PEER_PATH.length);
      req.url = rest.startsWith('/') ? rest : `/${rest}`;
      withTrackedTimers(timers, () => closed, () => {
        peerApp(req, res, (error?: unknown) => {
          if (error !== undefined) log('PeerJS signalling HTTP error', error);
          if (res.headersSent) return;
          res.statusCode = error === undefined ? 404 : 500;
          res.setHeader('Content-Type', 'text/plain; charset=utf-8');
          res.end(error === undefined ? 'Not found' : 'Internal error');
        });
      });
    },
    close() {
      closed = true;
      server.off('upgrade', onUpgrade);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
  };
}
