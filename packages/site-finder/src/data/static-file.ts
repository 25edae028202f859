// Reading a static file (`src`): the France Services CSV and GeoJSON, the
// médiation numérique schema, plain FeatureCollections. Core's importers and the
// zod schemas they validate with are the heaviest part of the finder, and a page
// that reads the API never needs them: loadFinderData imports this module only
// when it is given a `src` (in the CDN bundle, a chunk loaded on demand).
import { importFranceServicesCsv, importFranceServicesGeojson, importMediationNumerique, parseCsv } from '@rsp/core/import.js';
import type { ImportIssue } from '@rsp/core/import.js';
import { describeIssues, Site, VenueKind } from '@rsp/core/schemas.js';
import { FinderDataError } from './errors.js';
import { nationalAgencies, sortAgencies, toFinderSite } from './sites.js';
import type { FinderData, FinderSourceKind } from './types.js';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const issue = (row: number, field: string, severity: ImportIssue['severity'], code: string, en: string, fr: string, value?: string): ImportIssue =>
  value === undefined ? { row, field, severity, code, message: en, messageFr: fr } : { row, field, severity, code, message: en, messageFr: fr, value };

/**
 * Reads a FeatureCollection of Point features that is not the 2020 France Services
 * file: the API's `SiteFeatureCollection` (`properties` `{ name, venueKind, commune,
 * postcode }`), or features whose `properties` are whole `Site` records (with an
 * `address`). Each feature is checked against `Site`; a bad one is an error issue.
 */
export function importPointFeatures(data: Json): { sites: Site[]; issues: ImportIssue[] } {
  const sites: Site[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  const features = Array.isArray(data.features) ? (data.features as unknown[]) : [];
  features.forEach((feature, index) => {
    const row = index + 1;
    if (!isRecord(feature) || feature.type !== 'Feature') {
      issues.push(issue(row, '', 'error', 'geojson.feature', 'This item is not a GeoJSON Feature.', 'Cet élément n’est pas une Feature GeoJSON.'));
      return;
    }
    const props = isRecord(feature.properties) ? feature.properties : {};
    const geometry = isRecord(feature.geometry) ? feature.geometry : undefined;
    const coords = geometry?.type === 'Point' && Array.isArray(geometry.coordinates) ? (geometry.coordinates as unknown[]) : undefined;
    const lon = coords?.[0];
    const lat = coords?.[1];
    const rawId = feature.id ?? props.id;
    const id = typeof rawId === 'number' ? String(rawId) : rawId;
    let input: Json;
    if (isRecord(props.address)) {
      input = { ...props, id };
    } else {
      let venueKind: unknown = props.venueKind ?? 'other';
      if (!VenueKind.safeParse(venueKind).success) {
        issues.push(
          issue(row, 'venueKind', 'warning', 'venueKind', 'Unknown venue kind; "other" is used.', 'Type de lieu inconnu ; « autre » est retenu.', String(venueKind)),
        );
        venueKind = 'other';
      }
      input = { id, name: props.name, venueKind, address: { postcode: props.postcode, commune: props.commune } };
    }
    delete input.distanceKm;
    if (typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon)) input.coordinates = { lat, lon };
    else if (!isRecord(input.coordinates)) {
      issues.push(issue(row, 'geometry', 'warning', 'geometry', 'No usable point: the site is kept without a position.', 'Pas de point utilisable : le lieu est gardé sans position.'));
    }
    const parsed = Site.safeParse(input);
    if (!parsed.success) {
      const en = describeIssues(parsed.error.issues, 'en');
      const fr = describeIssues(parsed.error.issues, 'fr');
      issues.push(
        issue(
          row,
          en[0]?.path ?? '',
          'error',
          'site.invalid',
          `Not a valid site: ${en.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}.`,
          `Lieu non valide : ${fr.map((i) => (i.path ? `${i.path} : ${i.message}` : i.message)).join(' ; ')}.`,
        ),
      );
      return;
    }
    if (seen.has(parsed.data.id)) {
      issues.push(issue(row, 'id', 'error', 'id.duplicate', 'This id was already used: the feature is skipped.', 'Cet identifiant est déjà pris : l’élément est ignoré.', parsed.data.id));
      return;
    }
    seen.add(parsed.data.id);
    sites.push(parsed.data);
  });
  return { sites, issues };
}

/** Which reader a text needs, from its first bytes and header row (not its file name). */
export type SniffedFormat =
  | { readonly kind: 'json'; readonly data: unknown }
  | { readonly kind: 'france-services-csv' }
  | { readonly kind: 'mediation-numerique-csv' }
  | { readonly kind: 'unknown'; readonly why: string };

/** Recognises a static file by content: JSON (object or list), or a CSV by its header row. */
export function sniffFormat(text: string): SniffedFormat {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.trimStart();
  if (start === '') return { kind: 'unknown', why: 'empty file' };
  const first = start[0];
  if (first === '{' || first === '[') {
    try {
      return { kind: 'json', data: JSON.parse(start) as unknown };
    } catch (error) {
      return { kind: 'unknown', why: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
    }
  }
  if (first === '<') return { kind: 'unknown', why: 'an HTML or XML page, not data' };
  const end = start.search(/\r?\n/);
  const headerLine = end === -1 ? start : start.slice(0, end);
  const header = new Set(parseCsv(headerLine).header.map((name) => name.trim().toLowerCase()));
  if (header.has('id_fs') && header.has('lib_fs')) return { kind: 'france-services-csv' };
  if (header.has('nom') && header.has('code_postal') && (header.has('pivot') || header.has('typologie') || header.has('horaires'))) {
    return { kind: 'mediation-numerique-csv' };
  }
  return { kind: 'unknown', why: 'the header row is neither the France Services list nor the médiation numérique schema' };
}

/** Reads the text of a static file into sites, by content. Throws a `format` FinderDataError when unreadable. */
export function readStaticText(text: string): { source: FinderSourceKind; sites: Site[]; issues: ImportIssue[] } {
  const sniffed = sniffFormat(text);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  switch (sniffed.kind) {
    case 'france-services-csv':
      return { source: 'france-services-csv', ...importFranceServicesCsv(body) };
    case 'mediation-numerique-csv': {
      const { sites, issues } = importMediationNumerique(body, { format: 'csv' });
      return { source: 'mediation-numerique', sites, issues };
    }
    case 'json': {
      const data = sniffed.data;
      if (Array.isArray(data)) {
        const { sites, issues } = importMediationNumerique(data, { format: 'json' });
        return { source: 'mediation-numerique', sites, issues };
      }
      if (isRecord(data) && data.type === 'FeatureCollection' && Array.isArray(data.features)) {
        const features = data.features as unknown[];
        const france2020 = features.some((f) => isRecord(f) && isRecord(f.properties) && ('MATRICULE' in f.properties || 'lib_france_services' in f.properties));
        if (france2020) return { source: 'geojson', ...importFranceServicesGeojson(data) };
        return { source: 'geojson', ...importPointFeatures(data) };
      }
      throw new FinderDataError('format', 'JSON that is neither a GeoJSON FeatureCollection nor a list of places.');
    }
    case 'unknown':
      throw new FinderDataError('format', `Unrecognised file: ${sniffed.why}.`);
  }
}

/**
 * The finder's data from the text of the static file at `src` (named in the
 * errors): {@link readStaticText}, then the sites as the finder reads them.
 *
 * @throws {FinderDataError} `format` when unreadable, `empty` when no site was read.
 */
export function finderDataFromText(src: string, text: string): FinderData {
  const { source, sites, issues } = readStaticText(text);
  if (sites.length === 0) {
    const fatal = issues.some((i) => i.row === 0 && i.severity === 'error');
    throw new FinderDataError(fatal ? 'format' : 'empty', `${src}: no site read (${String(issues.length)} issue(s)).`, { issues });
  }
  const finderSites = sites.map((site) => toFinderSite(site));
  const labelled = finderSites.some((s) => s.partners.length > 0);
  return { source, sites: finderSites, agencies: labelled ? sortAgencies(nationalAgencies()) : [], issues };
}
