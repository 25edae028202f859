import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { auditNetwork, charterProfiles } from '@rsp/core/charter.js';
import type { NetworkAudit } from '@rsp/core/charter.js';
import type { Locale } from '@rsp/core/locale.js';
import { Agency, Convention, Mediator, Site, validate } from '@rsp/core/schemas.js';
import type { ValidationResult } from '@rsp/core/schemas.js';
import { fromParis } from '@rsp/core/time.js';
import { count, parseLang, table } from './format.js';
import { detectFormat, fileError, readText, runImport } from './input.js';
import type { CommandIo } from './io.js';
import { CliError } from './io.js';

export const auditUsage = `rsp audit FILE --charter rsp-2006|france-services-2019 [--json] [--date YYYY-MM-DD] [--lang fr|en]
    Check every site of a file against a charter: each rule met, not met or unknown (data
    missing), with the reason. FILE is a national file (as for rsp import) or a dataset
    { sites, agencies?, conventions?, mediators? } such as rsp import --out writes. Hours are
    judged on the typical week of the quarter starting at --date (default: today).`;

interface Dataset {
  sites: Site[];
  agencies: Agency[];
  conventions: Convention[];
  mediators: Mediator[];
  conventionsGiven: boolean;
}

/** Reads the records of one list of a dataset, reporting the invalid ones on stderr. */
function records<T>(check: (item: unknown) => ValidationResult<T>, list: unknown, name: string, io: CommandIo, locale: Locale): T[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new CliError(`rsp audit: "${name}" must be a list.`, 1);
  const kept: T[] = [];
  list.forEach((item: unknown, index) => {
    const result = check(item);
    if (result.success) kept.push(result.data);
    else io.err(`${name}[${String(index)}] ${locale === 'fr' ? 'ignoré' : 'skipped'}: ${result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  });
  return kept;
}

function readDataset(text: string, file: string, io: CommandIo, locale: Locale): Dataset {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CliError(`rsp audit: cannot read ${file}: not valid JSON (${(error as Error).message}).`, 1);
  }
  const object = data as Record<string, unknown>;
  return {
    sites: records((item) => validate(Site, item, { locale }), object.sites, 'sites', io, locale),
    agencies: records((item) => validate(Agency, item, { locale }), object.agencies, 'agencies', io, locale),
    conventions: records((item) => validate(Convention, item, { locale }), object.conventions, 'conventions', io, locale),
    mediators: records((item) => validate(Mediator, item, { locale }), object.mediators, 'mediators', io, locale),
    conventionsGiven: object.conventions !== undefined,
  };
}

/** The report of an audit: per rule, then overall. */
export function auditReport(audit: NetworkAudit, locale: Locale): string {
  const fr = locale === 'fr';
  const rows = Object.entries(audit.rules).map(([rule, c]) => [rule, count(c.met, locale), count(c.notMet, locale), count(c.unknown, locale)]);
  const head = fr ? ['règle', 'respectée', 'non respectée', 'inconnue'] : ['rule', 'met', 'not met', 'unknown'];
  const overall = [fr ? 'ensemble du site' : 'whole site', count(audit.met, locale), count(audit.notMet, locale), count(audit.unknown, locale)];
  return table([head, ...rows, overall], [1, 2, 3]);
}

/** `rsp audit`. */
export async function auditCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      charter: { type: 'string' },
      json: { type: 'boolean' },
      date: { type: 'string' },
      lang: { type: 'string' },
      format: { type: 'string' },
    },
  });
  const locale = parseLang(values.lang, 'audit');
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new CliError(`rsp audit: give one file to audit.\n${auditUsage}`, 2);
  const profile = values.charter === undefined ? undefined : charterProfiles[values.charter];
  if (!profile) {
    throw new CliError(`rsp audit: --charter must be one of ${Object.keys(charterProfiles).join(', ')}${values.charter ? `; got "${values.charter}"` : ''}.`, 2);
  }
  let referenceDate = new Date();
  if (values.date !== undefined) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.date);
    if (!match) throw new CliError(`rsp audit: --date must be written YYYY-MM-DD; got "${values.date}".`, 2);
    referenceDate = fromParis({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), hour: 12 });
  }

  const text = await readText(file, 'audit');
  const format = detectFormat(file, text, values.format, 'audit');
  let dataset: Dataset;
  if (format === 'dataset') {
    dataset = readDataset(text, file, io, locale);
  } else {
    const result = runImport(format, text);
    const broken = fileError(result.issues);
    if (broken && result.sites.length === 0) {
      throw new CliError(`rsp audit: cannot read ${file} as ${format}: ${locale === 'fr' ? broken.messageFr : broken.message}`, 1);
    }
    dataset = { sites: result.sites, agencies: [], conventions: [], mediators: [], conventionsGiven: false };
  }

  const audit = auditNetwork(dataset.sites, profile, {
    agencies: dataset.agencies,
    ...(dataset.conventionsGiven ? { conventions: dataset.conventions } : {}),
    mediators: dataset.mediators,
    referenceDate,
    locale,
  });
  if (values.json) {
    io.out(JSON.stringify(audit, null, 2));
    return 0;
  }
  const fr = locale === 'fr';
  io.out(
    fr
      ? `${basename(file)} : ${count(audit.sites, locale)} sites, charte ${profile.id}, semaine type du trimestre commençant le ${audit.referenceDate}`
      : `${basename(file)}: ${count(audit.sites, locale)} sites, charter ${profile.id}, typical week of the quarter starting ${audit.referenceDate}`,
  );
  io.out(`\n${auditReport(audit, locale)}`);
  return 0;
}
