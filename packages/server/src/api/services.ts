import type { Catalog } from '../catalog.js';
import type { Database } from '../db/database.js';
import type { RateLimiter } from './rate-limit.js';

/** A STUN or TURN server handed to the video counter's peers (RTCIceServer). */
export interface IceServer {
  readonly urls: string | readonly string[];
  readonly username?: string;
  readonly credential?: string;
}

/** What the endpoints work with. */
export interface ApiServices {
  readonly db: Database;
  readonly catalog: Catalog;
  /** The current instant (tests pass a fixed clock). */
  readonly now: () => Date;
  /** Per-client limits of public endpoints. */
  readonly limiter: RateLimiter;
  /** ICE servers for the video counter, from the configuration; none by default (same network only). */
  readonly iceServers: readonly IceServer[];
  /** Where the PeerJS signalling server is mounted, e.g. `/peerjs`. */
  readonly peerPath: string;
  /** Reports an unexpected error (default `console.error`). */
  readonly log: (message: string, error?: unknown) => void;
}
