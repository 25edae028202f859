/**
 * What every importer returns: the sites it could build and, for everything
 * else, an issue that says where (row and source column), how bad, and what
 * happened, in English and French.
 *
 * @module
 */
import { Site } from '../schemas/site.js';
import { validate } from '../schemas/validate.js';

/** How bad an import issue is. */
export type ImportSeverity = 'error' | 'warning' | 'info';

/**
 * One thing an importer noticed.
 * - `error`: the row gave no site (or, at row 0, the file could not be read);
 * - `warning`: the site was kept but something was corrected or dropped;
 * - `info`: worth knowing, nothing was changed (hours unknown, a column not read…).
 */
export interface ImportIssue {
  /** 1-based data row (record) of the source; the header (or the whole file) is 0. */
  readonly row: number;
  /** The source column or property the issue is about (`code_postal`, `h_lundi`); empty for the whole row. */
  readonly field: string;
  readonly severity: ImportSeverity;
  /** A stable code for programs (`postcode`, `hours.overlap`, `csv.columns`…). */
  readonly code: string;
  /** What happened, in plain English. */
  readonly message: string;
  /** What happened, in plain French. */
  readonly messageFr: string;
  /** The original text of the cell, when there is one. */
  readonly value?: string;
}

/** The result of an import: the sites built (each valid against `Site`) and every issue met. */
export interface ImportResult {
  readonly sites: Site[];
  readonly issues: ImportIssue[];
}

/** The bilingual words of an issue. */
export interface Words {
  readonly en: string;
  readonly fr: string;
}

/** Collects issues for one import, with a short way to add one. */
export class IssueList {
  readonly items: ImportIssue[] = [];

  /** Adds an issue; `value` is kept only when it is a non-empty string. */
  add(row: number, field: string, severity: ImportSeverity, code: string, words: Words, value?: string): void {
    const issue: ImportIssue =
      value === undefined || value === ''
        ? { row, field, severity, code, message: words.en, messageFr: words.fr }
        : { row, field, severity, code, message: words.en, messageFr: words.fr, value };
    this.items.push(issue);
  }

  /** Whether an error was recorded for this row. */
  hasError(row: number): boolean {
    for (let i = this.items.length - 1; i >= 0; i--) {
      const issue = this.items[i];
      if (issue?.row !== row) return false;
      if (issue.severity === 'error') return true;
    }
    return false;
  }
}

/** `"abc"` in English, `« abc »` in French, shortened past 60 characters. */
export function quoted(value: string): Words {
  const short = value.length > 60 ? `${value.slice(0, 59)}…` : value;
  return { en: `"${short}"`, fr: `« ${short} »` };
}

/** The words for a site field, by its path in `Site`, used in validation messages. */
const fieldNames: Record<string, Words> = {
  id: { en: 'Identifier', fr: 'Identifiant' },
  name: { en: 'Name', fr: 'Nom' },
  venueKind: { en: 'Kind of venue', fr: 'Type de lieu' },
  'address.street': { en: 'Address', fr: 'Adresse' },
  'address.complement': { en: 'Address complement', fr: 'Complément d’adresse' },
  'address.postcode': { en: 'Postcode', fr: 'Code postal' },
  'address.commune': { en: 'Commune', fr: 'Commune' },
  'address.inseeCode': { en: 'INSEE code', fr: 'Code INSEE' },
  'coordinates.lat': { en: 'Latitude', fr: 'Latitude' },
  'coordinates.lon': { en: 'Longitude', fr: 'Longitude' },
  openingHours: { en: 'Opening hours', fr: 'Horaires' },
  openingHoursText: { en: 'Opening hours (text)', fr: 'Horaires (texte)' },
  phone: { en: 'Telephone', fr: 'Téléphone' },
  email: { en: 'E-mail', fr: 'Courriel' },
  website: { en: 'Website', fr: 'Site web' },
  'label.date': { en: 'Label date', fr: 'Date de labellisation' },
  parentId: { en: 'Main site', fr: 'Site principal' },
  remarks: { en: 'Remarks', fr: 'Remarques' },
};

/** Site fields that may be dropped (with a warning) when invalid; anything else makes the row an error. */
const droppable = new Set([
  'address.street',
  'address.complement',
  'address.inseeCode',
  'coordinates',
  'openingHours',
  'openingHoursText',
  'phone',
  'email',
  'website',
  'label',
  'parentId',
  'remarks',
  'appointments',
]);

/** The droppable part of a path: `coordinates` for `coordinates.lat`, `address.street` for itself. */
function droppableKey(path: string): string | undefined {
  if (droppable.has(path)) return path;
  const top = path.split(/[.[]/, 1)[0] ?? '';
  if (droppable.has(top)) return top;
  return undefined;
}

/** Removes `key` (`phone`, `address.street`) from a plain candidate object. */
function drop(candidate: Record<string, unknown>, key: string): void {
  const [head, tail] = key.split('.', 2) as [string, string | undefined];
  if (tail === undefined) {
    Reflect.deleteProperty(candidate, head);
    return;
  }
  const inner = candidate[head];
  if (inner !== null && typeof inner === 'object') Reflect.deleteProperty(inner, tail);
}

/**
 * Checks a site built from one row with `validate(Site, …)`. A problem in a
 * field the site can do without (phone, coordinates…) drops that field with a
 * warning; a problem in a required field (id, name, postcode, commune) is an
 * error and gives no site. Each issue names the source column through
 * `columnOf` (a `Site` path such as `address.postcode` → `code_postal`).
 */
export function checkSite(
  candidate: Record<string, unknown>,
  row: number,
  columnOf: (path: string) => string,
  issues: IssueList,
  valueOf: (column: string) => string | undefined = () => undefined,
): Site | undefined {
  for (let attempt = 0; attempt < 4; attempt++) {
    // The same check as `validate(Site, …)`; the plain-word messages are only built when it fails.
    const parsed = Site.safeParse(candidate);
    if (parsed.success) return parsed.data;
    const en = validate(Site, candidate, { locale: 'en' });
    if (en.success) return en.data;
    const fr = validate(Site, candidate, { locale: 'fr' });
    const frIssues = fr.success ? [] : fr.issues;
    const dropped = new Set<string>();
    let fatal = false;
    for (const [index, issue] of en.issues.entries()) {
      const messageFr = frIssues[index]?.message ?? issue.message;
      const column = columnOf(issue.path);
      const name = fieldNames[issue.path] ?? { en: issue.path, fr: issue.path };
      const key = droppableKey(issue.path);
      if (key !== undefined) {
        dropped.add(key);
        issues.add(row, column, 'warning', `site.${issue.code}`, {
          en: `${name.en} (${column}): ${issue.message}; the value is left out, the site is kept.`,
          fr: `${name.fr} (${column})\u00a0: ${messageFr}\u00a0; la valeur est laissée de côté, le site est gardé.`,
        }, valueOf(column));
      } else {
        fatal = true;
        issues.add(row, column, 'error', `site.${issue.code}`, {
          en: `${name.en} (${column}): ${issue.message}; the row is skipped.`,
          fr: `${name.fr} (${column})\u00a0: ${messageFr}\u00a0; la ligne est ignorée.`,
        }, valueOf(column));
      }
    }
    if (fatal) return undefined;
    for (const key of dropped) drop(candidate, key);
  }
  issues.add(row, '', 'error', 'site.invalid', {
    en: 'The row could not be made into a valid site; it is skipped.',
    fr: 'La ligne n’a pas pu devenir un site valide\u00a0; elle est ignorée.',
  });
  return undefined;
}

/**
 * The row's identifier when it is present and not seen on an earlier row
 * (then remembered in `seen`); otherwise an error on `field` (`required` with
 * the importer's own words for a missing id, or `id.duplicate`) and `undefined`:
 * the row is skipped.
 */
export function uniqueRowId(
  id: string,
  row: number,
  field: string,
  issues: IssueList,
  seen: Map<string, number>,
  missing: Words,
): string | undefined {
  if (id === '') {
    issues.add(row, field, 'error', 'required', missing);
    return undefined;
  }
  const first = seen.get(id);
  if (first !== undefined) {
    issues.add(row, field, 'error', 'id.duplicate', {
      en: `The identifier ${id} was already used on row ${String(first)}; this row is skipped.`,
      fr: `L’identifiant ${id} est déjà celui de la ligne ${String(first)}\u00a0; cette ligne est ignorée.`,
    }, id);
    return undefined;
  }
  seen.set(id, row);
  return id;
}
