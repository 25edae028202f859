import { html, nothing } from 'lit';
import type { CSSResultGroup, PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocaleController, RspElement } from '@rsp/elements';
import { createClient, isHttpError, newIdempotencyKey } from '@rsp/core/client.js';
import type { Admission, ApiClient, QueueEntry } from '@rsp/core/client.js';
import type { VisioOutcome } from '@rsp/core/schemas.js';
import { RspCallElement } from '../call/call-element.js';
import { RspCallAdmitEvent, RspCallEndEvent, RspCallStartEvent } from '../call/call.events.js';
import type { RspCallEndDetail } from '../call/call.events.js';
import { callStyles } from '../call/call.styles.js';
import { PeerSession } from '../call/session.js';
import type { CloseReason, LinkState } from '../call/session.js';
import { safeLink } from '../call/wire.js';
import { deskMessages } from './video-desk.messages.js';

type Step = 'devices' | 'queue' | 'call' | 'outcome';
const OUTCOMES: readonly VisioOutcome[] = ['settled', 'follow-up-appointment', 'redirected', 'abandoned'];

function apiProblem(error: unknown, fallback: string): string {
  if (isHttpError(error)) return error.problem?.detail ?? error.problem?.title ?? fallback;
  return fallback;
}

/**
 * The agent's side of the visio-guichet, on the agency's page: the agent's
 * desk is opened with the server (a server-issued PeerJS id and its secret),
 * the agency's queue is polled every `poll-seconds` (which also keeps the desk
 * on duty), and the agent admits the next caller or a chosen one, seeing the
 * site they call from and their motif. In the call: the same controls as the
 * citizen's, documents received with their checksum status (open, save),
 * a link or a document sent; the call ends with an outcome code recorded
 * through `POST /api/visio/sessions/{id}/end` (the evaluation counts it).
 *
 * The agent token is a property only (`desk.token = …`), never an attribute
 * or a URL: it must not end up in the page's markup, history or logs.
 *
 * @summary Visio-guichet, agent side: live queue, admit, call, outcome.
 * @tag rsp-video-desk
 *
 * @fires {RspDeviceErrorEvent} rsp-device-error - The camera or microphone could not be opened.
 * @fires {RspCallAdmitEvent} rsp-call-admit - The agent took a caller; `detail` is `{ ticketId, sessionId, siteId }`.
 * @fires {RspCallStartEvent} rsp-call-start - The call is connected both ways.
 * @fires {RspCallReconnectEvent} rsp-call-reconnect - The call dropped; the desk redials (attempt `detail.attempt`).
 * @fires {RspCallQualityEvent} rsp-call-quality - Audio only on a poor link, or video back.
 * @fires {RspCallEndEvent} rsp-call-end - The session was closed with an outcome; `detail.outcome`.
 * @fires {RspChatMessageEvent} rsp-chat-message - A chat message was sent or received.
 * @fires {RspDocumentProgressEvent} rsp-document-progress - Bytes of a document sent or received.
 * @fires {RspDocumentSendEvent} rsp-document-send - A document sent was checked by the citizen's browser.
 * @fires {RspDocumentReceiveEvent} rsp-document-receive - A document arrived; `detail.checksumOk`.
 *
 * @csspart base - The whole element.
 * @csspart heading - Section titles.
 * @csspart device-check - The camera and microphone check.
 * @csspart queue - The queue; `queue-list`, `queue-entry`, `site`, `motif`, `since`.
 * @csspart call - The call view (see `<rsp-video-counter>` for its parts).
 * @csspart link-form - The form that sends a link.
 * @csspart outcome - The outcome form.
 * @csspart button - Every button.
 * @csspart status - The state said in words.
 * @csspart error - An error, prefixed "Erreur :".
 *
 * @cssprop [--rsp-video-max-width=64rem] - Width of the element.
 * @cssprop [--rsp-video-gap=--rsp-space-4] - Space between parts.
 * @cssprop [--rsp-video-target-size=--rsp-target-size] - Smallest height of buttons and fields.
 * @cssprop [--rsp-video-self-width=22%] - Width of the self view over the remote video.
 */
export class RspVideoDesk extends RspCallElement {
  static override styles: CSSResultGroup = [RspElement.styles, callStyles];

  private readonly i18n = new LocaleController(this, deskMessages);
  protected readonly side = 'desk';

  /** The agency whose queue this desk answers (the token must be an agent token of that agency). */
  @property({ attribute: 'agency-id' }) agencyId = '';

  /** The agent's bearer token. A property only: never put it in an attribute or a URL. */
  @property({ attribute: false }) token: string | undefined;

  /** Seconds between two polls of the queue. Default 5. */
  @property({ type: Number, attribute: 'poll-seconds' }) pollSeconds = 5;

  @state() private step: Step = 'devices';
  @state() private queue: QueueEntry[] = [];
  @state() private busy = false;
  @state() private error = '';
  @state() private info = '';
  @state() private admission: Admission | undefined;
  @state() private outcome: VisioOutcome | '' = '';
  @state() private linkUrl = '';
  @state() private linkLabel = '';
  @state() private linkMessage = '';
  @state() private siteNames: ReadonlyMap<string, string> = new Map();
  @state() private motifLabels: ReadonlyMap<string, { fr: string; en?: string | undefined }> = new Map();

  private client: ApiClient | undefined;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private deskPeer: { peerId: string; peerToken: string } | undefined;
  private started = false;
  private endReason: RspCallEndDetail['reason'] = 'hangup';
  private admitKey: string | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.pollTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') || changed.has('token') || changed.has('agencyId')) {
      this.client = this.apiBase ? createClient({ baseUrl: this.apiBase, token: () => this.token, locale: this.i18n.locale, retries: 1 }) : undefined;
    }
  }

  private async openDesk(): Promise<void> {
    const client = this.client;
    if (!client || !this.token || !this.localStream || this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const [config, desk] = await Promise.all([client.visioConfig(), client.openVisioDesk()]);
      this.deskPeer = desk;
      const session = new PeerSession({ apiBase: this.apiBase, config, peerId: desk.peerId, token: desk.peerToken, role: 'caller' }, this.sessionHandlers());
      this.session = session;
      await session.open();
      this.step = 'queue';
      void this.loadMotifs();
      await this.poll();
    } catch (error) {
      this.endSession();
      this.error = apiProblem(error, this.i18n.t('problem'));
    } finally {
      this.busy = false;
    }
  }

  private async loadMotifs(): Promise<void> {
    try {
      const motifs = (await this.client?.motifs(this.agencyId)) ?? [];
      this.motifLabels = new Map(motifs.map((m) => [m.id, m.label]));
    } catch {
      // Motif ids are shown instead.
    }
  }

  private async loadSiteNames(ids: readonly string[]): Promise<void> {
    const missing = ids.filter((id) => !this.siteNames.has(id));
    if (missing.length === 0 || !this.client) return;
    const names = new Map(this.siteNames);
    await Promise.all(
      [...new Set(missing)].map(async (id) => {
        try {
          names.set(id, (await this.client?.site(id))?.site.name ?? id);
        } catch {
          names.set(id, id);
        }
      }),
    );
    this.siteNames = names;
  }

  private async poll(): Promise<void> {
    clearTimeout(this.pollTimer);
    const client = this.client;
    if (!client || (this.step !== 'queue' && this.step !== 'call' && this.step !== 'outcome')) return;
    try {
      // Polling keeps the desk on duty, during calls too.
      const items = await client.visioQueue(this.agencyId);
      this.queue = items;
      if (this.error && this.step === 'queue') this.error = '';
      void this.loadSiteNames(items.map((i) => i.siteId));
    } catch (error) {
      this.error = apiProblem(error, this.i18n.t('problem'));
    }
    this.pollTimer = setTimeout(() => void this.poll(), Math.max(1, this.pollSeconds) * 1000);
  }

  private async admit(ticketId?: string): Promise<void> {
    const client = this.client;
    if (!client || !this.localStream || !this.session || this.busy) return;
    this.busy = true;
    this.error = '';
    this.info = '';
    this.admitKey ??= newIdempotencyKey();
    try {
      const admission = await client.admitVisio({ agencyId: this.agencyId, ...(ticketId ? { ticketId } : {}) }, { idempotencyKey: this.admitKey });
      this.admitKey = undefined;
      this.admission = admission;
      this.started = false;
      this.outcome = '';
      this.wipe();
      this.step = 'call';
      this.emit(new RspCallAdmitEvent({ ticketId: admission.ticketId, sessionId: admission.session.id, siteId: admission.session.siteId }));
      void this.loadSiteNames([admission.session.siteId]);
      this.session.dial(admission.peerId, this.localStream);
    } catch (error) {
      this.admitKey = undefined;
      this.error = apiProblem(error, this.i18n.t('problem'));
      void this.poll();
    } finally {
      this.busy = false;
    }
  }

  protected linkChanged(state: LinkState, reason: CloseReason | undefined): void {
    if (state === 'connected' && this.step === 'call' && !this.started && this.admission) {
      this.started = true;
      this.callStartedAt = Date.now();
      this.emit(new RspCallStartEvent({ side: 'desk', ticketId: this.admission.ticketId, sessionId: this.admission.session.id }));
    } else if (state === 'waiting' && reason === 'lost') {
      // The caller could not be reached, or the call could not be restored.
      if (this.step === 'call') this.callOver('lost');
    } else if (state === 'closed' && reason) {
      // The signalling connection is gone for good (the desk expired or the token was revoked).
      this.error = this.i18n.t('problem');
      if (this.step === 'call') this.callOver('lost');
    }
  }

  protected remoteHungUp(): void {
    if (this.step === 'call') this.callOver('remote');
  }

  protected hangUp(): void {
    if (this.step !== 'call') return;
    this.session?.send({ t: 'bye' });
    this.callOver('hangup');
  }

  /** The call is over: hang up the peer connections (the desk stays open) and ask for the outcome. */
  private callOver(reason: RspCallEndDetail['reason']): void {
    this.endReason = reason;
    this.session?.hangUpCall();
    this.remoteStream = undefined;
    this.step = 'outcome';
    this.outcome = reason === 'lost' ? 'abandoned' : '';
    this.info = this.i18n.t('callEnded');
  }

  private async endWithOutcome(): Promise<void> {
    const admission = this.admission;
    const client = this.client;
    if (!admission || !client || !this.outcome || this.busy) return;
    this.busy = true;
    try {
      const documentsExchanged = this.documents.filter((d) => d.status === 'done').length;
      await client.endVisioSession(admission.session.id, { outcome: this.outcome, documentsExchanged });
      this.emit(
        new RspCallEndEvent({
          side: 'desk',
          ticketId: admission.ticketId,
          sessionId: admission.session.id,
          reason: this.endReason,
          durationSeconds: this.started ? Math.round((Date.now() - this.callStartedAt) / 1000) : 0,
          outcome: this.outcome,
        }),
      );
      this.admission = undefined;
      this.wipe();
      this.step = 'queue';
      this.info = this.i18n.t('ended');
      void this.poll();
    } catch (error) {
      this.error = apiProblem(error, this.i18n.t('problem'));
    } finally {
      this.busy = false;
    }
  }

  private onLinkSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const url = safeLink(this.linkUrl);
    if (!url) {
      this.linkMessage = this.i18n.t('linkBad');
      return;
    }
    if (this.sendLink(url, this.linkLabel.trim())) {
      this.linkMessage = this.i18n.t('linkSent');
      this.linkUrl = '';
      this.linkLabel = '';
    } else this.linkMessage = this.callText.t('notConnected');
  };

  private siteName(id: string): string {
    return this.siteNames.get(id) ?? id;
  }

  private motifName(id: string | undefined): string {
    if (!id) return this.i18n.t('noMotif');
    const label = this.motifLabels.get(id);
    return label ? (label[this.i18n.locale] ?? label.fr) : id;
  }

  private renderQueue(): TemplateResult {
    const t = this.i18n;
    return html`<section part="queue" aria-labelledby="queue-title">
      <h3 id="queue-title" part="heading">${t.t('queueTitle')}</h3>
      <p part="hint">${t.t('refresh', Math.max(1, this.pollSeconds))}</p>
      <p part="status" role="status" aria-live="polite">${this.queue.length === 0 ? t.t('empty') : t.t('waiting', this.queue.length)}</p>
      <div part="actions">
        <button type="button" part="button primary" ?disabled=${this.busy || this.queue.length === 0} @click=${() => void this.admit()}>${t.t('admitNext')}</button>
      </div>
      <ol part="queue-list">
        ${this.queue.map(
          (entry) => html`<li part="queue-entry" data-ticket=${entry.ticketId}>
            <span><span part="label">${t.t('from')}</span><span part="site">${this.siteName(entry.siteId)}</span></span>
            <span><span part="label">${t.t('motif')}</span><span part="motif">${this.motifName(entry.motifId)}</span></span>
            <span part="since">${t.t('since', this.i18n.formatDate(new Date(entry.requestedAt), { timeStyle: 'short' }))}</span>
            <button type="button" part="button" ?disabled=${this.busy} @click=${() => void this.admit(entry.ticketId)}>${t.t('admitThis', this.siteName(entry.siteId))}</button>
          </li>`,
        )}
      </ol>
    </section>`;
  }

  private renderLinkForm(): TemplateResult {
    const t = this.i18n;
    return html`<form part="link-form" @submit=${this.onLinkSubmit} aria-labelledby="link-title">
      <h3 id="link-title" part="heading">${t.t('linkTitle')}</h3>
      <label for="link-url">${t.t('linkUrl')}</label>
      <input id="link-url" part="input" type="url" inputmode="url" .value=${this.linkUrl} @input=${(e: Event) => {
        this.linkUrl = (e.target as HTMLInputElement).value;
      }} />
      <label for="link-label">${t.t('linkLabel')}</label>
      <input id="link-label" part="input" type="text" maxlength="200" .value=${this.linkLabel} @input=${(e: Event) => {
        this.linkLabel = (e.target as HTMLInputElement).value;
      }} />
      <button type="submit" part="button">${t.t('linkSend')}</button>
      ${this.linkMessage ? html`<p part="hint" role="status">${this.linkMessage}</p>` : nothing}
    </form>`;
  }

  private renderOutcome(): TemplateResult {
    const t = this.i18n;
    return html`<form part="outcome" @submit=${(e: SubmitEvent) => {
      e.preventDefault();
      void this.endWithOutcome();
    }}>
      <h3 part="heading">${t.t('outcomeTitle')}</h3>
      <fieldset>
        <legend>${t.t('outcomeLegend')}</legend>
        ${OUTCOMES.map(
          (o) => html`<label part="choice"><input type="radio" name="outcome" .value=${o} .checked=${this.outcome === o} @change=${() => {
            this.outcome = o;
          }} /> ${t.t(o)}</label>`,
        )}
      </fieldset>
      <button type="submit" part="button primary" ?disabled=${!this.outcome || this.busy}>${this.busy ? t.t('ending') : t.t('endSession')}</button>
    </form>`;
  }

  override render(): TemplateResult {
    const t = this.i18n;
    let body: TemplateResult;
    if (!this.apiBase || !this.agencyId) body = html`<p part="error" role="alert"><span>${this.callText.t('errorPrefix')}</span>${t.t('missing')}</p>`;
    else if (!this.token) body = html`<p part="status">${t.t('noToken')}</p>`;
    else if (this.step === 'devices')
      body = this.renderDeviceCheck(
        this.localStream
          ? html`<button type="button" part="button primary" ?disabled=${this.busy} @click=${() => void this.openDesk()}>${this.busy ? t.t('opening') : t.t('openDesk')}</button>`
          : nothing,
      );
    else if (this.step === 'queue') body = this.renderQueue();
    else if (this.step === 'call')
      body = html`<h3 part="heading">${t.t('calling', this.siteName(this.admission?.session.siteId ?? ''))} — ${this.motifName(this.admission?.session.motifId)}</h3>
        ${this.renderCall(this.renderLinkForm())}`;
    else body = html`${this.renderOutcome()}${this.renderPanels(false)}`;
    return html`<div part="base" data-step=${this.step}>
      <h2 part="heading">${t.t('title')}</h2>
      ${this.error ? html`<p part="error" role="alert"><span>${this.callText.t('errorPrefix')}</span>${this.error}</p>` : nothing}
      ${this.info ? html`<p part="status" role="status">${this.info}</p>` : nothing}
      ${body}
    </div>`;
  }
}
