import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@rsp/satisfaction/satisfaction-form.js';
import type { RspSatisfactionForm } from '@rsp/satisfaction';

/**
 * Args named after the attributes in the Custom Elements Manifest.
 *
 * The stories answer to `api-base="/"`: served by `npm start` (Storybook under
 * /storybook/ of the reference server, with the demo network), answers really
 * reach the API; in Storybook's own dev server there is no API, so a
 * submission shows the "saved on this device" state — which is that state, for real.
 */
interface FormArgs {
  survey: string;
  'api-base': string;
  'site-id': string;
  'visit-token': string;
  layout: 'steps' | 'all';
  kiosk: boolean;
  'idle-seconds': number;
  'thanks-seconds': number;
  lang: string;
}

const visit = (): string => `story${crypto.randomUUID().replace(/-/g, '')}`;

/** Every question type of the model, with a skip (`why` only after a mark of 1). */
const everyType: RspSatisfactionForm['definition'] = {
  // Not a survey the API serves: answers to it are refused (the "Réponses refusées" state).
  id: 'story-every-type',
  version: 1,
  title: { fr: 'Tous les types de question', en: 'Every type of question' },
  questions: [
    { id: 'single', type: 'single', label: { fr: 'Un seul choix', en: 'One choice' }, options: [{ value: 'a', label: { fr: 'Le matin', en: 'In the morning' } }, { value: 'b', label: { fr: 'L’après-midi', en: 'In the afternoon' } }] },
    { id: 'multiple', type: 'multiple', label: { fr: 'Plusieurs choix', en: 'Several choices' }, options: [{ value: 'caf', label: { fr: 'CAF' } }, { value: 'cpam', label: { fr: 'CPAM' } }, { value: 'msa', label: { fr: 'MSA' } }] },
    { id: 'scale', type: 'scale', required: true, label: { fr: 'Une note de 1 à 5', en: 'A mark from 1 to 5' } },
    { id: 'why', type: 'text', maxLength: 100, label: { fr: 'Qu’est-ce qui n’a pas été\u00a0?', en: 'What went wrong?' }, showIf: { question: 'scale', equals: 1 } },
    {
      id: 'smiley',
      type: 'smiley',
      label: { fr: 'L’accueil', en: 'The reception' },
      options: [
        { value: 'very-satisfied', label: { fr: 'Très satisfait(e)', en: 'Very satisfied' } },
        { value: 'satisfied', label: { fr: 'Satisfait(e)', en: 'Satisfied' } },
        { value: 'not-very', label: { fr: 'Peu satisfait(e)', en: 'Not very satisfied' } },
        { value: 'not-at-all', label: { fr: 'Pas du tout satisfait(e)', en: 'Not at all satisfied' } },
      ],
    },
    { id: 'recommend', type: 'yes-no', label: { fr: 'Le recommanderiez-vous\u00a0?', en: 'Would you recommend it?' } },
    { id: 'comment', type: 'text', maxLength: 200, label: { fr: 'Un commentaire', en: 'A comment' } },
    { id: 'age', type: 'age-band', label: { fr: 'Votre âge', en: 'Your age' }, options: [{ value: 'under-45', label: { fr: 'Moins de 45 ans', en: 'Under 45' } }, { value: '45-plus', label: { fr: '45 ans et plus', en: '45 and over' } }] },
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

/** Waits until the story's form has loaded its survey. */
async function loaded(): Promise<RspSatisfactionForm | undefined> {
  for (let i = 0; i < 100; i++) {
    const el = document.querySelector<RspSatisfactionForm>('rsp-satisfaction-form');
    if (el?.shadowRoot?.querySelector('form, [part="status"], rsp-notice')) return el;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

/** Drives the real form as a person would: clicks the first choice of each question shown, or only "next". */
async function act(what: 'answer-and-send' | 'next-without-answer'): Promise<void> {
  const el = await loaded();
  const root = el?.shadowRoot;
  if (!el || !root) return;
  if (what === 'answer-and-send') for (const question of root.querySelectorAll('fieldset')) question.querySelector('input')?.click();
  await el.updateComplete;
  root.querySelector<HTMLButtonElement>('[part="next"]')?.click();
}

const meta = {
  title: 'Widgets/Satisfaction form',
  component: 'rsp-satisfaction-form',
  args: {
    survey: 'rsp-satisfaction',
    'api-base': '/',
    'site-id': 'rsp-46-gourdon',
    'visit-token': '',
    layout: 'steps',
    kiosk: false,
    'idle-seconds': 90,
    'thanks-seconds': 10,
    lang: 'fr',
  },
  argTypes: {
    layout: { control: 'inline-radio', options: ['steps', 'all'] },
    survey: { control: 'inline-radio', options: ['rsp-satisfaction', 'rsp-quick-feedback'] },
    lang: { control: 'inline-radio', options: ['fr', 'en'] },
  },
  render: (args) => html`
    <rsp-satisfaction-form
      survey=${args.survey}
      api-base=${args['api-base'] || nothing}
      site-id=${args['site-id'] || nothing}
      visit-token=${args['visit-token'] || (args.kiosk ? nothing : visit())}
      layout=${args.layout}
      ?kiosk=${args.kiosk}
      idle-seconds=${args['idle-seconds']}
      thanks-seconds=${args['thanks-seconds']}
      lang=${args.lang}
    ></rsp-satisfaction-form>
  `,
} satisfies Meta<FormArgs>;

export default meta;
type Story = StoryObj<FormArgs>;

/** The seeds' survey, one question at a time (default). */
export const OneAtATime: Story = {};

/** The same survey, every question on one page. */
export const AllAtOnce: Story = { args: { layout: 'all' } };

/** The short "Je donne mon avis" variant: reception, recommend, a comment. */
export const QuickFeedback: Story = { args: { survey: 'rsp-quick-feedback' } };

/** In English, as after pressing the language switch. */
export const English: Story = { args: { lang: 'en' } };

/** Every question type of the model, including the 1–5 scale (not in the seeds' survey), with a skip. */
export const EveryQuestionType: Story = {
  render: (args) => html`<rsp-satisfaction-form
    api-base=${args['api-base']}
    site-id=${args['site-id']}
    visit-token=${visit()}
    layout="all"
    lang=${args.lang}
    .definition=${everyType}
  ></rsp-satisfaction-form>`,
};

/** "Suivant" pressed on a required question without an answer: the message next to the question. */
export const ValidationError: Story = {
  args: { survey: 'rsp-quick-feedback' },
  render: (args) => {
    void act('next-without-answer');
    return meta.render(args);
  },
};

/**
 * Answered and sent. Under `npm start` the API records it ("Merci pour votre
 * avis !"); without a server the answer waits on the device ("vos réponses
 * sont enregistrées") and goes when the API can be reached.
 */
export const Submitted: Story = {
  args: { survey: 'rsp-quick-feedback', layout: 'all' },
  render: (args) => {
    void act('answer-and-send');
    return meta.render(args);
  },
};

/** The server cannot be reached (nothing listens on port 9): the answer is saved on the device and queued. */
export const SavedOffline: Story = {
  args: { survey: 'rsp-quick-feedback', layout: 'all', 'api-base': 'http://127.0.0.1:9/' },
  render: (args) => {
    void act('answer-and-send');
    return meta.render(args);
  },
};

/** Kiosk mode: large targets, a new visit token per person, wiped after 90 s without a touch. */
export const Kiosk: Story = { args: { kiosk: true } };

/** No visit token and not a kiosk: the form says where the link comes from. */
export const NoVisitToken: Story = {
  render: (args) => html`<rsp-satisfaction-form api-base=${args['api-base']} site-id=${args['site-id']} token-param=""></rsp-satisfaction-form>`,
};
