import type { Locale } from '@rsp/core/locale.js';
import { intlLocales } from '@rsp/core/locale.js';
import { CliError } from './io.js';

const formats = new Map<Locale, Intl.NumberFormat>();

/** A number written for people (`2 845` in French, `2,845` in English); one formatter per locale. */
export function count(value: number, locale: Locale): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(intlLocales[locale], { maximumFractionDigits: 1 });
    formats.set(locale, format);
  }
  return format.format(value);
}

/** A plain-text table with aligned columns; numbers (right-aligned) are the columns listed in `right`. */
export function table(rows: readonly (readonly string[])[], right: readonly number[] = []): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  return rows
    .map((row) => row.map((cell, i) => (right.includes(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd())
    .join('\n');
}

/** `--lang fr|en`, French by default. */
export function parseLang(value: string | undefined, command: string): Locale {
  if (value === undefined || value === 'fr') return 'fr';
  if (value === 'en') return 'en';
  throw new CliError(`rsp ${command}: --lang must be fr or en; got "${value}".`, 2);
}
