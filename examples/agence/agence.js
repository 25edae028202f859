// The agency page's own script (external: the page allows no inline script). It switches the page
// language (the widget follows <html lang>) and shows what the page may do with the widget's events:
// a real agency page could send its own analytics or show a contact block after a booking.
const button = document.getElementById('language');
const log = document.getElementById('log');

const texts = {
  fr: {
    button: 'English',
    buttonLang: 'en',
    confirmed: (when) => `Rendez-vous confirmé pour le ${when}.`,
    cancelled: 'Rendez-vous annulé.',
    moved: (when) => `Rendez-vous déplacé au ${when}.`,
  },
  en: {
    button: 'Français',
    buttonLang: 'fr',
    confirmed: (when) => `Appointment confirmed for ${when}.`,
    cancelled: 'Appointment cancelled.',
    moved: (when) => `Appointment moved to ${when}.`,
  },
};
const current = () => texts[document.documentElement.lang === 'en' ? 'en' : 'fr'];
const when = (iso) =>
  new Intl.DateTimeFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso));

function apply(lang) {
  document.documentElement.lang = lang;
  const t = texts[lang];
  button.textContent = t.button;
  button.lang = t.buttonLang;
  for (const el of document.querySelectorAll('[data-fr]')) el.textContent = el.dataset[lang];
}

button.addEventListener('click', () => apply(document.documentElement.lang === 'fr' ? 'en' : 'fr'));
document.addEventListener('rsp-booking-confirm', (event) => {
  log.textContent = current().confirmed(when(event.detail.booking.start));
});
document.addEventListener('rsp-booking-reschedule', (event) => {
  log.textContent = current().moved(when(event.detail.booking.start));
});
document.addEventListener('rsp-booking-cancel', () => {
  log.textContent = current().cancelled;
});
