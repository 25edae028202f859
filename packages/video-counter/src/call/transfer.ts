/**
 * Documents sent over the data channel: checks before sending and on
 * arrival (size, type), chunking with back-pressure, and the SHA-256 of the
 * whole file computed by the sender and verified by the receiver
 * (`crypto.subtle`). The bytes go browser to browser, never through the server.
 */

/** Size of one binary frame: well under Chromium's 256 KiB SCTP message limit. */
export const CHUNK_BYTES = 64 * 1024;
/** Stop queueing frames above this many buffered bytes; resume under `LOW_WATER`. */
const HIGH_WATER = 4 * 1024 * 1024;
const LOW_WATER = 1024 * 1024;

/** Default largest document: 10 MB. */
export const DEFAULT_MAX_BYTES = 10_000_000;
/** Default types: PDF and the image formats of scanners and phone cameras. */
export const DEFAULT_TYPES: readonly string[] = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'];

/** Why a document is refused. */
export type FileProblem = 'empty' | 'tooBig' | 'type';

/** Limits of a side: largest size in bytes and accepted media types. */
export interface FileLimits {
  readonly maxBytes: number;
  readonly types: readonly string[];
}

/** Checks a document against the limits (before sending, and again on arrival). */
export function checkFile(file: { readonly size: number; readonly type: string }, limits: FileLimits): FileProblem | undefined {
  if (file.size === 0) return 'empty';
  if (file.size > limits.maxBytes) return 'tooBig';
  if (!limits.types.includes(file.type)) return 'type';
  return undefined;
}

/** SHA-256 of bytes, lower-case hex. */
export async function sha256Hex(data: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The part of an `RTCDataChannel` the sender needs. */
export interface Channel {
  readonly bufferedAmount: number;
  bufferedAmountLowThreshold: number;
  readonly readyState: string;
  send(data: ArrayBuffer | string): void;
  addEventListener(type: 'bufferedamountlow' | 'close', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'bufferedamountlow' | 'close', listener: () => void): void;
}

function drained(channel: Channel): Promise<void> {
  if (channel.bufferedAmount <= LOW_WATER) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (): void => {
      channel.removeEventListener('bufferedamountlow', done);
      channel.removeEventListener('close', closed);
      resolve();
    };
    const closed = (): void => {
      channel.removeEventListener('bufferedamountlow', done);
      reject(new Error('channel closed'));
    };
    channel.bufferedAmountLowThreshold = LOW_WATER;
    channel.addEventListener('bufferedamountlow', done, { once: true });
    channel.addEventListener('close', closed, { once: true });
  });
}

/**
 * Sends `bytes` as binary frames, waiting whenever the channel's buffer is
 * full; `progress(sent)` is called with the bytes that have left the buffer.
 * Rejects when the channel closes or `signal` aborts.
 */
export async function sendChunks(channel: Channel, bytes: ArrayBuffer, progress: (sent: number) => void, signal?: AbortSignal): Promise<void> {
  let offset = 0;
  let lastReport = -1;
  const report = (): void => {
    const sent = Math.max(0, offset - channel.bufferedAmount);
    if (sent !== lastReport) {
      lastReport = sent;
      progress(sent);
    }
  };
  while (offset < bytes.byteLength) {
    signal?.throwIfAborted();
    if (channel.readyState !== 'open') throw new Error('channel closed');
    if (channel.bufferedAmount > HIGH_WATER) {
      report();
      await drained(channel);
    }
    const end = Math.min(offset + CHUNK_BYTES, bytes.byteLength);
    channel.send(bytes.slice(offset, end));
    offset = end;
    if ((offset / CHUNK_BYTES) % 8 === 0) report();
  }
  // Wait for the last frames to leave the buffer, reporting as they do.
  while (channel.bufferedAmount > 0 && channel.readyState === 'open') {
    report();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (channel.readyState !== 'open') throw new Error('channel closed');
  progress(bytes.byteLength);
}

/** A document being received: its announced facts and the frames so far. */
export class Incoming {
  received = 0;
  private readonly parts: ArrayBuffer[] = [];

  constructor(
    readonly id: string,
    readonly name: string,
    readonly type: string,
    readonly size: number,
    readonly sha256: string,
  ) {}

  /** Adds a frame; `false` when it would exceed the announced size (the transfer is then refused). */
  add(frame: ArrayBuffer): boolean {
    if (this.received + frame.byteLength > this.size) return false;
    this.parts.push(frame);
    this.received += frame.byteLength;
    return true;
  }

  /** The whole document and whether its SHA-256 matches the announced one. */
  async finish(): Promise<{ blob: Blob; checksumOk: boolean }> {
    const blob = new Blob(this.parts, { type: this.type });
    this.parts.length = 0;
    const actual = await sha256Hex(await blob.arrayBuffer());
    return { blob, checksumOk: this.received === this.size && actual === this.sha256 };
  }
}
