/**
 * The messages the two browsers exchange over the PeerJS data channel
 * (`serialization: 'raw'`): control messages are JSON strings, file bytes are
 * binary frames that belong to the transfer announced last (the channel is
 * reliable and ordered, and a side sends one file at a time).
 *
 * The other side is never trusted: `parseWire` checks every field and drops
 * anything else, so a modified peer cannot push markup, a `javascript:` link
 * or an absurd size into the page.
 */

/** Longest chat message, in characters. */
export const MAX_CHAT_LENGTH = 2000;
/** Longest file name kept, in characters. */
export const MAX_NAME_LENGTH = 200;

export type WireMessage =
  | { readonly t: 'chat'; readonly id: string; readonly text: string }
  | { readonly t: 'link'; readonly id: string; readonly url: string; readonly label: string }
  | { readonly t: 'file-start'; readonly id: string; readonly name: string; readonly type: string; readonly size: number; readonly sha256: string }
  | { readonly t: 'file-end'; readonly id: string }
  | { readonly t: 'file-cancel'; readonly id: string }
  | { readonly t: 'file-ack'; readonly id: string; readonly ok: boolean }
  | { readonly t: 'media'; readonly video: boolean; readonly audio: boolean; readonly audioOnly: boolean }
  | { readonly t: 'bye' };

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const HEX64 = /^[0-9a-f]{64}$/;

const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/** Only `http:` and `https:` links, absolute, without credentials: anything else (javascript:, data:, file:) is refused. */
export function safeLink(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (url.username !== '' || url.password !== '') return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/** A control message received from the other side, checked; `undefined` for anything malformed. */
export function parseWire(raw: string): WireMessage | undefined {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  const id = typeof m.id === 'string' && ID.test(m.id) ? m.id : undefined;
  switch (m.t) {
    case 'chat':
      return id && str(m.text, MAX_CHAT_LENGTH) && m.text.trim() !== '' ? { t: 'chat', id, text: m.text } : undefined;
    case 'link': {
      const url = str(m.url, 2000) ? safeLink(m.url) : undefined;
      return id && url && str(m.label, 200) ? { t: 'link', id, url, label: m.label } : undefined;
    }
    case 'file-start':
      return id &&
        str(m.name, MAX_NAME_LENGTH) &&
        m.name !== '' &&
        str(m.type, 100) &&
        typeof m.size === 'number' &&
        Number.isSafeInteger(m.size) &&
        m.size >= 0 &&
        typeof m.sha256 === 'string' &&
        HEX64.test(m.sha256)
        ? { t: 'file-start', id, name: m.name, type: m.type, size: m.size, sha256: m.sha256 }
        : undefined;
    case 'file-end':
    case 'file-cancel':
      return id ? { t: m.t, id } : undefined;
    case 'file-ack':
      return id && typeof m.ok === 'boolean' ? { t: 'file-ack', id, ok: m.ok } : undefined;
    case 'media':
      return typeof m.video === 'boolean' && typeof m.audio === 'boolean' && typeof m.audioOnly === 'boolean'
        ? { t: 'media', video: m.video, audio: m.audio, audioOnly: m.audioOnly }
        : undefined;
    case 'bye':
      return { t: 'bye' };
    default:
      return undefined;
  }
}

/** A short random id for messages and transfers. */
export function wireId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
