/**
 * Importer of the national list of France Services sites published by the
 * ANCT as CSV (`liste-fs-AAAAMMJJ.csv`, Licence Ouverte / Etalab 2.0).
 *
 * @module
 */
import { formatTime } from '../hours/index.js';
import type { Site, VenueKind } from '../schemas/site.js';
import { parseCsv } from './csv.js';
import type { CsvDelimiter } from './csv.js';
import { readDayCell } from './day-cell.js';
import type { MinuteRange } from './day-cell.js';
import {
  cleanCoordinates,
  cleanEmail,
  cleanInsee,
  cleanPhone,
  cleanPostcode,
  isRealDate,
  isoDate,
  multiLine,
  oneLine,
} from './fields.js';
import { weekToOsm } from './hours-bridge.js';
import type { WeekRanges } from './hours-bridge.js';
import { IssueList, checkSite, quoted, uniqueRowId } from './issues.js';
import type { ImportResult } from './issues.js';
import { reportCsvProblems, reportColumnCount } from './csv-issues.js';

/** Options of {@link importFranceServicesCsv}. */
export interface FranceServicesCsvOptions {
  /** `source.dataset` of every site (default `anct-france-services`). */
  readonly dataset?: string;
  /** The field separator; guessed from the header line when absent. */
  readonly delimiter?: CsvDelimiter;
}

/** The day columns, Monday first, with their ISO weekday and French name. */
const DAY_COLUMNS = [
  ['h_lundi', 1, 'lundi'],
  ['h_mardi', 2, 'mardi'],
  ['h_mercredi', 3, 'mercredi'],
  ['h_jeudi', 4, 'jeudi'],
  ['h_vendredi', 5, 'vendredi'],
  ['h_samedi', 6, 'samedi'],
] as const;

const REQUIRED = ['id_fs', 'lib_fs', 'code_postal', 'lib_com'] as const;

/** Every column of the 2024 list; a missing one is reported as info, an unknown one too. */
export const FRANCE_SERVICES_COLUMNS = [
  'id_fs',
  'insee_dep',
  'lib_fs',
  'adresse',
  'complement_adresse',
  'insee_com',
  'code_postal',
  'lib_com',
  'latitude',
  'longitude',
  'mail',
  'telephone',
  ...DAY_COLUMNS.map(([column]) => column),
  'prise_rdv',
  'commentaire',
  'type_fs',
  'format_fs',
  'groupe_fs',
  'labellisation_fs',
] as const;

/** The source column of each `Site` path, for validation issues. */
const COLUMN_OF: Record<string, string> = {
  id: 'id_fs',
  name: 'lib_fs',
  'address.street': 'adresse',
  'address.complement': 'complement_adresse',
  'address.postcode': 'code_postal',
  'address.commune': 'lib_com',
  'address.inseeCode': 'insee_com',
  coordinates: 'latitude',
  'coordinates.lat': 'latitude',
  'coordinates.lon': 'longitude',
  email: 'mail',
  phone: 'telephone',
  appointments: 'prise_rdv',
  remarks: 'commentaire',
  venueKind: 'format_fs',
  label: 'labellisation_fs',
  'label.date': 'labellisation_fs',
  openingHours: 'h_lundi',
  openingHoursText: 'h_lundi',
};

/** `format_fs` values and the venue kind they give. */
const FORMATS: Record<string, VenueKind> = {
  Fixe: 'france-services',
  Multisites: 'france-services',
  'Fixe_antenne(s)': 'france-services',
  Itinérante: 'itinerant',
  Bus_équivalent: 'itinerant',
};

/** A name reduced for comparison: lower case, no accents, no articles or punctuation. */
export function comparableName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, ' ')
    .replace(/\b(?:de|du|des|d|la|le|les|l)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/ +/g, ' ');
}

/** The main site's part of an antenna's name: `France services Fraize - Antenne de Corcieux` → `France services Fraize`. */
function mainPartOfName(name: string): string | undefined {
  const parts = name.split(/\s+[-–]\s+(?=(?:antenne|site)\b)/i);
  return parts.length > 1 ? parts[0] : undefined;
}

/** The label date: `Espace labellisé 01/02/2020` → `2020-02-01`; `01/2020` → `2020-01-01` (month only). */
export function parseLabelDate(text: string): { date: string; monthOnly: boolean } | undefined {
  const full = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text);
  if (full) {
    const [day, month, year] = [Number(full[1]), Number(full[2]), Number(full[3])];
    return isRealDate(year, month, day) ? { date: isoDate(year, month, day), monthOnly: false } : undefined;
  }
  const month = /(?:^|\D)(\d{1,2})\/(\d{4})(?!\d)/.exec(text);
  if (month) {
    const [m, year] = [Number(month[1]), Number(month[2])];
    return isRealDate(year, m, 1) ? { date: isoDate(year, m, 1), monthOnly: true } : undefined;
  }
  return undefined;
}

/** What the second pass needs to link antennas to their main site. */
interface Row {
  site: Site;
  row: number;
  antenna: boolean;
  principal: boolean;
  group: string;
  department: string;
  name: string;
}

/**
 * Reads the national France Services list (CSV) into sites.
 *
 * - one site per row, id `fs-<id_fs>`, `venueKind` `france-services`, or
 *   `itinerant` for the `Itinérante` and `Bus_équivalent` formats;
 * - hours `h_lundi`…`h_samedi` become one OSM `opening_hours` value
 *   (`00:00 - 00:00` placeholders ignored, overlapping ranges merged, each
 *   with a warning); all six cells empty means hours unknown (no
 *   `openingHours`, an info), an empty day among filled ones means closed;
 * - `Antenne` rows get the `parentId` of their main site, found through
 *   `groupe_fs`, or else through the name (`X - Antenne de Y` → `X`);
 * - a bad phone or e-mail is dropped with a warning, the site kept; a row
 *   without id, name, valid postcode or commune is an error and gives no site.
 *
 * Pure: text in, result out (no file system, no DOM).
 */
export function importFranceServicesCsv(text: string, options: FranceServicesCsvOptions = {}): ImportResult {
  const dataset = options.dataset ?? 'anct-france-services';
  const issues = new IssueList();
  const table = parseCsv(text, options.delimiter === undefined ? {} : { delimiter: options.delimiter });
  const header = table.header;
  if (header.length === 0 || (header.length === 1 && header[0] === '')) {
    issues.add(0, '', 'error', 'csv.empty', { en: 'The file is empty.', fr: 'Le fichier est vide.' });
    return { sites: [], issues: issues.items };
  }
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i);
  });
  const missing = REQUIRED.filter((name) => !index.has(name));
  if (missing.length > 0) {
    const list = missing.join(', ');
    issues.add(0, missing[0] ?? '', 'error', 'csv.header', {
      en: `Required column(s) missing: ${list}. Is this the France Services list? (separator found: "${table.delimiter}")`,
      fr: `Colonne(s) obligatoire(s) absente(s)\u00a0: ${list}. Est-ce bien la liste des France services\u00a0? (séparateur trouvé\u00a0: « ${table.delimiter} »)`,
    });
    return { sites: [], issues: issues.items };
  }
  const known = new Set<string>(FRANCE_SERVICES_COLUMNS);
  for (const name of header) {
    if (!known.has(name)) {
      issues.add(0, name, 'info', 'csv.column.unknown', {
        en: `The column "${name}" is not read by this importer.`,
        fr: `La colonne « ${name} » n’est pas lue par cet import.`,
      });
    }
  }
  for (const name of FRANCE_SERVICES_COLUMNS) {
    if (!index.has(name)) {
      issues.add(0, name, 'info', 'csv.column.missing', {
        en: `The column "${name}" is missing; the field stays unknown for every site.`,
        fr: `La colonne « ${name} » est absente\u00a0; le champ reste inconnu pour tous les sites.`,
      });
    }
  }
  reportCsvProblems(table.problems, issues);

  const rows: Row[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach((record, i) => {
    const row = i + 1;
    if (!reportColumnCount(record, header.length, row, issues)) return;
    const get = (name: string): string => {
      const at = index.get(name);
      return at === undefined ? '' : (record[at] ?? '');
    };
    const built = buildSite(get, row, dataset, issues, seen);
    if (built) rows.push(built);
  });
  linkAntennas(rows, issues);
  return { sites: rows.map((r) => r.site), issues: issues.items };
}

function buildSite(
  get: (name: string) => string,
  row: number,
  dataset: string,
  issues: IssueList,
  seen: Map<string, number>,
): Row | undefined {
  const idFs = uniqueRowId(oneLine(get('id_fs')), row, 'id_fs', issues, seen, {
    en: 'The identifier (id_fs) is empty; the row is skipped.',
    fr: 'L’identifiant (id_fs) est vide\u00a0; la ligne est ignorée.',
  });
  if (idFs === undefined) return undefined;

  const candidate: Record<string, unknown> = {
    id: `fs-${idFs}`,
    name: oneLine(get('lib_fs')),
    venueKind: venueKind(get('format_fs'), row, issues),
    address: address(get, row, issues),
  };
  const coordinates = cleanCoordinates(get('latitude'), get('longitude'), row, { lat: 'latitude', lon: 'longitude' }, issues);
  if (coordinates) candidate.coordinates = coordinates;
  Object.assign(candidate, hours(get, row, issues));
  const appointments = yesNo(get('prise_rdv'), row, issues);
  if (appointments !== undefined) candidate.appointments = appointments;
  const phone = cleanPhone(get('telephone'), row, 'telephone', issues);
  if (phone !== undefined) candidate.phone = phone;
  const email = cleanEmail(get('mail'), row, 'mail', issues);
  if (email !== undefined) candidate.email = email;
  candidate.label = franceServicesLabel(get('labellisation_fs'), row, 'labellisation_fs', issues);
  const remarks = multiLine(get('commentaire'));
  if (remarks !== '') candidate.remarks = remarks;
  candidate.source = { dataset, id: idFs, row };

  const type = oneLine(get('type_fs'));
  if (type !== '' && type !== 'Principal' && type !== 'Antenne') {
    issues.add(row, 'type_fs', 'warning', 'type.unknown', {
      en: `Unknown site type ${quoted(type).en} (expected Principal or Antenne); the site is read as a main site.`,
      fr: `Type de site inconnu ${quoted(type).fr} (attendu\u00a0: Principal ou Antenne)\u00a0; le site est lu comme un site principal.`,
    }, type);
  }
  const site = checkSite(candidate, row, (path) => COLUMN_OF[path] ?? path, issues, get);
  if (!site) return undefined;
  return {
    site,
    row,
    antenna: type === 'Antenne',
    principal: type !== 'Antenne',
    group: oneLine(get('groupe_fs')),
    department: oneLine(get('insee_dep')),
    name: site.name,
  };
}

function venueKind(raw: string, row: number, issues: IssueList): VenueKind {
  const format = oneLine(raw);
  const kind = FORMATS[format];
  if (kind) return kind;
  if (format !== '') {
    issues.add(row, 'format_fs', 'warning', 'format.unknown', {
      en: `Unknown format ${quoted(format).en}; the site is read as a fixed France Services.`,
      fr: `Format inconnu ${quoted(format).fr}\u00a0; le site est lu comme une France services fixe.`,
    }, format);
  }
  return 'france-services';
}

function address(get: (name: string) => string, row: number, issues: IssueList): Record<string, unknown> {
  const out: Record<string, unknown> = {
    postcode: cleanPostcode(get('code_postal'), row, 'code_postal', issues),
    commune: oneLine(get('lib_com')),
  };
  const street = oneLine(get('adresse'));
  if (street !== '') out.street = street;
  const complement = oneLine(get('complement_adresse'));
  if (complement !== '') out.complement = complement;
  const insee = cleanInsee(get('insee_com'), row, 'insee_com', issues);
  if (insee !== undefined) out.inseeCode = insee;
  return out;
}

function yesNo(raw: string, row: number, issues: IssueList): boolean | undefined {
  const value = oneLine(raw);
  const lower = value.toLowerCase();
  if (lower === 'oui') return true;
  if (lower === 'non') return false;
  if (value !== '') {
    issues.add(row, 'prise_rdv', 'warning', 'appointments.invalid', {
      en: `${quoted(value).en} is neither Oui nor Non; whether appointments are offered stays unknown.`,
      fr: `${quoted(value).fr} n’est ni Oui ni Non\u00a0; la prise de rendez-vous reste inconnue.`,
    }, value);
  }
  return undefined;
}

/** The hours of one row as `openingHours` (and `openingHoursText` when a cell cannot be read). */
function hours(get: (name: string) => string, row: number, issues: IssueList): Record<string, string> {
  const week: WeekRanges = { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
  let filled = 0;
  let readable = true;
  for (const [column, day] of DAY_COLUMNS) {
    const raw = get(column);
    const cell = readDayCell(raw);
    const value = raw.trim();
    if (cell.placeholders > 0) {
      issues.add(row, column, 'warning', 'hours.placeholder', {
        en: `The placeholder "00:00 - 00:00" is ignored${cell.ranges.length === 0 && cell.unreadable.length === 0 ? ' (no other hours that day)' : ''}.`,
        fr: `La valeur par défaut « 00:00 - 00:00 » est ignorée${cell.ranges.length === 0 && cell.unreadable.length === 0 ? ' (pas d’autres horaires ce jour-là)' : ''}.`,
      }, value);
    }
    if (cell.merged > 0) {
      const ranges = cell.ranges.map(rangeText).join(' / ');
      issues.add(row, column, 'warning', 'hours.overlap', {
        en: `Repeated, overlapping or touching ranges are merged: ${ranges}.`,
        fr: `Des plages répétées, qui se chevauchent ou se touchent sont fusionnées\u00a0: ${ranges}.`,
      }, value);
    }
    if (cell.unreadable.length > 0) {
      readable = false;
      const parts = cell.unreadable.map((p) => quoted(p));
      issues.add(row, column, 'warning', 'hours.syntax', {
        en: `${parts.map((p) => p.en).join(', ')} is not a time range "HH:MM - HH:MM"; the week's hours are kept as text only.`,
        fr: `${parts.map((p) => p.fr).join(', ')} n’est pas une plage « HH:MM - HH:MM »\u00a0; les horaires de la semaine sont gardés en texte seulement.`,
      }, value);
    }
    if (cell.ranges.length > 0 || cell.unreadable.length > 0) filled++;
    week[day] = cell.ranges;
  }
  if (!readable) {
    const text = DAY_COLUMNS.map(([column, , name]) => `${name}\u00a0: ${oneLine(get(column)) || 'fermé'}`).join(' ; ');
    return { openingHoursText: text };
  }
  if (filled === 0) {
    issues.add(row, 'h_lundi', 'info', 'hours.unknown', {
      en: 'No hours on any day: the hours are unknown (not "closed").',
      fr: 'Aucun horaire sur la semaine\u00a0: les horaires sont inconnus (et non «\u00a0fermé\u00a0»).',
    });
    return {};
  }
  return { openingHours: weekToOsm(week) };
}

function rangeText([start, end]: MinuteRange): string {
  return `${formatTime(start)} - ${formatTime(end)}`;
}

/** Second pass: the `parentId` of each antenna. */
function linkAntennas(rows: Row[], issues: IssueList): void {
  const byGroup = new Map<string, Row[]>();
  const byName = new Map<string, Row[]>();
  for (const r of rows) {
    if (!r.principal) continue;
    if (r.group !== '') byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r]);
    const key = `${r.department}|${comparableName(r.name)}`;
    byName.set(key, [...(byName.get(key) ?? []), r]);
  }
  for (const r of rows) {
    if (!r.antenna) continue;
    const inGroup = r.group === '' ? [] : (byGroup.get(r.group) ?? []);
    const [only] = inGroup;
    if (inGroup.length === 1 && only) {
      r.site.parentId = only.site.id;
      continue;
    }
    const main = mainPartOfName(r.name);
    const byItsName = main === undefined ? [] : (byName.get(`${r.department}|${comparableName(main)}`) ?? []);
    const [named] = byItsName;
    if (byItsName.length === 1 && named) {
      r.site.parentId = named.site.id;
      issues.add(r.row, 'lib_fs', 'info', 'parent.by-name', {
        en: `Antenna linked to its main site ${named.site.id} (${named.name}) by its name.`,
        fr: `Antenne rattachée à son site principal ${named.site.id} (${named.name}) par son nom.`,
      });
      continue;
    }
    const why =
      inGroup.length > 1
        ? { en: `its group has ${inGroup.length} main sites`, fr: `son groupe compte ${inGroup.length} sites principaux` }
        : { en: 'no group or name points to one main site', fr: 'ni le groupe ni le nom ne désignent un seul site principal' };
    issues.add(r.row, 'groupe_fs', 'info', 'parent.unknown', {
      en: `Antenna without a known main site: ${why.en}.`,
      fr: `Antenne sans site principal connu\u00a0: ${why.fr}.`,
    });
  }
}

/**
 * The France Services label of a row from its "Espace labellisé 01/01/2020"
 * cell (`field`): its date when one can be read, a warning otherwise, an
 * info when only the month is given. Shared by the 2024 CSV and 2020 GeoJSON importers.
 */
export function franceServicesLabel(raw: string, row: number, field: string, issues: IssueList): Record<string, unknown> {
  const value = oneLine(raw);
  if (value === '') return { kind: 'france-services' };
  const parsed = parseLabelDate(value);
  if (!parsed) {
    issues.add(row, field, 'warning', 'label.date', {
      en: `No date found in ${quoted(value).en}; the label is kept without its date.`,
      fr: `Pas de date lisible dans ${quoted(value).fr}\u00a0; le label est gardé sans sa date.`,
    }, value);
    return { kind: 'france-services' };
  }
  if (parsed.monthOnly) {
    issues.add(row, field, 'info', 'label.month', {
      en: `${quoted(value).en} gives only a month; the label date is set to the 1st (${parsed.date}).`,
      fr: `${quoted(value).fr} ne donne que le mois\u00a0; la date du label est fixée au 1er (${parsed.date}).`,
    }, value);
  }
  return { kind: 'france-services', date: parsed.date };
}
