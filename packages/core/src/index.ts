export {
  defaultLocale,
  intlLocales,
  isLocale,
  locales,
  matchLocale,
  parseAcceptLanguage,
  resolveLocale,
} from './locale.js';
export type { Locale } from './locale.js';
