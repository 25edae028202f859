// The demo page's own script (an external module: the page allows no inline script).
// The language button switches <html lang>: every RSP Kit element follows the page's language.
const button = document.getElementById('language');
const log = document.getElementById('log');

const texts = {
  fr: { button: 'English', buttonLang: 'en', retry: 'Réessayer', retried: 'Nouvel essai demandé (événement rsp-notice-action).' },
  en: { button: 'Français', buttonLang: 'fr', retry: 'Try again', retried: 'Retry requested (rsp-notice-action event).' },
};

function apply(lang) {
  document.documentElement.lang = lang;
  const t = texts[lang];
  button.textContent = t.button;
  button.lang = t.buttonLang;
  for (const el of document.querySelectorAll('[data-fr]')) el.textContent = el.dataset[lang];
  document.getElementById('offline').setAttribute('action-label', t.retry);
  document.title = lang === 'fr' ? 'RSP Kit — démonstration' : 'RSP Kit — demo';
}

button.addEventListener('click', () => apply(document.documentElement.lang === 'fr' ? 'en' : 'fr'));
document.addEventListener('rsp-notice-action', () => {
  log.textContent = texts[document.documentElement.lang === 'en' ? 'en' : 'fr'].retried;
});
