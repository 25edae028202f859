import { ApiEvaluationReport } from '@rsp/core/client.js';
import { evaluationReport, inPeriod, rspSatisfactionSurvey, weekThursday } from '@rsp/core/evaluation.js';
import type { Territory } from '@rsp/core/evaluation.js';
import type { Locale } from '@rsp/core/locale.js';
import { Id, IsoDate, WeeklyCount } from '@rsp/core/schemas.js';
import type { Site } from '@rsp/core/schemas.js';
import { addDaysToDate, daysBetween, isoWeek, parisDate, startOfIsoWeek, startOfParisDay } from '@rsp/core/time.js';
import { z } from 'zod';
import { endpoint, ok } from '../api/endpoint.js';
import type { AnyEndpoint } from '../api/endpoint.js';
import { ApiProblem } from '../api/problems.js';
import type { FieldProblem } from '../api/problems.js';
import { listWeeklyCounts, saveWeeklyCount } from '../db/counts.js';
import { listSurveyResponses } from '../db/surveys.js';
import { listVisioSessions } from '../db/visio-sessions.js';
import { networkTerritories } from '../territories.js';

/** Longest report period: two years, a 29 February included (days, both ends counted). */
export const MAX_REPORT_DAYS = 731;

/** The survey whose answers the evaluation report aggregates: the network's satisfaction questionnaire. */
export const REPORT_SURVEY = rspSatisfactionSurvey;

const words = (locale: Locale, fr: string, en: string): string => (locale === 'fr' ? fr : en);

const weekLabel = (date: string): string => {
  const { year, week } = isoWeek(date);
  return `${String(year)}-W${String(week).padStart(2, '0')}`;
};

/** Whether an ISO week `YYYY-Www` exists (`2025-W53` does not). */
function weekExists(week: string): boolean {
  try {
    weekThursday(week);
    return true;
  } catch {
    return false;
  }
}

const ReportQuery = z.strictObject({ from: IsoDate, to: IsoDate, territory: z.optional(Id) });

/**
 * `POST /api/counts` (a site's weekly count) and `GET /api/reports/evaluation`
 * (the coordinator's report), docs/api.md "Counts, reports, audit".
 *
 * **Territories.** The referential records no community of communes, so the
 * server derives the territories from the sites' addresses (see
 * `networkTerritories` in `src/territories.ts`): departments `dep-46` and
 * communes `commune-46128` (INSEE code). `territory` restricts the report to
 * that territory's sites; the report's `counts.byTerritory` breaks its scope
 * down one level: the whole network by department, a department by commune,
 * a commune as itself. An unknown territory is `404`.
 *
 * **What the report reads.** Stored weekly counts (by the Thursday of their
 * week), answers to the current version of `rsp-satisfaction` and visio
 * sessions (by their Paris date) in the period, from the sites of the
 * catalog in scope that have at least one of them: those are the report's
 * `sites` (`siteNames`, `surveyBySite`), so a national catalog does not fill
 * the report with thousands of silent sites. Calendar quarters; the default
 * suppression threshold (5). The server stores no avoided trips: `trips` is
 * the empty summary.
 */
export const evaluationEndpoints: readonly AnyEndpoint[] = [
  endpoint({
    method: 'POST',
    path: '/api/counts',
    tag: 'evaluation',
    summary: 'A site’s weekly count (mediator of that site, coordinator or admin); a second count of the same week replaces the first.',
    roles: ['mediator', 'coordinator', 'admin'],
    body: WeeklyCount,
    idempotency: 'optional',
    answers: {
      201: { description: 'The first count of this site and week, as stored', schema: WeeklyCount },
      200: { description: 'The count that replaced the previous one of this site and week', schema: WeeklyCount },
    },
    problems: [403, 422],
    async handle({ body, grant, db, catalog, services, locale }) {
      if (grant?.role === 'mediator' && grant.siteId !== body.siteId) {
        throw new ApiProblem('forbidden', {
          fr: `Votre jeton de médiateur est celui du site « ${grant.siteId ?? '?'} » : il ne permet pas d’envoyer les comptages du site « ${body.siteId} ».`,
          en: `Your mediator token is for the site "${grant.siteId ?? '?'}": it may not send the counts of the site "${body.siteId}".`,
        });
      }
      const errors: FieldProblem[] = [];
      if (!catalog.siteById.has(body.siteId)) errors.push({ path: 'siteId', message: words(locale, 'ne correspond à aucun site du réseau', 'matches no site of the network') });
      if (!weekExists(body.week)) {
        errors.push({ path: 'week', message: words(locale, `n’existe pas : l’année ${body.week.slice(0, 4)} n’a pas autant de semaines`, `does not exist: the year ${body.week.slice(0, 4)} has fewer weeks`) });
      } else {
        const monday = startOfIsoWeek(weekThursday(body.week));
        if (monday > parisDate(services.now())) errors.push({ path: 'week', message: words(locale, 'est une semaine à venir : envoyez le comptage une fois la semaine commencée', 'is a week to come: send the count once the week has begun') });
      }
      for (const agencyId of Object.keys(body.byAgency)) {
        if (!catalog.agencyById.has(agencyId)) errors.push({ path: `byAgency.${agencyId}`, message: words(locale, 'ne correspond à aucun partenaire du réseau', 'matches no partner of the network') });
      }
      if (errors.length > 0) throw new ApiProblem('invalid', { fr: 'Ce comptage ne peut pas être enregistré.', en: 'This count cannot be recorded.' }, { errors });
      const saved = await saveWeeklyCount(db, body, services.now());
      return ok(saved.count, saved.created ? 201 : 200);
    },
  }),
  endpoint({
    method: 'GET',
    path: '/api/reports/evaluation',
    tag: 'evaluation',
    summary: 'The evaluation report of a period (coordinator or admin), for the whole network or one territory (dep-46, commune-46128).',
    roles: ['coordinator', 'admin'],
    query: ReportQuery,
    answers: { 200: { description: 'The report, as evaluationReport() of @rsp/core/evaluation.js computes it', schema: ApiEvaluationReport } },
    problems: [400, 404],
    async handle({ query, db, catalog, locale }) {
      const { from, to } = query;
      if (from > to) {
        throw new ApiProblem(
          'bad-request',
          { fr: `La période commence (${from}) après sa fin (${to}).`, en: `The period starts (${from}) after it ends (${to}).` },
          { errors: [{ path: 'to', message: words(locale, 'doit être le même jour que « from » ou après', 'must be the same day as "from" or later') }] },
        );
      }
      if (daysBetween(from, to) + 1 > MAX_REPORT_DAYS) {
        throw new ApiProblem(
          'bad-request',
          { fr: 'Un rapport couvre au plus deux ans : raccourcissez la période.', en: 'A report covers two years at most: shorten the period.' },
          { errors: [{ path: 'to', message: words(locale, `doit être au plus ${String(MAX_REPORT_DAYS)} jours après le début, ce jour compris`, `must be at most ${String(MAX_REPORT_DAYS)} days from the start, that day included`) }] },
        );
      }
      const all = networkTerritories(catalog.sites);
      let scope: readonly Site[] = catalog.sites;
      let breakdown: readonly Territory[] = all.departments;
      if (query.territory !== undefined) {
        const territory = all.byId.get(query.territory);
        if (!territory) {
          throw new ApiProblem('not-found', {
            fr: `Le réseau n’a pas de territoire « ${query.territory} » (les territoires sont les départements, dep-46, et les communes, commune-46128, de ses sites).`,
            en: `The network has no territory "${query.territory}" (territories are the departments, dep-46, and communes, commune-46128, of its sites).`,
          });
        }
        const ids = new Set(territory.siteIds);
        scope = catalog.sites.filter((s) => ids.has(s.id));
        breakdown = territory.level === 'department' ? all.communes.filter((c) => c.siteIds.every((id) => ids.has(id))) : [territory];
      }
      const siteIds = query.territory === undefined ? undefined : scope.map((s) => s.id);
      const start = startOfParisDay(from);
      const end = startOfParisDay(addDaysToDate(to, 1));
      const period = { from, to };
      const [storedCounts, responses, sessions] = await Promise.all([
        listWeeklyCounts(db, { fromWeek: weekLabel(addDaysToDate(from, -7)), toWeek: weekLabel(addDaysToDate(to, 7)), ...(siteIds ? { siteIds } : {}) }),
        listSurveyResponses(db, { surveyId: REPORT_SURVEY.id, surveyVersion: REPORT_SURVEY.version, from: start, before: end, ...(siteIds ? { siteIds } : {}) }),
        listVisioSessions(db, { from: start, before: end, ...(siteIds ? { siteIds } : {}) }),
      ]);
      const counts = storedCounts.filter((c) => inPeriod(weekThursday(c.week), period));
      const active = new Set([...counts.map((c) => c.siteId), ...responses.map((r) => r.siteId), ...sessions.map((s) => s.siteId)]);
      const sites = scope.filter((s) => active.has(s.id));
      const report = evaluationReport({ period, counts, sites, territories: breakdown, survey: REPORT_SURVEY, responses, sessions });
      return ok(report, 200, { 'Cache-Control': 'no-store' });
    },
  }),
];
