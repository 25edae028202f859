import type { SurveyDefinition } from '../schemas/survey.js';

/**
 * The seeds' satisfaction survey (Lot network, first 6 months), asked of
 * people who used at least one service (internet consultation and/or
 * visio-guichet). Anonymous; French and English. Version 1.
 *
 * Question ids and option values are stable: reports (and
 * the evaluation views) read them —
 * `heard` (single: `agency`, `word-of-mouth`, `poster`, `town-hall`, `press`,
 * `other`), `knew-before` (yes/no), `reason` (multiple: `proximity`,
 * `accompaniment`, `other`), `reason-other` (text, shown when `reason`
 * includes `other`), `reception` (smiley: `very-satisfied`, `satisfied`,
 * `not-very`, `not-at-all`), `expectation` (single: `fully`, `partly`,
 * `not-met`), `recommend` (yes/no), `gender` (`woman`, `man`,
 * `prefer-not-to-say`), `age` (`under-25`, `25-44`, `45-59`, `60-74`,
 * `75-plus`).
 */
export const rspSatisfactionSurvey: SurveyDefinition = {
  schemaVersion: 1,
  id: 'rsp-satisfaction',
  version: 1,
  title: { fr: 'Votre avis sur le Relais Services Publics', en: 'Your opinion of the public-service point' },
  questions: [
    {
      id: 'heard',
      type: 'single',
      required: false,
      label: { fr: 'Comment avez-vous connu ce lieu\u00a0?', en: 'How did you hear of this place?' },
      options: [
        { value: 'agency', label: { fr: 'Par l’organisme (CAF, CPAM…)', en: 'From the agency (CAF, CPAM…)' } },
        { value: 'word-of-mouth', label: { fr: 'Par le bouche-à-oreille', en: 'By word of mouth' } },
        { value: 'poster', label: { fr: 'Par une affiche ou un dépliant', en: 'From a poster or leaflet' } },
        { value: 'town-hall', label: { fr: 'Par la mairie', en: 'From the town hall' } },
        { value: 'press', label: { fr: 'Par la presse', en: 'From the press' } },
        { value: 'other', label: { fr: 'Autre', en: 'Other' } },
      ],
    },
    {
      id: 'knew-before',
      type: 'yes-no',
      required: false,
      label: { fr: 'Connaissiez-vous ce lieu avant de venir\u00a0?', en: 'Did you know this place before coming?' },
    },
    {
      id: 'reason',
      type: 'multiple',
      required: false,
      label: { fr: 'Pourquoi êtes-vous venu(e) ici\u00a0?', en: 'Why did you come here?' },
      help: { fr: 'Plusieurs réponses possibles.', en: 'Tick all that apply.' },
      options: [
        { value: 'proximity', label: { fr: 'La proximité', en: 'It is close by' } },
        { value: 'accompaniment', label: { fr: 'Pour être accompagné(e)', en: 'To be helped through it' } },
        { value: 'other', label: { fr: 'Autre raison', en: 'Another reason' } },
      ],
    },
    {
      id: 'reason-other',
      type: 'text',
      required: false,
      maxLength: 200,
      label: { fr: 'Quelle autre raison\u00a0?', en: 'What other reason?' },
      showIf: { question: 'reason', equals: 'other' },
    },
    {
      id: 'reception',
      type: 'smiley',
      required: true,
      label: { fr: 'Êtes-vous satisfait(e) de l’accueil\u00a0?', en: 'Are you satisfied with the reception?' },
      options: [
        { value: 'very-satisfied', label: { fr: 'Très satisfait(e)', en: 'Very satisfied' } },
        { value: 'satisfied', label: { fr: 'Satisfait(e)', en: 'Satisfied' } },
        { value: 'not-very', label: { fr: 'Peu satisfait(e)', en: 'Not very satisfied' } },
        { value: 'not-at-all', label: { fr: 'Pas du tout satisfait(e)', en: 'Not at all satisfied' } },
      ],
    },
    {
      id: 'expectation',
      type: 'single',
      required: false,
      label: { fr: 'Votre attente a-t-elle été satisfaite\u00a0?', en: 'Was your expectation met?' },
      options: [
        { value: 'fully', label: { fr: 'Totalement', en: 'Fully' } },
        { value: 'partly', label: { fr: 'En partie', en: 'Partly' } },
        { value: 'not-met', label: { fr: 'Pas du tout', en: 'Not at all' } },
      ],
    },
    {
      id: 'recommend',
      type: 'yes-no',
      required: false,
      label: { fr: 'Recommanderiez-vous ce service à un proche\u00a0?', en: 'Would you recommend this service to someone you know?' },
    },
    {
      id: 'gender',
      type: 'gender',
      required: false,
      label: { fr: 'Vous êtes', en: 'You are' },
      options: [
        { value: 'woman', label: { fr: 'Une femme', en: 'A woman' } },
        { value: 'man', label: { fr: 'Un homme', en: 'A man' } },
        { value: 'prefer-not-to-say', label: { fr: 'Je préfère ne pas répondre', en: 'I prefer not to say' } },
      ],
    },
    {
      id: 'age',
      type: 'age-band',
      required: false,
      label: { fr: 'Votre âge', en: 'Your age' },
      options: [
        { value: 'under-25', label: { fr: 'Moins de 25 ans', en: 'Under 25' } },
        { value: '25-44', label: { fr: '25 à 44 ans', en: '25 to 44' } },
        { value: '45-59', label: { fr: '45 à 59 ans', en: '45 to 59' } },
        { value: '60-74', label: { fr: '60 à 74 ans', en: '60 to 74' } },
        { value: '75-plus', label: { fr: '75 ans et plus', en: '75 and over' } },
      ],
    },
  ],
};

/**
 * A short "Je donne mon avis"-style survey (3 questions, one screen each) for
 * the end of a visit or a visio session: `reception` (the same smiley scale
 * and values as {@link rspSatisfactionSurvey}), `recommend` (yes/no) and an
 * optional `comment` (text, 500 characters). Version 1.
 */
export const quickFeedbackSurvey: SurveyDefinition = {
  schemaVersion: 1,
  id: 'rsp-quick-feedback',
  version: 1,
  title: { fr: 'Je donne mon avis', en: 'Give your opinion' },
  questions: [
    {
      id: 'reception',
      type: 'smiley',
      required: true,
      label: { fr: 'Êtes-vous satisfait(e) de l’aide reçue\u00a0?', en: 'Are you satisfied with the help you received?' },
      options: [
        { value: 'very-satisfied', label: { fr: 'Très satisfait(e)', en: 'Very satisfied' } },
        { value: 'satisfied', label: { fr: 'Satisfait(e)', en: 'Satisfied' } },
        { value: 'not-very', label: { fr: 'Peu satisfait(e)', en: 'Not very satisfied' } },
        { value: 'not-at-all', label: { fr: 'Pas du tout satisfait(e)', en: 'Not at all satisfied' } },
      ],
    },
    {
      id: 'recommend',
      type: 'yes-no',
      required: false,
      label: { fr: 'Recommanderiez-vous ce service\u00a0?', en: 'Would you recommend this service?' },
    },
    {
      id: 'comment',
      type: 'text',
      required: false,
      maxLength: 500,
      label: { fr: 'Un commentaire\u00a0? (sans nom ni numéro de dossier)', en: 'Any comment? (no name or file number)' },
    },
  ],
};
