/**
 * Languages of RSP Kit. French is the default language of every widget and
 * message; English is the second. Everything else falls back to French.
 *
 * @module
 */

/** The supported locales, default first. */
export const locales = ['fr', 'en'] as const;

/** A supported locale. */
export type Locale = (typeof locales)[number];

/** The locale used when nothing else matches: French. */
export const defaultLocale: Locale = 'fr';

/**
 * The regional tag used with `Intl` formatters for each locale: dates,
 * numbers and lists are written as in France (`fr-FR`) or, in English, as in
 * the United Kingdom (`en-GB`: day before month, 24-hour clock).
 */
export const intlLocales: Readonly<Record<Locale, string>> = { fr: 'fr-FR', en: 'en-GB' };

/** Whether a value is one of the supported locales (`'fr'` or `'en'`). */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * The supported locale matching one BCP 47 language tag, or `undefined`.
 * Case and separators are tolerated: `fr`, `fr-FR`, `FR_ca`, `en-GB`,
 * `en-Latn-US` all match; `de`, `*`, `` and `f` do not.
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const language = tag.trim().split(/[-_]/, 1)[0]?.toLowerCase();
  return isLocale(language) ? language : undefined;
}

/**
 * The locale to use for a tag or a list of tags in order of preference
 * (an element's `lang`, then its ancestors', then the page's; or the result
 * of {@link parseAcceptLanguage}). The first tag that matches a supported
 * locale wins; French when none does.
 *
 * @example
 * resolveLocale('en-GB')            // 'en'
 * resolveLocale(['de-DE', 'en'])    // 'en'
 * resolveLocale(['', undefined])    // 'fr'
 */
export function resolveLocale(tags: string | readonly (string | null | undefined)[] | null | undefined): Locale {
  const list = typeof tags === 'string' || tags == null ? [tags] : tags;
  for (const tag of list) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return defaultLocale;
}

/**
 * The language tags of an HTTP `Accept-Language` header, most wanted first
 * (by quality value, then by order). Entries with `q=0` and malformed entries
 * are left out.
 *
 * @example
 * parseAcceptLanguage('en-GB;q=0.8, fr;q=0.9, de;q=0') // ['fr', 'en-GB']
 */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const entries: { tag: string; q: number; index: number }[] = [];
  header.split(',').forEach((part, index) => {
    const [rawTag, ...params] = part.trim().split(';');
    const tag = rawTag?.trim() ?? '';
    if (!/^(?:\*|[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*)$/.test(tag)) return;
    let q = 1;
    for (const param of params) {
      if (!/^\s*q\s*=/i.test(param)) continue;
      const match = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param);
      q = match?.[1] === undefined ? Number.NaN : Number(match[1]);
    }
    if (q > 0 && q <= 1) entries.push({ tag, q, index });
  });
  return entries.sort((a, b) => b.q - a.q || a.index - b.index).map((entry) => entry.tag);
}
