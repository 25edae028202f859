import { parseArgs } from 'node:util';
import { typicalWeek } from '@rsp/core/charter.js';
import { safeParseOpeningHours, serializeOpeningHours } from '@rsp/core/hours.js';
import { frenchHoursToOsm } from '@rsp/core/import.js';
import { count, parseLang } from './format.js';
import type { CommandIo } from './io.js';
import { CliError } from './io.js';

export const hoursUsage = `rsp hours "TEXT" [--json] [--lang fr|en]
    Read opening hours written in French ("Lundi au vendredi 9h-12h", "Sur RDV : 14:00 - 17:00")
    or in OSM syntax, and print the OSM syntax, the weekly hours, the open days and what could
    not be read.`;

const dayNames = {
  fr: ['', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  en: ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
} as const;

/** `rsp hours`. */
export function hoursCommand(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, lang: { type: 'string' } } });
  const locale = parseLang(values.lang, 'hours');
  const text = positionals.join(' ').trim();
  if (text === '') throw new CliError(`rsp hours: give the hours to read, in quotes.\n${hoursUsage}`, 2);

  const direct = safeParseOpeningHours(text);
  let osm: string | undefined;
  let warnings: string[] = [];
  let source: 'osm' | 'french';
  if (direct.success) {
    source = 'osm';
    osm = serializeOpeningHours(direct.value);
  } else {
    source = 'french';
    const converted = frenchHoursToOsm(text);
    osm = converted.osm;
    warnings = [
      ...new Set([
        ...converted.repairs,
        ...converted.unconverted.map((part) => (locale === 'fr' ? `non converti : « ${part} »` : `not converted: "${part}"`)),
      ]),
    ];
    if (converted.status === 'unknown') warnings.push(locale === 'fr' ? 'le texte dit que les horaires ne sont pas connus' : 'the text says the hours are not known');
    if (converted.status === 'closed') {
      osm ??= 'off';
    }
    if (osm === undefined && converted.status !== 'unknown') {
      const syntax = direct.error;
      throw new CliError(
        locale === 'fr'
          ? `rsp hours : ni du français lisible ni la syntaxe OSM (position ${String(syntax.position)} : ${syntax.messageFr}).`
          : `rsp hours: neither readable French nor OSM syntax (position ${String(syntax.position)}: ${syntax.message}).`,
        1,
      );
    }
  }

  const parsed = osm === undefined ? undefined : safeParseOpeningHours(osm);
  const week = parsed?.success ? typicalWeek(parsed.value, new Date()) : undefined;
  if (values.json) {
    io.out(JSON.stringify({ input: text, source, osm: osm ?? null, weeklyHours: week?.hours ?? null, appointmentOnlyHours: week?.appointmentOnlyHours ?? null, openDays: week?.days ?? [], warnings }, null, 2));
    return Promise.resolve(0);
  }
  const fr = locale === 'fr';
  io.out(`OSM: ${osm ?? (fr ? '(aucun)' : '(none)')}`);
  if (week) {
    const days = week.days.map((d) => dayNames[locale][d]).join(', ');
    const appointments = week.appointmentOnlyHours > 0 ? (fr ? `, dont ${count(week.appointmentOnlyHours, locale)} h sur rendez-vous` : `, ${count(week.appointmentOnlyHours, locale)} h of them by appointment`) : '';
    io.out(fr ? `semaine type : ${count(week.hours, locale)} h${appointments}` : `typical week: ${count(week.hours, locale)} h${appointments}`);
    io.out(fr ? `jours d’ouverture (${String(week.days.length)}) : ${days || 'aucun'}` : `open days (${String(week.days.length)}): ${days || 'none'}`);
  }
  for (const warning of warnings) io.out(`${fr ? 'attention' : 'warning'}: ${warning}`);
  return Promise.resolve(0);
}
