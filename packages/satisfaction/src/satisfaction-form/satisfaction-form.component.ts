import { html, nothing } from 'lit';
import type { CSSResultGroup, PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import { LocaleController, RspElement } from '@rsp/elements';
import { createClient, newIdempotencyKey } from '@rsp/core/client.js';
import { quickFeedbackSurvey, rspSatisfactionSurvey } from '@rsp/core/evaluation.js';
import { SurveyDefinition, SurveyResponse, describeIssues } from '@rsp/core/schemas.js';
import type { AnswerProblem, LocalizedText, SurveyAnswer, SurveyDefinitionInput, SurveyQuestion } from '@rsp/core/schemas.js';
import { deleteDraft, draftKey, loadDraft, saveDraft } from '../store/drafts.js';
import { flushOutbox, queueEntry } from '../store/outbox.js';
import type { OutboxEntry, SendOutcome } from '../store/outbox.js';
import { keptAnswers, shownQuestions, stepProblems } from '../survey/flow.js';
import type { Answers } from '../survey/flow.js';
import { isVisitToken, newVisitToken, readVisitToken } from '../survey/token.js';
import { RspSurveyQueuedEvent, RspSurveyResetEvent, RspSurveySentEvent, RspSurveySubmitEvent } from './satisfaction-form.events.js';
import type { RspSurveyResetDetail } from './satisfaction-form.events.js';
import { satisfactionMessages } from './satisfaction-form.messages.js';
import { satisfactionFormStyles } from './satisfaction-form.styles.js';

/** The surveys of `@rsp/core/evaluation.js`, by id: used without `api-base`, or when the server cannot be reached. */
const builtIn: ReadonlyMap<string, SurveyDefinition> = new Map([rspSatisfactionSurvey, quickFeedbackSurvey].map((s) => [s.id, s]));

type Status = 'loading' | 'error' | 'answering' | 'sending' | 'queued' | 'sent' | 'already' | 'failed';
type SetupError = 'noToken' | 'badToken' | 'noSite' | 'noApi' | 'loadError' | 'invalidSurvey';

/** The longest wait between two attempts of the queue, in milliseconds. */
const MAX_RETRY_MS = 5 * 60_000;
/** Time allowed for one attempt, in milliseconds. */
const SEND_TIMEOUT_MS = 10_000;
/** Wait this long after the last keystroke before announcing the characters left. */
const COUNT_ANNOUNCE_MS = 1000;

let instances = 0;

/** A smiley's mouth, from a smile (`mood` 1) to a frown (−1). */
const mouth = (mood: number): string => `M12 ${String(26 - 2 * mood)} Q20 ${String(26 + 7 * mood)} 28 ${String(26 - 2 * mood)}`;

/** The submission instant, to the minute: the exact second adds nothing to a report and could help link an answer to a visit. */
const submittedAt = (): string => `${new Date().toISOString().slice(0, 16)}:00Z`;

const absoluteUrl = (value: string): string | undefined => {
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The anonymous satisfaction survey of a public-service point, rendered from
 * a versioned survey definition: one question at a time (or all at once),
 * with skip logic, smiley and 1–5 scales that follow the radio-group keyboard
 * model, French and English with a switch in the form.
 *
 * Nothing is lost: answers are kept in IndexedDB from the first click (by
 * survey and visit token); a submission is queued on the device before it is
 * sent and, when the server cannot be reached, sent later (back online, on a
 * timer with backoff, or at the next load) with the same idempotency key, so
 * the server stores it once. No name, no cookie; one answer per visit through
 * the per-visit token the site hands out (`visit-token` or the URL parameter).
 *
 * In kiosk mode the targets are larger, and the form is wiped (screen, memory
 * and local draft; never the queue) after each submission and after
 * inactivity, with a new visit token for the next person.
 *
 * @summary Anonymous satisfaction survey, kept locally and sent exactly once.
 * @tag rsp-satisfaction-form
 *
 * @fires {RspSurveySubmitEvent} rsp-survey-submit - Valid answers were submitted; `detail` is `{ response, idempotencyKey }`.
 * @fires {RspSurveyQueuedEvent} rsp-survey-queued - An attempt failed for a passing reason; the answer waits on the device. `detail` is `{ surveyId, idempotencyKey, attempts, nextAttemptAt, reason }`.
 * @fires {RspSurveySentEvent} rsp-survey-sent - The server recorded an answer of the queue; `detail` is `{ surveyId, idempotencyKey, attempts, receivedAt }`.
 * @fires {RspSurveyResetEvent} rsp-survey-reset - Kiosk mode: the form was wiped for the next person; `detail` is `{ reason }`.
 *
 * @csspart base - The whole form.
 * @csspart header - The title and the language switch.
 * @csspart title - The survey's title.
 * @csspart language - The language switch button.
 * @csspart intro - The note on anonymity.
 * @csspart progress - "Question n sur N" (one question at a time).
 * @csspart question - One question (`fieldset`, or a `div` for a text); also carries its type (`question smiley`).
 * @csspart label - The question's text (`legend` or `label`).
 * @csspart requirement - "(réponse obligatoire)" or "(facultatif)".
 * @csspart help - The question's help text.
 * @csspart error - The validation message of a question, prefixed "Erreur :".
 * @csspart choices - The options of a question (`choices row` for smileys, scales and yes/no).
 * @csspart choice - One option: a label around its native radio or checkbox.
 * @csspart face - The smiley drawing of an option.
 * @csspart scale-value - The number of a scale option.
 * @csspart textarea - The free-text field.
 * @csspart count - The characters left of a free text.
 * @csspart actions - The navigation buttons.
 * @csspart previous - The "Précédent" button.
 * @csspart next - The "Suivant" or "Envoyer" button.
 * @csspart status - What happened to the answers (sending, sent, saved, already answered, refused).
 * @csspart restart - Kiosk mode: the "Nouveau questionnaire" button.
 *
 * @cssprop [--rsp-satisfaction-form-max-width=40rem] - Width of the form (60rem in kiosk mode).
 * @cssprop [--rsp-satisfaction-form-gap=--rsp-space-4] - Space between the parts.
 * @cssprop [--rsp-satisfaction-form-target-size=--rsp-target-size] - Smallest height of an option or button.
 * @cssprop [--rsp-satisfaction-form-kiosk-target-size=4.5rem] - The same in kiosk mode.
 * @cssprop [--rsp-satisfaction-form-kiosk-font-size=--rsp-font-size-lg] - Text size in kiosk mode.
 * @cssprop [--rsp-satisfaction-form-checked-background=--rsp-color-info-surface] - Background of a chosen option.
 */
export class RspSatisfactionForm extends RspElement {
  static override styles: CSSResultGroup = [RspElement.styles, satisfactionFormStyles];

  private readonly i18n = new LocaleController(this, satisfactionMessages);

  /** Id of the survey: `rsp-satisfaction` (the seeds' survey, default) or `rsp-quick-feedback` ("Je donne mon avis"), or any survey the API serves. */
  @property() survey = 'rsp-satisfaction';

  /** A survey definition given as data (a `SurveyDefinition` of `@rsp/core/schemas.js`); wins over `survey`. Checked with core's schema. */
  @property({ attribute: false }) definition: SurveyDefinitionInput | undefined;

  /** Base URL of the RSP Kit API (`https://rsp.example.fr/`): the survey is read from and answered to `/api/surveys/{id}`. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** Id of the site (RSP) the visit took place at, as the API knows it. */
  @property({ attribute: 'site-id' }) siteId = '';

  /**
   * The per-visit token handed out by the site (16–200 of `A-Z a-z 0-9 _ -`).
   * Absent: read from the page URL's parameter `token-param`; in kiosk mode,
   * a random one is made for each person.
   */
  @property({ attribute: 'visit-token' }) visitToken = '';

  /** The page URL's query parameter that carries the visit token (`…/avis?visite=…`); empty: never read the URL. */
  @property({ attribute: 'token-param' }) tokenParam = 'visite';

  /** `steps`: one question at a time (default); `all`: every question on one page. */
  @property() layout: 'steps' | 'all' = 'steps';

  /** Kiosk mode: large targets; wiped after each submission and after `idle-seconds` without a touch. */
  @property({ type: Boolean, reflect: true }) kiosk = false;

  /** Kiosk mode: seconds without a touch or a key before the form is wiped. Default 90. */
  @property({ type: Number, attribute: 'idle-seconds' }) idleSeconds = 90;

  /** Kiosk mode: seconds the thanks stay on screen after a submission. Default 10. */
  @property({ type: Number, attribute: 'thanks-seconds' }) thanksSeconds = 10;

  /** Seconds before the first retry of a queued answer; each next wait doubles, up to 5 minutes. Default 5. */
  @property({ type: Number, attribute: 'retry-seconds' }) retrySeconds = 5;

  @state() private status: Status = 'loading';
  @state() private setupError: SetupError | undefined;
  @state() private def: SurveyDefinition | undefined;
  @state() private answers: Answers = {};
  @state() private step = 0;
  @state() private problems: ReadonlyMap<string, AnswerProblem['message']> = new Map();
  @state() private formError = '';
  @state() private failure = '';
  /** Characters left, as last announced to screen readers, by question id. */
  @state() private announced: ReadonlyMap<string, string> = new Map();
  /** Raised at each reset: the form's DOM is rebuilt, so nothing typed survives on screen. */
  @state() private session = 0;

  private readonly uid = `rsp-sat-${String(++instances)}`;
  private token = '';
  private tokenFromHost = false;
  /** The host's token was used for a submission: the next person (kiosk) gets a new one. */
  private hostTokenUsed = false;
  private draftId = '';
  private currentKey: string | undefined;
  private loadRun = 0;
  private saving: Promise<void> = Promise.resolve();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private thanksTimer: ReturnType<typeof setTimeout> | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private focusNext: 'question' | 'status' | 'error' | undefined;
  private readonly online = (): void => {
    void this.flush(true);
  };
  private readonly activity = (): void => {
    if (!this.kiosk || this.status === 'loading' || this.status === 'error') return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.reset('inactivity'), Math.max(1, this.idleSeconds) * 1000);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.online);
    for (const type of ['pointerdown', 'keydown', 'input', 'focusin']) this.addEventListener(type, this.activity);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.online);
    for (const type of ['pointerdown', 'keydown', 'input', 'focusin']) this.removeEventListener(type, this.activity);
    for (const timer of [this.retryTimer, this.idleTimer, this.thanksTimer, this.announceTimer]) clearTimeout(timer);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('visitToken') && changed.get('visitToken') !== undefined) this.hostTokenUsed = false;
    if (['survey', 'definition', 'apiBase', 'siteId', 'visitToken', 'tokenParam', 'kiosk'].some((name) => changed.has(name as keyof RspSatisfactionForm))) {
      void this.load();
    }
    const focus = this.focusNext;
    this.focusNext = undefined;
    if (focus === 'status') this.renderRoot.querySelector<HTMLElement>('[part="status"]')?.focus();
    else if (focus) {
      const selector = focus === 'error' ? '[part~="question"]:has([part="error"])' : '[part~="question"]';
      const question = this.renderRoot.querySelector(selector);
      const control = question?.querySelector<HTMLElement>('input:checked') ?? question?.querySelector<HTMLElement>('input, textarea');
      control?.focus();
    }
  }

  /** The answers given so far (a copy), by question id. */
  get currentAnswers(): Record<string, SurveyAnswer> {
    return { ...this.answers };
  }

  /** The survey in use, once loaded. */
  get surveyDefinition(): SurveyDefinition | undefined {
    return this.def;
  }

  /** Sends now what waits in the device's queue for this API (what going back online does). */
  async flush(force = true): Promise<void> {
    const apiBase = absoluteUrl(this.apiBase);
    if (!apiBase) return;
    const next = await flushOutbox({
      apiBase,
      locale: this.i18n.locale,
      force,
      baseMs: Math.max(0.05, this.retrySeconds) * 1000,
      maxMs: MAX_RETRY_MS,
      timeoutMs: SEND_TIMEOUT_MS,
      onOutcome: this.outcome,
    });
    clearTimeout(this.retryTimer);
    if (next !== undefined && this.isConnected) this.retryTimer = setTimeout(() => void this.flush(false), Math.max(0, next - Date.now()));
  }

  /**
   * Wipes the form for the next person: answers off the screen, out of memory
   * and out of the local draft (the queue of submitted answers is kept), and,
   * in kiosk mode, a new visit token.
   */
  async reset(reason: RspSurveyResetDetail['reason'] = 'restart'): Promise<void> {
    for (const timer of [this.idleTimer, this.thanksTimer, this.announceTimer]) clearTimeout(timer);
    this.thanksTimer = undefined;
    const draftId = this.draftId;
    this.answers = {};
    this.problems = new Map();
    this.announced = new Map();
    this.formError = '';
    this.failure = '';
    this.step = 0;
    this.currentKey = undefined;
    this.session += 1;
    if (this.status !== 'loading' && this.status !== 'error') this.status = 'answering';
    await this.saving;
    if (draftId) await deleteDraft(draftId);
    if (this.kiosk && this.def) {
      if (this.tokenFromHost && !this.hostTokenUsed && reason !== 'submitted') {
        // Nobody answered with the host's token: the next person may.
      } else {
        this.token = newVisitToken();
        this.tokenFromHost = false;
      }
      this.draftId = draftKey(this.def.id, this.def.version, this.token);
    }
    this.emit(new RspSurveyResetEvent({ reason }));
  }

  private async load(): Promise<void> {
    const run = ++this.loadRun;
    this.status = 'loading';
    this.setupError = undefined;
    const fail = (error: SetupError): void => {
      if (run !== this.loadRun) return;
      this.setupError = error;
      this.status = 'error';
    };
    const apiBase = absoluteUrl(this.apiBase);
    if (!apiBase) {
      fail('noApi');
      return;
    }
    if (!this.siteId) {
      fail('noSite');
      return;
    }

    let def: SurveyDefinition | undefined;
    if (this.definition) {
      const parsed = SurveyDefinition.safeParse(this.definition);
      if (!parsed.success) {
      fail('invalidSurvey');
      return;
    }
      def = parsed.data;
    } else {
      try {
        def = await createClient({ baseUrl: apiBase, locale: this.i18n.locale, retries: 1, timeoutMs: SEND_TIMEOUT_MS }).survey(this.survey);
      } catch {
        // Offline at load: the same survey from core, when it has it.
        def = builtIn.get(this.survey);
      }
    }
    if (run !== this.loadRun) return;
    if (!def) {
      fail('loadError');
      return;
    }

    const given = this.hostTokenUsed ? undefined : readVisitToken(this.visitToken, this.tokenParam);
    if (given !== undefined && !isVisitToken(given)) {
      fail('badToken');
      return;
    }
    if (given === undefined && !this.kiosk) {
      fail('noToken');
      return;
    }
    this.token = given ?? newVisitToken();
    this.tokenFromHost = given !== undefined;
    this.draftId = draftKey(def.id, def.version, this.token);

    const draft = await loadDraft(this.draftId).catch(() => undefined);
    if (run !== this.loadRun) return;
    this.def = def;
    this.answers = draft ? keptAnswers(def, draft.answers) : {};
    this.step = draft ? Math.max(0, Math.min(draft.step, shownQuestions(def, this.answers).length - 1)) : 0;
    this.problems = new Map();
    this.status = 'answering';
    // Whatever an earlier visit left in the queue goes now.
    void this.flush(true);
  }

  private readonly outcome = (entry: OutboxEntry, outcome: SendOutcome): void => {
    const mine = entry.key === this.currentKey;
    const base = { surveyId: entry.response.surveyId, idempotencyKey: entry.key, attempts: entry.attempts };
    if (outcome.kind === 'sent') this.emit(new RspSurveySentEvent({ ...base, receivedAt: outcome.receivedAt }));
    if (outcome.kind === 'retry') {
      this.emit(new RspSurveyQueuedEvent({ ...base, nextAttemptAt: new Date(entry.nextAttemptAt).toISOString(), reason: outcome.reason }));
    }
    if (!mine) return;
    if (outcome.kind === 'failed') this.failure = outcome.detail;
    const next: Status = outcome.kind === 'retry' ? 'queued' : outcome.kind;
    if (next === this.status) return;
    this.status = next;
    this.focusNext = 'status';
    if (this.kiosk && !this.thanksTimer) {
      this.thanksTimer = setTimeout(() => {
        this.thanksTimer = undefined;
        void this.reset('submitted');
      }, Math.max(1, this.thanksSeconds) * 1000);
    }
  };

  private persist(): void {
    if (!this.draftId) return;
    const key = this.draftId;
    const draft = { answers: { ...this.answers }, step: this.step };
    this.saving = this.saving.then(() => saveDraft(key, draft)).catch(() => undefined);
  }

  private setAnswer(question: SurveyQuestion, value: SurveyAnswer | undefined): void {
    const others = Object.entries(this.answers).filter(([id]) => id !== question.id);
    this.answers = Object.fromEntries(value === undefined ? others : [...others, [question.id, value]]);
    if (this.problems.has(question.id) && question.type !== 'text') {
      const problems = new Map(this.problems);
      problems.delete(question.id);
      this.problems = problems;
    }
    this.persist();
  }

  private toggle(question: SurveyQuestion, value: string, checked: boolean): void {
    const current = this.answers[question.id];
    const list = Array.isArray(current) ? current.filter((v) => v !== value) : [];
    if (checked) list.push(value);
    const order = question.type === 'multiple' ? question.options.map((o) => o.value) : [];
    this.setAnswer(question, list.length ? order.filter((v) => list.includes(v)) : undefined);
  }

  private typed(question: SurveyQuestion & { type: 'text' }, text: string): void {
    this.setAnswer(question, text === '' ? undefined : text);
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const announced = new Map(this.announced);
      announced.set(question.id, this.i18n.t('remaining', question.maxLength - text.length));
      this.announced = announced;
    }, COUNT_ANNOUNCE_MS);
  }

  /** Checks the questions of a step; shows their problems and returns whether there were none. */
  private check(questions: readonly SurveyQuestion[]): boolean {
    if (!this.def) return false;
    const problems = stepProblems(this.def, this.answers, questions);
    this.problems = new Map(problems.map((p) => [p.question, p.message]));
    if (problems.length) this.focusNext = 'error';
    return problems.length === 0;
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (!this.def || this.status !== 'answering') return;
    const shown = shownQuestions(this.def, this.answers);
    if (this.layout === 'all') {
      void this.submit(shown);
      return;
    }
    const index = Math.min(this.step, shown.length - 1);
    const question = shown[index];
    if (!question || !this.check([question])) return;
    if (index < shown.length - 1) {
      this.step = index + 1;
      this.focusNext = 'question';
      this.persist();
    } else void this.submit(shown);
  }

  private previous(): void {
    this.step = Math.max(0, this.step - 1);
    this.problems = new Map();
    this.focusNext = 'question';
    this.persist();
  }

  private async submit(shown: readonly SurveyQuestion[]): Promise<void> {
    const def = this.def;
    const apiBase = absoluteUrl(this.apiBase);
    if (!def || !apiBase) return;
    if (!this.check(shown)) {
      if (this.layout === 'steps') {
        const first = shown.findIndex((q) => this.problems.has(q.id));
        if (first >= 0) this.step = first;
      }
      return;
    }
    const parsed = SurveyResponse.safeParse({
      schemaVersion: 1,
      surveyId: def.id,
      surveyVersion: def.version,
      siteId: this.siteId,
      visitToken: this.token,
      submittedAt: submittedAt(),
      answers: keptAnswers(def, this.answers),
    });
    if (!parsed.success) {
      this.formError = describeIssues(parsed.error.issues, this.i18n.locale)
        .map((issue) => `${issue.path} : ${issue.message}`)
        .join(' ; ');
      return;
    }
    this.formError = '';
    const key = newIdempotencyKey();
    this.currentKey = key;
    if (this.tokenFromHost) this.hostTokenUsed = true;
    this.emit(new RspSurveySubmitEvent({ response: parsed.data, idempotencyKey: key }));
    this.status = 'sending';
    this.focusNext = 'status';
    // Queued before the first attempt: if the page closes now, the next load sends it.
    await queueEntry({ key, apiBase, response: parsed.data, queuedAt: new Date().toISOString(), attempts: 0, nextAttemptAt: 0, state: 'pending' });
    await this.saving;
    await deleteDraft(this.draftId);
    // Out of memory too: what remains is in the queue only.
    this.answers = {};
    await this.flush(true);
  }

  private text(value: LocalizedText): string | TemplateResult {
    if (this.i18n.locale === 'en') return value.en ?? html`<span lang="fr">${value.fr}</span>`;
    return value.fr;
  }

  private problemText(question: SurveyQuestion, problem: AnswerProblem['message']): string {
    if (problem === 'rsp.tooLong') return this.i18n.t('rsp.tooLong', question.type === 'text' ? question.maxLength : 0);
    return this.i18n.t(problem);
  }

  private renderChoice(question: SurveyQuestion, index: number, value: SurveyAnswer, content: unknown, type: 'radio' | 'checkbox' = 'radio'): TemplateResult {
    const answer = this.answers[question.id];
    const checked = type === 'checkbox' ? Array.isArray(answer) && answer.includes(value as string) : answer === value;
    const id = `${this.uid}-${question.id}-${String(index)}`;
    return html`<label part="choice" for=${id}>
      <input
        id=${id}
        type=${type}
        name=${`${this.uid}-${question.id}`}
        .value=${String(value)}
        .checked=${live(checked)}
        @change=${(event: Event) => {
          const input = event.target as HTMLInputElement;
          if (type === 'checkbox') this.toggle(question, value as string, input.checked);
          else if (input.checked) this.setAnswer(question, value);
        }}
      />${content}
    </label>`;
  }

  private renderChoices(question: SurveyQuestion): TemplateResult {
    const t = this.i18n;
    switch (question.type) {
      case 'smiley': {
        const n = question.options.length;
        return html`<div part="choices row">${question.options.map((option, i) =>
          this.renderChoice(
            question,
            i,
            option.value,
            html`<svg part="face" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
                <circle cx="20" cy="20" r="17"></circle><path d="M14 15v1M26 15v1"></path><path d=${mouth(n > 1 ? 1 - (2 * i) / (n - 1) : 0)}></path></svg
              ><span>${this.text(option.label)}</span>`,
          ),
        )}</div>`;
      }
      case 'scale':
        return html`<div part="choices row">${Array.from({ length: question.max }, (_, i) =>
          this.renderChoice(question, i, i + 1, html`<span part="scale-value">${i + 1}</span><span class="visually-hidden">${t.t('scaleOf', question.max)}</span>`),
        )}</div>`;
      case 'yes-no':
        return html`<div part="choices row">${this.renderChoice(question, 0, true, html`<span>${t.t('yes')}</span>`)}${this.renderChoice(
          question,
          1,
          false,
          html`<span>${t.t('no')}</span>`,
        )}</div>`;
      case 'multiple':
        return html`<div part="choices">${question.options.map((option, i) =>
          this.renderChoice(question, i, option.value, html`<span>${this.text(option.label)}</span>`, 'checkbox'),
        )}</div>`;
      case 'text':
        return html``;
      default:
        return html`<div part="choices">${question.options.map((option, i) => this.renderChoice(question, i, option.value, html`<span>${this.text(option.label)}</span>`))}</div>`;
    }
  }

  private renderQuestion(question: SurveyQuestion): TemplateResult {
    const t = this.i18n;
    const id = `${this.uid}-${question.id}`;
    const problem = this.problems.get(question.id);
    const described = [question.help ? `${id}-help` : '', problem ? `${id}-error` : ''].filter(Boolean);
    const label = html`<span>${this.text(question.label)}</span> <span part="requirement">${question.required ? t.t('required') : t.t('optional')}</span>`;
    const help = question.help ? html`<p part="help" id=${`${id}-help`}>${this.text(question.help)}</p>` : nothing;
    const error = problem
      ? html`<p part="error" id=${`${id}-error`}>${t.t('errorPrefix')}${this.problemText(question, problem)}</p>`
      : nothing;
    if (question.type === 'text') {
      const value = this.answers[question.id];
      const text = typeof value === 'string' ? value : '';
      const left = question.maxLength - text.length;
      return html`<div part="question text" data-question=${question.id}>
        <label part="label" for=${id}>${label}</label>${help}${error}
        <textarea
          part="textarea"
          id=${id}
          name=${question.id}
          rows="4"
          aria-describedby=${[...described, `${id}-count`].join(' ')}
          aria-invalid=${problem ? 'true' : 'false'}
          .value=${live(text)}
          @input=${(event: Event) => {
            this.typed(question, (event.target as HTMLTextAreaElement).value);
          }}
        ></textarea>
        <p part="count" id=${`${id}-count`} ?data-over=${left < 0}>${t.t('remaining', left)}</p>
        <p class="visually-hidden" aria-live="polite">${this.announced.get(question.id) ?? ''}</p>
      </div>`;
    }
    return html`<fieldset part=${`question ${question.type}`} data-question=${question.id} aria-describedby=${described.length ? described.join(' ') : nothing}>
      <legend part="label">${label}</legend>${help}${error}${this.renderChoices(question)}
    </fieldset>`;
  }

  private renderForm(def: SurveyDefinition): unknown {
    const t = this.i18n;
    const shown = shownQuestions(def, this.answers);
    const steps = this.layout !== 'all';
    const index = Math.min(this.step, shown.length - 1);
    const visible = steps ? shown.slice(index, index + 1) : shown;
    const last = !steps || index === shown.length - 1;
    return keyed(
      this.session,
      html`<form novalidate @submit=${this.handleSubmit} aria-labelledby=${`${this.uid}-title`}>
        ${steps ? html`<p part="progress">${t.t('progress', index + 1, shown.length)}</p>` : nothing}
        ${visible.map((question) => this.renderQuestion(question))}
        ${this.formError ? html`<p part="error" role="alert">${t.t('invalidResponse')}${this.formError}</p>` : nothing}
        <div part="actions">
          ${steps && index > 0 ? html`<button part="previous" type="button" @click=${this.previous}>${t.t('previous')}</button>` : nothing}
          <button part="next" class="primary" type="submit">${last ? t.t('submit') : t.t('next')}</button>
        </div>
      </form>`,
    );
  }

  private renderStatus(): TemplateResult {
    const t = this.i18n;
    const notice = (variant: string, heading: string, body: string) =>
      html`<rsp-notice variant=${variant} heading=${heading}>${body}</rsp-notice>`;
    let content: TemplateResult;
    switch (this.status) {
      case 'sent':
        content = notice('success', t.t('sentHeading'), t.t('sent'));
        break;
      case 'queued':
        content = notice('success', t.t('queuedHeading'), t.t('queued'));
        break;
      case 'already':
        content = notice('info', t.t('alreadyHeading'), t.t('already'));
        break;
      case 'failed':
        content = notice('error', t.t('failedHeading'), t.t('failed', this.failure));
        break;
      default:
        content = html`<p role="status">${t.t('sending')}</p>`;
    }
    const done = this.status !== 'sending';
    return html`<div part="status" tabindex="-1" data-status=${this.status}>
      ${content}
      ${this.kiosk && done
        ? html`<p>${t.t('nextPerson', Math.max(1, this.thanksSeconds))}</p>
            <button part="restart" class="primary" type="button" @click=${() => void this.reset('restart')}>${t.t('restart')}</button>`
        : nothing}
    </div>`;
  }

  override render(): TemplateResult {
    const t = this.i18n;
    const def = this.def;
    let body: unknown;
    if (this.status === 'loading') body = html`<p role="status">${t.t('loading')}</p>`;
    else if (this.status === 'error') body = html`<rsp-notice variant="warning">${t.t(this.setupError ?? 'loadError')}</rsp-notice>`;
    else if (this.status === 'answering' && def) body = this.renderForm(def);
    else body = this.renderStatus();
    return html`<section part="base" data-status=${this.status} aria-labelledby=${`${this.uid}-title`}>
      <div part="header">
        <h2 part="title" id=${`${this.uid}-title`}>${def ? this.text(def.title) : t.t('loading')}</h2>
        <button
          part="language"
          type="button"
          lang=${t.t('switchLang')}
          @click=${() => {
            this.lang = t.t('switchLang');
          }}
        >${t.t('switchLanguage')}</button>
      </div>
      ${this.status === 'answering' ? html`<p part="intro">${t.t('anonymous')}</p>` : nothing}
      ${body}
    </section>`;
  }
}
