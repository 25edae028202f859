import { Peer } from 'peerjs';
import type { DataConnection, MediaConnection, PeerError } from 'peerjs';
import type { VisioConfig } from '@rsp/core/client.js';
import { LinkQuality, QUALITY_INTERVAL_MS, sampleOf } from './quality.js';
import type { Channel } from './transfer.js';
import { parseWire } from './wire.js';
import type { WireMessage } from './wire.js';

/** Where the call stands, as both elements show it. */
export type LinkState = 'signalling' | 'waiting' | 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** Why a session closed by itself. */
export type CloseReason = 'lost' | 'refused' | 'remote';

/** What a session tells its element. */
export interface SessionHandlers {
  state(state: LinkState, reason?: CloseReason): void;
  remoteStream(stream: MediaStream): void;
  message(message: WireMessage): void;
  binary(frame: ArrayBuffer): void;
  /** This side's own link: `true` when it switched to audio only, `false` when video is back. */
  audioOnly(on: boolean): void;
  /** A reconnection attempt started (1, 2…). */
  reconnecting(attempt: number): void;
}

/** How to reach the signalling server and who this side is. */
export interface SessionOptions {
  /** The API's base URL: the PeerJS server is on its origin, at `config.peerPath`. */
  readonly apiBase: string;
  readonly config: VisioConfig;
  /** The server-issued peer id of this side. */
  readonly peerId: string;
  /** The desk's `peerToken`; a citizen passes any non-empty string (its id alone is checked). */
  readonly token: string;
  /** `caller` (the desk) dials and redials; `callee` (the citizen) answers only `acceptFrom`. */
  readonly role: 'caller' | 'callee';
  /** How long to try to get a lost call back, in milliseconds. Default 120 000. */
  readonly reconnectForMs?: number;
}

/** How long a connection may stay `disconnected` before it is counted as lost. */
const DISCONNECTED_GRACE_MS = 4000;
/** Delay between two redials (caller), and before a signalling reconnection. */
const REDIAL_MS = 2500;
/** How long a caller tries to reach a callee it never reached before giving up. */
const NEVER_REACHED_MS = 20_000;

/** A media connection's `RTCPeerConnection`: PeerJS types it as always there, but it is `null` until negotiation starts. */
function pcOf(call: MediaConnection | undefined): RTCPeerConnection | undefined {
  const pc: RTCPeerConnection | null | undefined = call?.peerConnection;
  return pc ?? undefined;
}

/**
 * The PeerJS `Peer` in the form the RSP elements need: opened only on the
 * RSP Kit server's signalling path (the API's origin, never the public PeerJS
 * cloud) with the server-issued id and the ICE servers of `GET /api/visio/config`
 * (an empty list means host candidates only, for a same-network call); a media
 * connection and a `raw` data connection to one remote peer; reconnection of
 * both the signalling socket and the call while the session is wanted.
 *
 * PeerJS objects never leave this class.
 */
export class PeerSession {
  private peer: Peer | undefined;
  private media: MediaConnection | undefined;
  private data: DataConnection | undefined;
  private remoteId: string | undefined;
  private local: MediaStream | undefined;
  private generation = 0;
  private stateNow: LinkState = 'signalling';
  private closed = false;
  /** Between calls (caller): nothing is redialled. */
  private idle = true;
  private lostAt = 0;
  private everConnected = false;
  private dialledAt = 0;
  private attempts = 0;
  private streamSeen = false;
  private dataOpen = false;
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private graceTimer: ReturnType<typeof setTimeout> | undefined;
  private signalTimer: ReturnType<typeof setTimeout> | undefined;
  private qualityTimer: ReturnType<typeof setInterval> | undefined;
  private readonly quality = new LinkQuality();
  private accept: ((peerId: string) => Promise<boolean>) | undefined;

  constructor(
    private readonly options: SessionOptions,
    private readonly on: SessionHandlers,
  ) {}

  get state(): LinkState {
    return this.stateNow;
  }

  /** Opens the signalling connection; resolves once the server accepted the id. */
  open(): Promise<void> {
    const base = new URL(this.options.apiBase, location.href);
    const secure = base.protocol === 'https:';
    // PeerJS types its options as a class that exists only in its declarations.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    const peer = new Peer(this.options.peerId, {
      host: base.hostname,
      port: Number(base.port || (secure ? 443 : 80)),
      path: this.options.config.peerPath,
      secure,
      key: this.options.config.peerKey,
      token: this.options.token,
      // Only the server's STUN/TURN list: PeerJS's defaults (Google STUN, shared TURN) are never used.
      config: { iceServers: this.options.config.iceServers.map((s) => ({ ...s })) },
    });
    this.peer = peer;
    peer.on('call', (call) => void this.incomingMedia(call));
    peer.on('connection', (conn) => void this.incomingData(conn));
    peer.on('disconnected', () => {
      // The signalling socket dropped (the calls may still be up): reconnect it, again and again while wanted.
      clearTimeout(this.signalTimer);
      this.signalTimer = setTimeout(() => {
        if (!this.closed && !peer.destroyed && peer.disconnected) peer.reconnect();
      }, REDIAL_MS);
    });
    return new Promise((resolve, reject) => {
      const fail = (error: PeerError<string>): void => {
        peer.off('open', opened);
        reject(new Error(`${error.type}: ${error.message}`));
      };
      const opened = (): void => {
        peer.off('error', fail);
        peer.on('error', (error) => {
          // Calling a citizen who is not connected yet: the caller redials.
          if (error.type === 'peer-unavailable' && this.stateNow !== 'connected') this.lost();
        });
        this.setState('waiting');
        resolve();
      };
      peer.once('open', opened);
      peer.once('error', fail);
    });
  }

  /** Callee: answer calls only from the peer `check` accepts (the citizen checks the agent's id with the server). */
  acceptFrom(check: (peerId: string) => Promise<boolean>, local: MediaStream): void {
    this.accept = check;
    this.local = local;
    this.idle = false;
  }

  /** Caller: calls `remoteId` with the local stream and opens the data channel. */
  dial(remoteId: string, local: MediaStream): void {
    this.remoteId = remoteId;
    this.local = local;
    this.idle = false;
    this.lostAt = 0;
    this.attempts = 0;
    this.everConnected = false;
    this.dialledAt = Date.now();
    this.connect();
  }

  /** Ends the current call but keeps the signalling connection (the desk stays open for the next caller). */
  hangUpCall(): void {
    this.idle = true;
    this.remoteId = undefined;
    this.lostAt = 0;
    this.attempts = 0;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    clearInterval(this.qualityTimer);
    // A moment for the goodbye message to leave before the channel closes.
    const generation = this.generation;
    setTimeout(() => {
      if (this.generation === generation && this.idle) this.dropConnections();
    }, 200);
    this.setState('waiting');
  }

  /** Sends a control message; `false` when the channel is not open. */
  send(message: WireMessage): boolean {
    const channel = this.channel();
    if (channel?.readyState !== 'open') return false;
    channel.send(JSON.stringify(message));
    return true;
  }

  /** The open data channel, for file frames. */
  channel(): Channel | undefined {
    const channel: Channel | undefined = this.data?.dataChannel;
    return channel?.readyState === 'open' ? channel : undefined;
  }

  /** Stops or resumes sending video (audio only), without renegotiation. */
  async sendVideo(on: boolean): Promise<void> {
    const sender = pcOf(this.media)?.getSenders().find((s) => s.track?.kind === 'video');
    if (!sender) return;
    const parameters = sender.getParameters();
    for (const encoding of parameters.encodings) encoding.active = on;
    await sender.setParameters(parameters).catch(() => undefined);
  }

  /** Closes everything: the call and the signalling connection. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.dropConnections();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    clearInterval(this.qualityTimer);
    clearTimeout(this.signalTimer);
    this.peer?.destroy();
    this.peer = undefined;
    this.setState('closed');
  }

  private setState(state: LinkState, reason?: CloseReason): void {
    if (this.stateNow === state) return;
    this.stateNow = state;
    this.on.state(state, reason);
  }

  private later(run: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  private connect(): void {
    const peer = this.peer;
    if (!peer || this.closed || !this.remoteId || !this.local) return;
    if (peer.disconnected) {
      // Signalling is down: try again once it is back.
      this.later(() => {
        this.connect();
      }, REDIAL_MS);
      return;
    }
    this.dropConnections();
    this.setState(this.lostAt ? 'reconnecting' : 'connecting');
    this.watchMedia(peer.call(this.remoteId, this.local));
    this.watchData(peer.connect(this.remoteId, { serialization: 'raw', reliable: true }));
  }

  private async incomingMedia(call: MediaConnection): Promise<void> {
    if (!this.accept || !this.local || this.closed || !(await this.accept(call.peer))) {
      call.close();
      return;
    }
    if (this.media && this.media !== call) this.dropMedia();
    this.remoteId = call.peer;
    this.setState(this.lostAt ? 'reconnecting' : 'connecting');
    this.watchMedia(call);
    call.answer(this.local);
  }

  private async incomingData(conn: DataConnection): Promise<void> {
    if (!this.accept || this.closed || !(await this.accept(conn.peer))) {
      conn.close();
      return;
    }
    if (this.data && this.data !== conn) this.dropData();
    this.watchData(conn);
  }

  private watchMedia(call: MediaConnection): void {
    const generation = ++this.generation;
    this.media = call;
    this.streamSeen = false;
    const current = (): boolean => generation === this.generation && this.media === call;
    call.on('stream', (stream) => {
      if (!current()) return;
      this.streamSeen = true;
      this.on.remoteStream(stream);
      this.maybeConnected();
    });
    call.on('close', () => {
      if (current()) this.lost();
    });
    call.on('error', () => {
      if (current()) this.lost();
    });
    const watchPc = (): void => {
      const pc = pcOf(call);
      if (!pc) {
        this.later(watchPc, 50);
        return;
      }
      pc.addEventListener('connectionstatechange', () => {
        if (!current()) return;
        const state = pc.connectionState;
        if (state === 'failed' || state === 'closed') this.lost();
        else if (state === 'disconnected') {
          clearTimeout(this.graceTimer);
          this.graceTimer = setTimeout(() => {
            if (current() && pc.connectionState !== 'connected') this.lost();
          }, DISCONNECTED_GRACE_MS);
        } else if (state === 'connected') clearTimeout(this.graceTimer);
      });
    };
    watchPc();
  }

  private watchData(conn: DataConnection): void {
    this.data = conn;
    this.dataOpen = conn.open;
    const current = (): boolean => this.data === conn;
    conn.on('open', () => {
      if (!current()) return;
      this.dataOpen = true;
      this.maybeConnected();
    });
    conn.on('data', (payload) => {
      if (!current()) return;
      if (typeof payload === 'string') {
        const message = parseWire(payload);
        if (message) this.on.message(message);
      } else if (payload instanceof ArrayBuffer) this.on.binary(payload);
    });
    conn.on('close', () => {
      if (current()) this.lost();
    });
    conn.on('error', () => {
      if (current()) this.lost();
    });
    if (conn.open) this.maybeConnected();
  }

  private maybeConnected(): void {
    if (!this.streamSeen || !this.dataOpen || this.closed) return;
    this.lostAt = 0;
    this.attempts = 0;
    this.everConnected = true;
    this.quality.reset();
    this.setState('connected');
    this.startQuality();
  }

  private startQuality(): void {
    clearInterval(this.qualityTimer);
    this.qualityTimer = setInterval(() => {
      const pc = pcOf(this.media);
      if (this.stateNow !== 'connected') return;
      if (!pc || pc.signalingState === 'closed') {
        // Closed under us (the network stack, or the page): the call is lost.
        this.lost();
        return;
      }
      pc.getStats().then(
        (report) => {
          const change = this.quality.push(sampleOf(report));
          if (change !== undefined) {
            void this.sendVideo(!change);
            this.on.audioOnly(change);
          }
        },
        () => undefined,
      );
    }, QUALITY_INTERVAL_MS);
  }

  /** The call dropped: try to get it back while the session is wanted. */
  private lost(): void {
    if (this.closed || (this.idle && this.options.role === 'caller')) return;
    const first = this.lostAt === 0;
    if (first) this.lostAt = Date.now();
    const limit = this.options.reconnectForMs ?? 120_000;
    // A caller who never reached the callee (gone before the admission) gives up sooner.
    const neverReached = this.options.role === 'caller' && !this.everConnected && Date.now() - this.dialledAt > NEVER_REACHED_MS;
    if (neverReached || Date.now() - this.lostAt > limit) {
      this.giveUp();
      return;
    }
    this.dropConnections();
    this.setState('reconnecting');
    this.attempts += 1;
    this.on.reconnecting(this.attempts);
    if (this.options.role === 'caller') {
      this.later(() => {
        this.connect();
      }, first ? 300 : REDIAL_MS);
    } else {
      // The callee waits for the desk's new call; it gives up after the same time.
      this.later(() => {
        if (this.stateNow === 'reconnecting') this.lost();
      }, limit + 100);
    }
  }

  /** The call cannot be restored: a caller keeps its desk open (state `waiting`, reason `lost`); a callee closes. */
  private giveUp(): void {
    if (this.options.role === 'caller') {
      this.hangUpCall();
      this.stateNow = 'waiting';
      this.on.state('waiting', 'lost');
      return;
    }
    this.dropConnections();
    this.closed = true;
    this.peer?.destroy();
    this.setState('closed', 'lost');
  }

  private dropMedia(): void {
    const media = this.media;
    this.media = undefined;
    this.streamSeen = false;
    media?.close();
  }

  private dropData(): void {
    const data = this.data;
    this.data = undefined;
    this.dataOpen = false;
    data?.close();
  }

  private dropConnections(): void {
    clearTimeout(this.graceTimer);
    this.generation += 1;
    this.dropMedia();
    this.dropData();
  }
}
