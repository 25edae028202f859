export { RspError, ValidationError, isRspError, isValidationError } from './errors.js';
export type { ValidationIssue } from './errors.js';
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
export * from './schemas/index.js';
