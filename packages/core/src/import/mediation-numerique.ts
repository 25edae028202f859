/**
 * Import and export of the national "Lieux de médiation numérique" data
 * standard (CSV or JSON), to and from `Site`.
 *
 * @module
 */
import { safeParseOpeningHours } from '../hours/index.js';
import { WebUrl } from '../schemas/common.js';
import type { Site, VenueKind } from '../schemas/site.js';
import { parseCsv, writeCsv } from './csv.js';
import type { CsvDelimiter } from './csv.js';
import { reportColumnCount, reportCsvProblems } from './csv-issues.js';
import { cleanCoordinates, cleanInsee, cleanPostcode, isEmail, isPhone, isRealDate, multiLine, oneLine } from './fields.js';
import { IssueList, checkSite, quoted, uniqueRowId } from './issues.js';
import type { ImportIssue, ImportResult } from './issues.js';
import {
  MEDIATION_NUMERIQUE_COLUMNS,
  MEDIATION_NUMERIQUE_PATTERNS,
  MEDIATION_NUMERIQUE_VOCABULARIES,
  PRESENTATION_RESUME_MAX_LENGTH,
  TYPOLOGIES,
} from './mediation-numerique-vocabulary.js';
import type { MediationNumeriqueColumn, VocabularyColumn, VocabularyValue } from './mediation-numerique-vocabulary.js';

/** File format of a médiation numérique file. */
export type MediationNumeriqueFormat = 'csv' | 'json';

/**
 * What a médiation numérique record holds that `Site` has no field for, kept
 * beside the site (by site id) so that an export writes it back. Lists hold
 * the values of multi-valued columns; `courriels` and `site_web` hold only the
 * addresses after the first one (which is the site's `email` / `website`).
 */
export interface MediationNumeriqueExtras {
  /** The record's own `id`, when it could not be used as the site id as it is. */
  id?: string;
  pivot?: string;
  typologie?: string[];
  courriels?: string[];
  site_web?: string[];
  presentation_resume?: string;
  /** Only when too long for the site's `remarks` (2,000 characters); otherwise it is `remarks`. */
  presentation_detail?: string;
  source?: string;
  itinerance?: VocabularyValue<'itinerance'>[];
  structure_parente?: string;
  /** `YYYY-MM-DD`. */
  date_maj?: string;
  services?: VocabularyValue<'services'>[];
  publics_specifiquement_adresses?: VocabularyValue<'publics_specifiquement_adresses'>[];
  prise_en_charge_specifique?: VocabularyValue<'prise_en_charge_specifique'>[];
  frais_a_charge?: VocabularyValue<'frais_a_charge'>[];
  dispositif_programmes_nationaux?: VocabularyValue<'dispositif_programmes_nationaux'>[];
  formations_labels?: VocabularyValue<'formations_labels'>[];
  autres_formations_labels?: string;
  modalites_acces?: VocabularyValue<'modalites_acces'>[];
  modalites_accompagnement?: VocabularyValue<'modalites_accompagnement'>[];
  fiche_acces_libre?: string;
  prise_rdv?: string;
}

/** The result of {@link importMediationNumerique}: sites, issues, and what `Site` cannot hold, by site id. */
export interface MediationNumeriqueImportResult extends ImportResult {
  readonly extras: Record<string, MediationNumeriqueExtras>;
}

/** Options of {@link importMediationNumerique}. */
export interface MediationNumeriqueImportOptions {
  readonly format: MediationNumeriqueFormat;
  /** `source.dataset` of every site (default `lieux-de-mediation-numerique`). */
  readonly dataset?: string;
  /** CSV separator; guessed from the header line when absent. */
  readonly delimiter?: CsvDelimiter;
}

/** Options of {@link exportMediationNumerique}. */
export interface MediationNumeriqueExportOptions {
  readonly format: MediationNumeriqueFormat;
  /** What an import kept beside the sites (its `extras`), or values to add (a `pivot` for each site…). */
  readonly extras?: Readonly<Record<string, MediationNumeriqueExtras>>;
  /** `date_maj` of the records that have none (default: today, UTC). */
  readonly updated?: string;
}

/** The result of {@link exportMediationNumerique}: the file's text, and what the file cannot say or lacks. */
export interface MediationNumeriqueExportResult {
  readonly text: string;
  /** `row` is the 1-based record of the output; errors mark records that will not pass the schema's checks. */
  readonly issues: ImportIssue[];
}

const MULTI: readonly VocabularyColumn[] = Object.keys(MEDIATION_NUMERIQUE_VOCABULARIES) as VocabularyColumn[];

/** Typologies that say what kind of venue a place is, most specific first. */
const VENUE_OF_TYPOLOGY: readonly (readonly [string, VenueKind])[] = [
  ['RFS', 'france-services'],
  ['MSAP', 'france-services'],
  ['ENM', 'itinerant'],
  ['EPN', 'epn'],
  ['EPI', 'epn'],
  ['BIB', 'library'],
  ['RELAIS_LECTURE', 'library'],
  ['MUNI', 'town-hall'],
  ['CS', 'community-house'],
  ['CSC', 'community-house'],
  ['MQ', 'community-house'],
  ['MDH', 'community-house'],
  ['EVS', 'community-house'],
];

/** The typology written for a venue kind that came from elsewhere (`other`: none). */
const TYPOLOGY_OF_VENUE: Partial<Record<VenueKind, string>> = {
  'france-services': 'RFS',
  itinerant: 'ENM',
  epn: 'EPN',
  'cyber-base': 'EPN',
  library: 'BIB',
  'town-hall': 'MUNI',
  'community-house': 'CS',
};

const COLUMN_OF: Record<string, MediationNumeriqueColumn> = {
  id: 'id',
  name: 'nom',
  venueKind: 'typologie',
  'address.street': 'adresse',
  'address.complement': 'complement_adresse',
  'address.postcode': 'code_postal',
  'address.commune': 'commune',
  'address.inseeCode': 'code_insee',
  coordinates: 'latitude',
  'coordinates.lat': 'latitude',
  'coordinates.lon': 'longitude',
  openingHours: 'horaires',
  openingHoursText: 'horaires',
  phone: 'telephone',
  email: 'courriels',
  website: 'site_web',
  remarks: 'presentation_detail',
  appointments: 'prise_rdv',
  label: 'dispositif_programmes_nationaux',
};

function venueKindOf(typologies: readonly string[], itinerance: readonly string[]): VenueKind {
  if (itinerance.includes('Itinérant') && !itinerance.includes('Fixe')) return 'itinerant';
  for (const [code, kind] of VENUE_OF_TYPOLOGY) if (typologies.includes(code)) return kind;
  return 'other';
}

/** Lower case, no accents, one space, no space before `(`: to match a vocabulary value written a little differently. */
function loose(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/\s*\(\s*/g, '(')
    .trim();
}

const LOOSE_VOCABULARIES = new Map<VocabularyColumn, Map<string, string>>(
  MULTI.map((column) => [column, new Map(MEDIATION_NUMERIQUE_VOCABULARIES[column].map((v: string) => [loose(v), v]))]),
);

/** Splits a multi-valued cell on `|` (or the older `;`). */
function splitValues(value: string): { values: string[]; semicolon: boolean } {
  if (value.trim() === '') return { values: [], semicolon: false };
  const semicolon = !value.includes('|') && value.includes(';');
  const values = value
    .split(semicolon ? ';' : '|')
    .map((v) => oneLine(v))
    .filter((v) => v !== '');
  return { values, semicolon };
}

function isWebUrl(value: string): boolean {
  return WebUrl.safeParse(value).success;
}

/** A record as cells by column name. */
type Cells = (column: string) => string;

/**
 * Reads a "Lieux de médiation numérique" file (CSV or JSON) into sites.
 * Each record is checked against the schema: a missing `id`, `nom`,
 * `commune` or valid `code_postal` is an error (no site); other breaches
 * (missing `pivot`, `adresse` or `date_maj`, a value outside a vocabulary,
 * a bad `code_insee`, `telephone` or `horaires`) are warnings, the bad value
 * left out and the site kept. `horaires` is checked with the hours module's
 * parser. What `Site` cannot hold comes back in `extras`, by site id, for
 * {@link exportMediationNumerique} to write back.
 *
 * Mapping: `typologie` → `venueKind` (`RFS`/`MSAP` france-services, `BIB`
 * library, `MUNI` town-hall, `EPN` epn, `CS`/`CSC`/`MQ`/`MDH`/`EVS`
 * community-house, `ENM` or `itinerance` = `Itinérant` alone itinerant, else
 * other); `prise_rdv` → `appointments: true`; `presentation_detail` →
 * `remarks`; `France Services` in `dispositif_programmes_nationaux` → the
 * France Services label; first of `courriels` / `site_web` → `email` / `website`.
 */
export function importMediationNumerique(input: string | readonly unknown[], options: MediationNumeriqueImportOptions): MediationNumeriqueImportResult {
  const dataset = options.dataset ?? 'lieux-de-mediation-numerique';
  const issues = new IssueList();
  const records: { row: number; get: Cells }[] = [];
  const columns = new Set<string>();
  if (options.format === 'csv') {
    if (typeof input !== 'string') {
      issues.add(0, '', 'error', 'csv.input', { en: 'A CSV import needs the text of the file.', fr: 'Un import CSV a besoin du texte du fichier.' });
      return { sites: [], issues: issues.items, extras: {} };
    }
    const table = parseCsv(input, options.delimiter === undefined ? {} : { delimiter: options.delimiter });
    if (table.header.length === 0 || (table.header.length === 1 && table.header[0] === '')) {
      issues.add(0, '', 'error', 'csv.empty', { en: 'The file is empty.', fr: 'Le fichier est vide.' });
      return { sites: [], issues: issues.items, extras: {} };
    }
    const index = new Map<string, number>();
    table.header.forEach((name, i) => {
      if (!index.has(name)) index.set(name, i);
      columns.add(name);
    });
    reportCsvProblems(table.problems, issues);
    table.rows.forEach((record, i) => {
      const row = i + 1;
      if (!reportColumnCount(record, table.header.length, row, issues)) return;
      records.push({ row, get: (column) => record[index.get(column) ?? -1] ?? '' });
    });
  } else {
    let data: unknown = input;
    if (typeof input === 'string') {
      try {
        data = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        issues.add(0, '', 'error', 'json.syntax', { en: `The file is not valid JSON (${reason}).`, fr: `Le fichier n’est pas du JSON valide (${reason}).` });
        return { sites: [], issues: issues.items, extras: {} };
      }
    }
    if (!Array.isArray(data)) {
      issues.add(0, '', 'error', 'json.shape', {
        en: 'The file is not a JSON list of places.',
        fr: 'Le fichier n’est pas une liste JSON de lieux.',
      });
      return { sites: [], issues: issues.items, extras: {} };
    }
    (data as unknown[]).forEach((item, i) => {
      const row = i + 1;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        issues.add(row, '', 'error', 'json.record', { en: 'This entry is not an object; it is skipped.', fr: 'Cette entrée n’est pas un objet\u00a0; elle est ignorée.' });
        return;
      }
      const object = item as Record<string, unknown>;
      for (const key of Object.keys(object)) columns.add(key);
      records.push({ row, get: (column) => jsonCell(object[column]) });
    });
  }
  const known = new Set<string>(MEDIATION_NUMERIQUE_COLUMNS);
  for (const column of columns) {
    if (!known.has(column)) {
      issues.add(0, column, 'info', 'column.unknown', {
        en: `The column "${column}" is not part of the standard; it is not read.`,
        fr: `La colonne « ${column} » ne fait pas partie du standard\u00a0; elle n’est pas lue.`,
      });
    }
  }
  if (options.format === 'csv') {
    const missing = (['id', 'nom', 'commune', 'code_postal'] as const).filter((c) => !columns.has(c));
    if (missing.length > 0) {
      issues.add(0, missing[0] ?? '', 'error', 'csv.header', {
        en: `Required column(s) missing: ${missing.join(', ')}. Is this a médiation numérique file?`,
        fr: `Colonne(s) obligatoire(s) absente(s)\u00a0: ${missing.join(', ')}. Est-ce bien un fichier de lieux de médiation numérique\u00a0?`,
      });
      return { sites: [], issues: issues.items, extras: {} };
    }
  }
  const sites: Site[] = [];
  const extras: Record<string, MediationNumeriqueExtras> = {};
  const seen = new Map<string, number>();
  const semicolons = { count: 0 };
  for (const { row, get } of records) {
    const built = readRecord(get, row, dataset, issues, seen, semicolons);
    if (!built) continue;
    sites.push(built.site);
    if (Object.keys(built.extras).length > 0) extras[built.site.id] = built.extras;
  }
  if (semicolons.count > 0) {
    issues.add(0, '', 'info', 'mednum.separator', {
      en: `${semicolons.count} cell(s) separate their values with ";" (the older form); they were read, and are written back with "|".`,
      fr: `${semicolons.count} cellule(s) séparent leurs valeurs par « ; » (l’ancienne forme)\u00a0; elles ont été lues, et sont réécrites avec « | ».`,
    });
  }
  return { sites, issues: issues.items, extras };
}

function jsonCell(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return value.map(jsonCell).filter((v) => v !== '').join('|');
  return '';
}

function readRecord(
  get: Cells,
  row: number,
  dataset: string,
  issues: IssueList,
  seen: Map<string, number>,
  semicolons: { count: number },
): { site: Site; extras: MediationNumeriqueExtras } | undefined {
  const extras: MediationNumeriqueExtras = {};
  const rawId = uniqueRowId(oneLine(get('id')), row, 'id', issues, seen, {
    en: 'The identifier (id) is empty, though the standard requires it; the row is skipped.',
    fr: 'L’identifiant (id) est vide alors que le standard l’exige\u00a0; la ligne est ignorée.',
  });
  if (rawId === undefined) return undefined;
  // A site id: the record's id when it is one, else its characters made safe (the original kept).
  let id = rawId;
  if (!/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(rawId) || rawId.length > 100) {
    id = rawId.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._:-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 100) || `row-${row}`;
    extras.id = rawId;
    issues.add(row, 'id', 'info', 'mednum.id', {
      en: `The identifier ${quoted(rawId).en} is not usable as a site id; the site is "${id}", the original is kept for export.`,
      fr: `L’identifiant ${quoted(rawId).fr} n’est pas utilisable comme identifiant de site\u00a0; le site est « ${id} », l’original est gardé pour l’export.`,
    }, rawId);
  }

  const multi = <C extends VocabularyColumn>(column: C): VocabularyValue<C>[] => {
    const { values, semicolon } = splitValues(get(column));
    if (semicolon) semicolons.count++;
    const loose_ = LOOSE_VOCABULARIES.get(column);
    const out: VocabularyValue<C>[] = [];
    for (const value of values) {
      const vocabulary = MEDIATION_NUMERIQUE_VOCABULARIES[column] as readonly string[];
      if (vocabulary.includes(value)) {
        if (!out.includes(value as VocabularyValue<C>)) out.push(value as VocabularyValue<C>);
        continue;
      }
      const canonical = loose_?.get(loose(value));
      if (canonical !== undefined) {
        issues.add(row, column, 'warning', 'mednum.vocabulary.corrected', {
          en: `${quoted(value).en} is read as the standard's value ${quoted(canonical).en}.`,
          fr: `${quoted(value).fr} est lu comme la valeur du standard ${quoted(canonical).fr}.`,
        }, value);
        if (!out.includes(canonical as VocabularyValue<C>)) out.push(canonical as VocabularyValue<C>);
        continue;
      }
      issues.add(row, column, 'warning', 'mednum.vocabulary', {
        en: `${quoted(value).en} is not a value of the standard for ${column}; it is left out.`,
        fr: `${quoted(value).fr} n’est pas une valeur du standard pour ${column}\u00a0; elle est laissée de côté.`,
      }, value);
    }
    return out;
  };

  const requiredButNotForSite = (column: MediationNumeriqueColumn, value: string): void => {
    if (value !== '') return;
    issues.add(row, column, 'warning', 'mednum.required', {
      en: `${column} is empty, though the standard requires it; the site is kept.`,
      fr: `${column} est vide alors que le standard l’exige\u00a0; le site est gardé.`,
    });
  };

  // pivot: SIRET (14 digits), RNA (W + 9) or RIDET; spaces and dots removed.
  const rawPivot = oneLine(get('pivot'));
  requiredButNotForSite('pivot', rawPivot);
  if (rawPivot !== '') {
    const pivot = rawPivot.replace(/[\s.]/g, '');
    if (MEDIATION_NUMERIQUE_PATTERNS.pivot.test(pivot)) {
      extras.pivot = pivot;
      if (pivot !== rawPivot) {
        issues.add(row, 'pivot', 'warning', 'mednum.pivot.corrected', {
          en: `Spaces and dots removed from the SIRET/RNA: ${pivot}.`,
          fr: `Espaces et points retirés du SIRET/RNA\u00a0: ${pivot}.`,
        }, rawPivot);
      }
    } else {
      issues.add(row, 'pivot', 'warning', 'mednum.pivot', {
        en: `${quoted(rawPivot).en} is not a SIRET, RNA or RIDET number (9 to 14 letters or digits); it is left out.`,
        fr: `${quoted(rawPivot).fr} n’est pas un numéro SIRET, RNA ou RIDET (9 à 14 lettres ou chiffres)\u00a0; il est laissé de côté.`,
      }, rawPivot);
    }
  }

  const typologie = splitValues(get('typologie'));
  if (typologie.semicolon) semicolons.count++;
  const unknownTypes = typologie.values.filter((t) => !TYPOLOGIES.includes(t));
  if (unknownTypes.length > 0) {
    issues.add(row, 'typologie', 'info', 'mednum.typologie', {
      en: `Typology not in the data·inclusion list: ${unknownTypes.join(', ')} (kept as written).`,
      fr: `Typologie absente de la liste data·inclusion\u00a0: ${unknownTypes.join(', ')} (gardée telle quelle).`,
    }, get('typologie'));
  }
  if (typologie.values.length > 0) extras.typologie = typologie.values;
  const itinerance = multi('itinerance');
  if (itinerance.length > 0) extras.itinerance = itinerance;

  const street = oneLine(get('adresse'));
  requiredButNotForSite('adresse', street);
  const address: Record<string, unknown> = {
    postcode: cleanPostcode(get('code_postal'), row, 'code_postal', issues),
    commune: oneLine(get('commune')),
  };
  if (street !== '') address.street = street;
  const complement = oneLine(get('complement_adresse'));
  if (complement !== '') address.complement = complement;
  const insee = cleanInsee(get('code_insee'), row, 'code_insee', issues);
  if (insee !== undefined) {
    if (MEDIATION_NUMERIQUE_PATTERNS.code_insee.test(insee)) address.inseeCode = insee;
    else {
      issues.add(row, 'code_insee', 'warning', 'insee.invalid', {
        en: `${quoted(insee).en} is not an INSEE commune code; it is left out, the site is kept.`,
        fr: `${quoted(insee).fr} n’est pas un code INSEE de commune\u00a0; il est laissé de côté, le site est gardé.`,
      }, insee);
    }
  }
  const candidate: Record<string, unknown> = {
    id,
    name: oneLine(get('nom')),
    venueKind: venueKindOf(typologie.values, itinerance),
    address,
  };
  const latitude = get('latitude');
  const longitude = get('longitude');
  if (oneLine(latitude) !== '' || oneLine(longitude) !== '') {
    const coordinates = cleanCoordinates(latitude, longitude, row, { lat: 'latitude', lon: 'longitude' }, issues);
    if (coordinates) candidate.coordinates = coordinates;
  }

  const phone = oneLine(get('telephone'));
  if (phone !== '') {
    if (MEDIATION_NUMERIQUE_PATTERNS.telephone.test(phone)) candidate.phone = phone;
    else if (isPhone(phone)) {
      candidate.phone = phone;
      issues.add(row, 'telephone', 'warning', 'mednum.telephone', {
        en: `${quoted(phone).en} is not in the standard's form (+33 then the number, no spaces); kept as written, written back in the standard's form.`,
        fr: `${quoted(phone).fr} n’est pas sous la forme du standard (+33 puis le numéro, sans espace)\u00a0; gardé tel quel, réécrit sous la forme du standard.`,
      }, phone);
    } else {
      issues.add(row, 'telephone', 'warning', 'phone.invalid', {
        en: `${quoted(phone).en} is not a telephone number; it is left out, the site is kept.`,
        fr: `${quoted(phone).fr} n’est pas un numéro de téléphone\u00a0; il est laissé de côté, le site est gardé.`,
      }, phone);
    }
  }

  const emails = splitValues(get('courriels'));
  if (emails.semicolon) semicolons.count++;
  const goodEmails = emails.values.filter((e) => {
    if (isEmail(e)) return true;
    issues.add(row, 'courriels', 'warning', 'email.invalid', {
      en: `${quoted(e).en} is not an e-mail address; it is left out.`,
      fr: `${quoted(e).fr} n’est pas une adresse e-mail\u00a0; elle est laissée de côté.`,
    }, e);
    return false;
  });
  if (goodEmails[0] !== undefined) candidate.email = goodEmails[0];
  if (goodEmails.length > 1) extras.courriels = goodEmails.slice(1);

  const webs = splitValues(get('site_web'));
  if (webs.semicolon) semicolons.count++;
  const goodWebs = webs.values.filter((w) => {
    if (isWebUrl(w)) return true;
    issues.add(row, 'site_web', 'warning', 'url.invalid', {
      en: `${quoted(w).en} is not a web address (http:// or https://); it is left out.`,
      fr: `${quoted(w).fr} n’est pas une adresse web (http:// ou https://)\u00a0; elle est laissée de côté.`,
    }, w);
    return false;
  });
  if (goodWebs[0] !== undefined) candidate.website = goodWebs[0];
  if (goodWebs.length > 1) extras.site_web = goodWebs.slice(1);

  const horaires = oneLine(get('horaires'));
  if (horaires !== '') {
    const parsed = safeParseOpeningHours(horaires);
    if (parsed.success) candidate.openingHours = horaires;
    else {
      candidate.openingHoursText = horaires;
      issues.add(row, 'horaires', 'warning', 'hours.syntax', {
        en: `The hours are not valid opening_hours (${parsed.error.message}, at character ${parsed.error.position + 1}); kept as text only.`,
        fr: `Les horaires ne sont pas au format opening_hours (${parsed.error.messageFr}, au caractère ${parsed.error.position + 1})\u00a0; gardés en texte seulement.`,
      }, horaires);
    }
  }

  const resume = multiLine(get('presentation_resume'));
  if (resume !== '') {
    extras.presentation_resume = resume;
    if (resume.length > PRESENTATION_RESUME_MAX_LENGTH) {
      issues.add(row, 'presentation_resume', 'warning', 'mednum.too-long', {
        en: `The summary has ${resume.length} characters, more than the standard's ${PRESENTATION_RESUME_MAX_LENGTH}; kept as it is.`,
        fr: `Le résumé compte ${resume.length} caractères, plus que les ${PRESENTATION_RESUME_MAX_LENGTH} du standard\u00a0; gardé tel quel.`,
      });
    }
  }
  const detail = multiLine(get('presentation_detail'));
  if (detail.length > 2000) extras.presentation_detail = detail;
  else if (detail !== '') candidate.remarks = detail;

  for (const column of ['source', 'structure_parente', 'autres_formations_labels'] as const) {
    const value = oneLine(get(column));
    if (value !== '') extras[column] = value;
  }
  for (const column of ['fiche_acces_libre', 'prise_rdv'] as const) {
    const value = oneLine(get(column));
    if (value === '') continue;
    extras[column] = value;
    if (!isWebUrl(value)) {
      issues.add(row, column, 'warning', 'url.invalid', {
        en: `${quoted(value).en} is not a web address (http:// or https://); kept as written.`,
        fr: `${quoted(value).fr} n’est pas une adresse web (http:// ou https://)\u00a0; gardée telle quelle.`,
      }, value);
    }
  }
  if (extras.prise_rdv !== undefined) candidate.appointments = true;

  const date = oneLine(get('date_maj'));
  requiredButNotForSite('date_maj', date);
  if (date !== '') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) extras.date_maj = date;
    else {
      issues.add(row, 'date_maj', 'warning', 'mednum.date', {
        en: `${quoted(date).en} is not a date written YYYY-MM-DD; it is left out.`,
        fr: `${quoted(date).fr} n’est pas une date écrite AAAA-MM-JJ\u00a0; elle est laissée de côté.`,
      }, date);
    }
  }

  for (const column of MULTI) {
    if (column === 'itinerance') continue;
    const values = multi(column);
    if (values.length > 0) (extras as Record<string, unknown>)[column] = values;
  }
  if (extras.dispositif_programmes_nationaux?.includes('France Services')) candidate.label = { kind: 'france-services' };
  candidate.source = { dataset, id: rawId, row };

  const site = checkSite(candidate, row, (path) => COLUMN_OF[path] ?? path, issues, get);
  if (!site) return undefined;
  return { site, extras };
}

// ---------------------------------------------------------------------------
// Export.

/** A French phone number in the standard's form: `05 65 00 00 00` → `+33565000000`; other forms as they are. */
function standardPhone(phone: string): string {
  if (MEDIATION_NUMERIQUE_PATTERNS.telephone.test(phone)) return phone;
  const digits = phone.replace(/[^\d+]/g, '');
  if (/^0\d{9}$/.test(digits)) return `+33${digits.slice(1)}`;
  if (/^\+\d+$/.test(digits)) return digits;
  return phone;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Writes sites as a "Lieux de médiation numérique" file (CSV with every
 * column of the standard in its order, CRLF, or a JSON list of records
 * without empty fields). With the `extras` of an import, an imported file
 * comes back record for record (importing the export gives the same sites
 * and extras). Issues list what the standard requires and a site lacks
 * (`pivot`, `adresse`: errors, the file will not pass the schema's checks)
 * and, once for the file, the site fields the standard has no column for.
 */
export function exportMediationNumerique(sites: readonly Site[], options: MediationNumeriqueExportOptions): MediationNumeriqueExportResult {
  const issues = new IssueList();
  const updated = options.updated ?? today();
  const dropped = new Map<string, number>();
  const records: Partial<Record<MediationNumeriqueColumn, string>>[] = [];
  sites.forEach((site, index) => {
    const row = index + 1;
    const extras = options.extras?.[site.id] ?? {};
    const r: Partial<Record<MediationNumeriqueColumn, string>> = {};
    const set = (column: MediationNumeriqueColumn, value: string | undefined): void => {
      if (value !== undefined && value !== '') r[column] = value;
    };
    const list = (values: readonly (string | undefined)[] | undefined): string | undefined => {
      const clean = [...new Set((values ?? []).filter((v): v is string => v !== undefined && v !== ''))];
      return clean.length > 0 ? clean.join('|') : undefined;
    };
    set('id', extras.id ?? site.id);
    set('pivot', extras.pivot);
    set('nom', site.name);
    set('commune', site.address.commune);
    set('code_postal', site.address.postcode);
    set('code_insee', site.address.inseeCode);
    set('adresse', site.address.street);
    set('complement_adresse', site.address.complement);
    if (site.coordinates) {
      set('latitude', String(site.coordinates.lat));
      set('longitude', String(site.coordinates.lon));
    }
    const typologie = extras.typologie && venueKindOf(extras.typologie, extras.itinerance ?? []) === site.venueKind ? extras.typologie : undefined;
    set('typologie', list(typologie ?? [TYPOLOGY_OF_VENUE[site.venueKind]]));
    set('telephone', site.phone === undefined ? undefined : standardPhone(site.phone));
    set('courriels', list([site.email, ...(extras.courriels ?? [])]));
    set('site_web', list([site.website, ...(extras.site_web ?? [])]));
    set('horaires', site.openingHours);
    set('presentation_resume', extras.presentation_resume);
    set('presentation_detail', site.remarks ?? extras.presentation_detail);
    set('source', extras.source);
    set('itinerance', list(extras.itinerance ?? (site.venueKind === 'itinerant' ? ['Itinérant'] : [])));
    set('structure_parente', extras.structure_parente);
    set('date_maj', extras.date_maj ?? updated);
    for (const column of MULTI) {
      if (column === 'itinerance' || column === 'dispositif_programmes_nationaux') continue;
      set(column, list(extras[column]));
    }
    const programmes: string[] = [...(extras.dispositif_programmes_nationaux ?? [])];
    if (site.label?.kind === 'france-services') programmes.push('France Services');
    set('dispositif_programmes_nationaux', list(programmes));
    set('autres_formations_labels', extras.autres_formations_labels);
    set('fiche_acces_libre', extras.fiche_acces_libre);
    set('prise_rdv', extras.prise_rdv);

    for (const column of ['pivot', 'adresse'] as const) {
      if (r[column] !== undefined) continue;
      issues.add(row, column, 'error', 'mednum.required', {
        en: `The site ${site.id} has no ${column === 'pivot' ? 'SIRET/RNA (pivot)' : 'street address (adresse)'}, which the standard requires; the record is written without it and will not pass the schema's checks.`,
        fr: `Le site ${site.id} n’a pas de ${column === 'pivot' ? 'SIRET/RNA (pivot)' : 'adresse (adresse)'}, que le standard exige\u00a0; l’enregistrement est écrit sans et ne passera pas les contrôles du schéma.`,
      });
    }
    if (r.telephone !== undefined && !MEDIATION_NUMERIQUE_PATTERNS.telephone.test(r.telephone)) {
      issues.add(row, 'telephone', 'warning', 'mednum.telephone', {
        en: `The telephone number ${quoted(r.telephone).en} cannot be written in the standard's form (+33…); written as it is.`,
        fr: `Le numéro ${quoted(r.telephone).fr} ne peut pas être écrit sous la forme du standard (+33…)\u00a0; écrit tel quel.`,
      });
    }
    const count = (field: string, has: boolean): void => {
      if (has) dropped.set(field, (dropped.get(field) ?? 0) + 1);
    };
    count('openingHoursText', site.openingHoursText !== undefined);
    count('appointments', site.appointments !== undefined && extras.prise_rdv === undefined);
    count('parentId', site.parentId !== undefined);
    count('label.date', site.label?.date !== undefined);
    count('equipment', Object.keys(site.equipment).length > 0);
    count('advisers', site.advisers !== undefined);
    count('confidentialSpace', site.confidentialSpace !== undefined);
    count('mediatorIds', site.mediatorIds.length > 0);
    count('stops', site.stops.length > 0);
    records.push(r);
  });
  if (dropped.size > 0) {
    const list = [...dropped].map(([field, n]) => `${field} (${n})`).join(', ');
    issues.add(0, '', 'info', 'mednum.not-exported', {
      en: `The standard has no column for these site fields, which are not written: ${list}. (appointments is written only as a booking link, prise_rdv.)`,
      fr: `Le standard n’a pas de colonne pour ces champs de site, qui ne sont pas écrits\u00a0: ${list}. (appointments n’est écrit que comme lien de réservation, prise_rdv.)`,
    });
  }
  if (options.format === 'json') {
    const json = records.map((r) => {
      const out: Record<string, string | number> = {};
      for (const column of MEDIATION_NUMERIQUE_COLUMNS) {
        const value = r[column];
        if (value === undefined) continue;
        out[column] = column === 'latitude' || column === 'longitude' ? Number(value) : value;
      }
      return out;
    });
    return { text: `${JSON.stringify(json, null, 2)}\n`, issues: issues.items };
  }
  const rows = records.map((r) => MEDIATION_NUMERIQUE_COLUMNS.map((column) => r[column] ?? ''));
  return { text: writeCsv([[...MEDIATION_NUMERIQUE_COLUMNS], ...rows]), issues: issues.items };
}
