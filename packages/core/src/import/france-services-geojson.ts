/**
 * Importer of the 2020 France Services map data (GeoJSON, one Point feature
 * per site), whose opening hours are free French text.
 *
 * @module
 */
import type { VenueKind } from '../schemas/site.js';
import { franceServicesLabel } from './france-services-csv.js';
import { frenchWeekToOsm } from './french-hours.js';
import type { OsmWeekday } from './french-hours.js';
import { cleanCoordinates, cleanEmail, cleanInsee, cleanPhone, cleanPostcode, multiLine, oneLine } from './fields.js';
import { IssueList, checkSite, quoted } from './issues.js';
import type { ImportResult } from './issues.js';
import type { Site } from '../schemas/site.js';

/** Options of {@link importFranceServicesGeojson}. */
export interface FranceServicesGeojsonOptions {
  /** `source.dataset` of every site (default `anct-france-services-2020`). */
  readonly dataset?: string;
}

const DAY_PROPERTIES: readonly (readonly [string, OsmWeekday, string])[] = [
  ['h_lundi', 'Mo', 'lundi'],
  ['h_mardi', 'Tu', 'mardi'],
  ['h_mercredi', 'We', 'mercredi'],
  ['h_jeudi', 'Th', 'jeudi'],
  ['h_vendredi', 'Fr', 'vendredi'],
  ['h_samedi', 'Sa', 'samedi'],
];

const COLUMN_OF: Record<string, string> = {
  id: 'MATRICULE',
  name: 'lib_france_services',
  'address.street': 'ADRESSE',
  'address.complement': 'COMPLEMENT.D.ADRESSE',
  'address.postcode': 'code_postal',
  'address.commune': 'lib_com',
  'address.inseeCode': 'insee_com',
  coordinates: 'LATITUDE',
  'coordinates.lat': 'LATITUDE',
  'coordinates.lon': 'LONGITUDE',
  email: 'CONTACT.MAIL',
  phone: 'TELEPHONE',
  remarks: 'Commentaire.horaires',
  label: 'Labellisation',
  'label.date': 'Labellisation',
  openingHours: 'h_lundi',
  openingHoursText: 'h_lundi',
};

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A property as text: numbers written out, `null` and `-` (the file's "none") as empty. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim() === '-' ? '' : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/**
 * Reads the 2020 France Services GeoJSON (a FeatureCollection of Points)
 * into sites. Ids are `fs-<MATRICULE>`, the same numbering as `id_fs` in
 * the later CSV lists. The free-text hours of `h_lundi`…`h_samedi` go
 * through {@link frenchWeekToOsm}: what converts becomes `openingHours`;
 * when anything does not, the original week is kept in `openingHoursText`
 * and each day cell concerned gets a warning. Antennas get the `parentId`
 * of `Goupe_France_Services_responsable`. Accepts the text or the parsed object.
 */
export function importFranceServicesGeojson(input: string | object, options: FranceServicesGeojsonOptions = {}): ImportResult {
  const dataset = options.dataset ?? 'anct-france-services-2020';
  const issues = new IssueList();
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      issues.add(0, '', 'error', 'json.syntax', {
        en: `The file is not valid JSON (${reason}).`,
        fr: `Le fichier n’est pas du JSON valide (${reason}).`,
      });
      return { sites: [], issues: issues.items };
    }
  }
  if (!isRecord(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    issues.add(0, 'type', 'error', 'geojson.type', {
      en: 'The file is not a GeoJSON FeatureCollection (no "features" list).',
      fr: 'Le fichier n’est pas une FeatureCollection GeoJSON (pas de liste « features »).',
    });
    return { sites: [], issues: issues.items };
  }
  const built: { site: Site; row: number; parent: string; antenna: boolean }[] = [];
  const seen = new Map<string, number>();
  (data.features as unknown[]).forEach((feature, index) => {
    const row = index + 1;
    if (!isRecord(feature) || feature.type !== 'Feature' || !isRecord(feature.properties)) {
      issues.add(row, '', 'error', 'geojson.feature', {
        en: 'This entry is not a GeoJSON Feature with properties; it is skipped.',
        fr: 'Cette entrée n’est pas une Feature GeoJSON avec des propriétés\u00a0; elle est ignorée.',
      });
      return;
    }
    const properties = feature.properties;
    const get = (name: string): string => textOf(properties[name]);
    const matricule = oneLine(get('MATRICULE'));
    if (matricule === '') {
      issues.add(row, 'MATRICULE', 'error', 'required', {
        en: 'The identifier (MATRICULE) is empty; the feature is skipped.',
        fr: 'L’identifiant (MATRICULE) est vide\u00a0; l’entrée est ignorée.',
      });
      return;
    }
    const first = seen.get(matricule);
    if (first !== undefined) {
      issues.add(row, 'MATRICULE', 'error', 'id.duplicate', {
        en: `The identifier ${matricule} was already used by feature ${first}; this one is skipped.`,
        fr: `L’identifiant ${matricule} est déjà celui de l’entrée ${first}\u00a0; celle-ci est ignorée.`,
      }, matricule);
      return;
    }
    seen.set(matricule, row);
    const category = oneLine(get('categorie')).toLowerCase();
    const itinerant = oneLine(get('ITINERANCE')).toLowerCase() === 'oui' || category.includes('itin');
    const venueKind: VenueKind = itinerant ? 'itinerant' : 'france-services';
    const address: Record<string, unknown> = {
      postcode: cleanPostcode(get('code_postal'), row, 'code_postal', issues),
      commune: oneLine(get('lib_com')),
    };
    const street = oneLine(get('ADRESSE'));
    if (street !== '') address.street = street;
    const complement = oneLine(get('COMPLEMENT.D.ADRESSE'));
    if (complement !== '') address.complement = complement;
    const insee = cleanInsee(get('insee_com'), row, 'insee_com', issues);
    if (insee !== undefined) address.inseeCode = insee;
    const candidate: Record<string, unknown> = {
      id: `fs-${matricule}`,
      name: oneLine(get('lib_france_services')),
      venueKind,
      address,
    };
    const geometry = isRecord(feature.geometry) ? feature.geometry : undefined;
    const point = geometry?.type === 'Point' && Array.isArray(geometry.coordinates) ? (geometry.coordinates as unknown[]) : undefined;
    const coordinates =
      point && typeof point[0] === 'number' && typeof point[1] === 'number'
        ? cleanCoordinates(String(point[1]), String(point[0]), row, { lat: 'geometry', lon: 'geometry' }, issues)
        : cleanCoordinates(get('LATITUDE'), get('LONGITUDE'), row, { lat: 'LATITUDE', lon: 'LONGITUDE' }, issues);
    if (coordinates) candidate.coordinates = coordinates;
    Object.assign(candidate, hours(get, row, issues));
    const phone = cleanPhone(get('TELEPHONE'), row, 'TELEPHONE', issues);
    if (phone !== undefined) candidate.phone = phone;
    const email = cleanEmail(get('CONTACT.MAIL'), row, 'CONTACT.MAIL', issues);
    if (email !== undefined) candidate.email = email;
    candidate.label = franceServicesLabel(get('Labellisation'), row, 'Labellisation', issues);
    const remarks = multiLine(get('Commentaire.horaires'));
    if (remarks !== '') candidate.remarks = remarks;
    candidate.source = { dataset, id: matricule, row };
    const site = checkSite(candidate, row, (path) => COLUMN_OF[path] ?? path, issues, get);
    if (!site) return;
    const antenna = category.startsWith('antenne') || oneLine(get('FORMAT_FS')).toLowerCase() === 'antenne';
    built.push({ site, row, parent: oneLine(get('Goupe_France_Services_responsable')), antenna });
  });
  const ids = new Set(built.map((b) => b.site.id));
  for (const b of built) {
    if (!b.antenna) continue;
    const parentId = `fs-${b.parent}`;
    if (b.parent !== '' && parentId !== b.site.id && ids.has(parentId)) {
      b.site.parentId = parentId;
    } else {
      issues.add(b.row, 'Goupe_France_Services_responsable', 'info', 'parent.unknown', {
        en: b.parent === '' ? 'Antenna without a main site (Goupe_France_Services_responsable is empty).' : `Antenna whose main site ${b.parent} is not in the file.`,
        fr: b.parent === '' ? 'Antenne sans site principal (Goupe_France_Services_responsable est vide).' : `Antenne dont le site principal ${b.parent} n’est pas dans le fichier.`,
      }, b.parent);
    }
  }
  return { sites: built.map((b) => b.site), issues: issues.items };
}

function hours(get: (name: string) => string, row: number, issues: IssueList): Record<string, string> {
  const cells: Partial<Record<OsmWeekday, string>> = {};
  for (const [property, day] of DAY_PROPERTIES) cells[day] = get(property);
  const week = frenchWeekToOsm(cells);
  const text = DAY_PROPERTIES.map(([property, , name]) => `${name}\u00a0: ${oneLine(get(property)) || 'fermé'}`).join(' ; ');
  if (week.status === 'unknown' || week.status === 'closed') {
    issues.add(row, 'h_lundi', 'info', 'hours.unknown', {
      en: 'No hours on any day: the hours are unknown (not "closed").',
      fr: 'Aucun horaire sur la semaine\u00a0: les horaires sont inconnus (et non «\u00a0fermé\u00a0»).',
    });
    return {};
  }
  for (const [property, day] of DAY_PROPERTIES) {
    const result = week.days[day];
    if (!result) continue;
    const value = get(property);
    if (result.status === 'partial' || result.status === 'none') {
      const parts = result.unconverted.map((p) => quoted(p));
      const converted = result.status === 'partial';
      issues.add(row, property, 'warning', converted ? 'hours.partial' : 'hours.unconverted', {
        en: `${parts.map((p) => p.en).join(', ')} could not be converted to opening hours${converted ? '; the rest of the day was' : ''}. The original text is kept.`,
        fr: `${parts.map((p) => p.fr).join(', ')} n’a pas pu être converti en horaires${converted ? '\u00a0; le reste de la journée l’a été' : ''}. Le texte d’origine est gardé.`,
      }, value);
    } else if (result.repairs.length > 0) {
      issues.add(row, property, 'warning', 'hours.repaired', {
        en: `Hours read after correction (${result.repairs.join('; ')}): ${result.osm ?? ''}.`,
        fr: `Horaires lus après correction de l’écriture\u00a0: ${result.osm ?? ''}.`,
      }, value);
    } else if (result.status === 'unknown') {
      issues.add(row, property, 'info', 'hours.day-unknown', {
        en: 'The hours of this day are not known; the other days are converted.',
        fr: 'Les horaires de ce jour ne sont pas connus\u00a0; les autres jours sont convertis.',
      }, value);
    }
  }
  const out: Record<string, string> = {};
  if (week.osm !== undefined) out.openingHours = week.osm;
  if (week.status !== 'full') out.openingHoursText = text;
  return out;
}
