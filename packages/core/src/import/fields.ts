/**
 * Cleaning of the fields every importer meets: names, phone numbers, e-mail
 * addresses, coordinates, postcodes, dates. Each cleaner reports what it
 * corrected or dropped through an {@link IssueList}.
 *
 * @module
 */
import { Email, Phone } from '../schemas/common.js';
import type { Coordinates } from '../schemas/common.js';
import { quoted } from './issues.js';
import type { IssueList } from './issues.js';

/** Trims, turns no-break and other spaces into plain spaces and collapses runs of them (one line). */
export function oneLine(value: string | undefined): string {
  if (value === undefined || value === '') return '';
  // Most cells are clean: test before building a new string.
  if (!ODD_SPACE.test(value)) return value;
  return value.replace(/\s+/g, ' ').trim();
}

/** Leading or trailing white space, two spaces in a row, or any white space other than a plain space. */
const ODD_SPACE = /^\s|\s$|\s\s|[^\S ]/;

/** Trims and normalises line ends to `\n` (several lines kept). */
export function multiLine(value: string | undefined): string {
  if (value === undefined) return '';
  return value.replace(/\r\n?/g, '\n').replace(/[^\S\n]+/g, ' ').trim();
}

/** Whether a phone number is plausible: the `Phone` syntax and 6 to 15 digits. */
export function isPhone(value: string): boolean {
  if (!Phone.safeParse(value).success) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 15;
}

/** The phone number of a cell, or `undefined` (with a warning when the cell was not empty). */
export function cleanPhone(raw: string | undefined, row: number, field: string, issues: IssueList): string | undefined {
  const value = oneLine(raw);
  if (value === '') return undefined;
  if (isPhone(value)) return value;
  const q = quoted(value);
  issues.add(row, field, 'warning', 'phone.invalid', {
    en: `The telephone number ${q.en} is not a telephone number; it is left out, the site is kept.`,
    fr: `Le numéro de téléphone ${q.fr} n’est pas un numéro de téléphone\u00a0; il est laissé de côté, le site est gardé.`,
  }, value);
  return undefined;
}

/** Whether a text is an e-mail address. */
export function isEmail(value: string): boolean {
  return Email.safeParse(value).success;
}

/**
 * The e-mail address of a cell. Several addresses (separated by spaces,
 * `-`, `;`, `,`, `/` or `|`) keep the first valid one, with a warning naming
 * the others; an invalid address is dropped with a warning.
 */
export function cleanEmail(raw: string | undefined, row: number, field: string, issues: IssueList): string | undefined {
  const value = oneLine(raw);
  if (value === '') return undefined;
  if (isEmail(value)) return value;
  const parts = value.split(/\s+-\s+|[\s;,/|]+/).filter((p) => p !== '');
  const valid = parts.filter(isEmail);
  const first = valid[0];
  if (first !== undefined && valid.length === parts.length) {
    const others = valid.slice(1).join(', ');
    issues.add(row, field, 'warning', 'email.several', {
      en: `The cell holds ${valid.length} e-mail addresses; the first one (${first}) is kept, ${others} left out.`,
      fr: `La cellule contient ${valid.length} adresses e-mail\u00a0; la première (${first}) est gardée, ${others} laissée(s) de côté.`,
    }, value);
    return first;
  }
  const q = quoted(value);
  issues.add(row, field, 'warning', 'email.invalid', {
    en: `${q.en} is not an e-mail address; it is left out, the site is kept.`,
    fr: `${q.fr} n’est pas une adresse e-mail\u00a0; elle est laissée de côté, le site est gardé.`,
  }, value);
  return undefined;
}

/** A decimal number written with `.` or `,`; `undefined` when it is not one. */
export function parseDecimal(value: string): number | undefined {
  const text = value.trim().replace(',', '.');
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Coordinates from latitude and longitude cells. Both empty: `undefined` and
 * an info (the site cannot be placed on a map until geocoded); one missing, not a
 * number, out of range or `0, 0`: `undefined` and a warning. The site is kept either way.
 */
export function cleanCoordinates(
  rawLat: string | undefined,
  rawLon: string | undefined,
  row: number,
  fields: { lat: string; lon: string },
  issues: IssueList,
): Coordinates | undefined {
  const latText = oneLine(rawLat);
  const lonText = oneLine(rawLon);
  if (latText === '' && lonText === '') {
    issues.add(row, fields.lat, 'info', 'coordinates.missing', {
      en: 'No coordinates: the site is listed but cannot be shown on a map until its address is geocoded.',
      fr: 'Pas de coordonnées\u00a0: le site est listé mais ne peut pas être placé sur une carte avant le géocodage de son adresse.',
    });
    return undefined;
  }
  const lat = parseDecimal(latText);
  const lon = parseDecimal(lonText);
  if (lat === undefined || lon === undefined) {
    const field = lat === undefined ? fields.lat : fields.lon;
    const bad = quoted(lat === undefined ? latText : lonText);
    issues.add(row, field, 'warning', 'coordinates.invalid', {
      en: `${bad.en} is not a number in decimal degrees; the coordinates are left out, the site is kept.`,
      fr: `${bad.fr} n’est pas un nombre en degrés décimaux\u00a0; les coordonnées sont laissées de côté, le site est gardé.`,
    }, lat === undefined ? latText : lonText);
    return undefined;
  }
  if (lat < -90 || lat > 90) {
    issues.add(row, fields.lat, 'warning', 'coordinates.range', {
      en: `The latitude ${latText} is not between -90 and 90 degrees (latitude and longitude swapped?); the coordinates are left out, the site is kept.`,
      fr: `La latitude ${latText} n’est pas entre -90 et 90 degrés (latitude et longitude inversées\u00a0?)\u00a0; les coordonnées sont laissées de côté, le site est gardé.`,
    }, latText);
    return undefined;
  }
  if (lon < -180 || lon > 180) {
    issues.add(row, fields.lon, 'warning', 'coordinates.range', {
      en: `The longitude ${lonText} is not between -180 and 180 degrees; the coordinates are left out, the site is kept.`,
      fr: `La longitude ${lonText} n’est pas entre -180 et 180 degrés\u00a0; les coordonnées sont laissées de côté, le site est gardé.`,
    }, lonText);
    return undefined;
  }
  if (lat === 0 && lon === 0) {
    issues.add(row, fields.lat, 'warning', 'coordinates.zero', {
      en: 'The coordinates are 0, 0 (a placeholder, in the Gulf of Guinea); they are left out, the site is kept.',
      fr: 'Les coordonnées valent 0, 0 (une valeur par défaut, dans le golfe de Guinée)\u00a0; elles sont laissées de côté, le site est gardé.',
    });
    return undefined;
  }
  return { lat, lon };
}

/**
 * A postcode: a 4-digit code gets back its leading zero (lost in a
 * spreadsheet: `1200` → `01200`) with a warning. Anything else is returned
 * as written, for the site check to report.
 */
export function cleanPostcode(raw: string | undefined, row: number, field: string, issues: IssueList): string {
  const value = oneLine(raw);
  if (/^\d{4}$/.test(value)) {
    issues.add(row, field, 'warning', 'postcode.padded', {
      en: `The postcode ${value} has 4 digits; a leading zero is added (0${value}).`,
      fr: `Le code postal ${value} a 4 chiffres\u00a0; un zéro est ajouté devant (0${value}).`,
    }, value);
    return `0${value}`;
  }
  return value;
}

/**
 * An INSEE commune code, with the same leading-zero repair as postcodes;
 * an invalid code is dropped with a warning (the site does not need it).
 */
export function cleanInsee(raw: string | undefined, row: number, field: string, issues: IssueList): string | undefined {
  let value = oneLine(raw).toUpperCase();
  if (value === '') return undefined;
  if (/^\d{4}$/.test(value)) {
    issues.add(row, field, 'warning', 'insee.padded', {
      en: `The INSEE code ${value} has 4 characters; a leading zero is added (0${value}).`,
      fr: `Le code INSEE ${value} a 4 caractères\u00a0; un zéro est ajouté devant (0${value}).`,
    }, value);
    value = `0${value}`;
  }
  if (/^(?:\d{2}|2[AB])\d{3}$/.test(value)) return value;
  const q = quoted(value);
  issues.add(row, field, 'warning', 'insee.invalid', {
    en: `${q.en} is not an INSEE commune code; it is left out, the site is kept.`,
    fr: `${q.fr} n’est pas un code INSEE de commune\u00a0; il est laissé de côté, le site est gardé.`,
  }, value);
  return undefined;
}

/** Whether `y-m-d` is a real calendar date. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

/** `YYYY-MM-DD` of a day, month and year. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
