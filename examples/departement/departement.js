// The portal's own script (external: the page allows no inline script). It switches the page
// language (the widget follows <html lang>) and shows what the page does with the widget's events:
// a real portal would open its booking or video counter page for the chosen site.
const button = document.getElementById('language');
const log = document.getElementById('log');

const texts = {
  fr: {
    button: 'English',
    buttonLang: 'en',
    select: (name) => `Lieu choisi : ${name}.`,
    book: (name) => `Prendre rendez-vous à ${name} : le portail ouvrirait sa page de rendez-vous.`,
    visio: (name) => `Appel en visio depuis ${name} : le portail ouvrirait le visio-guichet.`,
  },
  en: {
    button: 'Français',
    buttonLang: 'fr',
    select: (name) => `Chosen place: ${name}.`,
    book: (name) => `Book at ${name}: the portal would open its booking page.`,
    visio: (name) => `Video call from ${name}: the portal would open the video counter.`,
  },
};
const current = () => texts[document.documentElement.lang === 'en' ? 'en' : 'fr'];

function apply(lang) {
  document.documentElement.lang = lang;
  const t = texts[lang];
  button.textContent = t.button;
  button.lang = t.buttonLang;
  for (const el of document.querySelectorAll('[data-fr]')) el.textContent = el.dataset[lang];
}

button.addEventListener('click', () => apply(document.documentElement.lang === 'fr' ? 'en' : 'fr'));
const names = new Map();
document.addEventListener('rsp-site-select', (event) => {
  names.set(event.detail.siteId, event.detail.site.name);
  log.textContent = current().select(event.detail.site.name);
});
document.addEventListener('rsp-action', (event) => {
  const name = names.get(event.detail.siteId) ?? event.detail.siteId;
  log.textContent = event.detail.action === 'visio' ? current().visio(name) : current().book(name);
});
