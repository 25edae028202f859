import { defineMessages } from '../i18n.js';

/** Texts of `<rsp-notice>`. French typography: a no-break space before the colon. */
export const noticeMessages = defineMessages({
  fr: {
    info: 'Information\u00a0: ',
    success: 'Succès\u00a0: ',
    warning: 'Attention\u00a0: ',
    error: 'Erreur\u00a0: ',
    dismiss: 'Fermer le message',
  },
  en: {
    info: 'Information: ',
    success: 'Success: ',
    warning: 'Warning: ',
    error: 'Error: ',
    dismiss: 'Close the message',
  },
});
