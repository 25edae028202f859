import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocaleController, RspElement } from '@rsp/elements';
import {
  RspCallQualityEvent,
  RspCallReconnectEvent,
  RspChatMessageEvent,
  RspDeviceErrorEvent,
  RspDocumentProgressEvent,
  RspDocumentReceiveEvent,
  RspDocumentSendEvent,
  RspLinkReceiveEvent,
} from './call.events.js';
import type { CallSide } from './call.events.js';
import { callMessages } from './call.messages.js';
import { LevelMeter, deviceProblemOf, errorName, openDevices, stopStream } from './media.js';
import type { DeviceProblem } from './media.js';
import type { CloseReason, LinkState, PeerSession, SessionHandlers } from './session.js';
import { DEFAULT_MAX_BYTES, DEFAULT_TYPES, Incoming, checkFile, sendChunks, sha256Hex } from './transfer.js';
import type { FileLimits } from './transfer.js';
import { MAX_CHAT_LENGTH, MAX_NAME_LENGTH, wireId } from './wire.js';
import type { WireMessage } from './wire.js';

/** One chat line. */
export interface ChatEntry {
  readonly id: string;
  readonly from: 'self' | 'remote';
  readonly text: string;
  readonly at: number;
}

/** A document sent or received during the call. */
export interface DocumentEntry {
  readonly id: string;
  readonly direction: 'send' | 'receive';
  readonly name: string;
  readonly type: string;
  readonly size: number;
  readonly sha256: string;
  bytes: number;
  status: 'active' | 'done' | 'failed';
  checksumOk: boolean | undefined;
  blob: Blob | undefined;
}

/** A link received from the other side (checked: http or https only). */
export interface LinkEntry {
  readonly id: string;
  readonly url: string;
  readonly label: string;
}

/** Progress events at most every this many bytes (and at the end). */
const PROGRESS_STEP = 256 * 1024;

/**
 * What the citizen's and the agent's elements share: the camera and
 * microphone check, the call view (remote video large, self view, mute,
 * camera, hang up), the chat, documents in both directions with checksums,
 * links, the poor-link notices, and the wipe of everything a session left.
 *
 * Not registered: `<rsp-video-counter>` and `<rsp-video-desk>` extend it.
 */
export abstract class RspCallElement extends RspElement {
  /** Base URL of the RSP Kit API (`https://rsp.example.fr/`); the PeerJS signalling server is on the same origin. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** Largest document accepted, in bytes, sent or received. Default 10 000 000. */
  @property({ type: Number, attribute: 'max-file-bytes' }) maxFileBytes = DEFAULT_MAX_BYTES;

  /** Accepted document types, comma-separated media types. Default PDF, JPEG, PNG, WebP. */
  @property({ attribute: 'accept-types' }) acceptTypes = DEFAULT_TYPES.join(',');

  protected readonly callText = new LocaleController(this, callMessages);
  protected abstract readonly side: CallSide;

  @state() protected link: LinkState | 'idle' = 'idle';
  @state() protected localStream: MediaStream | undefined;
  @state() protected remoteStream: MediaStream | undefined;
  @state() protected deviceProblem: DeviceProblem | undefined;
  @state() protected level = 0;
  @state() protected muted = false;
  @state() protected cameraOff = false;
  @state() protected selfAudioOnly = false;
  @state() protected remoteAudioOnly = false;
  @state() protected remoteVideo = true;
  @state() protected remoteAudio = true;
  @state() protected chat: ChatEntry[] = [];
  @state() protected documents: DocumentEntry[] = [];
  @state() protected links: LinkEntry[] = [];
  @state() protected callNotice = '';
  @state() protected chatDraft = '';

  protected session: PeerSession | undefined;
  protected callStartedAt = 0;
  private meter: LevelMeter | undefined;
  private incoming: Incoming | undefined;
  private sending: Promise<void> = Promise.resolve();
  private photos = 0;
  private readonly objectUrls = new Set<string>();
  private readonly drawn = new WeakSet<Blob>();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.endSession();
    this.releaseDevices();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const remote = this.renderRoot.querySelector<HTMLVideoElement>('video[data-remote]');
    if (remote && remote.srcObject !== (this.remoteStream ?? null)) remote.srcObject = this.remoteStream ?? null;
    const own = this.renderRoot.querySelector<HTMLVideoElement>('video[data-self]');
    if (own && own.srcObject !== (this.localStream ?? null)) own.srcObject = this.localStream ?? null;
    for (const canvas of this.renderRoot.querySelectorAll<HTMLCanvasElement>('canvas[data-doc]')) {
      const entry = this.documents.find((d) => d.id === canvas.dataset.doc);
      if (entry?.blob && !this.drawn.has(entry.blob)) {
        this.drawn.add(entry.blob);
        void this.drawThumbnail(canvas, entry.blob);
      }
    }
  }

  /** The file limits of this side. */
  protected get limits(): FileLimits {
    return {
      maxBytes: this.maxFileBytes > 0 ? this.maxFileBytes : DEFAULT_MAX_BYTES,
      types: this.acceptTypes.split(',').map((t) => t.trim()).filter(Boolean),
    };
  }

  /** Opens camera and microphone for the check and the call; `false` (with a message) when it fails. */
  protected async checkDevices(): Promise<boolean> {
    this.releaseDevices();
    this.deviceProblem = undefined;
    try {
      const stream = await openDevices();
      this.localStream = stream;
      this.muted = false;
      this.cameraOff = false;
      if (stream.getAudioTracks().length > 0 && typeof AudioContext === 'function') {
        this.meter = new LevelMeter(stream, (level) => {
          this.level = Math.round(level * 100);
        });
      }
      return true;
    } catch (error) {
      const problem = error instanceof DOMException && error.name === 'InsecureContextError' ? 'insecure' : deviceProblemOf(error);
      this.deviceProblem = problem;
      this.emit(new RspDeviceErrorEvent({ name: errorName(error), problem }));
      return false;
    }
  }

  /** Stops the camera and microphone. */
  protected releaseDevices(): void {
    this.meter?.stop();
    this.meter = undefined;
    stopStream(this.localStream);
    this.localStream = undefined;
    this.level = 0;
  }

  /** The handlers a `PeerSession` of this element reports to. */
  protected sessionHandlers(): SessionHandlers {
    return {
      state: (state, reason) => {
        this.link = state;
        if (state === 'connected') this.announceMedia();
        this.linkChanged(state, reason);
      },
      remoteStream: (stream) => {
        this.remoteStream = stream;
      },
      message: (message) => {
        this.receive(message);
      },
      binary: (frame) => {
        this.receiveFrame(frame);
      },
      audioOnly: (on) => {
        this.selfAudioOnly = on;
        this.callNotice = on ? this.callText.t('audioOnlySelf') : this.callText.t('videoBack');
        this.session?.send({ t: 'media', video: !this.cameraOff, audio: !this.muted, audioOnly: on });
        this.emit(new RspCallQualityEvent({ side: this.side, origin: 'local', audioOnly: on }));
      },
      reconnecting: (attempt) => {
        this.failActiveTransfers();
        this.emit(new RspCallReconnectEvent({ side: this.side, attempt }));
      },
    };
  }

  /** The link changed state (`connected`, `reconnecting`, `closed`…). */
  protected abstract linkChanged(state: LinkState, reason: CloseReason | undefined): void;

  /** Closes the peer session (no event). */
  protected endSession(): void {
    const session = this.session;
    this.session = undefined;
    session?.close();
    this.remoteStream = undefined;
    this.incoming = undefined;
  }

  /**
   * Removes everything the session left in the page and in memory: chat,
   * documents and their thumbnails, links, object URLs (revoked), the remote
   * stream and the notices.
   */
  protected wipe(): void {
    for (const url of this.objectUrls) URL.revokeObjectURL(url);
    this.objectUrls.clear();
    this.chat = [];
    this.documents = [];
    this.links = [];
    this.chatDraft = '';
    this.callNotice = '';
    this.remoteStream = undefined;
    this.incoming = undefined;
    this.selfAudioOnly = false;
    this.remoteAudioOnly = false;
    this.remoteVideo = true;
    this.remoteAudio = true;
    for (const canvas of this.renderRoot.querySelectorAll<HTMLCanvasElement>('canvas[data-doc]')) {
      canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
      canvas.width = 0;
    }
    for (const input of this.renderRoot.querySelectorAll<HTMLInputElement>('input[type=file]')) input.value = '';
  }

  private announceMedia(): void {
    this.session?.send({ t: 'media', video: !this.cameraOff, audio: !this.muted, audioOnly: this.selfAudioOnly });
  }

  protected toggleMute(): void {
    this.muted = !this.muted;
    for (const track of this.localStream?.getAudioTracks() ?? []) track.enabled = !this.muted;
    this.announceMedia();
  }

  protected toggleCamera(): void {
    this.cameraOff = !this.cameraOff;
    for (const track of this.localStream?.getVideoTracks() ?? []) track.enabled = !this.cameraOff;
    this.announceMedia();
  }

  protected sendChat(text: string): boolean {
    const clean = text.trim().slice(0, MAX_CHAT_LENGTH);
    if (clean === '') return false;
    const id = wireId();
    if (!this.session?.send({ t: 'chat', id, text: clean })) {
      this.callNotice = this.callText.t('notConnected');
      return false;
    }
    this.chat = [...this.chat, { id, from: 'self', text: clean, at: Date.now() }];
    this.emit(new RspChatMessageEvent({ from: 'self', text: clean }));
    return true;
  }

  protected sendLink(url: string, label: string): boolean {
    return this.session?.send({ t: 'link', id: wireId(), url, label: label.slice(0, 200) }) ?? false;
  }

  /** Checks and sends documents one after the other. */
  protected sendFiles(files: Iterable<File>): void {
    for (const file of files) {
      const name = file.name.slice(0, MAX_NAME_LENGTH) || 'document';
      const problem = checkFile(file, this.limits);
      if (problem) {
        this.callNotice =
          problem === 'tooBig'
            ? this.callText.t('refusedTooBig', name, this.limits.maxBytes)
            : problem === 'type'
              ? this.callText.t('refusedType', name)
              : this.callText.t('refusedEmpty', name);
        continue;
      }
      this.sending = this.sending.then(() => this.sendOne(file, name)).catch(() => undefined);
    }
  }

  private async sendOne(file: Blob, name: string): Promise<void> {
    const channel = this.session?.channel();
    if (!channel) {
      this.callNotice = this.callText.t('notConnected');
      return;
    }
    const bytes = await file.arrayBuffer();
    const sha256 = await sha256Hex(bytes);
    const entry: DocumentEntry = { id: wireId(), direction: 'send', name, type: file.type, size: bytes.byteLength, sha256, bytes: 0, status: 'active', checksumOk: undefined, blob: file };
    this.documents = [...this.documents, entry];
    this.session?.send({ t: 'file-start', id: entry.id, name, type: file.type, size: entry.size, sha256 });
    let reported = 0;
    try {
      await sendChunks(channel, bytes, (sent) => {
        entry.bytes = sent;
        if (sent - reported >= PROGRESS_STEP || sent === entry.size) {
          reported = sent;
          this.emit(new RspDocumentProgressEvent({ id: entry.id, direction: 'send', name, bytes: sent, total: entry.size }));
          this.requestUpdate();
        }
      });
      this.session?.send({ t: 'file-end', id: entry.id });
    } catch {
      entry.status = 'failed';
      this.requestUpdate();
    }
  }

  private failActiveTransfers(): void {
    this.incoming = undefined;
    let changed = false;
    for (const entry of this.documents) {
      if (entry.status === 'active' && !(entry.direction === 'send' && entry.bytes === entry.size)) {
        entry.status = 'failed';
        changed = true;
      }
    }
    if (changed) this.requestUpdate();
  }

  private receive(message: WireMessage): void {
    switch (message.t) {
      case 'chat':
        this.chat = [...this.chat, { id: message.id, from: 'remote', text: message.text, at: Date.now() }];
        this.emit(new RspChatMessageEvent({ from: 'remote', text: message.text }));
        break;
      case 'link':
        if (!this.links.some((l) => l.id === message.id)) {
          this.links = [...this.links, { id: message.id, url: message.url, label: message.label }];
          this.emit(new RspLinkReceiveEvent({ url: message.url, label: message.label }));
        }
        break;
      case 'file-start': {
        if (checkFile(message, this.limits)) {
          this.session?.send({ t: 'file-ack', id: message.id, ok: false });
          this.callNotice = this.callText.t('refusedIncoming', message.name);
          this.incoming = undefined;
          break;
        }
        this.incoming = new Incoming(message.id, message.name, message.type, message.size, message.sha256);
        this.documents = [
          ...this.documents,
          { id: message.id, direction: 'receive', name: message.name, type: message.type, size: message.size, sha256: message.sha256, bytes: 0, status: 'active', checksumOk: undefined, blob: undefined },
        ];
        break;
      }
      case 'file-end':
        void this.finishIncoming(message.id);
        break;
      case 'file-cancel':
        if (this.incoming?.id === message.id) this.incoming = undefined;
        this.markFailed(message.id);
        break;
      case 'file-ack': {
        const entry = this.documents.find((d) => d.id === message.id && d.direction === 'send');
        if (!entry) break;
        entry.status = message.ok ? 'done' : 'failed';
        entry.checksumOk = message.ok;
        this.documents = [...this.documents];
        this.emit(new RspDocumentSendEvent({ id: entry.id, name: entry.name, type: entry.type, size: entry.size, sha256: entry.sha256, checksumOk: message.ok }));
        break;
      }
      case 'media':
        this.remoteVideo = message.video;
        this.remoteAudio = message.audio;
        if (message.audioOnly !== this.remoteAudioOnly) {
          this.remoteAudioOnly = message.audioOnly;
          this.callNotice = message.audioOnly ? this.callText.t('audioOnlyRemote') : this.callText.t('videoBack');
          this.emit(new RspCallQualityEvent({ side: this.side, origin: 'remote', audioOnly: message.audioOnly }));
        }
        break;
      case 'bye':
        this.remoteHungUp();
        break;
    }
  }

  /** The other side said goodbye. */
  protected abstract remoteHungUp(): void;

  private markFailed(id: string): void {
    const entry = this.documents.find((d) => d.id === id);
    if (entry) {
      entry.status = 'failed';
      this.documents = [...this.documents];
    }
  }

  private receiveFrame(frame: ArrayBuffer): void {
    const incoming = this.incoming;
    if (!incoming) return;
    const entry = this.documents.find((d) => d.id === incoming.id);
    if (!incoming.add(frame)) {
      // More bytes than announced: refused.
      this.incoming = undefined;
      this.session?.send({ t: 'file-ack', id: incoming.id, ok: false });
      this.markFailed(incoming.id);
      return;
    }
    if (entry) {
      const before = entry.bytes;
      entry.bytes = incoming.received;
      if (Math.floor(before / PROGRESS_STEP) !== Math.floor(entry.bytes / PROGRESS_STEP) || entry.bytes === entry.size) {
        this.emit(new RspDocumentProgressEvent({ id: entry.id, direction: 'receive', name: entry.name, bytes: entry.bytes, total: entry.size }));
        this.requestUpdate();
      }
    }
  }

  private async finishIncoming(id: string): Promise<void> {
    const incoming = this.incoming;
    if (incoming?.id !== id) return;
    this.incoming = undefined;
    const { blob, checksumOk } = await incoming.finish();
    const entry = this.documents.find((d) => d.id === id);
    this.session?.send({ t: 'file-ack', id, ok: checksumOk });
    if (!entry) return;
    entry.status = checksumOk ? 'done' : 'failed';
    entry.checksumOk = checksumOk;
    entry.blob = blob;
    this.documents = [...this.documents];
    this.emit(new RspDocumentReceiveEvent({ id, name: entry.name, type: entry.type, size: entry.size, sha256: entry.sha256, checksumOk }));
  }

  private async drawThumbnail(canvas: HTMLCanvasElement, blob: Blob): Promise<void> {
    if (!blob.type.startsWith('image/') || typeof createImageBitmap !== 'function') return;
    try {
      const bitmap = await createImageBitmap(blob);
      const scale = Math.min(1, 160 / Math.max(bitmap.width, bitmap.height));
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      bitmap.close();
    } catch {
      // Not an image the browser can decode: no thumbnail.
    }
  }

  /** Opens (new tab) or saves (download) a document; only ever on the person's click. */
  private openDocument(entry: DocumentEntry, save: boolean): void {
    if (!entry.blob) return;
    const url = URL.createObjectURL(entry.blob);
    this.objectUrls.add(url);
    const anchor = document.createElement('a');
    anchor.href = url;
    if (save) anchor.download = entry.name;
    else {
      anchor.target = '_blank';
      anchor.rel = 'noopener noreferrer';
    }
    anchor.click();
  }

  /** Takes a still from the camera and sends it as a JPEG document. */
  protected async sendPhoto(): Promise<void> {
    const video = this.renderRoot.querySelector<HTMLVideoElement>('video[data-self]');
    if (!video || video.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => {
      canvas.toBlob(resolve, 'image/jpeg', 0.9);
    });
    canvas.width = 0;
    if (!blob) return;
    this.photos += 1;
    this.sendFiles([new File([blob], this.callText.t('photoName', this.photos), { type: 'image/jpeg' })]);
  }

  private readonly onFiles = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    if (input.files) this.sendFiles(Array.from(input.files));
    input.value = '';
  };

  private readonly onChatSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.sendChat(this.chatDraft)) this.chatDraft = '';
  };

  /** The device check: preview, level meter, the message for a failure. */
  protected renderDeviceCheck(actions: TemplateResult | typeof nothing): TemplateResult {
    const t = this.callText;
    return html`<section part="device-check" aria-labelledby="device-title">
      <h3 id="device-title" part="heading">${t.t('deviceTitle')}</h3>
      <p part="hint">${t.t('deviceIntro')}</p>
      ${this.localStream
        ? html`<video part="preview" data-self autoplay playsinline muted aria-label=${t.t('devicePreview')}></video>
            <div part="level">
              <label for="mic-level">${t.t('micLevel')}</label>
              <meter id="mic-level" min="0" max="100" low="5" optimum="40" value=${this.level}></meter>
            </div>
            <p part="status" role="status">${t.t('deviceOk')}</p>`
        : nothing}
      ${this.deviceProblem
        ? html`<p part="error" role="alert"><span>${t.t('errorPrefix')}</span>${t.t(this.deviceProblem)}</p>`
        : nothing}
      <div part="actions">
        ${this.localStream
          ? nothing
          : html`<button type="button" part="button" @click=${() => void this.checkDevices()}>
              ${this.deviceProblem ? t.t('deviceRetry') : t.t('deviceStart')}
            </button>`}
        ${actions}
      </div>
    </section>`;
  }

  private linkText(): string {
    const t = this.callText;
    switch (this.link) {
      case 'connected':
        return t.t('connected');
      case 'reconnecting':
        return t.t('reconnecting');
      default:
        return t.t('connecting');
    }
  }

  private renderDocument(entry: DocumentEntry): TemplateResult {
    const t = this.callText;
    const label = entry.direction === 'send' ? t.t('sending', entry.name) : t.t('receiving', entry.name);
    const verdict =
      entry.status === 'active'
        ? ''
        : entry.status === 'failed' && entry.checksumOk === undefined
          ? t.t('failed')
          : entry.direction === 'send'
            ? entry.checksumOk
              ? t.t('sent')
              : t.t('sentBad')
            : entry.checksumOk
              ? t.t('received')
              : t.t('receivedBad');
    return html`<li part="document ${entry.direction}" data-status=${entry.status} data-checksum=${String(entry.checksumOk ?? '')}>
      <span part="document-name">${entry.name}</span> <span part="document-size">(${t.t('size', entry.size)})</span>
      ${entry.status === 'active'
        ? html`<progress part="progress" max=${entry.size} value=${entry.bytes} aria-label=${label}></progress>`
        : html`<span part="document-status" data-ok=${String(entry.checksumOk === true)}>${verdict}</span>`}
      ${entry.direction === 'receive' && entry.blob && entry.checksumOk
        ? html`${entry.type.startsWith('image/') ? html`<canvas part="thumbnail" data-doc=${entry.id} role="img" aria-label=${t.t('thumbnail', entry.name)}></canvas>` : nothing}
            <button type="button" part="button" @click=${() => {
              this.openDocument(entry, false);
            }}>${t.t('open', entry.name)}</button>
            <button type="button" part="button" @click=${() => {
              this.openDocument(entry, true);
            }}>${t.t('save', entry.name)}</button>`
        : nothing}
    </li>`;
  }

  /** Chat, documents and links: during the call, and after it until the wipe. */
  protected renderPanels(connected: boolean): TemplateResult {
    const t = this.callText;
    return html`<div part="panels">
      <section part="chat" aria-labelledby="chat-title">
        <h3 id="chat-title" part="heading">${t.t('chatTitle')}</h3>
        <div part="chat-log" role="log" aria-live="polite"><ol part="chat-list">
          ${this.chat.length === 0 ? html`<li part="empty">${t.t('chatEmpty')}</li>` : nothing}
          ${this.chat.map((m) => html`<li part="chat-message ${m.from}"><strong>${m.from === 'self' ? t.t('me') : t.t('them')}\u00a0:</strong> <span part="chat-text">${m.text}</span></li>`)}
        </ol></div>
        <form part="chat-form" @submit=${this.onChatSubmit}>
          <label for="chat-input">${t.t('chatLabel')}</label>
          <input id="chat-input" part="input" type="text" maxlength=${MAX_CHAT_LENGTH} autocomplete="off" .value=${this.chatDraft} @input=${(e: Event) => {
            this.chatDraft = (e.target as HTMLInputElement).value;
          }} />
          <button type="submit" part="button">${t.t('chatSend')}</button>
        </form>
      </section>
      <section part="documents" aria-labelledby="docs-title">
        <h3 id="docs-title" part="heading">${t.t('docsTitle')}</h3>
        <div part="file-field">
          <label for="file-input">${t.t('fileLabel')}</label>
          <input id="file-input" part="file-input" type="file" accept=${this.limits.types.join(',')} aria-describedby="file-hint" ?disabled=${!connected} @change=${this.onFiles} />
          <span id="file-hint" part="hint">${t.t('fileHint', this.limits.maxBytes)}</span>
        </div>
        <ul part="document-list">
          ${this.documents.length === 0 ? html`<li part="empty">${t.t('docsEmpty')}</li>` : nothing}
          ${this.documents.map((d) => this.renderDocument(d))}
        </ul>
        ${this.links.length > 0
          ? html`<h3 part="heading">${t.t('linksTitle')}</h3>
              <p part="hint">${t.t('linkNote')}</p>
              <ul part="link-list">
                ${this.links.map((l) => html`<li><a part="link" href=${l.url} target="_blank" rel="noopener noreferrer">${l.label || l.url}</a> <span part="hint">(${new URL(l.url).host})</span></li>`)}
              </ul>`
          : nothing}
      </section>
    </div>`;
  }

  /** The call view; `extra` goes under the controls (the desk's link form and outcome). */
  protected renderCall(extra: TemplateResult | typeof nothing): TemplateResult {
    const t = this.callText;
    const connected = this.link === 'connected';
    return html`<section part="call" aria-label=${t.t('controls')}>
      <p part="status" role="status" aria-live="polite">${this.linkText()}</p>
      ${this.callNotice ? html`<p part="notice" role="status">${this.callNotice}</p>` : nothing}
      <div part="videos">
        <video part="remote-video" data-remote autoplay playsinline aria-label=${t.t('remoteVideo')}></video>
        <video part="self-video" data-self autoplay playsinline muted aria-label=${t.t('selfVideo')}></video>
      </div>
      ${!this.remoteVideo ? html`<p part="remote-state">${t.t('remoteCameraOff')}</p>` : nothing}
      ${!this.remoteAudio ? html`<p part="remote-state">${t.t('remoteMuted')}</p>` : nothing}
      <div part="controls" role="group" aria-label=${t.t('controls')}>
        <button type="button" part="button control mute" aria-pressed=${String(this.muted)} @click=${() => {
          this.toggleMute();
        }}>${this.muted ? t.t('unmute') : t.t('mute')}</button>
        <button type="button" part="button control camera" aria-pressed=${String(this.cameraOff)} @click=${() => {
          this.toggleCamera();
        }}>${this.cameraOff ? t.t('cameraOn') : t.t('cameraOff')}</button>
        <button type="button" part="button control photo" ?disabled=${!connected || this.cameraOff} @click=${() => void this.sendPhoto()}>${t.t('photo')}</button>
        <button type="button" part="button control hang-up" @click=${() => {
          this.hangUp();
        }}>${t.t('hangUp')}</button>
      </div>
      ${extra}
      ${this.renderPanels(connected)}
    </section>`;
  }

  /** This side hangs up. */
  protected abstract hangUp(): void;
}
