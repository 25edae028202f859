import { safeParseOpeningHours, weekSummary } from '../hours/index.js';
import type { OpeningHours, WeekSummary } from '../hours/index.js';
import { parisDate } from '../time/index.js';
import type { Locale } from '../locale.js';
import { intlLocales } from '../locale.js';
import type { Agency, NationalPartner } from '../schemas/agency.js';
import type { Convention } from '../schemas/convention.js';
import type { Mediator } from '../schemas/mediator.js';
import type { Site } from '../schemas/site.js';
import type { CharterProfile, CharterRule } from './profile.js';

/** The outcome of a rule, or of a whole audit: met, not met, or unknown because data is missing. */
export type CharterStatus = 'met' | 'not-met' | 'unknown';

/** One rule's outcome for one site, with the reason in words a coordinator understands. */
export interface Finding {
  readonly rule: string;
  readonly status: CharterStatus;
  readonly reason: string;
}

/** A site's audit: its overall status and one finding per rule of the profile. */
export interface SiteAudit {
  readonly id: string;
  readonly name: string;
  readonly status: CharterStatus;
  readonly findings: readonly Finding[];
}

/** Counts of sites by status. */
export interface StatusCounts {
  met: number;
  notMet: number;
  unknown: number;
}

/** A network's audit: counts overall and per rule, and every site's findings. */
export interface NetworkAudit extends StatusCounts {
  readonly charter: string;
  /** The first day of the reference weeks, `YYYY-MM-DD`. */
  readonly referenceDate: string;
  readonly sites: number;
  readonly rules: Readonly<Record<string, StatusCounts>>;
  readonly results: readonly SiteAudit[];
}

/** What the audit knows besides the sites. Missing data gives `unknown`, never `not-met`. */
export interface AuditContext {
  readonly agencies?: readonly Agency[];
  readonly conventions?: readonly Convention[];
  readonly mediators?: readonly Mediator[];
  /**
   * Hours are judged on a typical week: the median of the 13 weeks (a quarter)
   * starting with the week of this date, public holidays not counted as
   * closures. Default: now.
   */
  readonly referenceDate?: Date;
  /** Language of the reasons; French by default. */
  readonly locale?: Locale;
}

/** `not-met` if any rule is not met, else `unknown` if any is unknown, else `met`. */
export function overallStatus(statuses: Iterable<CharterStatus>): CharterStatus {
  let unknown = false;
  for (const status of statuses) {
    if (status === 'not-met') return 'not-met';
    if (status === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : 'met';
}

const REFERENCE_WEEKS = 13;
const DAY_MS = 86_400_000;

/**
 * The typical week of opening hours: of the 13 weeks (a quarter) starting
 * with the week of `reference`, the one with the median number of hours,
 * public holidays not counted as closures. Hours that vary from week to week
 * (every other week, first Wednesday of the month, seasons) are judged as a
 * coordinator would: by an ordinary week, not the best or the worst.
 */
export function typicalWeek(hours: OpeningHours, reference: Date): WeekSummary {
  // Hours without week-dependent selectors (months, dates, week numbers, n-th weekdays) are the same every week.
  const varies = hours.rules.some((rule) => rule.monthdays !== undefined || rule.weeks !== undefined || rule.weekdays?.some((w) => w.type === 'nth'));
  const first = weekSummary(hours, reference, { holidays: 'none' });
  if (!varies) return first;
  const weeks = [
    first,
    ...Array.from({ length: REFERENCE_WEEKS - 1 }, (_, k) =>
      weekSummary(hours, new Date(reference.getTime() + (k + 1) * 7 * DAY_MS), { holidays: 'none' }),
    ),
  ].sort((a, b) => a.hours - b.hours);
  return weeks[Math.floor(weeks.length / 2)] ?? first;
}

/** The typical week of a site's hours, or why there is none. */
function siteWeek(site: Site, reference: Date): WeekSummary | { unknown: 'missing' | 'unreadable' } {
  if (site.openingHours === undefined) return { unknown: 'missing' };
  const parsed = safeParseOpeningHours(site.openingHours);
  if (!parsed.success) return { unknown: 'unreadable' };
  return typicalWeek(parsed.value, reference);
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();
/** One formatter per locale: creating an `Intl.NumberFormat` costs more than a whole rule check. */
function numberFormat(locale: Locale): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(intlLocales[locale], { maximumFractionDigits: 1 });
    numberFormats.set(locale, format);
  }
  return format;
}

const nationalPartnerNames: Record<NationalPartner, string> = {
  cnaf: 'CNAF (CAF)',
  cnam: 'CNAM (CPAM)',
  cnav: 'CNAV (retraite)',
  msa: 'MSA',
  'france-travail': 'France Travail',
  'la-poste': 'La Poste',
  dgfip: 'DGFiP',
  justice: 'Justice',
  'interieur-ants': 'Intérieur (ANTS)',
  'energie-info': 'Énergie Info',
  'agirc-arrco': 'Agirc-Arrco',
  urssaf: 'Urssaf',
};

const sectorNames: Record<Locale, Record<Agency['sector'], string>> = {
  fr: { social: 'social', 'employment-training': 'emploi-formation', other: 'autre' },
  en: { social: 'social', 'employment-training': 'employment-training', other: 'other' },
};

/** Everything a rule needs about one site, computed once. */
interface SiteFacts {
  site: Site;
  week: WeekSummary | { unknown: 'missing' | 'unreadable' } | undefined;
  partners: Agency[] | undefined;
  unknownAgencies: string[];
}

function check(rule: CharterRule, facts: SiteFacts, context: Required<Pick<AuditContext, 'locale'>> & { reference: Date }): Finding {
  const { site } = facts;
  const fr = context.locale === 'fr';
  const n = (value: number) => numberFormat(context.locale).format(value);
  const result = (status: CharterStatus, reason: string): Finding => ({ rule: rule.id, status, reason });

  switch (rule.check) {
    case 'weekly-hours':
    case 'open-days': {
      facts.week ??= siteWeek(site, context.reference);
      const week = facts.week;
      if ('unknown' in week) {
        if (week.unknown === 'missing') return result('unknown', fr ? 'horaires d’ouverture inconnus' : 'opening hours unknown');
        return result('unknown', fr ? 'horaires d’ouverture illisibles' : 'opening hours could not be read');
      }
      const byAppointment = week.appointmentOnlyHours > 0
        ? fr ? ` (dont ${n(week.appointmentOnlyHours)} h sur rendez-vous)` : ` (${n(week.appointmentOnlyHours)} h of them by appointment only)`
        : '';
      const open = fr
        ? `ouvert ${n(week.hours)} h par semaine sur ${n(week.days.length)} jour${week.days.length > 1 ? 's' : ''}${byAppointment}`
        : `open ${n(week.hours)} h a week over ${n(week.days.length)} day${week.days.length === 1 ? '' : 's'}${byAppointment}`;
      if (rule.check === 'weekly-hours') {
        const met = week.hours >= rule.minHours;
        return result(met ? 'met' : 'not-met', fr ? `${open} ; la charte demande au moins ${n(rule.minHours)} h` : `${open}; the charter asks for at least ${n(rule.minHours)} h`);
      }
      const met = week.days.length >= rule.minDays;
      return result(met ? 'met' : 'not-met', fr ? `${open} ; la charte demande au moins ${n(rule.minDays)} jours` : `${open}; the charter asks for at least ${n(rule.minDays)} days`);
    }

    case 'partner-sectors': {
      const partners = facts.partners;
      if (partners === undefined || (partners.length === 0 && facts.unknownAgencies.length === 0)) {
        return result('unknown', fr ? 'aucune convention de partenariat enregistrée' : 'no partner convention recorded');
      }
      const missing = rule.sectors.filter((sector) => !partners.some((p) => p.sector === sector));
      const list = partners.map((p) => `${p.name} (${sectorNames[context.locale][p.sector]})`).join(', ');
      if (missing.length === 0) return result('met', fr ? `partenaires : ${list}` : `partners: ${list}`);
      const names = missing.map((s) => sectorNames[context.locale][s]).join(fr ? ' ni ' : ' or ');
      if (facts.unknownAgencies.length > 0) {
        return result('unknown', fr
          ? `aucun partenaire connu du secteur ${names} ; organismes non décrits : ${facts.unknownAgencies.join(', ')}`
          : `no known partner of the ${names} sector; agencies not described: ${facts.unknownAgencies.join(', ')}`);
      }
      return result('not-met', fr
        ? `aucun partenaire du secteur ${names}${list ? ` (partenaires : ${list})` : ''}`
        : `no partner of the ${names} sector${list ? ` (partners: ${list})` : ''}`);
    }

    case 'equipment-count': {
      const count = site.equipment[rule.equipment];
      if (count === undefined) return result('unknown', fr ? 'nombre d’ordinateurs connectés en haut débit inconnu' : 'number of broadband computers unknown');
      const text = fr
        ? `${n(count)} ordinateur${count > 1 ? 's' : ''} connecté${count > 1 ? 's' : ''} en haut débit`
        : `${n(count)} broadband computer${count === 1 ? '' : 's'}`;
      return result(count >= rule.min ? 'met' : 'not-met', fr ? `${text} ; la charte en demande au moins ${n(rule.min)}` : `${text}; the charter asks for at least ${n(rule.min)}`);
    }

    case 'site-feature': {
      const value = rule.feature === 'confidentialSpace' ? site.confidentialSpace : site.equipment[rule.feature.slice('equipment.'.length) as 'scanner' | 'printer' | 'visioStation'];
      const what = {
        confidentialSpace: fr ? 'un espace d’accueil confidentiel et bien identifié' : 'a confidential, well-identified reception space',
        'equipment.scanner': fr ? 'un scanner' : 'a scanner',
        'equipment.printer': fr ? 'une imprimante' : 'a printer',
        'equipment.visioStation': fr ? 'un poste de visio-guichet' : 'a visio-guichet station',
      }[rule.feature];
      if (value === undefined) return result('unknown', fr ? `on ne sait pas si le site a ${what}` : `not known whether the site has ${what}`);
      return value ? result('met', fr ? `le site a ${what}` : `the site has ${what}`) : result('not-met', fr ? `le site n’a pas ${what}` : `the site does not have ${what}`);
    }

    case 'advisers': {
      const mediators = facts.site.mediatorIds.length;
      const count = site.advisers ?? (mediators > 0 ? mediators : undefined);
      if (count === undefined) return result('unknown', fr ? 'nombre de conseillers formés inconnu' : 'number of trained advisers unknown');
      const text = fr ? `${n(count)} conseiller${count > 1 ? 's' : ''} formé${count > 1 ? 's' : ''}` : `${n(count)} trained adviser${count === 1 ? '' : 's'}`;
      return result(count >= rule.min ? 'met' : 'not-met', fr ? `${text} ; la charte en demande au moins ${n(rule.min)}` : `${text}; the charter asks for at least ${n(rule.min)}`);
    }

    case 'national-partners': {
      const partners = facts.partners;
      if (partners === undefined || (partners.length === 0 && facts.unknownAgencies.length === 0)) {
        return result('unknown', fr ? 'aucune convention de partenariat enregistrée' : 'no partner convention recorded');
      }
      const present = new Set(partners.map((p) => p.nationalPartner));
      const missing = rule.partners.filter((p) => !present.has(p)).map((p) => nationalPartnerNames[p]);
      if (missing.length === 0) return result('met', fr ? `les ${n(rule.partners.length)} partenaires nationaux sont présents` : `all ${n(rule.partners.length)} national partners are present`);
      const status = facts.unknownAgencies.length > 0 ? 'unknown' : 'not-met';
      return result(status, fr ? `partenaires nationaux manquants : ${missing.join(', ')}` : `national partners missing: ${missing.join(', ')}`);
    }
  }
}

/** Index of the context, built once per network audit. */
interface ContextIndex {
  agencies: Map<string, Agency>;
  conventionsBySite: Map<string, Convention[]> | undefined;
}

function indexContext(context: AuditContext): ContextIndex {
  const agencies = new Map((context.agencies ?? []).map((a) => [a.id, a]));
  let conventionsBySite: Map<string, Convention[]> | undefined;
  if (context.conventions) {
    conventionsBySite = new Map();
    for (const convention of context.conventions) {
      const list = conventionsBySite.get(convention.siteId) ?? [];
      list.push(convention);
      conventionsBySite.set(convention.siteId, list);
    }
  }
  return { agencies, conventionsBySite };
}

function auditWithIndex(site: Site, profile: CharterProfile, index: ContextIndex, locale: Locale, reference: Date): SiteAudit {
  const conventions = index.conventionsBySite?.get(site.id);
  const partners: Agency[] = [];
  const unknownAgencies: string[] = [];
  for (const convention of conventions ?? []) {
    const agency = index.agencies.get(convention.agencyId);
    if (agency) partners.push(agency);
    else unknownAgencies.push(convention.agencyId);
  }
  const facts: SiteFacts = { site, week: undefined, partners: conventions ? partners : undefined, unknownAgencies };
  const findings = profile.rules.map((rule) => check(rule, facts, { locale, reference }));
  return { id: site.id, name: site.name, status: overallStatus(findings.map((f) => f.status)), findings };
}

/** Audits one site against a charter profile. */
export function auditSite(site: Site, profile: CharterProfile, context: AuditContext = {}): SiteAudit {
  return auditWithIndex(site, profile, indexContext(context), context.locale ?? 'fr', context.referenceDate ?? new Date());
}

/** Audits every site of a network against a charter profile, with counts overall and per rule. */
export function auditNetwork(sites: readonly Site[], profile: CharterProfile, context: AuditContext = {}): NetworkAudit {
  const index = indexContext(context);
  const locale = context.locale ?? 'fr';
  const reference = context.referenceDate ?? new Date();
  const rules: Record<string, StatusCounts> = Object.fromEntries(profile.rules.map((r) => [r.id, { met: 0, notMet: 0, unknown: 0 }]));
  const totals: StatusCounts = { met: 0, notMet: 0, unknown: 0 };
  const tally = (counts: StatusCounts, status: CharterStatus) => {
    if (status === 'met') counts.met += 1;
    else if (status === 'not-met') counts.notMet += 1;
    else counts.unknown += 1;
  };
  const results = sites.map((site) => {
    const audit = auditWithIndex(site, profile, index, locale, reference);
    tally(totals, audit.status);
    for (const finding of audit.findings) {
      const counts = rules[finding.rule];
      if (counts) tally(counts, finding.status);
    }
    return audit;
  });
  return {
    charter: profile.id,
    referenceDate: parisDate(reference),
    sites: sites.length,
    ...totals,
    rules,
    results,
  };
}
