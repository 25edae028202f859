import type { ServiceKind, WeeklyCount } from '../schemas/weekly-count.js';
import type { Period, Quarter, QuarterMode } from './period.js';
import { inPeriod, quarterOfDate, weekThursday } from './period.js';

/** A group of sites reported together (a community of communes, a valley…). */
export interface Territory {
  readonly id: string;
  readonly name: string;
  readonly siteIds: readonly string[];
}

/**
 * Sums of weekly grids. `acts` is the sum of every `byService` cell (one
 * person helped with two services counts twice): it is what the reports call
 * "procedures" (démarches), and what every share is a share of.
 */
export interface CountTotals {
  /** Site-weeks counted (one grid each). */
  readonly grids: number;
  readonly acts: number;
  /** People welcomed, summed over the grids that counted them. */
  readonly people: number;
  /** Grids that counted people (a grid may leave `people` out). */
  readonly gridsWithPeople: number;
  readonly byService: Readonly<Partial<Record<ServiceKind, number>>>;
  /** By agency id. */
  readonly byAgency: Readonly<Record<string, number>>;
}

/** Totals of one group (site, territory, agency, service kind) and its share of all acts. */
export interface GroupTotals {
  readonly id: string;
  readonly acts: number;
  /** `acts` over the acts of the whole selection, 0–1 (0 when nothing was counted). */
  readonly share: number;
}

/** Direction of a quarter against the previous one. */
export type TrendDirection = 'up' | 'down' | 'flat';

/** One quarter of the trend: totals, weekly average and change from the previous quarter. */
export interface QuarterTotals extends Quarter {
  readonly totals: CountTotals;
  /** Distinct ISO weeks with at least one grid in the quarter. */
  readonly weeks: number;
  /** Acts per counted week: quarters of different lengths (a partial last quarter) compare on this. */
  readonly actsPerWeek: number;
  /** Relative change of `actsPerWeek` from the previous quarter (0.1 = +10 %); absent for the first. */
  readonly change?: number;
  /** `up`/`down` when `change` is beyond the flat band, else `flat`; absent for the first quarter. */
  readonly direction?: TrendDirection;
}

/** Options of {@link aggregateCounts}. */
export interface CountOptions {
  /** Only grids whose week's Thursday is in this period. Default: all. */
  readonly period?: Period;
  /** How weeks map to quarters. Default: calendar quarters by Thursday. */
  readonly quarters?: QuarterMode;
  /** Territories to total; a site may be in none or several. Default: none. */
  readonly territories?: readonly Territory[];
  /** A change of the weekly average within ±this is `flat`. Default: 0.05 (5 %). */
  readonly flatBand?: number;
}

/** Weekly grids totalled overall, by quarter, site, territory, agency and service kind. */
export interface CountsSummary {
  readonly total: CountTotals;
  /** Sorted by quarter; grids of weeks before a project's start are left out here only. */
  readonly byQuarter: readonly QuarterTotals[];
  /** Sorted by acts, largest first (then by id). */
  readonly bySite: readonly (GroupTotals & { readonly totals: CountTotals })[];
  /** In the order given. */
  readonly byTerritory: readonly (GroupTotals & { readonly name: string; readonly siteIds: readonly string[]; readonly totals: CountTotals })[];
  /** Acts by agency, largest first. Shares are of the acts counted by agency. */
  readonly byAgency: readonly GroupTotals[];
  /** Acts by service kind, largest first. */
  readonly byService: readonly (GroupTotals & { readonly id: ServiceKind })[];
}

class Totaller {
  grids = 0;
  acts = 0;
  people = 0;
  gridsWithPeople = 0;
  byService: Partial<Record<ServiceKind, number>> = {};
  byAgency: Record<string, number> = {};

  add(count: WeeklyCount, services: readonly (readonly [ServiceKind, number])[], agencies: readonly (readonly [string, number])[]): void {
    this.grids += 1;
    if (count.people !== undefined) {
      this.people += count.people;
      this.gridsWithPeople += 1;
    }
    for (const [kind, n] of services) {
      this.acts += n;
      this.byService[kind] = (this.byService[kind] ?? 0) + n;
    }
    for (const [agency, n] of agencies) this.byAgency[agency] = (this.byAgency[agency] ?? 0) + n;
  }

  done(): CountTotals {
    const { grids, acts, people, gridsWithPeople, byService, byAgency } = this;
    return { grids, acts, people, gridsWithPeople, byService, byAgency };
  }
}

const share = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

const byActs = (a: GroupTotals, b: GroupTotals): number => b.acts - a.acts || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function entries<K extends string>(record: Readonly<Partial<Record<K, number>>>, whole: number): (GroupTotals & { id: K })[] {
  return (Object.entries(record) as [K, number][]).map(([id, acts]) => ({ id, acts, share: share(acts, whole) })).sort(byActs);
}

/**
 * Totals of weekly counting grids (grilles de comptage hebdomadaire) for a
 * period: overall, by quarter (with the trend from one quarter to the next,
 * on the weekly average so that a partial quarter compares fairly), by site,
 * by territory, by agency and by service kind.
 *
 * @example
 * aggregateCounts(grids, { quarters: { kind: 'project', start: '2008-10-06' } }).byQuarter.map((q) => q.direction)
 * // [undefined, 'down', 'up', 'up']
 */
export function aggregateCounts(counts: readonly WeeklyCount[], options: CountOptions = {}): CountsSummary {
  const { period, quarters = { kind: 'calendar' }, territories = [], flatBand = 0.05 } = options;
  const total = new Totaller();
  const sites = new Map<string, Totaller>();
  const byQuarter = new Map<string, { quarter: Quarter; totals: Totaller; weeks: Set<string> }>();
  const territoryTotals = territories.map(() => new Totaller());
  const territoriesOfSite = new Map<string, Totaller[]>();
  territories.forEach((territory, i) => {
    const totaller = territoryTotals[i];
    if (!totaller) return;
    for (const siteId of new Set(territory.siteIds)) {
      const list = territoriesOfSite.get(siteId) ?? [];
      list.push(totaller);
      territoriesOfSite.set(siteId, list);
    }
  });
  // Weeks repeat across sites: place each one once.
  const weeks = new Map<string, { inPeriod: boolean; quarter: Quarter | undefined }>();
  for (const count of counts) {
    let week = weeks.get(count.week);
    if (!week) {
      const thursday = weekThursday(count.week);
      weeks.set(count.week, (week = { inPeriod: inPeriod(thursday, period), quarter: quarterOfDate(thursday, quarters) }));
    }
    if (!week.inPeriod) continue;
    const services = (Object.entries(count.byService) as [ServiceKind, number | undefined][]).filter((e): e is [ServiceKind, number] => e[1] !== undefined);
    const agencies = Object.entries(count.byAgency);
    total.add(count, services, agencies);
    let site = sites.get(count.siteId);
    if (!site) sites.set(count.siteId, (site = new Totaller()));
    site.add(count, services, agencies);
    for (const territory of territoriesOfSite.get(count.siteId) ?? []) territory.add(count, services, agencies);
    const { quarter } = week;
    if (!quarter) continue;
    let entry = byQuarter.get(quarter.key);
    if (!entry) byQuarter.set(quarter.key, (entry = { quarter, totals: new Totaller(), weeks: new Set() }));
    entry.totals.add(count, services, agencies);
    entry.weeks.add(count.week);
  }
  const all = total.done();
  const quarterList: QuarterTotals[] = [];
  for (const { quarter, totals, weeks } of [...byQuarter.values()].sort((a, b) => a.quarter.index - b.quarter.index)) {
    const t = totals.done();
    const actsPerWeek = share(t.acts, weeks.size);
    const previous = quarterList.at(-1);
    if (!previous) {
      quarterList.push({ ...quarter, totals: t, weeks: weeks.size, actsPerWeek });
      continue;
    }
    const change = previous.actsPerWeek > 0 ? actsPerWeek / previous.actsPerWeek - 1 : actsPerWeek > 0 ? Infinity : 0;
    const direction: TrendDirection = change > flatBand ? 'up' : change < -flatBand ? 'down' : 'flat';
    quarterList.push({ ...quarter, totals: t, weeks: weeks.size, actsPerWeek, change, direction });
  }
  const siteList = [...sites].map(([id, t]) => {
    const totals = t.done();
    return { id, acts: totals.acts, share: share(totals.acts, all.acts), totals };
  });
  const territoryList = territories.map((territory, i) => {
    const totals = (territoryTotals[i] ?? new Totaller()).done();
    return { id: territory.id, name: territory.name, siteIds: territory.siteIds, acts: totals.acts, share: share(totals.acts, all.acts), totals };
  });
  const agencyActs = Object.values(all.byAgency).reduce((a, b) => a + b, 0);
  return {
    total: all,
    byQuarter: quarterList,
    bySite: siteList.sort(byActs),
    byTerritory: territoryList,
    byAgency: entries(all.byAgency, agencyActs),
    byService: entries(all.byService, all.acts),
  };
}
