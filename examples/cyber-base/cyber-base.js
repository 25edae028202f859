// The kiosk page's own script (external: the page allows no inline script). It tells the
// mediator, in a line under the form, what the queue of answers is doing; the form itself
// tells the person. It never reads or shows the answers.
const survey = document.getElementById('survey');
const queue = document.getElementById('queue');

const texts = {
  fr: {
    queued: (n) => `${n} réponse${n > 1 ? 's' : ''} en attente d’envoi sur cet ordinateur (serveur injoignable) ; nouvel essai automatique.`,
    sent: 'Toutes les réponses ont été envoyées.',
  },
  en: {
    queued: (n) => `${n} answer${n > 1 ? 's' : ''} waiting on this computer (server unreachable); retrying automatically.`,
    sent: 'Every answer was sent.',
  },
};
const t = () => texts[survey.getAttribute('lang') === 'en' ? 'en' : 'fr'];

const waiting = new Set();
survey.addEventListener('rsp-survey-queued', (event) => {
  waiting.add(event.detail.idempotencyKey);
  queue.textContent = t().queued(waiting.size);
});
survey.addEventListener('rsp-survey-sent', (event) => {
  waiting.delete(event.detail.idempotencyKey);
  queue.textContent = waiting.size ? t().queued(waiting.size) : t().sent;
});

// The visio-guichet: a line for the mediator when a call starts or ends, and when the screen was
// wiped for the next person. It never shows what was said or exchanged.
const visio = document.getElementById('visio');
const visioLog = document.getElementById('visio-log');
const visioTexts = {
  fr: { start: 'Visio-guichet : appel en cours.', end: 'Visio-guichet : appel terminé.', wipe: 'Visio-guichet : écran effacé pour la personne suivante.' },
  en: { start: 'Video counter: call in progress.', end: 'Video counter: call ended.', wipe: 'Video counter: screen wiped for the next person.' },
};
const vt = () => visioTexts[document.documentElement.lang === 'en' ? 'en' : 'fr'];
visio.addEventListener('rsp-call-start', () => {
  visioLog.textContent = vt().start;
});
visio.addEventListener('rsp-call-end', () => {
  visioLog.textContent = vt().end;
});
visio.addEventListener('rsp-session-wipe', () => {
  visioLog.textContent = vt().wipe;
});
