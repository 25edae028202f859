import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SurveyDefinitionInput } from '@rsp/core/schemas.js';
import type { RspSatisfactionForm } from '../src/satisfaction-form/satisfaction-form.component.js';
import { draftKey, loadDraft } from '../src/store/drafts.js';
import { outboxEntries } from '../src/store/outbox.js';
import { SITE_ID, active, form, newToken, next, part, pending, questionEl, questionIds, ready, root, server, status, tabTo, text, useTestServer } from './support/helpers.js';

/** The next event of a type, typed from GlobalEventHandlersEventMap. */
const nextEvent = <K extends keyof GlobalEventHandlersEventMap>(el: EventTarget, type: K) => oneEvent<GlobalEventHandlersEventMap[K]>(el, type);

const HOSTILE = '<img src=x onerror="window.__rspPwned=1"><script>window.__rspPwned=1</script>';

/** Every question type of core's model, with a skip: `why` only when `scale` is 1. */
const everyType: SurveyDefinitionInput = {
  id: 'every-type',
  version: 3,
  title: { fr: 'Tous les types', en: 'Every type' },
  questions: [
    { id: 'single', type: 'single', label: { fr: 'Un choix', en: 'One choice' }, options: [{ value: 'a', label: { fr: 'A' } }, { value: 'b', label: { fr: 'B' } }] },
    { id: 'multiple', type: 'multiple', label: { fr: 'Plusieurs choix', en: 'Several choices' }, options: [{ value: 'x', label: { fr: 'X' } }, { value: 'y', label: { fr: 'Y' } }, { value: 'z', label: { fr: 'Z' } }] },
    { id: 'scale', type: 'scale', required: true, label: { fr: 'Une note de 1 à 5', en: 'A mark from 1 to 5' } },
    { id: 'why', type: 'text', maxLength: 20, label: { fr: 'Pourquoi cette note\u00a0?', en: 'Why this mark?' }, showIf: { question: 'scale', equals: 1 } },
    {
      id: 'smiley',
      type: 'smiley',
      label: { fr: 'Votre humeur', en: 'Your mood' },
      options: [
        { value: 'good', label: { fr: 'Bien', en: 'Good' } },
        { value: 'fair', label: { fr: 'Moyen', en: 'Fair' } },
        { value: 'bad', label: { fr: 'Mal', en: 'Bad' } },
      ],
    },
    { id: 'yes-no', type: 'yes-no', label: { fr: 'Oui ou non\u00a0?', en: 'Yes or no?' } },
    { id: 'comment', type: 'text', maxLength: 30, label: { fr: 'Un mot', en: 'A word' } },
    { id: 'age', type: 'age-band', label: { fr: 'Votre âge', en: 'Your age' }, options: [{ value: 'young', label: { fr: 'Moins de 45 ans' } }, { value: 'old', label: { fr: '45 ans et plus' } }] },
    {
      id: 'gender',
      type: 'gender',
      label: { fr: 'Vous êtes', en: 'You are' },
      options: [
        { value: 'woman', label: { fr: 'Une femme', en: 'A woman' } },
        { value: 'man', label: { fr: 'Un homme', en: 'A man' } },
        { value: 'prefer-not-to-say', label: { fr: 'Je préfère ne pas répondre', en: 'I prefer not to say' } },
      ],
    },
  ],
};

const live = useTestServer();

describe('<rsp-satisfaction-form>: the seeds survey, one question at a time', () => {
  it('is completed with the keyboard only, passes axe on each step, and the server stores exactly those answers', async function () {
    this.timeout(20000);
    const token = newToken();
    const el = await form({ apiBase: live.api, token });
    expect(questionIds(el)).to.deep.equal(['heard']);
    // 8 questions shown: the 9th (reason-other) depends on an answer.
    expect(text(part(el, 'progress'))).to.equal('Question 1 sur 8');
    expect(text(part(el, 'title'))).to.equal('Votre avis sur le Relais Services Publics');
    await expect(el).to.be.accessible();

    // 1. heard (single): Tab into the group, ArrowDown moves to and selects the second option.
    await tabTo(el, 'input[type="radio"]');
    await sendKeys({ press: 'ArrowDown' });
    expect(el.currentAnswers).to.deep.equal({ heard: 'word-of-mouth' });
    await next(el);
    // 2. knew-before (yes/no): the focus is already on the new question.
    expect(questionIds(el)).to.deep.equal(['knew-before']);
    expect(active(el)?.matches('[data-question="knew-before"] input')).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowRight' });
    await next(el);
    // 3. reason (multiple): Space ticks, Tab moves between boxes.
    expect(questionIds(el)).to.deep.equal(['reason']);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    expect(el.currentAnswers.reason).to.deep.equal(['proximity', 'other']);
    await next(el);
    // 4. reason-other: shown because "other" was ticked (skip logic).
    expect(questionIds(el)).to.deep.equal(['reason-other']);
    expect(text(part(el, 'progress'))).to.equal('Question 4 sur 9');
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'Le bus passe devant' });
    await next(el);
    // 5. reception (smiley, required): arrows move and select, in both directions.
    expect(questionIds(el)).to.deep.equal(['reception']);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowRight' });
    expect(el.currentAnswers.reception).to.equal('satisfied');
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.currentAnswers.reception).to.equal('very-satisfied');
    // Tab leaves the group at once (to the buttons), it does not walk through the smileys.
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('part')).to.equal('previous');
    await next(el);
    // 6. expectation.
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    await next(el);
    // 7. recommend: Space selects the focused "Oui".
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Space' });
    await next(el);
    // 8. gender, with "prefer not to say".
    expect(questionIds(el)).to.deep.equal(['gender']);
    expect(text(questionEl(el, 'gender'))).to.contain('Je préfère ne pas répondre');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await next(el);
    // 9. age band; the last step sends.
    expect(questionIds(el)).to.deep.equal(['age']);
    expect(text(part(el, 'next'))).to.equal('Envoyer mes réponses');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    const sent = nextEvent(el, 'rsp-survey-sent');
    await next(el);
    const event = await sent;
    expect(event.detail.surveyId).to.equal('rsp-satisfaction');
    await waitUntil(() => status(el) === 'sent', 'not shown as sent');
    expect(root(el).querySelector('rsp-notice')?.getAttribute('heading')).to.equal('Merci pour votre avis\u00a0!');
    expect(text(part(el, 'status'))).to.equal('Vos réponses ont été envoyées.');
    await expect(el).to.be.accessible();

    const stored = await server.stored();
    expect(stored.count).to.equal(1);
    const response = stored.responses[0]!;
    expect(response.visitToken).to.equal(token);
    expect(response.siteId).to.equal(SITE_ID);
    expect(response.answers).to.deep.equal({
      heard: 'word-of-mouth',
      'knew-before': false,
      reason: ['proximity', 'other'],
      'reason-other': 'Le bus passe devant',
      reception: 'very-satisfied',
      expectation: 'partly',
      recommend: true,
      gender: 'prefer-not-to-say',
      age: '45-59',
    });
    // Nothing identifying: the record holds the survey, site, token, time and answers only.
    expect(Object.keys(response).sort()).to.deep.equal(['answers', 'schemaVersion', 'siteId', 'submittedAt', 'surveyId', 'surveyVersion', 'visitToken']);
    expect(response.submittedAt).to.match(/T\d\d:\d\d:00(\.000)?Z$/);
    expect(await pending()).to.have.length(0);
  });

  it('says what is missing next to a required question and keeps the person on it', async () => {
    const el = await form({ apiBase: live.api, survey: 'rsp-quick-feedback' });
    expect(questionIds(el)).to.deep.equal(['reception']);
    await next(el);
    expect(questionIds(el)).to.deep.equal(['reception']);
    const error = part(el, 'error')!;
    expect(text(error)).to.equal('Erreur\u00a0: répondez à cette question pour continuer.');
    const group = questionEl(el, 'reception')!;
    expect(group.getAttribute('aria-describedby')).to.contain(error.id);
    // The focus went back to the question.
    expect(active(el)?.closest('[data-question]')).to.equal(group);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(part(el, 'error')).to.equal(null);
    await next(el);
    expect(questionIds(el)).to.deep.equal(['recommend']);
  });

  it('goes back with "Précédent" and keeps the answers', async () => {
    const el = await form({ apiBase: live.api, survey: 'rsp-quick-feedback' });
    await tabTo(el, 'input[type="radio"]');
    await sendKeys({ press: 'ArrowRight' });
    await next(el);
    await tabTo(el, '[part="previous"]');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(questionIds(el)).to.deep.equal(['reception']);
    expect(root(el).querySelector<HTMLInputElement>('input:checked')?.value).to.equal('satisfied');
  });
});

describe('<rsp-satisfaction-form>: every question type, all at once', () => {
  async function everyTypeForm(lang = 'fr'): Promise<RspSatisfactionForm> {
    const el = await fixture<RspSatisfactionForm>(html`<rsp-satisfaction-form
      api-base=${live.api}
      site-id=${SITE_ID}
      visit-token=${newToken()}
      layout="all"
      lang=${lang}
      .definition=${everyType}
    ></rsp-satisfaction-form>`);
    return ready(el);
  }

  it('renders each type with its native control and passes axe', async () => {
    const el = await everyTypeForm();
    expect(questionIds(el)).to.deep.equal(['single', 'multiple', 'scale', 'smiley', 'yes-no', 'comment', 'age', 'gender']);
    const inputs = (id: string, type: string) => questionEl(el, id)!.querySelectorAll(`input[type="${type}"]`).length;
    expect(inputs('single', 'radio')).to.equal(2);
    expect(inputs('multiple', 'checkbox')).to.equal(3);
    expect(inputs('scale', 'radio')).to.equal(5);
    expect(text(questionEl(el, 'scale')!.querySelector('[part~="choice"]'))).to.equal('1 sur 5');
    expect(inputs('smiley', 'radio')).to.equal(3);
    expect(questionEl(el, 'smiley')!.querySelectorAll('svg[part="face"]')).to.have.length(3);
    expect(text(questionEl(el, 'yes-no'))).to.contain('Oui').and.contain('Non');
    expect(questionEl(el, 'comment')!.querySelector('textarea')).to.not.equal(null);
    expect(inputs('age', 'radio')).to.equal(2);
    expect(text(questionEl(el, 'gender'))).to.contain('Je préfère ne pas répondre');
    expect(part(el, 'progress')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('gives the 1–5 scale the radio-group keyboard model: arrows move and select, Tab leaves the group', async () => {
    const el = await everyTypeForm();
    questionEl(el, 'multiple')!.querySelectorAll('input')[2]!.focus();
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.closest('[data-question]')?.getAttribute('data-question')).to.equal('scale');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(el.currentAnswers.scale).to.equal(3);
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.currentAnswers.scale).to.equal(2);
    await el.updateComplete;
    expect(questionIds(el)).to.not.include('why');
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.currentAnswers.scale).to.equal(1);
    await el.updateComplete;
    // Skip logic: a mark of 1 asks why; the question appears right after the scale.
    expect(questionIds(el)).to.deep.equal(['single', 'multiple', 'scale', 'why', 'smiley', 'yes-no', 'comment', 'age', 'gender']);
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.closest('[data-question]')?.getAttribute('data-question')).to.equal('why');
    await sendKeys({ type: 'trop long' });
    // Back to a 5: the branch disappears and its answer is dropped.
    questionEl(el, 'scale')!.querySelector<HTMLInputElement>('input[value="1"]')!.focus();
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.currentAnswers.scale).to.equal(5);
    expect(questionIds(el)).to.not.include('why');
    expect(Object.keys(el.currentAnswers)).to.include('why'); // kept while typing, dropped from what is sent
    await expect(el).to.be.accessible();
  });

  it('counts the characters of a free text live and refuses a text over the limit, next to it', async () => {
    const el = await everyTypeForm();
    const area = questionEl(el, 'comment')!.querySelector('textarea')!;
    expect(text(part(el, 'count'))).to.equal('Il vous reste 30\u00a0caractères');
    area.focus();
    await sendKeys({ type: 'Un accueil très agréable, merci beaucoup' });
    await el.updateComplete;
    expect(text(part(el, 'count'))).to.equal('10\u00a0caractères en trop');
    // The scale is required: both problems are shown at once, each next to its question.
    await tabTo(el, '[part="next"]', 20);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(questionEl(el, 'scale')!.querySelector('[part="error"]'))).to.equal('Erreur\u00a0: répondez à cette question pour continuer.');
    expect(text(questionEl(el, 'comment')!.querySelector('[part="error"]'))).to.equal('Erreur\u00a0: votre texte dépasse 30\u00a0caractères\u00a0; raccourcissez-le.');
    expect(area.getAttribute('aria-invalid')).to.equal('true');
    expect(area.getAttribute('aria-describedby')).to.contain(questionEl(el, 'comment')!.querySelector('[part="error"]')!.id);
    // The focus went to the first question in error.
    expect(active(el)?.closest('[data-question]')?.getAttribute('data-question')).to.equal('scale');
    expect(status(el)).to.equal('answering');
    await expect(el).to.be.accessible();
    // The count is announced once the typing stops.
    await waitUntil(() => text(root(el).querySelector('[aria-live="polite"]')) !== '', 'the count was not announced', { timeout: 3000 });
  });

  it('renders a hostile free text as text, never as markup', async () => {
    const el = await everyTypeForm();
    const area = questionEl(el, 'comment')!.querySelector('textarea')!;
    area.value = HOSTILE;
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    // Rendered again from memory, in another language.
    el.lang = 'en';
    await el.updateComplete;
    await aTimeout(50);
    expect(root(el).querySelector('img, script')).to.equal(null);
    expect((window as unknown as { __rspPwned?: number }).__rspPwned).to.equal(undefined);
    expect(questionEl(el, 'comment')!.querySelector('textarea')!.value).to.equal(HOSTILE);
  });

  it('switches to English inside the form, and falls back to French (marked lang="fr") where a text has no English', async () => {
    const el = await everyTypeForm();
    const button = part(el, 'language')!;
    expect(text(button)).to.equal('English');
    expect(button.getAttribute('lang')).to.equal('en');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(part(el, 'title')) === 'Every type', 'not in English');
    expect(el.getAttribute('lang')).to.equal('en');
    expect(text(part(el, 'language'))).to.equal('Français');
    expect(text(questionEl(el, 'scale')!.querySelector('legend'))).to.equal('A mark from 1 to 5 (required)');
    expect(text(questionEl(el, 'yes-no'))).to.contain('Yes').and.contain('No');
    const untranslated = questionEl(el, 'single')!.querySelector('[part~="choice"] [lang="fr"]');
    expect(text(untranslated)).to.equal('A');
    expect(text(part(el, 'count'))).to.equal('You have 30 characters left');
    await expect(el).to.be.accessible();
  });
});

describe('<rsp-satisfaction-form>: answers kept locally from the first click', () => {
  it('saves each answer in IndexedDB by survey and visit token, and restores them for the same visit', async () => {
    const token = newToken();
    const first = await form({ apiBase: live.api, token, survey: 'rsp-quick-feedback' });
    await tabTo(first, 'input[type="radio"]');
    await sendKeys({ press: 'ArrowRight' });
    const key = draftKey('rsp-quick-feedback', 1, token);
    await waitUntil(async () => (await loadDraft(key))?.answers.reception === 'satisfied', 'the first click was not saved');
    await next(first);
    await waitUntil(async () => (await loadDraft(key))?.step === 1, 'the step was not saved');
    first.remove();

    // The page is reloaded (or the browser crashed): the same visit goes on where it was.
    const again = await form({ apiBase: live.api, token, survey: 'rsp-quick-feedback' });
    expect(again.currentAnswers).to.deep.equal({ reception: 'satisfied' });
    expect(questionIds(again)).to.deep.equal(['recommend']);
    // Another visit starts blank.
    const other = await form({ apiBase: live.api, survey: 'rsp-quick-feedback' });
    expect(other.currentAnswers).to.deep.equal({});
  });

  it('refuses a second answer for the same visit, saying so', async function () {
    this.timeout(8000);
    const token = newToken();
    for (const round of [1, 2]) {
      const el = await form({ apiBase: live.api, token, survey: 'rsp-quick-feedback', layout: 'all' });
      questionEl(el, 'reception')!.querySelector('input')!.click();
      part(el, 'next')!.click();
      await waitUntil(() => ['sent', 'already'].includes(status(el)), 'no answer');
      expect(status(el)).to.equal(round === 1 ? 'sent' : 'already');
      if (round === 2) {
        expect(text(part(el, 'status'))).to.contain('déjà reçu une réponse pour cette visite');
        await expect(el).to.be.accessible();
      }
      el.remove();
    }
    expect((await server.stored()).count).to.equal(1);
    expect(await pending()).to.have.length(0);
  });
});

describe('<rsp-satisfaction-form>: an answer the server refuses', () => {
  it('is shown as refused, kept in the queue as failed and never retried', async function () {
    this.timeout(8000);
    // Same id and version as the server's quick survey, plus a question the server does not know.
    const definition: SurveyDefinitionInput = {
      id: 'rsp-quick-feedback',
      version: 1,
      title: { fr: 'Questionnaire modifié' },
      questions: [
        { id: 'reception', type: 'yes-no', required: true, label: { fr: 'Satisfait(e)\u00a0?' } },
        { id: 'extra', type: 'yes-no', label: { fr: 'Une question en plus' } },
      ],
    };
    const el = await fixture<RspSatisfactionForm>(html`<rsp-satisfaction-form
      api-base=${live.api}
      site-id=${SITE_ID}
      visit-token=${newToken()}
      layout="all"
      retry-seconds="0.1"
      .definition=${definition}
    ></rsp-satisfaction-form>`);
    await ready(el);
    questionEl(el, 'extra')!.querySelector('input')!.click();
    questionEl(el, 'reception')!.querySelector('input')!.click();
    part(el, 'next')!.click();
    await waitUntil(() => status(el) === 'failed', 'not refused');
    expect(root(el).querySelector('rsp-notice')?.getAttribute('variant')).to.equal('error');
    expect(text(part(el, 'status'))).to.contain('answers.extra');
    await expect(el).to.be.accessible();
    await aTimeout(400);
    const entries = await outboxEntries();
    expect(entries.map((e) => [e.state, e.attempts])).to.deep.equal([['failed', 1]]);
    expect((await server.stored()).count).to.equal(0);
  });
});

describe('<rsp-satisfaction-form>: the visit token', () => {
  it('is required outside kiosk mode: without it, the form explains where it comes from', async () => {
    const el = await form({ apiBase: live.api, token: '' });
    expect(status(el)).to.equal('error');
    expect(text(root(el).querySelector('rsp-notice'))).to.equal('Ce questionnaire s’ouvre avec le lien ou le code QR remis lors de votre visite.');
    await expect(el).to.be.accessible();
  });

  it('is refused when malformed', async () => {
    const el = await form({ apiBase: live.api, token: 'short<b>' });
    expect(status(el)).to.equal('error');
    expect(text(root(el).querySelector('rsp-notice'))).to.contain('incomplet');
  });

  it('is read from the page URL parameter (?visite=…) when the attribute is absent', async () => {
    const token = newToken();
    const before = location.href;
    history.replaceState(null, '', `?visite=${token}`);
    try {
      const el = await form({ apiBase: live.api, token: '', survey: 'rsp-quick-feedback', layout: 'all' });
      expect(status(el)).to.equal('answering');
      questionEl(el, 'reception')!.querySelector('input')!.click();
      part(el, 'next')!.click();
      await waitUntil(() => status(el) === 'sent', 'not sent');
      expect((await server.stored()).responses[0]!.visitToken).to.equal(token);
    } finally {
      history.replaceState(null, '', before);
    }
  });
});

describe('<rsp-satisfaction-form kiosk>', () => {
  it('wipes the answers from the screen, memory and the draft after inactivity', async function () {
    this.timeout(8000);
    const el = await form({ apiBase: live.api, kiosk: true, idleSeconds: 1, survey: 'rsp-quick-feedback', layout: 'all' });
    expect(status(el)).to.equal('answering');
    const area = questionEl(el, 'comment')!.querySelector('textarea')!;
    questionEl(el, 'reception')!.querySelector('input')!.click();
    area.focus();
    await sendKeys({ type: 'Mon voisin' });
    await el.updateComplete;
    const draft = (await loadDraftOf(el))!;
    await waitUntil(async () => (await loadDraft(draft))?.answers.comment === 'Mon voisin', 'not saved');
    const reset = await nextEvent(el, 'rsp-survey-reset');
    expect(reset.detail.reason).to.equal('inactivity');
    await el.updateComplete;
    expect(el.currentAnswers).to.deep.equal({});
    expect(questionEl(el, 'comment')!.querySelector('textarea')!.value).to.equal('');
    expect(root(el).querySelectorAll('input:checked')).to.have.length(0);
    expect(root(el).textContent).to.not.contain('Mon voisin');
    expect(await loadDraft(draft)).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('thanks, then resets for the next person with a new visit token; large targets', async function () {
    this.timeout(8000);
    const el = await form({ apiBase: live.api, kiosk: true, thanksSeconds: 1, survey: 'rsp-quick-feedback', layout: 'all' });
    const choice = questionEl(el, 'reception')!.querySelector('[part~="choice"]')!;
    expect(choice.getBoundingClientRect().height).to.be.at.least(72);
    choice.querySelector('input')!.click();
    part(el, 'next')!.click();
    await waitUntil(() => status(el) === 'sent', 'not sent');
    expect(text(part(el, 'status'))).to.contain('remis à zéro pour la personne suivante');
    await expect(el).to.be.accessible();
    const reset = await nextEvent(el, 'rsp-survey-reset');
    expect(reset.detail.reason).to.equal('submitted');
    await el.updateComplete;
    expect(status(el)).to.equal('answering');
    // The next person answers too: a second response, under another token.
    questionEl(el, 'reception')!.querySelectorAll('input')[1]!.click();
    part(el, 'next')!.click();
    await waitUntil(() => status(el) === 'sent', 'second not sent');
    const stored = await server.stored();
    expect(stored.count).to.equal(2);
    expect(stored.responses[0]!.visitToken).to.not.equal(stored.responses[1]!.visitToken);
    expect(stored.responses.map((r) => r.answers.reception)).to.deep.equal(['very-satisfied', 'satisfied']);
  });
});

/** The draft key of a kiosk form (its token is its own). */
async function loadDraftOf(el: RspSatisfactionForm): Promise<string | undefined> {
  await el.updateComplete;
  return (el as unknown as { draftId: string }).draftId;
}
