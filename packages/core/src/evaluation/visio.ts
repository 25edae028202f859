import type { VisioOutcome, VisioSession } from '../schemas/visio.js';
import { parisDate } from '../time/index.js';
import type { Period } from './period.js';
import { inPeriod } from './period.js';

/** Sessions of one agency or site and their share of the sessions held. */
export interface VisioGroup {
  readonly id: string;
  readonly sessions: number;
  /** 0–1, of the sessions held. */
  readonly share: number;
}

/** Visio-guichet activity over a period. */
export interface VisioStats {
  /** Sessions requested in the period (by `requestedAt`, Paris date). */
  readonly requested: number;
  /** Sessions that took place: started, and not recorded as abandoned. Every share is of these. */
  readonly held: number;
  /** By agency, most sessions first (then by id). */
  readonly byAgency: readonly VisioGroup[];
  /** By site, most sessions first. */
  readonly bySite: readonly VisioGroup[];
  /** Held sessions by recorded outcome (sessions with no outcome are not counted here). */
  readonly byOutcome: Readonly<Partial<Record<VisioOutcome, number>>>;
  /** Mean duration in minutes of the held sessions that have an end, when any. */
  readonly meanMinutes?: number;
}

function groups(counts: Map<string, number>, held: number): VisioGroup[] {
  return [...counts]
    .map(([id, sessions]) => ({ id, sessions, share: held > 0 ? sessions / held : 0 }))
    .sort((a, b) => b.sessions - a.sessions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Visio-guichet sessions per agency and site, with each one's share.
 *
 * @example
 * visioStats(sessions).byAgency[0] // { id: 'cram', sessions: 126, share: 0.73 }
 */
export function visioStats(sessions: readonly VisioSession[], options: { readonly period?: Period } = {}): VisioStats {
  let requested = 0;
  let held = 0;
  let minutes = 0;
  let timed = 0;
  const agencies = new Map<string, number>();
  const sites = new Map<string, number>();
  const byOutcome: Partial<Record<VisioOutcome, number>> = {};
  for (const session of sessions) {
    if (!inPeriod(parisDate(new Date(session.requestedAt)), options.period)) continue;
    requested += 1;
    if (session.startedAt === undefined || session.outcome === 'abandoned') continue;
    held += 1;
    agencies.set(session.agencyId, (agencies.get(session.agencyId) ?? 0) + 1);
    sites.set(session.siteId, (sites.get(session.siteId) ?? 0) + 1);
    if (session.outcome) byOutcome[session.outcome] = (byOutcome[session.outcome] ?? 0) + 1;
    if (session.endedAt) {
      minutes += (Date.parse(session.endedAt) - Date.parse(session.startedAt)) / 60_000;
      timed += 1;
    }
  }
  const stats = { requested, held, byAgency: groups(agencies, held), bySite: groups(sites, held), byOutcome };
  return timed > 0 ? { ...stats, meanMinutes: minutes / timed } : stats;
}
