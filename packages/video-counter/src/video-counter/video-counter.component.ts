import { html, nothing } from 'lit';
import type { CSSResultGroup, PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocaleController, RspElement } from '@rsp/elements';
import { createClient, isHttpError, newIdempotencyKey } from '@rsp/core/client.js';
import type { ApiClient, VisioTicket } from '@rsp/core/client.js';
import { RspCallElement } from '../call/call-element.js';
import { RspCallEndEvent, RspCallStartEvent, RspQueueJoinEvent, RspQueueLeaveEvent, RspSessionWipeEvent } from '../call/call.events.js';
import type { RspCallEndDetail, RspSessionWipeDetail } from '../call/call.events.js';
import { callStyles } from '../call/call.styles.js';
import { PeerSession } from '../call/session.js';
import type { CloseReason, LinkState } from '../call/session.js';
import { wireId } from '../call/wire.js';
import { counterMessages } from './video-counter.messages.js';

type Step = 'choose' | 'devices' | 'queue' | 'call' | 'ended';
type EndKind = 'ended' | 'endedRemote' | 'endedLost' | 'expired' | 'cancelled';

interface AgencyChoice {
  readonly id: string;
  readonly name: string;
}

/** A human-readable message from an API failure: the server's own words (problem detail) when it gave some. */
function apiProblem(error: unknown, fallback: string): string {
  if (isHttpError(error)) return error.problem?.detail ?? error.problem?.title ?? fallback;
  return fallback;
}

/**
 * The citizen's side of the visio-guichet, at a public-service point (a kiosk
 * or the mediator's computer): choose the agency (or have it preset), check
 * the camera and microphone, join the agency's queue with a ticket from the
 * RSP Kit server, wait (position and estimate), then talk with the agent who
 * admits the call: video both ways, chat, documents (a file or a photo from
 * the camera) with a checksum, links received. Video pauses on a poor link
 * and comes back; a dropped call reconnects while the ticket is valid.
 *
 * Signalling goes only through the PeerJS server on the API's origin with
 * the id the server issued; ICE servers come from `GET /api/visio/config`.
 * Media and documents go browser to browser. Only calls from the agent the
 * server names for the ticket are answered.
 *
 * In kiosk mode, everything of a session (documents, object URLs, chat,
 * thumbnails, links) is wiped after the call and after `idle-seconds`
 * without a touch outside a call.
 *
 * @summary Visio-guichet, citizen side: device check, queue, peer-to-peer call.
 * @tag rsp-video-counter
 *
 * @fires {RspDeviceErrorEvent} rsp-device-error - The camera or microphone could not be opened; `detail` is `{ name, problem }`.
 * @fires {RspQueueJoinEvent} rsp-queue-join - A ticket was issued; `detail` is `{ ticketId, agencyId, siteId, position, estimatedWaitMinutes }`.
 * @fires {RspQueueLeaveEvent} rsp-queue-leave - The citizen left the queue or the ticket ended; `detail` is `{ ticketId, reason }`.
 * @fires {RspCallStartEvent} rsp-call-start - The call is connected both ways.
 * @fires {RspCallReconnectEvent} rsp-call-reconnect - The call dropped; reconnection attempt `detail.attempt`.
 * @fires {RspCallQualityEvent} rsp-call-quality - Audio only on a poor link, or video back.
 * @fires {RspCallEndEvent} rsp-call-end - The call ended; `detail.reason` is `hangup`, `remote`, `lost` or `refused`.
 * @fires {RspChatMessageEvent} rsp-chat-message - A chat message was sent or received.
 * @fires {RspDocumentProgressEvent} rsp-document-progress - Bytes of a document sent or received.
 * @fires {RspDocumentSendEvent} rsp-document-send - A document sent was checked by the agent's browser.
 * @fires {RspDocumentReceiveEvent} rsp-document-receive - A document arrived; `detail.checksumOk`.
 * @fires {RspLinkReceiveEvent} rsp-link-receive - The agent sent a link (http or https only).
 * @fires {RspSessionWipeEvent} rsp-session-wipe - Kiosk mode: the session was wiped; `detail.reason`.
 *
 * @csspart base - The whole element.
 * @csspart heading - Section titles.
 * @csspart agency-choice - The agency choice.
 * @csspart choice - One agency option.
 * @csspart device-check - The camera and microphone check.
 * @csspart preview - The camera preview.
 * @csspart level - The microphone meter.
 * @csspart queue - The waiting screen.
 * @csspart call - The call view.
 * @csspart videos - Remote and self video.
 * @csspart remote-video - The agent's video.
 * @csspart self-video - The citizen's own picture.
 * @csspart controls - Mute, camera, photo, hang up.
 * @csspart button - Every button (with `control`, `mute`, `camera`, `photo`, `hang-up`, `primary`).
 * @csspart chat - The chat panel; `chat-log`, `chat-message`, `chat-text`, `chat-form`, `input`.
 * @csspart documents - The documents panel; `document`, `document-name`, `progress`, `document-status`, `thumbnail`, `file-input`.
 * @csspart link-list - Links received; `link`.
 * @csspart status - The state said in words.
 * @csspart notice - A passing notice (poor link, refused document).
 * @csspart error - An error, prefixed "Erreur :".
 * @csspart ended - The end screen.
 *
 * @cssprop [--rsp-video-max-width=64rem] - Width of the element.
 * @cssprop [--rsp-video-gap=--rsp-space-4] - Space between parts.
 * @cssprop [--rsp-video-target-size=--rsp-target-size] - Smallest height of buttons and fields (4rem in kiosk mode).
 * @cssprop [--rsp-video-self-width=22%] - Width of the self view over the remote video.
 */
export class RspVideoCounter extends RspCallElement {
  static override styles: CSSResultGroup = [RspElement.styles, callStyles];

  private readonly i18n = new LocaleController(this, counterMessages);
  protected readonly side = 'counter';

  /** Id of the site (RSP) the call is made from, as the API knows it. */
  @property({ attribute: 'site-id' }) siteId = '';

  /** Preset agency id: the choice is skipped. */
  @property({ attribute: 'agency-id' }) agencyId = '';

  /** Optional motif id (must offer the visio channel). */
  @property({ attribute: 'motif-id' }) motifId = '';

  /** Kiosk mode: larger targets; the session is wiped after the call and after `idle-seconds` without a touch. */
  @property({ type: Boolean, reflect: true }) kiosk = false;

  /** Kiosk mode: seconds without a touch or a key, outside a call or the queue, before the wipe. Default 120. */
  @property({ type: Number, attribute: 'idle-seconds' }) idleSeconds = 120;

  /** Seconds between two polls of the ticket while waiting (the server expires a ticket not polled for 2 minutes). Default 5. */
  @property({ type: Number, attribute: 'poll-seconds' }) pollSeconds = 5;

  @state() private step: Step = 'choose';
  @state() private agencies: AgencyChoice[] | undefined;
  @state() private chosen = '';
  @state() private ticket: VisioTicket | undefined;
  @state() private busy = false;
  @state() private error = '';
  @state() private endKind: EndKind | undefined;
  @state() private wiped = false;

  private client: ApiClient | undefined;
  private joinKey: string | undefined;
  private agentPeerId: string | undefined;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private started = false;
  private readonly activity = (): void => {
    this.armIdle();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of ['pointerdown', 'click', 'keydown', 'input']) this.addEventListener(type, this.activity);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of ['pointerdown', 'click', 'keydown', 'input']) this.removeEventListener(type, this.activity);
    clearTimeout(this.pollTimer);
    clearTimeout(this.idleTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') || changed.has('siteId') || changed.has('agencyId')) {
      this.client = this.apiBase ? createClient({ baseUrl: this.apiBase, locale: this.i18n.locale, retries: 1 }) : undefined;
      if (this.step === 'choose' || this.step === 'devices') {
        this.chosen = this.agencyId;
        this.step = this.agencyId ? 'devices' : 'choose';
        if (!this.agencyId) void this.loadAgencies();
        else void this.loadPresetName();
      }
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Each new screen restarts the inactivity count (kiosk mode).
    if (changed.has('step' as keyof RspVideoCounter) || changed.has('kiosk') || changed.has('idleSeconds')) this.armIdle();
  }

  /** Leaves the queue or hangs up, then wipes the session (what kiosk mode does after a call). */
  reset(): void {
    void this.leaveQueue('wipe');
    if (this.step === 'call') this.hangUp();
    this.wipeAll('end');
  }

  private async loadAgencies(): Promise<void> {
    if (!this.client || !this.siteId) return;
    this.agencies = undefined;
    try {
      const [detail, partners] = await Promise.all([this.client.site(this.siteId), this.client.partners()]);
      const names = new Map(partners.map((p) => [p.id, p.name]));
      this.agencies = detail.conventions.filter((c) => c.visio === true).map((c) => ({ id: c.agencyId, name: names.get(c.agencyId) ?? c.agencyId }));
    } catch (error) {
      this.error = apiProblem(error, this.i18n.t('problem'));
      this.agencies = [];
    }
  }

  /** The preset agency's name, for "Organisme : CAF" (its id until then, or if the call fails). */
  private async loadPresetName(): Promise<void> {
    const id = this.agencyId;
    try {
      const partner = (await this.client?.partners())?.find((p) => p.id === id);
      if (partner && id === this.agencyId) this.agencies = [{ id, name: partner.name }];
    } catch {
      // The id is shown instead.
    }
  }

  private armIdle(): void {
    clearTimeout(this.idleTimer);
    if (!this.kiosk || this.step === 'call' || this.step === 'queue') return;
    this.idleTimer = setTimeout(() => {
      this.wipeAll('inactivity');
    }, Math.max(1, this.idleSeconds) * 1000);
  }

  /** Removes every trace of the session and goes back to the start. */
  private wipeAll(reason: RspSessionWipeDetail['reason']): void {
    clearTimeout(this.idleTimer);
    clearTimeout(this.pollTimer);
    this.endSession();
    this.releaseDevices();
    this.wipe();
    this.ticket = undefined;
    this.joinKey = undefined;
    this.agentPeerId = undefined;
    this.error = '';
    this.deviceProblem = undefined;
    this.chosen = this.agencyId;
    this.step = this.agencyId ? 'devices' : 'choose';
    this.wiped = reason !== 'end' || this.kiosk;
    this.endKind = undefined;
    this.emit(new RspSessionWipeEvent({ reason }));
  }

  private async join(): Promise<void> {
    const client = this.client;
    if (!client || !this.localStream || this.busy) return;
    this.busy = true;
    this.error = '';
    this.wiped = false;
    // One key per request, kept across retries of that request: never two tickets for one click.
    this.joinKey ??= newIdempotencyKey();
    try {
      const config = await client.visioConfig();
      const ticket = await client.requestVisio(
        { siteId: this.siteId, agencyId: this.chosen, ...(this.motifId ? { motifId: this.motifId } : {}) },
        { idempotencyKey: this.joinKey },
      );
      this.ticket = ticket;
      const session = new PeerSession(
        { apiBase: this.apiBase, config, peerId: ticket.peerId, token: wireId(), role: 'callee' },
        this.sessionHandlers(),
      );
      this.session = session;
      session.acceptFrom((peerId) => this.isOurAgent(peerId), this.localStream);
      await session.open();
      this.step = 'queue';
      this.started = false;
      this.emit(new RspQueueJoinEvent({ ticketId: ticket.ticketId, agencyId: this.chosen, siteId: this.siteId, position: ticket.position, estimatedWaitMinutes: ticket.estimatedWaitMinutes }));
      this.schedulePoll();
    } catch (error) {
      this.endSession();
      this.error = apiProblem(error, this.i18n.t('problem'));
    } finally {
      this.busy = false;
    }
  }

  /** Answers only the agent the server names for this ticket. */
  private async isOurAgent(peerId: string): Promise<boolean> {
    if (this.agentPeerId) return this.agentPeerId === peerId;
    const ticket = this.ticket;
    if (!ticket || !this.client) return false;
    try {
      const status = await this.client.visioTicket(ticket.ticketId);
      if (status.status === 'admitted' && status.agentPeerId) this.agentPeerId = status.agentPeerId;
      return status.agentPeerId === peerId;
    } catch {
      return false;
    }
  }

  private schedulePoll(): void {
    clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(() => void this.poll(), Math.max(1, this.pollSeconds) * 1000);
  }

  private async poll(): Promise<void> {
    const ticket = this.ticket;
    if (!ticket || !this.client || this.step !== 'queue') return;
    try {
      const status = await this.client.visioTicket(ticket.ticketId);
      if (this.ticket !== ticket) return;
      if (status.status === 'expired' || status.status === 'cancelled') {
        this.endSession();
        this.step = 'ended';
        this.endKind = status.status;
        this.emit(new RspQueueLeaveEvent({ ticketId: ticket.ticketId, reason: status.status }));
        this.armIdle();
        return;
      }
      if (status.agentPeerId) this.agentPeerId = status.agentPeerId;
      this.ticket = { ticketId: status.ticketId, peerId: status.peerId, position: status.position, estimatedWaitMinutes: status.estimatedWaitMinutes };
    } catch {
      // A missed poll is retried; the ticket lives 2 minutes without one.
    }
    if (this.step === 'queue') this.schedulePoll();
  }

  private async leaveQueue(reason: 'left' | 'wipe'): Promise<void> {
    const ticket = this.ticket;
    if (!ticket || this.step !== 'queue') return;
    clearTimeout(this.pollTimer);
    this.endSession();
    this.ticket = undefined;
    this.joinKey = undefined;
    this.step = 'devices';
    this.emit(new RspQueueLeaveEvent({ ticketId: ticket.ticketId, reason }));
    await this.client?.cancelVisio(ticket.ticketId).catch(() => undefined);
  }

  protected linkChanged(state: LinkState, reason: CloseReason | undefined): void {
    if (state === 'connecting' || state === 'connected' || state === 'reconnecting') {
      if (this.step === 'queue') {
        clearTimeout(this.pollTimer);
        this.step = 'call';
        this.emit(new RspQueueLeaveEvent({ ticketId: this.ticket?.ticketId ?? '', reason: 'left' }));
      }
      if (state === 'connected' && !this.started) {
        this.started = true;
        this.callStartedAt = Date.now();
        this.emit(new RspCallStartEvent({ side: 'counter', ticketId: this.ticket?.ticketId ?? '', sessionId: undefined }));
      }
    } else if (state === 'closed' && reason && this.step === 'call') {
      this.finish(reason === 'refused' ? 'refused' : 'lost');
    }
  }

  protected remoteHungUp(): void {
    if (this.step === 'call') this.finish('remote');
  }

  protected hangUp(): void {
    if (this.step !== 'call') return;
    this.session?.send({ t: 'bye' });
    this.finish('hangup');
  }

  private finish(reason: RspCallEndDetail['reason']): void {
    const ticketId = this.ticket?.ticketId ?? '';
    // Give the goodbye a moment to leave before the connection closes.
    const session = this.session;
    this.session = undefined;
    setTimeout(() => session?.close(), 200);
    this.remoteStream = undefined;
    this.step = 'ended';
    this.endKind = reason === 'remote' ? 'endedRemote' : reason === 'hangup' ? 'ended' : 'endedLost';
    this.emit(
      new RspCallEndEvent({ side: 'counter', ticketId, sessionId: undefined, reason, durationSeconds: this.started ? Math.round((Date.now() - this.callStartedAt) / 1000) : 0 }),
    );
    this.started = false;
    if (this.kiosk) {
      const kind = this.endKind;
      this.wipeAll(reason === 'hangup' ? 'hangup' : 'end');
      this.step = 'ended';
      this.endKind = kind;
      this.wiped = true;
    } else this.releaseDevices();
    this.armIdle();
  }

  private restart(): void {
    this.wipe();
    this.ticket = undefined;
    this.joinKey = undefined;
    this.agentPeerId = undefined;
    this.endKind = undefined;
    this.wiped = false;
    this.chosen = this.agencyId;
    this.step = this.agencyId ? 'devices' : 'choose';
    if (!this.agencyId && !this.agencies) void this.loadAgencies();
  }

  private renderChoose(): TemplateResult {
    const t = this.i18n;
    if (!this.agencies) return html`<p part="status" role="status">${t.t('loading')}</p>`;
    if (this.agencies.length === 0) return html`<p part="status">${t.t('noAgency')}</p>`;
    return html`<form part="agency-choice" @submit=${(e: SubmitEvent) => {
      e.preventDefault();
      if (this.chosen) this.step = 'devices';
    }}>
      <fieldset>
        <legend part="heading">${t.t('chooseAgency')}</legend>
        ${this.agencies.map(
          (a) => html`<label part="choice"><input type="radio" name="agency" .value=${a.id} .checked=${this.chosen === a.id} @change=${() => {
            this.chosen = a.id;
          }} /> ${a.name}</label>`,
        )}
      </fieldset>
      <div part="actions"><button type="submit" part="button primary" ?disabled=${!this.chosen}>${t.t('next')}</button></div>
    </form>`;
  }

  private agencyName(): string {
    return this.agencies?.find((a) => a.id === this.chosen)?.name ?? this.chosen;
  }

  private renderDevices(): TemplateResult {
    const t = this.i18n;
    return html`${this.chosen ? html`<p part="agency">${t.t('agencyIs', this.agencyName())}</p>` : nothing}
      ${this.renderDeviceCheck(html`${this.localStream
        ? html`<button type="button" part="button primary" ?disabled=${this.busy} @click=${() => void this.join()}>${this.busy ? t.t('joining') : t.t('join')}</button>`
        : nothing}
        ${this.agencyId ? nothing : html`<button type="button" part="button" @click=${() => {
          this.step = 'choose';
        }}>${t.t('change')}</button>`}`)}`;
  }

  private renderQueue(): TemplateResult {
    const t = this.i18n;
    const ticket = this.ticket;
    return html`<section part="queue" aria-labelledby="queue-title">
      <h3 id="queue-title" part="heading">${t.t('agencyIs', this.agencyName())}</h3>
      <p part="status" role="status" aria-live="polite">
        ${t.t('queued')} ${ticket ? html`<span part="position">${t.t('position', ticket.position)}</span> <span part="estimate">${t.t('estimate', ticket.estimatedWaitMinutes)}</span>` : nothing}
      </p>
      <video part="preview" data-self autoplay playsinline muted aria-label=${this.callText.t('devicePreview')}></video>
      <div part="actions"><button type="button" part="button" @click=${() => void this.leaveQueue('left')}>${t.t('leave')}</button></div>
    </section>`;
  }

  private renderEnded(): TemplateResult {
    const t = this.i18n;
    return html`<section part="ended">
      <p part="status" role="status">${this.endKind ? t.t(this.endKind) : t.t('ended')}</p>
      ${this.wiped ? html`<p part="hint">${t.t('wiped')}</p>` : nothing}
      ${!this.kiosk && (this.chat.length > 0 || this.documents.length > 0) ? this.renderPanels(false) : nothing}
      <div part="actions"><button type="button" part="button primary" @click=${() => {
        this.restart();
      }}>${t.t('restart')}</button></div>
    </section>`;
  }

  override render(): TemplateResult {
    const t = this.i18n;
    let body: TemplateResult;
    if (!this.apiBase || !this.siteId) body = html`<p part="error" role="alert"><span>${this.callText.t('errorPrefix')}</span>${t.t('missing')}</p>`;
    else if (this.step === 'choose') body = this.renderChoose();
    else if (this.step === 'devices') body = this.renderDevices();
    else if (this.step === 'queue') body = this.renderQueue();
    else if (this.step === 'call') body = this.renderCall(nothing);
    else body = this.renderEnded();
    return html`<div part="base" data-step=${this.step}>
      <h2 part="heading">${t.t('title')}</h2>
      ${this.step === 'choose' || this.step === 'devices' ? html`<p part="hint">${t.t('intro')}</p>` : nothing}
      ${this.error ? html`<p part="error" role="alert"><span>${this.callText.t('errorPrefix')}</span>${this.error}</p>` : nothing}
      ${body}
    </div>`;
  }
}
