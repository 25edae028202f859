import type { LocalizedText } from '../schemas/common.js';

/**
 * Who pays. `host` is the local authority hosting the site, `agency` the
 * partner agency, `coordinator` the department-level coordination; the others
 * are the seeds' co-funders (FEDER: the European regional fund).
 */
export type Funder = 'region' | 'state' | 'feder' | 'department' | 'agency' | 'host' | 'coordinator';

/** A funder's part of a cost, 0–1; the parts of one cost add up to 1. */
export interface FundingShare {
  readonly funder: Funder;
  readonly share: number;
}

/** One kind of equipment in a plan: its price, how many, who pays the purchase and the running costs. */
export interface CostItem {
  readonly id: string;
  readonly label: LocalizedText;
  /** Purchase price of one unit, euros. */
  readonly investment: number;
  readonly quantity: number;
  readonly investmentFunding: readonly FundingShare[];
  /** Running costs of one unit per year (internet, maintenance), euros. */
  readonly runningPerYear: number;
  readonly runningFunding: readonly FundingShare[];
}

/** A way to equip a network for the visio-guichet. */
export interface FinancingPlan {
  readonly id: string;
  readonly label: LocalizedText;
  readonly items: readonly CostItem[];
}

/** Euros over a number of years. */
export interface CostTotals {
  readonly investment: number;
  readonly running: number;
  readonly total: number;
}

/** A plan's cost over `years`: overall and by funder. */
export interface FinancingTotals extends CostTotals {
  readonly years: number;
  readonly byFunder: Readonly<Partial<Record<Funder, CostTotals>>>;
}

/** The seeds' split of a user kiosk's purchase: 25 % Region, 25 % State, 30 % FEDER, 20 % Department. */
export const USER_KIOSK_FUNDING: readonly FundingShare[] = [
  { funder: 'region', share: 0.25 },
  { funder: 'state', share: 0.25 },
  { funder: 'feder', share: 0.3 },
  { funder: 'department', share: 0.2 },
];

/** The seeds' split of an expert kiosk's purchase: 25 % Region, 25 % State, 30 % FEDER, 20 % the agency. */
export const EXPERT_KIOSK_FUNDING: readonly FundingShare[] = [
  { funder: 'region', share: 0.25 },
  { funder: 'state', share: 0.25 },
  { funder: 'feder', share: 0.3 },
  { funder: 'agency', share: 0.2 },
];

const only = (funder: Funder): readonly FundingShare[] => [{ funder, share: 1 }];

/** Quantities of a plan: sites equipped and agencies taking calls. */
export interface PlanSize {
  readonly sites: number;
  readonly agencies: number;
}

/**
 * The seeds' kiosk plan: a user kiosk per site (€12,000; running €1,500 a
 * year, paid by the host), an expert kiosk per agency (€9,500; running €1,200
 * a year, paid by the agency) and each agency's own visio station (about
 * €3,000, paid by the agency, no running cost of its own).
 */
export function kioskPlan(size: PlanSize): FinancingPlan {
  return {
    id: 'kiosks',
    label: { fr: 'Bornes visio (usager et expert)', en: 'Video kiosks (user and expert)' },
    items: [
      {
        id: 'user-kiosk',
        label: { fr: 'Borne usager', en: 'User kiosk' },
        investment: 12_000,
        quantity: size.sites,
        investmentFunding: USER_KIOSK_FUNDING,
        runningPerYear: 1_500,
        runningFunding: only('host'),
      },
      {
        id: 'expert-kiosk',
        label: { fr: 'Borne expert', en: 'Expert kiosk' },
        investment: 9_500,
        quantity: size.agencies,
        investmentFunding: EXPERT_KIOSK_FUNDING,
        runningPerYear: 1_200,
        runningFunding: only('agency'),
      },
      {
        id: 'agency-station',
        label: { fr: 'Poste visio de l’organisme', en: 'Agency video station' },
        investment: 3_000,
        quantity: size.agencies,
        investmentFunding: only('agency'),
        runningPerYear: 0,
        runningFunding: only('agency'),
      },
    ],
  };
}

/**
 * A browser-only peer-to-peer plan (no kiosks): a webcam and headset on an
 * existing computer at each site (€150, host) and at each agency (€100,
 * agency), and a self-hosted signalling and TURN server for the network
 * (€600 a year, coordinator). These prices are RSP Kit's estimates, not the
 * seeds'; pass your own with `prices`.
 */
export function peerToPeerPlan(size: PlanSize, prices: { readonly siteKit?: number; readonly agencyKit?: number; readonly serverPerYear?: number } = {}): FinancingPlan {
  const { siteKit = 150, agencyKit = 100, serverPerYear = 600 } = prices;
  return {
    id: 'peer-to-peer',
    label: { fr: 'Visio dans le navigateur (pair à pair)', en: 'Browser video (peer to peer)' },
    items: [
      {
        id: 'site-kit',
        label: { fr: 'Webcam et casque (site)', en: 'Webcam and headset (site)' },
        investment: siteKit,
        quantity: size.sites,
        investmentFunding: only('host'),
        runningPerYear: 0,
        runningFunding: only('host'),
      },
      {
        id: 'agency-kit',
        label: { fr: 'Webcam et casque (organisme)', en: 'Webcam and headset (agency)' },
        investment: agencyKit,
        quantity: size.agencies,
        investmentFunding: only('agency'),
        runningPerYear: 0,
        runningFunding: only('agency'),
      },
      {
        id: 'server',
        label: { fr: 'Serveur de signalisation et TURN', en: 'Signalling and TURN server' },
        investment: 0,
        quantity: 1,
        investmentFunding: only('coordinator'),
        runningPerYear: serverPerYear,
        runningFunding: only('coordinator'),
      },
    ],
  };
}

/**
 * A plan's cost over `years` (purchase once, running costs every year),
 * overall and by funder.
 *
 * @example
 * financingTotals(kioskPlan({ sites: 1, agencies: 0 }), 1).byFunder.feder // { investment: 3600, running: 0, total: 3600 }
 * @throws {RangeError} when `years` is negative or a cost's shares do not add up to 1.
 */
export function financingTotals(plan: FinancingPlan, years: number): FinancingTotals {
  if (!(years >= 0 && Number.isFinite(years))) throw new RangeError(`Invalid number of years: ${String(years)}`);
  const byFunder: Partial<Record<Funder, { investment: number; running: number; total: number }>> = {};
  const add = (funding: readonly FundingShare[], amount: number, key: 'investment' | 'running', item: string): void => {
    const sum = funding.reduce((s, f) => s + f.share, 0);
    if (Math.abs(sum - 1) > 1e-9) throw new RangeError(`Funding shares of ${item} add up to ${String(sum)}, not 1`);
    for (const { funder, share } of funding) {
      const entry = (byFunder[funder] ??= { investment: 0, running: 0, total: 0 });
      entry[key] += amount * share;
      entry.total += amount * share;
    }
  };
  let investment = 0;
  let running = 0;
  for (const item of plan.items) {
    const buy = item.investment * item.quantity;
    const run = item.runningPerYear * item.quantity * years;
    investment += buy;
    running += run;
    add(item.investmentFunding, buy, 'investment', item.id);
    add(item.runningFunding, run, 'running', item.id);
  }
  return { years, investment, running, total: investment + running, byFunder };
}

/**
 * Cost of one visio session: the plan's total over `years` divided by the
 * sessions held in that time.
 *
 * @example
 * costPerSession(kioskPlan({ sites: 9, agencies: 5 }), 1, 206) // ≈ 1,115 €
 * @throws {RangeError} when `sessions` is not a positive number.
 */
export function costPerSession(plan: FinancingPlan, years: number, sessions: number): number {
  if (!(sessions > 0 && Number.isFinite(sessions))) throw new RangeError(`Invalid number of sessions: ${String(sessions)}`);
  return financingTotals(plan, years).total / sessions;
}

/** Two plans side by side over the same years and sessions. */
export interface PlanComparison {
  readonly years: number;
  readonly sessions: number;
  readonly plans: readonly { readonly id: string; readonly totals: FinancingTotals; readonly costPerSession: number }[];
  /** The first plan's total minus the second's (what choosing the second saves). */
  readonly saving: number;
}

/**
 * Compares two plans (typically {@link kioskPlan} and {@link peerToPeerPlan}):
 * totals, cost per session and the saving.
 */
export function comparePlans(first: FinancingPlan, second: FinancingPlan, years: number, sessions: number): PlanComparison {
  const plans = [first, second].map((plan) => ({ id: plan.id, totals: financingTotals(plan, years), costPerSession: costPerSession(plan, years, sessions) }));
  const [a, b] = plans as [(typeof plans)[number], (typeof plans)[number]];
  return { years, sessions, plans, saving: a.totals.total - b.totals.total };
}
