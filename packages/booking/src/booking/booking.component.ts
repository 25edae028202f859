import { html, nothing } from 'lit';
import type { CSSResultGroup, PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocaleController, RspElement } from '@rsp/elements';
import { createClient, isHttpError, newIdempotencyKey } from '@rsp/core/client.js';
import type { ApiClient, ApiSlot, BookingConfirmation, BookingRequest } from '@rsp/core/client.js';
import { isPublicHoliday } from '@rsp/core/hours.js';
import { BookingPerson, Site as SiteSchema, validate } from '@rsp/core/schemas.js';
import type { Agency, Booking, Channel, Motif, Site } from '@rsp/core/schemas.js';
import { addDaysToDate, daysInMonth, parisDate, parisOffsetMinutes, parseIsoDate, startOfParisDay } from '@rsp/core/time.js';
import { addMonths, isCalendarKey, monthGrid, moveDay } from './calendar.js';
import { RspBookingCancelEvent, RspBookingConfirmEvent, RspBookingRescheduleEvent, RspBookingStepEvent } from './booking.events.js';
import type { BookingStep } from './booking.events.js';
import { bookingMessages } from './booking.messages.js';
import { bookingStyles } from './booking.styles.js';

type Fields = Record<'name' | 'phone' | 'email', string>;
interface Notice {
  readonly variant: 'error' | 'warning' | 'success' | 'info';
  readonly text: string;
  readonly retry?: () => void;
}

/** The numbered steps of the flow, in order. */
const FLOW: readonly BookingStep[] = ['subject', 'channel', 'place', 'time', 'details', 'summary'];
const needsSite = (channel: string): boolean => channel === 'on-site' || channel === 'visio';
/** The date at noon UTC: the same calendar day in Paris, for `Intl` formatting. */
const noon = (date: string): Date => {
  const { year, month, day } = parseIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day, 12));
};

/**
 * Books an appointment with a partner agency, at a public-service point, by
 * visio-guichet from it, or by phone: subject (agency and motif), channel,
 * place, time (next free slots, then an accessible calendar), the person's
 * details, a summary, and a confirmation with the calendar file and the
 * cancel/reschedule link. The same element opens that link (`token`, or the
 * page's `?rdv=` parameter), books for a person at the desk in mediator mode
 * (`mediatorToken`), and shows a read-only "call or go there" card when no
 * API is configured. Times are Europe/Paris, and said so.
 *
 * @summary Book, cancel or move an appointment with a partner agency.
 * @tag rsp-booking
 *
 * @fires {RspBookingConfirmEvent} rsp-booking-confirm - The server confirmed a booking (`detail`: booking, token, icsUrl, manageUrl).
 * @fires {RspBookingCancelEvent} rsp-booking-cancel - A booking was cancelled from its link.
 * @fires {RspBookingRescheduleEvent} rsp-booking-reschedule - A booking was moved to another slot from its link.
 * @fires {RspBookingStepEvent} rsp-booking-step - The widget moved to another step or state.
 *
 * @csspart base - The widget's box.
 * @csspart title - The widget's heading.
 * @csspart mode - The mediator-mode banner and its buttons.
 * @csspart progress - "Step n of 6".
 * @csspart heading - The current step's heading (receives the focus when the step changes).
 * @csspart notice - Messages (slot taken, server unreachable…), an `<rsp-notice>`.
 * @csspart options - A group of choices (agencies, motifs, channels, places).
 * @csspart option - One choice.
 * @csspart next-slots - The list of the next free slots.
 * @csspart slot - A slot button (next slots and the times of a day).
 * @csspart calendar - The calendar: month navigation, grid and notes.
 * @csspart month - The month's name.
 * @csspart month-button - The previous/next month buttons.
 * @csspart grid - The month's table.
 * @csspart dst - The note under the grid in a month when the clocks change.
 * @csspart day - A day button; also `day-free`, `day-holiday`, `day-selected`.
 * @csspart times - The times of the chosen day.
 * @csspart field - A form field (label, input, hint, error).
 * @csspart input - A text input.
 * @csspart error - A field's error message.
 * @csspart privacy - The privacy notice.
 * @csspart summary - The summary list.
 * @csspart actions - The buttons of a step.
 * @csspart button - A secondary button.
 * @csspart primary - The main button of a step.
 * @csspart ics-link - The calendar file link.
 * @csspart manage-link - The cancel/reschedule link.
 * @csspart agenda - The mediator's agenda table.
 * @csspart static - The read-only contact card.
 *
 * @cssprop [--rsp-booking-max-width=40rem] - Largest width of the widget.
 * @cssprop [--rsp-booking-day-size=2.75rem] - Size of a calendar day.
 */
export class RspBooking extends RspElement {
  static override styles: CSSResultGroup = [RspElement.styles, bookingStyles];

  private readonly i18n = new LocaleController(this, bookingMessages);

  /** Where the API lives (`/` on the same origin). Without it the widget shows the read-only contact card. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** The place: preselects it (and limits the agencies to its partners). Needed in mediator mode. */
  @property({ attribute: 'site-id' }) siteId = '';

  /** An agency id to preselect. */
  @property() agency = '';

  /** A motif id to preselect (with `agency`). */
  @property() motif = '';

  /**
   * The secret token of a booking's link: opens its cancel/reschedule state.
   * When empty, the page's `?rdv=` parameter is read instead (the link the
   * widget gives after booking points to the page with that parameter).
   */
  @property() token = '';

  /** The page the cancel/reschedule link opens (default: this page without its query); the widget adds `?rdv=<token>`. */
  @property({ attribute: 'manage-href' }) manageHref = '';

  /** Time allowed for each call to the API, in milliseconds. */
  @property({ type: Number }) timeout = 10_000;

  /**
   * A mediator's bearer token (property only, never an attribute or a URL):
   * books on behalf of the person at the desk (`bookedBy: "mediator"`) and
   * shows the day's agenda of the site (`site-id`).
   */
  @property({ attribute: false }) mediatorToken = '';

  /** Sites for the read-only card when there is no `api-base` (records of `@rsp/core/schemas.js`). */
  @property({ attribute: false }) sites: readonly Site[] = [];

  /** A JSON file of sites (`Site[]` or `{ items: Site[] }`) for the read-only card. */
  @property() src = '';

  @state() private step: BookingStep = 'subject';
  @state() private notice: Notice | undefined;
  @state() private loading = false;
  @state() private busy = false;
  @state() private agencies: Agency[] = [];
  @state() private motifs: Motif[] = [];
  @state() private places: Site[] = [];
  @state() private agencyId = '';
  @state() private motifId = '';
  @state() private channel: Channel | '' = '';
  @state() private placeId = '';
  @state() private nextSlots: ApiSlot[] = [];
  @state() private bySlotDay = new Map<string, ApiSlot[]>();
  @state() private month = '';
  @state() private focusDay = '';
  @state() private day = '';
  @state() private chosenSlot: ApiSlot | undefined;
  @state() private fields: Fields = { name: '', phone: '', email: '' };
  @state() private errors: Partial<Fields> = {};
  @state() private choiceError = '';
  @state() private confirmation: BookingConfirmation | undefined;
  @state() private managed: Booking | undefined;
  @state() private askCancel = false;
  @state() private agenda: Booking[] | undefined;
  @state() private agendaDay = '';

  private client: ApiClient | undefined;
  private clientKey = '';
  private generation = 0;
  private loadedMonths = new Set<string>();
  private history: BookingStep[] = [];
  private focusHeading = false;
  private focusDate = false;
  /** The idempotency key of the booking being confirmed, and the body it belongs to: a retry reuses both. */
  private key = '';
  private keyBody = '';
  private cancelKey = '';
  private manageToken = '';

  override willUpdate(changed: PropertyValues<this>): void {
    if (['apiBase', 'siteId', 'agency', 'motif', 'token', 'src'].some((name) => changed.has(name as keyof RspBooking))) void this.restart();
  }

  override updated(): void {
    if (this.focusHeading) {
      this.focusHeading = false;
      this.renderRoot.querySelector<HTMLElement>('[part="heading"]')?.focus();
    }
    if (this.focusDate) {
      this.focusDate = false;
      this.renderRoot.querySelector<HTMLElement>(`[data-date="${this.focusDay}"]`)?.focus();
    }
  }

  /**
   * Chooses the place, for instance from the site finder's `rsp-site-select`
   * event: `booking.selectSite(event.detail.site)`. On the place step it goes
   * on to the time.
   */
  selectSite(site: Site | string): void {
    const id = typeof site === 'string' ? site : site.id;
    if (typeof site !== 'string' && !this.places.some((p) => p.id === id)) this.places = [...this.places, site];
    this.placeId = id;
    if (this.step === 'place') this.go('time');
  }

  private get t() {
    return this.i18n.t.bind(this.i18n);
  }

  private get api(): ApiClient {
    const key = `${this.apiBase}|${this.i18n.locale}|${String(this.timeout)}`;
    if (!this.client || this.clientKey !== key) {
      this.client = createClient({
        baseUrl: new URL(this.apiBase, document.baseURI).href,
        locale: this.i18n.locale,
        timeoutMs: this.timeout,
        token: () => this.mediatorToken || undefined,
      });
      this.clientKey = key;
    }
    return this.client;
  }

  private get mediator(): boolean {
    return this.mediatorToken !== '' && this.siteId !== '';
  }

  private get rescheduling(): boolean {
    return this.managed !== undefined;
  }

  private show(step: BookingStep): void {
    this.step = step;
    this.focusHeading = true;
    this.emit(new RspBookingStepEvent({ step }));
  }

  private go(step: BookingStep): void {
    this.history.push(this.step);
    this.notice = undefined;
    this.choiceError = '';
    this.show(step);
    if (step === 'time') void this.loadSlots();
  }

  private back(): void {
    this.notice = undefined;
    this.choiceError = '';
    this.show(this.history.pop() ?? 'subject');
  }

  /** Runs a call; on failure shows a message with "Try again" that runs it again. */
  private async run(task: () => Promise<void>, generation = this.generation): Promise<void> {
    this.loading = true;
    this.notice = undefined;
    try {
      await task();
    } catch (error) {
      if (generation !== this.generation) return;
      this.notice = { variant: 'error', text: this.describe(error, 'loadFailed'), retry: () => void this.run(task) };
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  /** What to say of a failed call: the server's own words when it answered a 4xx with them, else `fallback`. */
  private describe(error: unknown, fallback: 'loadFailed' | 'unreachable'): string {
    const reached = isHttpError(error) && error.status < 500 && ![408, 429].includes(error.status);
    if (reached && error.problem?.detail) return this.t('serverSaid', error.problem.detail);
    return this.t(fallback);
  }

  private async restart(): Promise<void> {
    const generation = ++this.generation;
    this.history = [];
    this.notice = undefined;
    this.confirmation = undefined;
    this.managed = undefined;
    this.chosenSlot = undefined;
    this.key = '';
    this.cancelKey = '';
    if (!this.apiBase) {
      this.step = 'static';
      if (this.src && this.sites.length === 0) await this.run(() => this.loadSiteFile(generation), generation);
      return;
    }
    this.manageToken = this.token || (new URLSearchParams(location.search).get('rdv') ?? '');
    if (this.manageToken) {
      this.step = 'manage';
      await this.run(() => this.loadManaged(generation), generation);
      return;
    }
    this.step = 'subject';
    await this.run(() => this.loadSubject(generation), generation);
  }

  private async loadSiteFile(generation: number): Promise<void> {
    const response = await fetch(new URL(this.src, document.baseURI));
    if (!response.ok) throw new Error(String(response.status));
    const body = (await response.json()) as unknown;
    const list: unknown = Array.isArray(body) ? body : typeof body === 'object' && body !== null && 'items' in body ? body.items : [];
    if (generation !== this.generation || !Array.isArray(list)) return;
    this.sites = list.flatMap((item: unknown) => {
      const result = validate(SiteSchema, item);
      return result.success ? [result.data] : [];
    });
  }

  private async loadSubject(generation: number): Promise<void> {
    // Only the agencies one can book with (at least one motif): not the local authorities that are partners too.
    const [partners, detail] = await Promise.all([this.api.partners({ bookable: true }), this.siteId ? this.api.site(this.siteId) : undefined]);
    if (generation !== this.generation) return;
    const served = detail ? new Set(detail.conventions.map((c) => c.agencyId)) : undefined;
    this.agencies = served ? partners.filter((a) => served.has(a.id)) : partners;
    if (detail) {
      this.places = [detail.site];
      this.placeId = detail.site.id;
    }
    const preset = this.agencies.find((a) => a.id === this.agency) ?? (this.agencies.length === 1 ? this.agencies[0] : undefined);
    if (preset) await this.pickAgency(preset.id, this.motif);
  }

  private async loadManaged(generation: number): Promise<void> {
    const booking = await this.api.booking(this.manageToken).catch((error: unknown) => {
      if (isHttpError(error, 404) || isHttpError(error, 400)) {
        this.notice = { variant: 'error', text: this.t('badLink') };
        return undefined;
      }
      throw error;
    });
    if (!booking || generation !== this.generation) return;
    const [partners, motifs, detail] = await Promise.all([
      this.api.partners(),
      this.api.motifs(booking.agencyId),
      booking.siteId ? this.api.site(booking.siteId).catch(() => undefined) : undefined,
    ]);
    if (generation !== this.generation) return;
    this.agencies = partners;
    this.motifs = motifs;
    this.places = detail ? [detail.site] : [];
    this.agencyId = booking.agencyId;
    this.motifId = booking.motifId;
    this.channel = booking.channel;
    this.placeId = booking.siteId ?? '';
    this.managed = booking;
    this.fields = { name: booking.person.name, phone: booking.person.phone ?? '', email: booking.person.email ?? '' };
  }

  private async pickAgency(id: string, motif = ''): Promise<void> {
    this.agencyId = id;
    this.motifId = '';
    this.motifs = [];
    this.choiceError = '';
    const generation = this.generation;
    await this.run(async () => {
      const motifs = await this.api.motifs(id);
      if (generation !== this.generation || this.agencyId !== id) return;
      this.motifs = motifs;
      this.motifId = motifs.find((m) => m.id === motif)?.id ?? (motifs.length === 1 ? (motifs[0]?.id ?? '') : '');
    });
  }

  private get chosenMotif(): Motif | undefined {
    return this.motifs.find((m) => m.id === this.motifId);
  }

  private get chosenAgency(): Agency | undefined {
    return this.agencies.find((a) => a.id === this.agencyId);
  }

  private get chosenPlace(): Site | undefined {
    return this.places.find((p) => p.id === this.placeId);
  }

  private label(motif: Motif): string {
    return this.i18n.locale === 'en' ? (motif.label.en ?? motif.label.fr) : motif.label.fr;
  }

  private afterSubject(): void {
    const motif = this.chosenMotif;
    if (!this.agencyId || !motif) {
      this.choiceError = this.t('pick');
      return;
    }
    if (motif.channels.length === 1) {
      this.channel = motif.channels[0] ?? 'on-site';
      this.afterChannel();
    } else {
      if (this.channel && !motif.channels.includes(this.channel)) this.channel = '';
      this.go('channel');
    }
  }

  private afterChannel(): void {
    if (!this.channel) {
      this.choiceError = this.t('pick');
      return;
    }
    if (!needsSite(this.channel) || (this.siteId && this.placeId)) {
      this.go('time');
      return;
    }
    this.go('place');
    void this.run(async () => {
      const list = await this.api.sites({ agency: this.agencyId, ...(this.channel === 'visio' ? { visio: true } : {}), limit: 200 });
      const chosen = this.chosenPlace;
      this.places = list.items.map((item) => item.site);
      if (chosen && !this.places.some((p) => p.id === chosen.id)) this.places = [chosen, ...this.places];
    });
  }

  private afterPlace(): void {
    if (!this.placeId) {
      this.choiceError = this.t('pick');
      return;
    }
    this.go('time');
  }

  private get slotQuery() {
    return {
      agency: this.agencyId,
      motif: this.motifId,
      channel: this.channel || 'on-site',
      ...(needsSite(this.channel) && this.placeId ? { site: this.placeId } : {}),
    } as const;
  }

  /** The next free slots (the server's default window), then the month of the first one. */
  private async loadSlots(): Promise<void> {
    this.day = '';
    await this.run(async () => {
      const next = await this.api.slots(this.slotQuery);
      this.nextSlots = next;
      this.bySlotDay = new Map();
      this.loadedMonths.clear();
      const first = next[0] ? parisDate(new Date(next[0].start)) : this.focusDay || parisDate(new Date());
      this.focusDay = first;
      this.month = first.slice(0, 7);
      await this.loadMonth(this.month);
    });
  }

  private async loadMonth(month: string): Promise<void> {
    if (this.loadedMonths.has(month)) return;
    const { year, month: m } = parseIsoDate(`${month}-01`);
    const list = await this.api.slots({ ...this.slotQuery, from: `${month}-01`, to: `${month}-${String(daysInMonth(year, m))}` });
    const days = new Map(this.bySlotDay);
    for (const slot of list) {
      const day = parisDate(new Date(slot.start));
      days.set(day, [...(days.get(day) ?? []), slot]);
    }
    this.loadedMonths.add(month);
    this.bySlotDay = days;
  }

  private showMonth(date: string, focus: boolean): void {
    this.focusDay = date;
    this.focusDate = focus;
    const month = date.slice(0, 7);
    if (month !== this.month) {
      this.month = month;
      void this.run(() => this.loadMonth(month));
    }
  }

  private pickSlot(slot: ApiSlot): void {
    this.chosenSlot = slot;
    this.day = parisDate(new Date(slot.start));
    this.go(this.rescheduling ? 'summary' : 'details');
  }

  private afterDetails(event: Event): void {
    event.preventDefault();
    const result = validate(BookingPerson, this.person, { locale: this.i18n.locale });
    if (result.success) {
      this.errors = {};
      this.go('summary');
      return;
    }
    const errors: Partial<Fields> = {};
    for (const issue of result.issues) {
      const field = issue.path.split('.')[0] as keyof Fields;
      errors[field] ??= issue.code === 'rsp.phoneOrEmail' ? issue.message.charAt(0).toUpperCase() + issue.message.slice(1) + '.' : `${this.t(`field-${field}`)} ${issue.message}.`;
    }
    this.errors = errors;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  private get person(): { name: string; phone?: string; email?: string } {
    const { name, phone, email } = this.fields;
    return { name, ...(phone.trim() ? { phone } : {}), ...(email.trim() ? { email } : {}) };
  }

  private manageUrl(token: string): string {
    const url = new URL(this.manageHref || location.href, document.baseURI);
    url.hash = '';
    url.search = '';
    url.searchParams.set('rdv', token);
    return url.href;
  }

  private icsUrl(path: string): string {
    return new URL(path.replace(/^\//, ''), new URL(this.apiBase, document.baseURI)).href;
  }

  /** Confirms the booking (or the move). A retry of the same request reuses its idempotency key. */
  private async confirm(): Promise<void> {
    const slot = this.chosenSlot;
    if (!slot || this.busy) return;
    const request: BookingRequest = {
      agencyId: this.agencyId,
      motifId: this.motifId,
      ...(needsSite(this.channel) && this.placeId ? { siteId: this.placeId } : {}),
      channel: this.channel || 'on-site',
      start: slot.start,
      end: slot.end,
      person: this.person,
      ...(this.mediator ? { bookedBy: 'mediator' as const } : {}),
    };
    const body = JSON.stringify([this.manageToken, request]);
    if (body !== this.keyBody) {
      this.key = newIdempotencyKey();
      this.keyBody = body;
    }
    this.busy = true;
    this.notice = undefined;
    try {
      if (this.managed) {
        const moved = await this.api.rescheduleBooking(this.manageToken, slot, { idempotencyKey: this.key });
        this.confirmation = moved;
        this.managed = moved.booking;
        this.show('done');
        this.emit(new RspBookingRescheduleEvent({ booking: moved.booking, icsUrl: this.icsUrl(moved.icsUrl) }));
      } else {
        const made = await this.api.book(request, { idempotencyKey: this.key });
        this.confirmation = made;
        this.show('done');
        this.emit(new RspBookingConfirmEvent({ booking: made.booking, token: made.token, icsUrl: this.icsUrl(made.icsUrl), manageUrl: this.manageUrl(made.token) }));
      }
      this.history = [];
    } catch (error) {
      const personErrors = isHttpError(error, 422) ? (error.problem?.errors ?? []).filter((e) => e.path.startsWith('person.')) : [];
      const taken = isHttpError(error, 409) && error.problem?.type.endsWith('/slot-taken');
      if (taken || (isHttpError(error, 422) && personErrors.length === 0)) {
        // Taken meanwhile, or no longer a slot (its notice has passed): fresh slots, what was typed kept.
        this.chosenSlot = undefined;
        this.history = this.history.filter((s) => FLOW.indexOf(s) < FLOW.indexOf('time'));
        this.show('time');
        await this.loadSlots();
        this.notice = { variant: 'warning', text: taken ? this.t('taken') : this.describe(error, 'unreachable') };
      } else if (personErrors.length > 0) {
        const errors: Partial<Fields> = {};
        for (const e of personErrors) errors[e.path.slice(7) as keyof Fields] = `${this.t(`field-${e.path.slice(7) as keyof Fields}`)} ${e.message}.`;
        this.errors = errors;
        this.show('details');
      } else {
        this.notice = { variant: 'error', text: this.describe(error, 'unreachable'), retry: () => void this.confirm() };
      }
    } finally {
      this.busy = false;
    }
  }

  private async cancelManaged(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.notice = undefined;
    try {
      this.cancelKey ||= newIdempotencyKey();
      const booking = await this.api.cancelBooking(this.manageToken, undefined, { idempotencyKey: this.cancelKey });
      this.managed = booking;
      this.askCancel = false;
      this.show('cancelled');
      this.emit(new RspBookingCancelEvent({ booking }));
    } catch (error) {
      this.notice = { variant: 'error', text: this.describe(error, 'unreachable'), retry: () => void this.cancelManaged() };
    } finally {
      this.busy = false;
    }
  }

  private startReschedule(): void {
    this.history = ['manage'];
    this.show('time');
    void this.loadSlots();
  }

  private newBooking(): void {
    this.token = '';
    this.manageToken = '';
    this.managed = undefined;
    this.confirmation = undefined;
    this.chosenSlot = undefined;
    this.fields = { name: '', phone: '', email: '' };
    this.history = [];
    this.show('subject');
    const generation = ++this.generation;
    void this.run(() => this.loadSubject(generation), generation);
  }

  private async showAgenda(day = this.agendaDay): Promise<void> {
    if (this.step !== 'agenda') {
      this.history = [];
      this.show('agenda');
    }
    await this.run(async () => {
      if (this.agencies.length === 0) this.agencies = await this.api.partners();
      this.agenda = await this.api.agenda(this.siteId, day || undefined);
      this.agendaDay = day || (this.agenda[0] ? parisDate(new Date(this.agenda[0].start)) : '');
    });
  }

  private onGridKey(event: KeyboardEvent): void {
    if (!isCalendarKey(event.key) || !this.focusDay) return;
    event.preventDefault();
    this.showMonth(moveDay(this.focusDay, event.key), true);
  }

  private shiftMonth(months: number): void {
    this.showMonth(addMonths(`${this.month}-01`, months), false);
  }

  private input(name: keyof Fields) {
    return (event: Event) => {
      this.fields = { ...this.fields, [name]: (event.target as HTMLInputElement).value };
    };
  }

  private longDate(date: string): string {
    return this.i18n.formatDate(noon(date), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  }

  private time(iso: string): string {
    return this.i18n.formatDate(new Date(iso), { hour: '2-digit', minute: '2-digit' });
  }

  private when(slot: { start: string }): string {
    return this.t('slotLabel', this.longDate(parisDate(new Date(slot.start))), this.time(slot.start));
  }

  // Rendering

  private renderNotice(): TemplateResult | typeof nothing {
    const notice = this.notice;
    if (!notice) return nothing;
    return html`<rsp-notice part="notice" variant=${notice.variant} action-label=${notice.retry ? this.t('retry') : ''} @rsp-notice-action=${() => notice.retry?.()}
      >${notice.text}</rsp-notice
    >`;
  }

  private heading(text: string): TemplateResult {
    const n = FLOW.indexOf(this.step);
    return html`${n >= 0 && !this.rescheduling ? html`<p part="progress">${this.t('stepOf', n + 1, FLOW.length)}</p>` : nothing}
      <h3 part="heading" tabindex="-1">${text}</h3>`;
  }

  private actions(next: (() => void) | undefined, nextLabel = this.t('next')): TemplateResult {
    return html`<div part="actions">
      ${this.history.length > 0 ? html`<button part="button" type="button" @click=${this.back}>${this.t('back')}</button>` : nothing}
      ${next ? html`<button part="primary" type="button" ?disabled=${this.busy} @click=${next}>${nextLabel}</button>` : nothing}
    </div>`;
  }

  private choices<T>(legend: string, name: string, items: readonly T[], id: (item: T) => string, text: (item: T) => TemplateResult | string, current: string, pick: (id: string) => void): TemplateResult {
    return html`<fieldset part="options">
      <legend>${legend}</legend>
      ${items.map(
        (item) => html`<label part="option"
          ><input type="radio" name=${name} value=${id(item)} .checked=${id(item) === current} @change=${() => {
            pick(id(item));
          }} /><span>${text(item)}</span></label
        >`,
      )}
    </fieldset>`;
  }

  private renderChoiceError(): TemplateResult | typeof nothing {
    return this.choiceError ? html`<p part="error" role="alert">${this.choiceError}</p>` : nothing;
  }

  private renderSubject(): TemplateResult {
    const t = this.t;
    return html`${this.heading(t('subject'))}
      ${this.agencies.length > 0
        ? this.choices(t('agency'), 'agency', this.agencies, (a) => a.id, (a) => (a.fullName ? `${a.name} — ${a.fullName}` : a.name), this.agencyId, (id) => void this.pickAgency(id))
        : nothing}
      ${this.motifs.length > 0
        ? this.choices(
            t('motif'),
            'motif',
            this.motifs,
            (m) => m.id,
            (m) => html`${this.label(m)} <span class="muted">(${t('minutes', this.i18n.formatNumber(m.durationMinutes))})</span>`,
            this.motifId,
            (id) => {
              this.motifId = id;
            },
          )
        : this.agencyId && !this.loading
          ? html`<p>${t('noMotif')}</p>`
          : nothing}
      ${this.renderChoiceError()} ${this.actions(() => {
        this.afterSubject();
      })}`;
  }

  private renderChannel(): TemplateResult {
    const channels = this.chosenMotif?.channels ?? [];
    return html`${this.heading(this.t('channel'))}
      ${this.choices(this.t('channel'), 'channel', channels, (c) => c, (c) => this.t(c), this.channel, (c) => {
        this.channel = c as Channel;
      })}
      ${this.renderChoiceError()} ${this.actions(() => {
        this.afterChannel();
      })}`;
  }

  private renderPlace(): TemplateResult {
    const loaded = !this.loading;
    return html`${this.heading(this.t('place'))}
      ${loaded && this.places.length === 0 ? html`<p>${this.t('noPlace')}</p>` : nothing}
      ${this.places.length > 0
        ? this.choices(
            this.t('placeHint'),
            'place',
            this.places,
            (s) => s.id,
            (s) => html`${s.name} <span class="muted">— ${s.address.commune}</span>`,
            this.placeId,
            (id) => {
              this.placeId = id;
            },
          )
        : nothing}
      ${this.renderChoiceError()} ${this.actions(() => {
        this.afterPlace();
      })}`;
  }

  private renderSlotButton(slot: ApiSlot, withDay: boolean): TemplateResult {
    const day = parisDate(new Date(slot.start));
    const dayText = this.i18n.formatDate(noon(day), { weekday: 'long', day: 'numeric', month: 'long' });
    return html`<li>
      <button part="slot" type="button" data-start=${slot.start} @click=${() => {
        this.pickSlot(slot);
      }}>
        ${withDay ? html`<span>${dayText}</span> ` : nothing}<span class="time">${this.time(slot.start)}</span
        ><span class="visually-hidden">${withDay ? '' : `, ${dayText}`}, ${this.i18n.locale === 'fr' ? 'heure de Paris' : 'Paris time'}</span>
      </button>
    </li>`;
  }

  private renderTime(): TemplateResult {
    const t = this.t;
    return html`${this.heading(t('time'))}
      <p class="muted">${t('parisTime')}</p>
      ${this.rescheduling && this.managed ? html`<p>${this.summaryLine(this.managed)}</p>` : nothing}
      <section aria-labelledby="next-title">
        <h4 id="next-title">${t('nextSlots')}</h4>
        ${this.loading && this.nextSlots.length === 0
          ? html`<p role="status">${t('loading')}</p>`
          : this.nextSlots.length === 0
            ? html`<p>${t('noNextSlots')}</p>`
            : html`<ul part="next-slots">${this.nextSlots.slice(0, 6).map((s) => this.renderSlotButton(s, true))}</ul>`}
      </section>
      ${this.month ? this.renderCalendar() : nothing} ${this.actions(undefined)}`;
  }

  private renderCalendar(): TemplateResult {
    const t = this.t;
    const { year, month } = parseIsoDate(`${this.month}-01`);
    const short = t('weekdays').split(',');
    const long = t('weekdaysLong').split(',');
    const monthName = this.i18n.formatDate(noon(`${this.month}-15`), { month: 'long', year: 'numeric' });
    const focus = this.focusDay.startsWith(this.month) ? this.focusDay : `${this.month}-01`;
    const days = Array.from({ length: daysInMonth(year, month) }, (_, i) => `${this.month}-${String(i + 1).padStart(2, '0')}`);
    const change = days.find((d) => parisOffsetMinutes(startOfParisDay(d)) !== parisOffsetMinutes(startOfParisDay(addDaysToDate(d, 1))));
    const spring = change !== undefined && parisOffsetMinutes(startOfParisDay(addDaysToDate(change, 1))) > parisOffsetMinutes(startOfParisDay(change));
    const chosen = this.day ? (this.bySlotDay.get(this.day) ?? []) : [];
    return html`<section part="calendar" aria-labelledby="calendar-title">
      <h4 id="calendar-title">${t('calendar')}</h4>
      <div class="calendar-nav">
        <button part="month-button" type="button" aria-label=${t('previousMonth')} @click=${() => {
          this.shiftMonth(-1);
        }}>‹</button>
        <p part="month" id="month-label" aria-live="polite">${monthName}</p>
        <button part="month-button" type="button" aria-label=${t('nextMonth')} @click=${() => {
          this.shiftMonth(1);
        }}>›</button>
      </div>
      <p id="calendar-help" class="muted">${t('calendarHelp')}</p>
      <table part="grid" aria-labelledby="month-label" @keydown=${this.onGridKey}>
        <thead>
          <tr>
            ${short.map((d, i) => html`<th scope="col"><abbr title=${long[i] ?? d}>${d}</abbr></th>`)}
          </tr>
        </thead>
        <tbody>
          ${monthGrid(year, month).map((week) => html`<tr>${week.map((cell) => html`<td>${cell.date ? this.renderDay(cell.date, focus) : nothing}</td>`)}</tr>`)}
        </tbody>
      </table>
      ${change ? html`<p part="dst" class="note">${t(spring ? 'dstSpring' : 'dstAutumn', this.longDate(change))}</p>` : nothing}
      ${this.day
        ? html`<section aria-labelledby="times-title">
            <h4 id="times-title">${t('timesOf', this.longDate(this.day))}</h4>
            ${chosen.length > 0
              ? html`<ul part="times">${chosen.map((s) => this.renderSlotButton(s, false))}</ul>`
              : html`<p>${isPublicHoliday(this.day) ? t('holidayThatDay') : t('noSlotThatDay')}</p>`}
          </section>`
        : nothing}
    </section>`;
  }

  private renderDay(date: string, focus: string): TemplateResult {
    const t = this.t;
    const count = this.bySlotDay.get(date)?.length ?? 0;
    const holiday = isPublicHoliday(date);
    const selected = date === this.day;
    const loaded = this.loadedMonths.has(date.slice(0, 7));
    const state = holiday ? t('holiday') : loaded ? t('freeCount', count) : t('loading');
    const parts = ['day', count > 0 ? 'day-free' : '', holiday ? 'day-holiday' : '', selected ? 'day-selected' : ''].filter(Boolean).join(' ');
    return html`<button
      part=${parts}
      type="button"
      data-date=${date}
      tabindex=${date === focus ? 0 : -1}
      aria-pressed=${selected ? 'true' : 'false'}
      aria-disabled=${count === 0 ? 'true' : 'false'}
      aria-describedby=${date === focus ? 'calendar-help' : nothing}
      @click=${() => {
        this.day = date;
        this.focusDay = date;
      }}
    >
      <span class="num" aria-hidden="true">${String(Number(date.slice(8)))}</span>
      <span class="count" aria-hidden="true">${holiday ? t('holidayShort') : count > 0 ? String(count) : '–'}</span>
      <span class="visually-hidden">${`${this.longDate(date)}, ${state}${selected ? `, ${t('selected')}` : ''}`}</span>
    </button>`;
  }

  private field(name: keyof Fields, label: string, type: string, autocomplete: string, hint = ''): TemplateResult {
    const error = this.errors[name];
    const described = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`<div part="field">
      <label for=${`${name}-input`}>${label}</label>
      ${hint ? html`<p id=${`${name}-hint`} class="muted">${hint}</p>` : nothing}
      <input
        part="input"
        id=${`${name}-input`}
        name=${name}
        type=${type}
        autocomplete=${autocomplete}
        .value=${this.fields[name]}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${described || nothing}
        @input=${this.input(name)}
      />
      ${error ? html`<p part="error" id=${`${name}-error`}>${error}</p>` : nothing}
    </div>`;
  }

  private renderDetails(): TemplateResult {
    const t = this.t;
    const errors = Object.keys(this.errors).length;
    return html`${this.heading(this.mediator ? t('detailsMediator') : t('details'))}
      <form novalidate @submit=${this.afterDetails}>
        ${errors > 0 ? html`<p part="error" role="alert">${t('fixErrors', errors)}</p>` : nothing}
        ${this.field('name', t('name'), 'text', this.mediator ? 'off' : 'name')}
        ${this.field('phone', t('phoneField'), 'tel', this.mediator ? 'off' : 'tel', t('phoneOrEmailHint'))}
        ${this.field('email', `${t('email')} ${t('optional')}`, 'email', this.mediator ? 'off' : 'email')}
        <p part="privacy">${this.mediator ? t('privacyMediator') : t('privacy')}</p>
        <div part="actions">
          ${this.history.length > 0 ? html`<button part="button" type="button" @click=${this.back}>${t('back')}</button>` : nothing}
          <button part="primary" type="submit">${t('next')}</button>
        </div>
      </form>`;
  }

  private summaryLine(booking: Pick<Booking, 'start'>): string {
    return this.when(booking);
  }

  private renderSummaryList(slot: { start: string } | undefined): TemplateResult {
    const t = this.t;
    const motif = this.chosenMotif;
    const place = this.chosenPlace;
    const rows: [string, string][] = [
      [t('summaryWith'), this.chosenAgency?.name ?? this.agencyId],
      [t('summaryAbout'), motif ? this.label(motif) : this.motifId],
      [t('summaryHow'), this.channel ? t(`${this.channel}-short`) : ''],
      ...(place && needsSite(this.channel) ? [[t('summaryWhere'), `${place.name}, ${[place.address.street, place.address.postcode, place.address.commune].filter(Boolean).join(' ')}`] as [string, string]] : []),
      ...(slot ? [[t('summaryWhen'), this.when(slot)] as [string, string]] : []),
      [t('summaryWho'), [this.fields.name, this.fields.phone, this.fields.email].filter(Boolean).join(' · ')],
    ];
    return html`<dl part="summary">${rows.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>`;
  }

  private renderSummary(): TemplateResult {
    const t = this.t;
    return html`${this.heading(t('summary'))} ${this.renderSummaryList(this.chosenSlot)}
      ${this.busy ? html`<p role="status">${t('confirming')}</p>` : nothing}
      ${this.actions(() => void this.confirm(), this.rescheduling ? t('moveConfirm') : t('confirm'))}`;
  }

  private renderDone(): TemplateResult {
    const t = this.t;
    const done = this.confirmation;
    if (!done) return html``;
    const manage = this.manageUrl(done.token);
    return html`${this.heading(this.rescheduling ? t('moved') : t('done'))}
      <p>${t('doneText', this.when(done.booking))}</p>
      ${this.renderSummaryList(done.booking)}
      <p><a part="ics-link" href=${this.icsUrl(done.icsUrl)} download="rendez-vous.ics">${t('ics')}</a></p>
      <p>${t('manageHint')}<br /><a part="manage-link" href=${manage}>${t('manageLink')}</a></p>
      <div part="actions"><button part="button" type="button" @click=${this.newBooking}>${t('bookAnother')}</button></div>`;
  }

  private renderManage(): TemplateResult {
    const t = this.t;
    const booking = this.managed;
    if (!booking) return html`${this.heading(t('manage'))}${this.loading ? html`<p role="status">${t('loading')}</p>` : nothing}`;
    const cancelled = booking.status === 'cancelled';
    return html`${this.heading(t('manage'))} ${this.renderSummaryList(booking)}
      ${cancelled
        ? html`<p>${t('manageStatusCancelled')}</p>`
        : this.askCancel
          ? html`<p>${t('cancelSure')}</p>
              <div part="actions">
                <button part="button" type="button" @click=${() => (this.askCancel = false)}>${t('cancelNo')}</button>
                <button part="primary" type="button" ?disabled=${this.busy} @click=${() => void this.cancelManaged()}>${t('cancelYes')}</button>
              </div>`
          : html`<div part="actions">
              <button part="button" type="button" @click=${this.startReschedule}>${t('reschedule')}</button>
              <button part="primary" type="button" @click=${() => (this.askCancel = true)}>${t('cancel')}</button>
            </div>`}`;
  }

  private renderCancelled(): TemplateResult {
    return html`${this.heading(this.t('cancelled'))}
      <p>${this.t('cancelledText')}</p>
      <div part="actions"><button part="button" type="button" @click=${this.newBooking}>${this.t('bookAnother')}</button></div>`;
  }

  private renderAgenda(): TemplateResult {
    const t = this.t;
    const agenda = this.agenda ?? [];
    const day = this.agendaDay;
    return html`${this.heading(day ? t('agendaOf', this.longDate(day)) : t('agenda'))}
      <form
        class="inline"
        @submit=${(event: Event) => {
          event.preventDefault();
          const value = new FormData(event.target as HTMLFormElement).get('day');
          void this.showAgenda(typeof value === 'string' ? value : '');
        }}
      >
        <label for="agenda-day">${t('agendaDay')}</label>
        <input part="input" id="agenda-day" name="day" type="date" .value=${day} />
        <button part="button" type="submit">${t('agendaShow')}</button>
      </form>
      ${this.agenda && agenda.length === 0 ? html`<p>${t('agendaEmpty')}</p>` : nothing}
      ${agenda.length > 0
        ? html`<table part="agenda">
            <thead>
              <tr><th scope="col">${t('summaryWhen')}</th><th scope="col">${t('summaryWho')}</th><th scope="col">${t('summaryWith')}</th><th scope="col">${t('summaryHow')}</th></tr>
            </thead>
            <tbody>
              ${agenda.map(
                (b) => html`<tr>
                  <td>${this.time(b.start)}–${this.time(b.end)}</td>
                  <td>${b.person.name}<br /><span class="muted">${[b.person.phone, b.person.email].filter(Boolean).join(' · ')}</span></td>
                  <td>${this.agencies.find((a) => a.id === b.agencyId)?.name ?? b.agencyId}</td>
                  <td>${t(`${b.channel}-short`)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}`;
  }

  private renderStatic(): TemplateResult {
    const t = this.t;
    const sites = this.siteId ? this.sites.filter((s) => s.id === this.siteId) : this.sites;
    return html`<div part="static">
      <h3 part="heading" tabindex="-1">${t('staticTitle')}</h3>
      <p>${t('staticNone')}</p>
      ${sites.length === 0 && !this.loading ? html`<p>${t('noSite')}</p>` : nothing}
      ${sites.map(
        (site) => html`<section aria-label=${site.name}>
          <h4>${site.name}</h4>
          ${site.phone ? html`<p><a href=${`tel:${site.phone.replace(/[^\d+]/g, '')}`}>${t('staticCall', site.phone)}</a></p>` : nothing}
          <p>${t('staticGo')}<br />${[site.address.street, site.address.complement].filter(Boolean).join(', ')}<br />${site.address.postcode} ${site.address.commune}</p>
          ${site.openingHoursText || site.openingHours ? html`<p>${t('staticHours')}\u00a0: ${site.openingHoursText ?? site.openingHours}</p>` : nothing}
          ${site.remarks ? html`<p>${site.remarks}</p>` : nothing}
        </section>`,
      )}
    </div>`;
  }

  private renderStep(): TemplateResult {
    switch (this.step) {
      case 'subject':
        return this.renderSubject();
      case 'channel':
        return this.renderChannel();
      case 'place':
        return this.renderPlace();
      case 'time':
        return this.renderTime();
      case 'details':
        return this.renderDetails();
      case 'summary':
        return this.renderSummary();
      case 'done':
        return this.renderDone();
      case 'manage':
        return this.renderManage();
      case 'cancelled':
        return this.renderCancelled();
      case 'agenda':
        return this.renderAgenda();
      case 'static':
        return this.renderStatic();
    }
  }

  override render(): TemplateResult {
    const t = this.t;
    return html`<section part="base" data-step=${this.step} aria-labelledby="title" aria-busy=${this.loading || this.busy ? 'true' : 'false'}>
      <h2 part="title" id="title">${this.step === 'manage' || this.step === 'cancelled' ? t('manage') : t('title')}</h2>
      ${this.mediator && this.apiBase
        ? html`<div part="mode">
            <p>${t('mediatorMode')}</p>
            <button part="button" type="button" aria-pressed=${this.step === 'agenda' ? 'false' : 'true'} @click=${this.newBooking}>${t('newBooking')}</button>
            <button part="button" type="button" aria-pressed=${this.step === 'agenda' ? 'true' : 'false'} @click=${() => void this.showAgenda('')}>${t('agenda')}</button>
          </div>`
        : nothing}
      ${this.renderStep()} ${this.loading && this.step !== 'time' && this.step !== 'manage' ? html`<p role="status">${t('loading')}</p>` : nothing} ${this.renderNotice()}
    </section>`;
  }
}
