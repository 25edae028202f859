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

// The agents' side: the sign-in form hands the token to <rsp-video-desk> as a property (never an
// attribute, never the URL), then forgets it from the field. The desk's events feed a line of log.
const desk = document.getElementById('desk');
const signIn = document.getElementById('agent-sign-in');
const tokenField = document.getElementById('agent-token');
const deskLog = document.getElementById('desk-log');
const deskTexts = {
  fr: { admitted: 'Appel pris.', started: 'En communication.', ended: (outcome) => `Séance close : ${outcome}.` },
  en: { admitted: 'Call taken.', started: 'In the call.', ended: (outcome) => `Session closed: ${outcome}.` },
};
const deskText = () => deskTexts[document.documentElement.lang === 'en' ? 'en' : 'fr'];
signIn.addEventListener('submit', (event) => {
  event.preventDefault();
  const token = tokenField.value.trim();
  if (token) desk.token = token;
  tokenField.value = '';
});
desk.addEventListener('rsp-call-admit', () => {
  deskLog.textContent = deskText().admitted;
});
desk.addEventListener('rsp-call-start', () => {
  deskLog.textContent = deskText().started;
});
desk.addEventListener('rsp-call-end', (event) => {
  deskLog.textContent = deskText().ended(event.detail.outcome ?? '');
});
