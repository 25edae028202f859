import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { importFranceServicesCsv, importFranceServicesGeojson, importMediationNumerique } from '@rsp/core/import.js';
import type { ImportIssue, ImportResult } from '@rsp/core/import.js';
import { CliError } from './io.js';

/** The formats `rsp import` and `rsp audit` read. */
export const importFormats = ['fs-csv', 'fs-geojson', 'mednum', 'mednum-csv', 'mednum-json'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** Reads a file as text, or says in one line why it cannot be read (exit code 1). */
export async function readText(file: string, command: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new CliError(`rsp ${command}: cannot read ${file}: ${why}.`, 1);
  }
}

/** The format of a file from `--format`, its extension and its first line. */
export function detectFormat(file: string, text: string, given: string | undefined, command: string): Exclude<ImportFormat, 'mednum'> | 'dataset' {
  if (given !== undefined && !(importFormats as readonly string[]).includes(given)) {
    throw new CliError(`rsp ${command}: --format must be one of ${importFormats.join(', ')}; got "${given}".`, 2);
  }
  const trimmed = text.trimStart().replace(/^\uFEFF/, '');
  const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[');
  if (given === 'mednum') return looksJson ? 'mednum-json' : 'mednum-csv';
  if (given !== undefined) return given as Exclude<ImportFormat, 'mednum'>;
  const extension = extname(file).toLowerCase();
  if (extension === '.geojson') return 'fs-geojson';
  if (looksJson) {
    if (/"type"\s*:\s*"FeatureCollection"/.test(trimmed.slice(0, 2000))) return 'fs-geojson';
    if (trimmed.startsWith('{') && /"sites"\s*:/.test(trimmed)) return 'dataset';
    return 'mednum-json';
  }
  const header = trimmed.slice(0, trimmed.search(/\r?\n/) >>> 0).toLowerCase();
  if (header.includes('id_fs') || header.includes('lib_fs')) return 'fs-csv';
  if (header.includes('horaires') || header.includes('pivot') || header.includes('typologie')) return 'mednum-csv';
  throw new CliError(
    `rsp ${command}: cannot tell the format of ${basename(file)}; say it with --format ${importFormats.join('|')}.`,
    2,
  );
}

/** Runs the importer of a format. */
export function runImport(format: Exclude<ImportFormat, 'mednum'>, text: string): ImportResult {
  switch (format) {
    case 'fs-csv':
      return importFranceServicesCsv(text);
    case 'fs-geojson':
      return importFranceServicesGeojson(text);
    case 'mednum-csv':
      return importMediationNumerique(text, { format: 'csv' });
    case 'mednum-json':
      return importMediationNumerique(text, { format: 'json' });
  }
}

/** The error that made a whole file unreadable (an issue at row 0), if any. */
export function fileError(issues: readonly ImportIssue[]): ImportIssue | undefined {
  return issues.find((issue) => issue.row === 0 && issue.severity === 'error');
}
