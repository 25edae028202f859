import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportIssue, ImportResult } from '@rsp/core/import.js';
import type { Locale } from '@rsp/core/locale.js';
import { count, parseLang, table } from './format.js';
import { detectFormat, fileError, readText, runImport } from './input.js';
import type { CommandIo } from './io.js';
import { CliError } from './io.js';

export const importUsage = `rsp import FILE [--format fs-csv|fs-geojson|mednum] [--out FILE.json] [--json] [--lang fr|en]
    Import a national file (France Services CSV or GeoJSON, lieux de médiation numérique CSV or
    JSON) and print a summary and the data-quality report. --out writes { sites, issues } as
    JSON (the input of rsp audit); --json prints it instead of the report.`;

const severities = ['error', 'warning', 'info'] as const;

/** The data-quality report: issues by code, with their count and a first example. */
export function qualityReport(issues: readonly ImportIssue[], locale: Locale): string {
  const groups = new Map<string, { severity: ImportIssue['severity']; first: ImportIssue; count: number }>();
  for (const issue of issues) {
    const key = `${issue.severity}\u0000${issue.code}`;
    const group = groups.get(key) ?? { severity: issue.severity, first: issue, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  const sorted = [...groups.values()].sort(
    (a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity) || b.count - a.count,
  );
  const fr = locale === 'fr';
  const rows = sorted.map((group) => {
    const first = group.first;
    const where = first.row === 0 ? (fr ? 'fichier' : 'file') : `${fr ? 'ligne' : 'row'} ${String(first.row)}${first.field ? `, ${first.field}` : ''}`;
    const message = fr ? first.messageFr : first.message;
    return [group.severity, first.code, count(group.count, locale), `${where}: ${message.length > 110 ? `${message.slice(0, 109)}…` : message}`];
  });
  return table([[fr ? 'gravité' : 'severity', 'code', fr ? 'nombre' : 'count', fr ? 'premier exemple' : 'first example'], ...rows], [2]);
}

/** One line: sites kept, rows rejected, issues by severity. */
export function importSummary(name: string, format: string, result: ImportResult, locale: Locale): string {
  const rejected = new Set(result.issues.filter((i) => i.severity === 'error' && i.row > 0).map((i) => i.row)).size;
  const by = (severity: ImportIssue['severity']) => result.issues.filter((i) => i.severity === severity).length;
  const fr = locale === 'fr';
  return fr
    ? `${name} (${format}) : ${count(result.sites.length, locale)} sites importés, ${count(rejected, locale)} lignes rejetées ; ` +
        `${count(by('error'), locale)} erreurs, ${count(by('warning'), locale)} avertissements, ${count(by('info'), locale)} informations`
    : `${name} (${format}): ${count(result.sites.length, locale)} sites imported, ${count(rejected, locale)} rows rejected; ` +
        `${count(by('error'), locale)} errors, ${count(by('warning'), locale)} warnings, ${count(by('info'), locale)} notes`;
}

/** `rsp import`. */
export async function importCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' } },
  });
  const locale = parseLang(values.lang, 'import');
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new CliError(`rsp import: give one file to import.\n${importUsage}`, 2);
  const text = await readText(file, 'import');
  const format = detectFormat(file, text, values.format, 'import');
  if (format === 'dataset') throw new CliError(`rsp import: ${file} is already an RSP Kit dataset; give it to rsp audit.`, 2);
  const result = runImport(format, text);
  const broken = fileError(result.issues);
  if (broken && result.sites.length === 0) {
    throw new CliError(`rsp import: cannot read ${file} as ${format}: ${locale === 'fr' ? broken.messageFr : broken.message}`, 1);
  }
  if (values.out !== undefined) {
    await writeFile(values.out, `${JSON.stringify({ sites: result.sites, issues: result.issues }, null, 2)}\n`);
  }
  if (values.json) {
    io.out(JSON.stringify(result, null, 2));
    return 0;
  }
  io.out(importSummary(basename(file), format, result, locale));
  if (result.issues.length > 0) io.out(`\n${qualityReport(result.issues, locale)}`);
  if (values.out !== undefined) io.out(`\n${locale === 'fr' ? 'écrit' : 'wrote'} ${values.out}`);
  return 0;
}
