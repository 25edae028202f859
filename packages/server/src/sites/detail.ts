import { auditNetwork, auditSite } from '@rsp/core/charter.js';
import type { CharterProfile, NetworkAudit } from '@rsp/core/charter.js';
import type { SiteDetail } from '@rsp/core/client.js';
import { nextChange, openIntervals } from '@rsp/core/hours.js';
import type { Locale } from '@rsp/core/locale.js';
import type { Convention, Site } from '@rsp/core/schemas.js';
import { addDaysToDate, parisDate, parisOffsetMinutes, startOfParisDay } from '@rsp/core/time.js';
import type { CatalogSnapshot } from '../catalog.js';
import { networkFacts } from './facts.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** An instant written with its Paris offset, to the second: `2026-12-01T09:00:00+01:00`. */
export function parisInstant(date: Date): string {
  const offset = parisOffsetMinutes(date);
  const wall = new Date(date.getTime() + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall.toISOString().slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** What a detail page shows of the hours at an instant: open now, the next change and today's ranges. */
export function hoursAt(snapshot: CatalogSnapshot, site: Site, now: Date): SiteDetail['hours'] {
  const hours = networkFacts(snapshot).of(site).hours;
  if (!hours) return { openNow: null, nextChange: null, today: [] };
  const today = parisDate(now);
  const start = startOfParisDay(today);
  const end = startOfParisDay(addDaysToDate(today, 1));
  const next = nextChange(hours, now);
  return {
    openNow: networkFacts(snapshot).openAt(site, now) ?? null,
    nextChange: next ? parisInstant(next) : null,
    today: openIntervals(hours, start, end).map((i) => ({ start: parisInstant(i.start), end: parisInstant(i.end) })),
  };
}

/** Every convention of the snapshot (the audit's context). */
export function allConventions(snapshot: CatalogSnapshot): Convention[] {
  return [...snapshot.conventionsBySite.values()].flat();
}

/** A site's charter status against a profile, reasons in the request's language. */
export function siteCharter(snapshot: CatalogSnapshot, site: Site, profile: CharterProfile, now: Date, locale: Locale): SiteDetail['charter'] {
  const audit = auditSite(site, profile, {
    agencies: snapshot.agencies,
    conventions: snapshot.conventionsBySite.get(site.id) ?? [],
    referenceDate: now,
    locale,
  });
  return { profile: profile.id, id: audit.id, name: audit.name, status: audit.status, findings: audit.findings.map((f) => ({ ...f })) };
}

/** The network audits already computed, per snapshot: one per profile and language, for one reference day. */
const audits = new WeakMap<CatalogSnapshot, { day: string; byKey: Map<string, NetworkAudit> }>();

/**
 * The audit of every site of the snapshot against a profile, as
 * `auditNetwork` computes it (hours judged on the typical week of the quarter
 * starting with `now`'s week). Kept per snapshot, profile, language and day:
 * the network's audit only changes when its data or the day does.
 */
export function networkAudit(snapshot: CatalogSnapshot, profile: CharterProfile, now: Date, locale: Locale): NetworkAudit {
  const day = parisDate(now);
  let kept = audits.get(snapshot);
  if (kept?.day !== day) {
    kept = { day, byKey: new Map() };
    audits.set(snapshot, kept);
  }
  const key = `${profile.id}|${locale}`;
  let audit = kept.byKey.get(key);
  if (!audit) {
    audit = auditNetwork(snapshot.sites, profile, { agencies: snapshot.agencies, conventions: allConventions(snapshot), referenceDate: now, locale });
    kept.byKey.set(key, audit);
  }
  return audit;
}
