/**
 * Importers and exporters (`@rsp/core/import.js`): the national France
 * Services list (CSV, 2024), the 2020 France Services GeoJSON with its
 * French free-text hours, and the "Lieux de médiation numérique" standard
 * (CSV or JSON, both ways). Pure functions, text in and result out: they run
 * in browsers and in Node. Every import returns `{ sites, issues }`, each
 * site valid against `Site`, each row that gave no site explained by an
 * error issue, each correction by a warning.
 *
 * @module
 */
export { importFranceServicesCsv, FRANCE_SERVICES_COLUMNS } from './france-services-csv.js';
export type { FranceServicesCsvOptions } from './france-services-csv.js';
export { importFranceServicesGeojson } from './france-services-geojson.js';
export type { FranceServicesGeojsonOptions } from './france-services-geojson.js';
export { frenchHoursToOsm, frenchWeekToOsm, OSM_WEEKDAYS } from './french-hours.js';
export type { FrenchHoursResult, FrenchHoursStatus, FrenchWeekResult, OsmWeekday } from './french-hours.js';
export { exportMediationNumerique, importMediationNumerique } from './mediation-numerique.js';
export type {
  MediationNumeriqueExportOptions,
  MediationNumeriqueExportResult,
  MediationNumeriqueExtras,
  MediationNumeriqueFormat,
  MediationNumeriqueImportOptions,
  MediationNumeriqueImportResult,
} from './mediation-numerique.js';
export {
  MEDIATION_NUMERIQUE_COLUMNS,
  MEDIATION_NUMERIQUE_PATTERNS,
  MEDIATION_NUMERIQUE_REQUIRED,
  MEDIATION_NUMERIQUE_VOCABULARIES,
  PRESENTATION_RESUME_MAX_LENGTH,
  TYPOLOGIES,
} from './mediation-numerique-vocabulary.js';
export type { MediationNumeriqueColumn, VocabularyColumn, VocabularyValue } from './mediation-numerique-vocabulary.js';
export { guessDelimiter, parseCsv, writeCsv } from './csv.js';
export type { CsvDelimiter, CsvProblem, CsvTable } from './csv.js';
export type { ImportIssue, ImportResult, ImportSeverity } from './issues.js';
